with base as (
    {{ staged_rows(ref('base_github__issue_merged')) }}
),

final as (
    select
        issue_id,
        merged_at,
        merged_by_id,
        commit_sha,
        fivetran_synced_at
    from base
)

select * from final
