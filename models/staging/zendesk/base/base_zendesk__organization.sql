with source as (
    select * from {{ source('zendesk', 'organization') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as organization_id,
        nullif(trim(name), '') as organization_name,
        nullif(trim(external_id), '') as external_id,
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('updated_at') }} as updated_at,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as organization_id_text,
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
            when organization_id_text is null then 'missing id'
            when organization_id is null then 'id is not an integer'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        organization_id,
        organization_name,
        external_id,
        created_at,
        updated_at,
        fivetran_synced_at,
        organization_id_text,
        fivetran_synced_text,
        {{ base_disposition_columns('organization_id') }}
    from quarantine_text
)

select * from final
