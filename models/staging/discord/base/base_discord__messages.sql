{#
    Every message of every export file (the `messages` array, one row per element), typed. A message in
    two files (overlapping exports) is a duplicate; the copy in the latest export is staged. Unnested
    from the raw exports rather than from base_discord__channel_exports: a message must stay a row of
    its own here even when its channel's file is quarantined, and when its author's erasure was
    requested it becomes a tombstone here, leaving the other messages of the file as they are.
#}
with source as (
    select * from {{ source('discord', 'channel_exports') }}
),

exports as (
    select
        channel.id as channel_id,
        {{ parse_timestamp('exportedAt') }} as exported_at,
        messages,
        _file_name
    from source
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
        -- Mentions of and reactions by an erased person lose the reference (macros/staging/erasure.sql).
        {{ text_without_erased_mentions('discord_user', 'message.content', "'<@!?([0-9]+)>'") }} as content,
        message.author.id as author_id,
        message.author.name as author_username,
        nullif(trim(message.author.nickname), '') as author_nickname,
        coalesce({{ dbt.safe_cast('message.author.isBot', dbt.type_boolean()) }}, false) as author_is_bot,
        message.reference.messageId as reference_message_id,
        {% if erasure_hashes() -%}
            {{ array_transform('message.reactions', 'r', adapter.dispatch('struct_of', 'community_warehouse')([
                ('emoji', 'r.emoji'),
                ('count', 'r.count'),
                ('users', array_without_erased('discord_user', 'r.users', 'u', 'u.id')),
            ])) }}
        {%- else -%}
            message.reactions
        {%- endif %} as reactions,
        exported_at,
        _file_name,
        message as _raw_record
    from messages
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('discord_user', 'author_id'), ('discord_username', 'author_username')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when message_id is null then 'missing id'
            when sent_at is null then 'missing or unparseable timestamp'
            when author_id is null then 'missing author.id'
            when channel_id is null then 'file has no channel.id'
            {{- implausible_time_reasons(['sent_at', 'edited_at']) }}
        end as _quarantine_reason
    from erasure_applied
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
