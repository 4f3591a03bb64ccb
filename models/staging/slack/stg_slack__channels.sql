with base as (
    {{ staged_rows(ref('base_slack__channels')) }}
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
