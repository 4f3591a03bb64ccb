{#- The columns that say whose record a row is (erase_requested, below). -#}
{%- set person_identifiers = [
    ('salesforce_lead', 'lead_id'),
    ('email', 'email'),
    ('salesforce_contact', 'converted_contact_id'),
] -%}

with source as (
    select * from {{ source('salesforce', 'lead') }}
),

typed as (
    select
        nullif(trim(id), '') as lead_id,
        {{ clean_email('email') }} as email,
        nullif(trim(first_name), '') as first_name,
        nullif(trim(last_name), '') as last_name,
        nullif(trim(company), '') as company_name,
        nullif(trim(title), '') as title,
        nullif(trim(lead_source), '') as lead_source,
        nullif(trim(status), '') as lead_status,
        coalesce({{ dbt.safe_cast('is_converted', dbt.type_boolean()) }}, false) as is_converted,
        {{ parse_timestamp('converted_date') }} as converted_at,
        nullif(trim(converted_contact_id), '') as converted_contact_id,
        nullif(trim(converted_account_id), '') as converted_account_id,
        nullif(trim(converted_opportunity_id), '') as converted_opportunity_id,
        nullif(trim(country), '') as country,
        nullif(trim(owner_id), '') as owner_user_id,
        {{ parse_timestamp('created_date') }} as created_at,
        coalesce({{ dbt.safe_cast('is_deleted', dbt.type_boolean()) }}, false) as is_deleted,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        nullif(trim(created_date), '') as created_at_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', person_identifiers) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when lead_id is null then 'missing id'
            when created_at_text is not null and created_at is null then 'unparseable created_date'
            {{- implausible_time_reasons(['created_at', 'converted_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        lead_id,
        email,
        first_name,
        last_name,
        company_name,
        title,
        lead_source,
        lead_status,
        is_converted,
        converted_at,
        converted_contact_id,
        converted_account_id,
        converted_opportunity_id,
        country,
        owner_user_id,
        created_at,
        is_deleted,
        fivetran_synced_at,
        fivetran_synced_text,
        created_at_text,
        {{ base_disposition_columns('lead_id') }}
    from quarantine_text
)

select * from final
