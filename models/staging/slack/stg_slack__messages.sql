with base as (
    {{ staged_rows(ref('base_slack__messages')) }}
),

final as (
    select
        {{ dbt.concat(['channel_name', "'/'", 'message_ts']) }} as message_id,
        channel_name,
        message_ts,
        user_id,
        bot_id,
        app_id,
        bot_username,
        message_subtype,
        message_text,
        thread_ts,
        case
            when thread_ts is not null and thread_ts <> message_ts
                then {{ dbt.concat(['channel_name', "'/'", 'thread_ts']) }}
        end as parent_message_id,
        parent_user_id,
        coalesce(reply_count, 0) as reply_count,
        sent_at,
        edited_at,
        thread_ts is not null and thread_ts = message_ts as is_thread_parent,
        thread_ts is not null and thread_ts <> message_ts as is_thread_reply,
        edited_at is not null as is_edited,
        coalesce(message_subtype = 'bot_message' or bot_id is not null, false) as is_bot_message,
        -- Posts are messages with no subtype, the subtypes that are still something someone wrote, and
        -- bot posts. Everything else (channel_join, channel_topic, bot_add, pinned_item, tombstone, …) is
        -- a system event, not something a member did.
        coalesce(message_subtype, '') not in (
            '', 'thread_broadcast', 'file_share', 'file_comment', 'me_message', 'bot_message'
        ) as is_system_event,
        _file_name
    from base
)

select * from final
