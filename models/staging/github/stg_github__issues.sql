with base as (
    {{ staged_rows(ref('base_github__issue')) }}
),

final as (
    select
        issue_id,
        issue_number,
        repository_id,
        author_id,
        title,
        state,
        is_pull_request,
        is_locked,
        created_at,
        closed_at,
        updated_at,
        fivetran_synced_at
    from base
)

select * from final
