with source as (
    select * from {{ source('billing', 'customers') }}
),

typed as (
    select
        nullif(trim(id), '') as customer_id,
        {{ clean_email(adapter.quote('Email')) }} as email,
        nullif(trim({{ adapter.quote('Name') }}), '') as customer_name,
        nullif(trim({{ adapter.quote('Description') }}), '') as description,
        {{ parse_timestamp(adapter.quote('Created (UTC)')) }} as created_at,
        lower(nullif(trim({{ adapter.quote('Currency') }}), '')) as currency,
        coalesce({{ dbt.safe_cast(adapter.quote('Delinquent'), dbt.type_boolean()) }}, false) as is_delinquent,
        nullif(trim({{ adapter.quote('heard_about_us (metadata)') }}), '') as heard_about_us,
        nullif(trim({{ adapter.quote('Created (UTC)') }}), '') as created_at_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('billing_customer', 'customer_id'), ('email', 'email')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when customer_id is null then 'missing id'
            when created_at_text is null or created_at is null then 'missing or unparseable Created (UTC)'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        customer_id,
        email,
        customer_name,
        description,
        created_at,
        currency,
        is_delinquent,
        heard_about_us,
        created_at_text,
        {{ base_disposition_columns('customer_id', '_file_name') }}
    from quarantine_text
)

select * from final
