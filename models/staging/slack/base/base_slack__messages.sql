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
        text as message_text,
        thread_ts,
        parent_user_id,
        {{ dbt.safe_cast('reply_count', dbt.type_int()) }} as reply_count,
        {{ epoch_seconds_to_timestamp('ts') }} as sent_at,
        {{ epoch_seconds_to_timestamp('edited.ts') }} as edited_at,
        reactions,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

validated as (
    select
        *,
        case
            when _parse_error is not null then _parse_error
            when message_ts is null then 'missing ts'
            when sent_at is null then 'unparseable ts'
            when channel_name is null or channel_name = '' then 'file is not inside a channel folder'
            {{- implausible_time_reasons(['sent_at', 'edited_at']) }}
        end as _quarantine_reason
    from typed
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
