with base as (
    {{ staged_rows(ref('base_salesforce__user')) }}
),

final as (
    select
        user_id,
        user_name,
        email,
        title,
        is_active,
        is_deleted,
        fivetran_synced_at
    from base
)

select * from final
