with base as (
    {{ staged_rows(ref('base_github__pull_request_review')) }}
),

final as (
    select
        review_id,
        pull_request_id,
        reviewer_id,
        review_state,
        submitted_at,
        fivetran_synced_at
    from base
)

select * from final
