with source as (
    select * from {{ source('hubspot', 'company') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as company_id,
        id as company_id_text,
        nullif(trim(property_name), '') as company_name,
        property_domain as domain_text,
        nullif(trim(property_website), '') as website,
        nullif(trim(property_industry), '') as industry,
        nullif(trim(property_country), '') as country,
        {{ dbt.safe_cast('property_numberofemployees', dbt.type_int()) }} as employee_count,
        {{ dbt.safe_cast('property_annualrevenue', dbt.type_numeric()) }} as annual_revenue,
        {{ parse_timestamp('property_createdate') }} as created_at,
        _fivetran_synced as fivetran_synced_text,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        coalesce({{ dbt.safe_cast('is_deleted', dbt.type_boolean()) }}, false) as is_deleted,
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
            when company_id_text is null or trim(company_id_text) = '' then 'missing id'
            when company_id is null then 'id is not an integer'
            when fivetran_synced_at is null then 'missing or unparseable _fivetran_synced'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        company_id,
        company_id_text,
        company_name,
        domain_text,
        website,
        industry,
        country,
        employee_count,
        annual_revenue,
        created_at,
        fivetran_synced_at,
        fivetran_synced_text,
        is_deleted,
        {{ base_disposition_columns('company_id') }}
    from quarantine_text
)

select * from final
