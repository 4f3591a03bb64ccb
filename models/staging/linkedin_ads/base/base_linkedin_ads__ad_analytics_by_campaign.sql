with source as (
    select * from {{ source('linkedin_ads', 'ad_analytics_by_campaign') }}
),

typed as (
    select
        {{ dbt.safe_cast('campaign_id', dbt.type_bigint()) }} as campaign_id,
        cast({{ parse_timestamp('day') }} as date) as stat_date,
        {{ dbt.safe_cast('clicks', dbt.type_bigint()) }} as clicks,
        {{ dbt.safe_cast('impressions', dbt.type_bigint()) }} as impressions,
        {{ dbt.safe_cast('cost_in_usd', dbt.type_numeric()) }} as spend_usd,
        {{ dbt.safe_cast('cost_in_local_currency', dbt.type_numeric()) }} as spend_local_currency,
        {{ dbt.safe_cast('external_website_conversions', dbt.type_bigint()) }} as conversions,
        {{ dbt.safe_cast('landing_page_clicks', dbt.type_bigint()) }} as landing_page_clicks,
        nullif(trim(campaign_id), '') as campaign_id_text,
        nullif(trim(day), '') as day_text,
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
            when campaign_id is null then 'missing or non-integer campaign_id'
            when stat_date is null then 'missing or unparseable day'
            when spend_usd < 0 or spend_local_currency < 0 then 'negative cost'
            {{- implausible_time_reasons(['stat_date']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        campaign_id,
        stat_date,
        clicks,
        impressions,
        spend_usd,
        spend_local_currency,
        conversions,
        landing_page_clicks,
        campaign_id_text,
        day_text,
        {{ base_disposition_columns('campaign_id, stat_date', '_file_name') }}
    from quarantine_text
)

select * from final
