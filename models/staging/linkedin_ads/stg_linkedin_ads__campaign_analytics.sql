with base as (
    {{ staged_rows(ref('base_linkedin_ads__ad_analytics_by_campaign')) }}
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
        landing_page_clicks
    from base
)

select * from final
