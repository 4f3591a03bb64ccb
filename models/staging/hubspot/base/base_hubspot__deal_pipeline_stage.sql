with source as (
    select * from {{ source('hubspot', 'deal_pipeline_stage') }}
),

typed as (
    select
        nullif(trim(stage_id), '') as pipeline_stage_id,
        nullif(trim(pipeline_id), '') as pipeline_id,
        nullif(trim(label), '') as stage_label,
        {{ dbt.safe_cast('probability', dbt.type_float()) }} as win_probability,
        coalesce({{ dbt.safe_cast('is_closed', dbt.type_boolean()) }}, false) as is_closed,
        coalesce({{ dbt.safe_cast('closed_won', dbt.type_boolean()) }}, false) as is_closed_won,
        {{ dbt.safe_cast('display_order', dbt.type_int()) }} as display_order,
        coalesce({{ dbt.safe_cast('active', dbt.type_boolean()) }}, false) as is_active,
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
            when pipeline_stage_id is null then 'missing stage_id'
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        pipeline_stage_id,
        pipeline_id,
        stage_label,
        win_probability,
        is_closed,
        is_closed_won,
        display_order,
        is_active,
        is_deleted,
        fivetran_synced_at,
        fivetran_synced_text,
        {{ base_disposition_columns('pipeline_stage_id') }}
    from quarantine_text
)

select * from final
