with source as (
    select * from {{ source('hubspot', 'contact_form_submission') }}
),

typed as (
    select
        {{ dbt.safe_cast('contact_id', dbt.type_bigint()) }} as contact_id,
        nullif(trim(conversion_id), '') as conversion_id,
        {{ parse_timestamp('timestamp') }} as submitted_at,
        nullif(trim(form_id), '') as form_id,
        nullif(trim(title), '') as form_title,
        nullif(trim(page_id), '') as page_id,
        nullif(trim(page_url), '') as page_url,
        {{ dbt.safe_cast('portal_id', dbt.type_bigint()) }} as portal_id,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(timestamp), '') as submitted_at_text,
        nullif(trim(contact_id), '') as contact_id_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('hubspot_contact', 'contact_id')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when contact_id is null then 'missing or non-integer contact_id'
            when conversion_id is null then 'missing conversion_id'
            when submitted_at_text is not null and submitted_at is null then 'unparseable timestamp'
            {{- implausible_time_reasons(['submitted_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        contact_id,
        conversion_id,
        submitted_at,
        form_id,
        form_title,
        page_id,
        page_url,
        portal_id,
        fivetran_synced_at,
        submitted_at_text,
        contact_id_text,
        {{ base_disposition_columns('contact_id, conversion_id') }}
    from quarantine_text
)

select * from final
