with source as (
    select * from {{ source('events', 'guests') }}
),

typed as (
    select
        nullif(trim(api_id), '') as guest_id,
        replace({{ dbt.split_part('_file_name', "'/'", 3) }}, '.csv', '') as event_id,
        {{ clean_email('email') }} as email,
        nullif(trim(first_name), '') as first_name,
        nullif(trim(last_name), '') as last_name,
        {{ parse_timestamp('created_at') }} as registered_at,
        lower(nullif(trim(approval_status), '')) as approval_status,
        {{ parse_timestamp('checked_in_at') }} as checked_in_at,
        {{ dbt.safe_cast("replace(trim(amount), ',', '')", dbt.type_numeric()) }} as amount_paid,
        lower(nullif(trim(currency), '')) as currency,
        nullif(trim(coupon_code), '') as coupon_code,
        nullif(trim(ticket_name), '') as ticket_name,
        nullif(trim({{ adapter.quote("What's your role?") }}), '') as stated_role,
        nullif(trim({{ adapter.quote('How did you hear about us?') }}), '') as heard_about_us,
        nullif(trim(created_at), '') as registered_at_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('event_guest', 'guest_id'), ('email', 'email')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when guest_id is null then 'missing api_id'
            when email is null then 'missing email'
            when registered_at is null then 'missing or unparseable created_at'
            {{- implausible_time_reasons(['registered_at', 'checked_in_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        guest_id,
        event_id,
        email,
        first_name,
        last_name,
        registered_at,
        approval_status,
        checked_in_at,
        amount_paid,
        currency,
        coupon_code,
        ticket_name,
        stated_role,
        heard_about_us,
        registered_at_text,
        {{ base_disposition_columns('guest_id', '_file_name') }}
    from quarantine_text
)

select * from final
