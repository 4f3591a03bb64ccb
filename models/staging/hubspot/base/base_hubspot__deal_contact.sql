with source as (
    select * from {{ source('hubspot', 'deal_contact') }}
),

typed as (
    select
        {{ dbt.safe_cast('deal_id', dbt.type_bigint()) }} as deal_id,
        {{ dbt.safe_cast('contact_id', dbt.type_bigint()) }} as contact_id,
        {{ dbt.safe_cast('type_id', dbt.type_int()) }} as association_type_id,
        nullif(trim(category), '') as association_category,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(deal_id), '') as deal_id_text,
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
            when deal_id is null or contact_id is null then 'missing or non-integer deal_id or contact_id'
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        deal_id,
        contact_id,
        association_type_id,
        association_category,
        fivetran_synced_at,
        deal_id_text,
        contact_id_text,
        {{ base_disposition_columns('deal_id, contact_id') }}
    from quarantine_text
)

select * from final
