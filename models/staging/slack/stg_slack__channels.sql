with base as (
    select * from {{ ref('base_slack__channels') }}
    where _quarantine_reason is null and not _is_duplicate
),

final as (
    select
        channel_id,
        channel_name,
        created_at,
        creator_user_id,
        is_archived,
        is_general,
        topic,
        purpose,
        member_count
    from base
)

select * from final
