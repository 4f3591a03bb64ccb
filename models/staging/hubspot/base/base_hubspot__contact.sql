{#- The columns that say whose record a row is (erase_requested, below). -#}
{%- set person_identifiers = [
    ('hubspot_contact', 'contact_id'),
    ('email', 'email'),
    ('x_handle', 'x_handle'),
    ('github_login', 'github_login'),
    ('discord_username', 'discord_username'),
] -%}

with source as (
    select * from {{ source('hubspot', 'contact') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as contact_id,
        id as contact_id_text,
        {{ clean_email('property_email') }} as email,
        nullif(trim(property_firstname), '') as first_name,
        nullif(trim(property_lastname), '') as last_name,
        nullif(trim(property_company), '') as company_name,
        nullif(trim(property_jobtitle), '') as job_title,
        nullif(trim(property_country), '') as country,
        {{ dbt.safe_cast('property_associatedcompanyid', dbt.type_bigint()) }} as company_id,
        nullif(trim(property_lifecyclestage), '') as lifecycle_stage,
        nullif(trim(property_hs_analytics_source), '') as analytics_source,
        -- other addresses the contact used, `;`-separated as HubSpot stores them
        nullif(lower(trim(property_hs_additional_emails)), '') as additional_emails,
        {{ clean_handle('property_twitterhandle') }} as x_handle,
        {{ clean_handle('property_github_username') }} as github_login,
        {{ clean_handle('property_discord_username') }} as discord_username,
        nullif(trim(property_how_did_you_hear_about_us), '') as heard_about_us,
        property_createdate as created_at_text,
        {{ parse_timestamp('property_createdate') }} as created_at,
        _fivetran_synced as fivetran_synced_text,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        coalesce({{ dbt.safe_cast('_fivetran_deleted', dbt.type_boolean()) }}, false) as is_deleted,
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
            when contact_id_text is null or trim(contact_id_text) = '' then 'missing id'
            when contact_id is null then 'id is not an integer'
            when fivetran_synced_at is null then 'missing or unparseable _fivetran_synced'
            when created_at_text is not null and trim(created_at_text) <> '' and created_at is null
                then 'unparseable property_createdate'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        contact_id,
        contact_id_text,
        email,
        first_name,
        last_name,
        company_name,
        job_title,
        country,
        company_id,
        lifecycle_stage,
        analytics_source,
        additional_emails,
        x_handle,
        github_login,
        discord_username,
        heard_about_us,
        created_at_text,
        created_at,
        fivetran_synced_at,
        fivetran_synced_text,
        is_deleted,
        {{ base_disposition_columns('contact_id') }}
    from quarantine_text
)

select * from final
