with source as (
    select * from {{ source('events', 'events') }}
),

typed as (
    select
        nullif(trim(id), '') as event_id,
        nullif(trim(name), '') as event_name,
        {{ parse_timestamp('start_at') }} as starts_at,
        {{ parse_timestamp('end_at') }} as ends_at,
        nullif(trim(timezone), '') as timezone,
        lower(nullif(trim(format), '')) as event_format,
        nullif(trim(city), '') as city,
        {{ dbt.safe_cast("replace(trim(cost), ',', '')", dbt.type_numeric()) }} as cost_usd,
        nullif(trim(start_at), '') as starts_at_text,
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
            when event_id is null then 'missing id'
            when starts_at is null then 'missing or unparseable start_at'
            when cost_usd < 0 then 'negative cost'
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        event_id,
        event_name,
        starts_at,
        ends_at,
        timezone,
        event_format,
        city,
        cost_usd,
        starts_at_text,
        {{ base_disposition_columns('event_id', '_file_name') }}
    from quarantine_text
)

select * from final
