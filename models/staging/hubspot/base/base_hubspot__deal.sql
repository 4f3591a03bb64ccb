with source as (
    select * from {{ source('hubspot', 'deal') }}
),

typed as (
    select
        {{ dbt.safe_cast('deal_id', dbt.type_bigint()) }} as deal_id,
        nullif(trim(property_dealname), '') as deal_name,
        {{ dbt.safe_cast('property_amount', dbt.type_numeric()) }} as amount,
        nullif(trim(deal_pipeline_id), '') as pipeline_id,
        nullif(trim(deal_pipeline_stage_id), '') as pipeline_stage_id,
        {{ dbt.safe_cast('owner_id', dbt.type_bigint()) }} as owner_id,
        {{ dbt.safe_cast('portal_id', dbt.type_bigint()) }} as portal_id,
        {{ parse_timestamp('property_createdate') }} as created_at,
        {{ parse_timestamp('property_closedate') }} as closed_at,
        coalesce({{ dbt.safe_cast('is_deleted', dbt.type_boolean()) }}, false) as is_deleted,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(deal_id), '') as deal_id_text,
        nullif(trim(property_amount), '') as amount_text,
        nullif(trim(property_createdate), '') as created_at_text,
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
            when deal_id_text is null then 'missing deal_id'
            when deal_id is null then 'deal_id is not an integer'
            when amount_text is not null and amount is null then 'unparseable amount'
            when amount < 0 then 'negative amount'
            when created_at_text is not null and created_at is null then 'unparseable property_createdate'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        deal_id,
        deal_name,
        amount,
        pipeline_id,
        pipeline_stage_id,
        owner_id,
        portal_id,
        created_at,
        closed_at,
        is_deleted,
        fivetran_synced_at,
        deal_id_text,
        amount_text,
        created_at_text,
        fivetran_synced_text,
        {{ base_disposition_columns('deal_id') }}
    from quarantine_text
)

select * from final
