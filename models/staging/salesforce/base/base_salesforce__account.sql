with source as (
    select * from {{ source('salesforce', 'account') }}
),

typed as (
    select
        nullif(trim(id), '') as account_id,
        nullif(trim(name), '') as account_name,
        nullif(trim(website), '') as website,
        nullif(trim(industry), '') as industry,
        {{ dbt.safe_cast('number_of_employees', dbt.type_int()) }} as employee_count,
        {{ dbt.safe_cast('annual_revenue', dbt.type_numeric()) }} as annual_revenue,
        nullif(trim(billing_country), '') as billing_country,
        nullif(trim(type), '') as account_type,
        nullif(trim(account_source), '') as account_source,
        nullif(trim(owner_id), '') as owner_user_id,
        {{ parse_timestamp('created_date') }} as created_at,
        coalesce({{ dbt.safe_cast('is_deleted', dbt.type_boolean()) }}, false) as is_deleted,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
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
            when account_id is null then 'missing id'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        account_id,
        account_name,
        website,
        industry,
        employee_count,
        annual_revenue,
        billing_country,
        account_type,
        account_source,
        owner_user_id,
        created_at,
        is_deleted,
        fivetran_synced_at,
        fivetran_synced_text,
        {{ base_disposition_columns('account_id') }}
    from quarantine_text
)

select * from final
