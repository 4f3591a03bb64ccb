with source as (
    select * from {{ source('hubspot', 'deal_pipeline') }}
),

typed as (
    select
        nullif(trim(pipeline_id), '') as pipeline_id,
        nullif(trim(label), '') as pipeline_label,
        coalesce({{ dbt.safe_cast('active', dbt.type_boolean()) }}, false) as is_active,
        {{ dbt.safe_cast('display_order', dbt.type_int()) }} as display_order,
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('updated_at') }} as updated_at,
        coalesce({{ dbt.safe_cast('_fivetran_deleted', dbt.type_boolean()) }}, false) as is_deleted,
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
            when pipeline_id is null then 'missing pipeline_id'
            {{- implausible_time_reasons(['created_at', 'updated_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        pipeline_id,
        pipeline_label,
        is_active,
        display_order,
        created_at,
        updated_at,
        is_deleted,
        fivetran_synced_at,
        fivetran_synced_text,
        {{ base_disposition_columns('pipeline_id') }}
    from quarantine_text
)

select * from final
