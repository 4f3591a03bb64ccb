with base as (
    {{ staged_rows(ref('base_discord__messages')) }}
),

final as (
    select
        message_id,
        channel_id,
        message_type,
        sent_at,
        edited_at,
        content,
        author_id,
        reference_message_id,
        case when message_type = 'Reply' then reference_message_id end as parent_message_id,
        message_type = 'Reply' as is_reply,
        edited_at is not null as is_edited,
        is_pinned,
        author_is_bot as is_bot_message,
        -- Default messages and replies are things people wrote; joins, pins, boosts and the like are system events.
        coalesce(message_type, '') not in ('Default', 'Reply', 'ThreadStarterMessage') as is_system_event
    from base
)

select * from final
