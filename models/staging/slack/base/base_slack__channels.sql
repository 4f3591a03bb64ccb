with source as (
    select * from {{ source('slack', 'channels') }}
),

typed as (
    select
        id as channel_id,
        name as channel_name,
        {{ epoch_seconds_to_timestamp('created') }} as created_at,
        creator as creator_user_id,
        coalesce({{ dbt.safe_cast('is_archived', dbt.type_boolean()) }}, false) as is_archived,
        coalesce({{ dbt.safe_cast('is_general', dbt.type_boolean()) }}, false) as is_general,
        nullif(topic.value, '') as topic,
        nullif(purpose.value, '') as purpose,
        {{ array_size('members') }} as member_count,
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
            when channel_id is null or channel_id = '' then 'missing id'
            when channel_name is null or channel_name = '' then 'missing name'
            {{- implausible_time_reasons(['created_at']) }}
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
        created_at,
        creator_user_id,
        is_archived,
        is_general,
        topic,
        purpose,
        member_count,
        {{ base_disposition_columns('channel_id', '_file_name') }}
    from quarantine_text
)

select * from final
