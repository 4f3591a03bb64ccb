{#
    Every conversation the community starts (a chat message and its thread, a forum topic, an issue
    or pull request), with what it drew. Conversations started by bots are left out.
#}
with conversations as (
    select * from {{ ref('int_community__conversations') }}
    where not is_bot
),

final as (
    select
        conversation_id,
        platform,
        activity_type as content_type,
        channel_name,
        content_id,
        member_id as author_member_id,
        is_staff as is_started_by_staff,
        started_at,
        is_question,
        replies,
        unique_participants,
        reactions,
        first_response_at,
        hours_to_first_response,
        is_first_response_by_staff,
        has_accepted_answer
    from conversations
)

select * from final
