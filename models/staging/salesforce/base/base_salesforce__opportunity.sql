with source as (
    select * from {{ source('salesforce', 'opportunity') }}
),

typed as (
    select
        nullif(trim(id), '') as opportunity_id,
        nullif(trim(account_id), '') as account_id,
        nullif(trim(name), '') as opportunity_name,
        {{ dbt.safe_cast('amount', dbt.type_numeric()) }} as amount,
        nullif(trim(stage_name), '') as stage_name,
        coalesce({{ dbt.safe_cast('is_closed', dbt.type_boolean()) }}, false) as is_closed,
        coalesce({{ dbt.safe_cast('is_won', dbt.type_boolean()) }}, false) as is_won,
        {{ dbt.safe_cast('probability', dbt.type_float()) }} as probability_percent,
        nullif(trim(type), '') as opportunity_type,
        nullif(trim(lead_source), '') as lead_source,
        nullif(trim(forecast_category), '') as forecast_category,
        cast({{ parse_timestamp('close_date') }} as date) as close_date,
        {{ parse_timestamp('created_date') }} as created_at,
        nullif(trim(owner_id), '') as owner_user_id,
        coalesce({{ dbt.safe_cast('is_deleted', dbt.type_boolean()) }}, false) as is_deleted,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        nullif(trim(amount), '') as amount_text,
        nullif(trim(created_date), '') as created_at_text,
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
            when amount_text is not null and amount is null then 'unparseable amount'
            when amount < 0 then 'negative amount'
            when created_at_text is not null and created_at is null then 'unparseable created_date'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        opportunity_id,
        account_id,
        opportunity_name,
        amount,
        stage_name,
        is_closed,
        is_won,
        probability_percent,
        opportunity_type,
        lead_source,
        forecast_category,
        close_date,
        created_at,
        owner_user_id,
        is_deleted,
        fivetran_synced_at,
        fivetran_synced_text,
        amount_text,
        created_at_text,
        {{ base_disposition_columns('opportunity_id') }}
    from quarantine_text
)

select * from final
