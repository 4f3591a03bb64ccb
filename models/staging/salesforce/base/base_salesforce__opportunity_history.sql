with source as (
    select * from {{ source('salesforce', 'opportunity_history') }}
),

typed as (
    select
        nullif(trim(id), '') as opportunity_id,
        {{ parse_timestamp('_fivetran_start') }} as valid_from,
        {{ parse_timestamp('_fivetran_end') }} as valid_to,
        coalesce({{ dbt.safe_cast('_fivetran_active', dbt.type_boolean()) }}, false) as is_current,
        nullif(trim(stage_name), '') as stage_name,
        {{ dbt.safe_cast('amount', dbt.type_numeric()) }} as amount,
        coalesce({{ dbt.safe_cast('is_closed', dbt.type_boolean()) }}, false) as is_closed,
        coalesce({{ dbt.safe_cast('is_won', dbt.type_boolean()) }}, false) as is_won,
        cast({{ parse_timestamp('close_date') }} as date) as close_date,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(_fivetran_start), '') as valid_from_text,
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
            when opportunity_id is null then 'missing id'
            when valid_from is null then 'missing or unparseable _fivetran_start'
            {{- implausible_time_reasons(['valid_from']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        opportunity_id,
        valid_from,
        valid_to,
        is_current,
        stage_name,
        amount,
        is_closed,
        is_won,
        close_date,
        fivetran_synced_at,
        valid_from_text,
        {{ base_disposition_columns('opportunity_id, valid_from') }}
    from quarantine_text
)

select * from final
