with source as (
    select * from {{ source('discord', 'channel_exports') }}
),

typed as (
    select
        channel.id as channel_id,
        nullif(trim(channel.name), '') as channel_name,
        nullif(trim(channel.category), '') as category_name,
        channel.type as channel_type,
        nullif(trim(channel.topic), '') as channel_topic,
        guild.id as guild_id,
        guild.name as guild_name,
        {{ parse_timestamp('exportedAt') }} as exported_at,
        {{ dbt.safe_cast('messageCount', dbt.type_int()) }} as message_count,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- No column here says whose record a row is: nothing to erase (macros/staging/erasure.sql).
    {{ erase_requested('typed', []) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when channel_id is null then 'missing channel.id'
            when channel_name is null then 'missing channel.name'
            {{- implausible_time_reasons(['exported_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        channel_id,
        channel_name,
        category_name,
        channel_type,
        channel_topic,
        guild_id,
        guild_name,
        exported_at,
        message_count,
        {{ base_disposition_columns('channel_id', 'exported_at desc nulls last, _file_name asc') }}
    from quarantine_text
)

select * from final
