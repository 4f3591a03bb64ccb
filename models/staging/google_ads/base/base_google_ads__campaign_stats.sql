with source as (
    select * from {{ source('google_ads', 'campaign_stats') }}
),

typed as (
    select
        nullif(trim(_fivetran_id), '') as stat_id,
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as campaign_id,
        {{ dbt.safe_cast('customer_id', dbt.type_bigint()) }} as account_id,
        cast({{ parse_timestamp('date') }} as date) as stat_date,
        nullif(trim(ad_network_type), '') as ad_network_type,
        nullif(trim(device), '') as device,
        {{ dbt.safe_cast('clicks', dbt.type_bigint()) }} as clicks,
        {{ dbt.safe_cast('impressions', dbt.type_bigint()) }} as impressions,
        {{ dbt.safe_cast('cost_micros', dbt.type_numeric()) }} / 1000000 as spend,
        {{ dbt.safe_cast('conversions', dbt.type_float()) }} as conversions,
        {{ dbt.safe_cast('conversions_value', dbt.type_float()) }} as conversions_value,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(date), '') as stat_date_text,
        nullif(trim(cost_micros), '') as cost_micros_text,
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
            when stat_id is null then 'missing _fivetran_id'
            when campaign_id is null then 'missing or non-integer campaign id'
            when stat_date is null then 'missing or unparseable date'
            when spend is null then 'missing or unparseable cost_micros'
            when spend < 0 then 'negative cost'
            {{- implausible_time_reasons(['stat_date']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        stat_id,
        campaign_id,
        account_id,
        stat_date,
        ad_network_type,
        device,
        clicks,
        impressions,
        spend,
        conversions,
        conversions_value,
        fivetran_synced_at,
        stat_date_text,
        cost_micros_text,
        {{ base_disposition_columns('stat_id') }}
    from quarantine_text
)

select * from final
