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
        property_createdate as created_at_text,
        {{ parse_timestamp('property_createdate') }} as created_at,
        _fivetran_synced as fivetran_synced_text,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        coalesce({{ dbt.safe_cast('_fivetran_deleted', dbt.type_boolean()) }}, false) as is_deleted,
        _file_name,
        _raw_record
    from source
),

validated as (
    select
        *,
        case
            when contact_id_text is null or trim(contact_id_text) = '' then 'missing id'
            when contact_id is null then 'id is not an integer'
            when fivetran_synced_at is null then 'missing or unparseable _fivetran_synced'
            when created_at_text is not null and trim(created_at_text) <> '' and created_at is null
                then 'unparseable property_createdate'
        end as _quarantine_reason
    from typed
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
        created_at_text,
        created_at,
        fivetran_synced_at,
        fivetran_synced_text,
        is_deleted,
        {{ base_disposition_columns('contact_id') }}
    from quarantine_text
)

select * from final
