with source as (
    select * from {{ source('web', 'identifies') }}
),

typed as (
    select
        nullif(trim(id), '') as identify_id,
        nullif(trim(anonymous_id), '') as anonymous_id,
        nullif(trim(user_id), '') as user_id,
        {{ clean_email('email') }} as email,
        {{ parse_timestamp('timestamp') }} as identified_at,
        {{ parse_timestamp('received_at') }} as received_at,
        nullif(trim(timestamp), '') as identified_at_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('web_anonymous_id', 'anonymous_id'), ('email', 'email')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when identify_id is null then 'missing id'
            when anonymous_id is null and user_id is null then 'no anonymous_id or user_id'
            when identified_at_text is null or identified_at is null then 'missing or unparseable timestamp'
            {{- implausible_time_reasons(['identified_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        identify_id,
        anonymous_id,
        user_id,
        email,
        identified_at,
        received_at,
        identified_at_text,
        {{ base_disposition_columns('identify_id', 'received_at asc, _file_name asc') }}
    from quarantine_text
)

select * from final
