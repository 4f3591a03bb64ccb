with source as (
    select * from {{ source('hubspot', 'deal_company') }}
),

typed as (
    select
        {{ dbt.safe_cast('deal_id', dbt.type_bigint()) }} as deal_id,
        {{ dbt.safe_cast('company_id', dbt.type_bigint()) }} as company_id,
        {{ dbt.safe_cast('type_id', dbt.type_int()) }} as association_type_id,
        nullif(trim(category), '') as association_category,
        nullif(trim(deal_id), '') as deal_id_text,
        nullif(trim(company_id), '') as company_id_text,
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
            when deal_id is null or company_id is null then 'missing or non-integer deal_id or company_id'
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        deal_id,
        company_id,
        association_type_id,
        association_category,
        deal_id_text,
        company_id_text,
        {{ base_disposition_columns('deal_id, company_id', '_file_name') }}
    from quarantine_text
)

select * from final
