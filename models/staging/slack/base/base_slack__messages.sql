{#
    Every record of every day file, typed, with the reason it cannot be staged (null when it can).
    stg_slack__messages keeps the valid rows; stg_quarantine__records keeps the others.
#}
with source as (
    select * from {{ source('slack', 'messages') }}
),

typed as (
    select
        {{ dbt.split_part('_file_name', "'/'", 2) }} as channel_name,
        ts as message_ts,
        -- Legacy `file_comment` posts name their author only inside `comment`.
        coalesce({{ adapter.quote('user') }}, comment.user) as user_id,
        bot_id,
        app_id,
        username as bot_username,
        type as message_type,
        subtype as message_subtype,
        -- Mentions of, replies to and reactions by an erased person lose the reference (macros/staging/erasure.sql).
        {{ text_without_erased_mentions('slack_user', 'text', "'<@([A-Z0-9]+)'") }} as message_text,
        thread_ts,
        {{ unless_erased('slack_user', 'parent_user_id') }} as parent_user_id,
        {{ dbt.safe_cast('reply_count', dbt.type_int()) }} as reply_count,
        {{ epoch_seconds_to_timestamp('ts') }} as sent_at,
        {{ epoch_seconds_to_timestamp('edited.ts') }} as edited_at,
        {% if erasure_hashes() -%}
            {{ array_transform('reactions', 'r', adapter.dispatch('struct_of', 'community_warehouse')([
                ('name', 'r.name'),
                ('users', array_without_erased('slack_user', 'r.users', 'u')),
                ('count', 'r.count'),
            ])) }}
        {%- else -%}
            reactions
        {%- endif %} as reactions,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('slack_user', 'user_id')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when message_ts is null then 'missing ts'
            when sent_at is null then 'unparseable ts'
            when channel_name is null or channel_name = '' then 'file is not inside a channel folder'
            {{- implausible_time_reasons(['sent_at', 'edited_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        channel_name,
        message_ts,
        user_id,
        bot_id,
        app_id,
        bot_username,
        message_type,
        message_subtype,
        message_text,
        thread_ts,
        parent_user_id,
        reply_count,
        sent_at,
        edited_at,
        reactions,
        {{ base_disposition_columns('channel_name, message_ts', '_file_name') }}
    from quarantine_text
)

select * from final
