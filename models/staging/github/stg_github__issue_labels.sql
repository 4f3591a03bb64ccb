with base as (
    {{ staged_rows(ref('base_github__issue_label')) }}
),

final as (
    select
        issue_id,
        label_id,
        fivetran_synced_at
    from base
)

select * from final
