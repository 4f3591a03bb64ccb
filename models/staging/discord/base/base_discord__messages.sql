{#
    Every message of every export file (the `messages` array, one row per element), typed. A message in
    two files (overlapping exports) is a duplicate; the copy in the latest export is staged. Unnested
    from base_discord__channel_exports, which holds each file's messages, rather than from the files.
#}
with exports as (
    select * from {{ ref('base_discord__channel_exports') }}
),

messages as (
    select
        channel_id,
        exported_at,
        _file_name,
        {{ explode_array('messages') }} as message
    from exports
),

typed as (
    select
        message.id as message_id,
        channel_id,
        message.type as message_type,
        message.timestamp as sent_at_text,
        {{ parse_timestamp('message.timestamp') }} as sent_at,
        {{ parse_timestamp('message.timestampEdited') }} as edited_at,
        coalesce({{ dbt.safe_cast('message.isPinned', dbt.type_boolean()) }}, false) as is_pinned,
        message.content as content,
        message.author.id as author_id,
        message.author.name as author_username,
        nullif(trim(message.author.nickname), '') as author_nickname,
        coalesce({{ dbt.safe_cast('message.author.isBot', dbt.type_boolean()) }}, false) as author_is_bot,
        message.reference.messageId as reference_message_id,
        message.reactions as reactions,
        exported_at,
        _file_name,
        message as _raw_record
    from messages
),

validated as (
    select
        *,
        case
            when message_id is null then 'missing id'
            when sent_at is null then 'missing or unparseable timestamp'
            when author_id is null then 'missing author.id'
            when channel_id is null then 'file has no channel.id'
            {{- implausible_time_reasons(['sent_at', 'edited_at']) }}
        end as _quarantine_reason
    from typed
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        message_id,
        channel_id,
        message_type,
        sent_at_text,
        sent_at,
        edited_at,
        is_pinned,
        content,
        author_id,
        author_username,
        author_nickname,
        author_is_bot,
        reference_message_id,
        reactions,
        exported_at,
        {{ base_disposition_columns('message_id', 'exported_at desc nulls last, _file_name asc') }}
    from quarantine_text
)

select * from final
