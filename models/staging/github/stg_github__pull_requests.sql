with base as (
    {{ staged_rows(ref('base_github__pull_request')) }}
),

final as (
    select
        pull_request_id,
        issue_id,
        base_repository_id,
        head_repository_id,
        base_ref,
        head_ref,
        head_user_id,
        merge_commit_sha,
        fivetran_synced_at
    from base
)

select * from final
