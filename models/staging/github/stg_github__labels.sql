with base as (
    {{ staged_rows(ref('base_github__label')) }}
),

final as (
    select
        label_id,
        label_name,
        color,
        description,
        is_default,
        fivetran_synced_at
    from base
)

select * from final
