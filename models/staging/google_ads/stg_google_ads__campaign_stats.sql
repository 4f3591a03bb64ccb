with base as (
    {{ staged_rows(ref('base_google_ads__campaign_stats')) }}
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
        fivetran_synced_at
    from base
)

select * from final
