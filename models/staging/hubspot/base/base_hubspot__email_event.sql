with source as (
    select * from {{ source('hubspot', 'email_event') }}
),

typed as (
    select
        nullif(trim(id), '') as email_event_id,
        upper(nullif(trim(type), '')) as event_type,
        {{ parse_timestamp('created') }} as occurred_at,
        {{ clean_email('recipient') }} as recipient_email,
        {{ dbt.safe_cast('email_campaign_id', dbt.type_bigint()) }} as email_campaign_id,
        {{ dbt.safe_cast('portal_id', dbt.type_bigint()) }} as portal_id,
        coalesce({{ dbt.safe_cast('filtered_event', dbt.type_boolean()) }}, false) as is_filtered,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(created), '') as occurred_at_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('email', 'recipient_email')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when email_event_id is null then 'missing id'
            when occurred_at_text is null or occurred_at is null then 'missing or unparseable created'
            {{- implausible_time_reasons(['occurred_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        email_event_id,
        event_type,
        occurred_at,
        recipient_email,
        email_campaign_id,
        portal_id,
        is_filtered,
        fivetran_synced_at,
        occurred_at_text,
        {{ base_disposition_columns('email_event_id') }}
    from quarantine_text
)

select * from final
