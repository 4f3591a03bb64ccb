with base as (
    {{ staged_rows(ref('base_github__issue_comment')) }}
),

final as (
    select
        issue_comment_id,
        issue_id,
        author_id,
        created_at,
        updated_at,
        fivetran_synced_at
    from base
)

select * from final
