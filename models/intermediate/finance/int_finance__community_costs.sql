{#
    What the community costs, month by month, in USD: the community team's cost sheet (programs,
    tools, headcount, events; converted with seed currency_rates) and paid campaigns whose name
    contains `finance_community_campaign_keyword` (Google Ads, LinkedIn Ads), which are community
    spend whatever channel they ran on.
#}
{%- set keyword = roi_assumption('finance_community_campaign_keyword') -%}

with rates as (
    select
        currency,
        usd_per_unit
    from {{ ref('currency_rates') }}
),

{% if source_enabled('google_ads') %}
    google_campaigns as (
        -- The campaign's latest name.
        select
            campaign_id,
            campaign_name,
            row_number() over (partition by campaign_id order by updated_at desc) as version_rank
        from {{ ref('stg_google_ads__campaign_history') }}
    ),
{% endif %}

{% if source_enabled('linkedin_ads') %}
    linkedin_campaigns as (
        select
            campaign_id,
            campaign_name,
            row_number() over (partition by campaign_id order by last_modified_at desc) as version_rank
        from {{ ref('stg_linkedin_ads__campaign_history') }}
    ),
{% endif %}

costs as (
    {% if source_enabled('costs') %}
        select
            community_costs.month_start,
            'cost_sheet' as cost_source,
            community_costs.category as cost_category,
            community_costs.program as cost_item,
            cast(community_costs.amount as double) * rates.usd_per_unit as cost_usd
        from {{ ref('stg_costs__community_costs') }} as community_costs
        inner join rates
            on upper(community_costs.currency) = rates.currency
        union all
    {% endif %}
    {% if source_enabled('google_ads') %}
        select
            {{ month_start('stats.stat_date') }} as month_start,
            'google_ads' as cost_source,
            'paid_media' as cost_category,
            campaigns.campaign_name as cost_item,
            cast(stats.spend as double) as cost_usd
        from {{ ref('stg_google_ads__campaign_stats') }} as stats
        inner join google_campaigns as campaigns
            on
                stats.campaign_id = campaigns.campaign_id
                and campaigns.version_rank = 1
        where {{ dbt.position("'" ~ keyword ~ "'", 'lower(campaigns.campaign_name)') }} > 0
        union all
    {% endif %}
    {% if source_enabled('linkedin_ads') %}
        select
            {{ month_start('stats.stat_date') }} as month_start,
            'linkedin_ads' as cost_source,
            'paid_media' as cost_category,
            campaigns.campaign_name as cost_item,
            cast(stats.spend_usd as double) as cost_usd
        from {{ ref('stg_linkedin_ads__campaign_analytics') }} as stats
        inner join linkedin_campaigns as campaigns
            on
                stats.campaign_id = campaigns.campaign_id
                and campaigns.version_rank = 1
        where {{ dbt.position("'" ~ keyword ~ "'", 'lower(campaigns.campaign_name)') }} > 0
        union all
    {% endif %}
    select
        cast(null as date) as month_start,
        cast(null as {{ dbt.type_string() }}) as cost_source,
        cast(null as {{ dbt.type_string() }}) as cost_category,
        cast(null as {{ dbt.type_string() }}) as cost_item,
        cast(null as double) as cost_usd
    where 1 = 0
),

final as (
    select
        month_start,
        cost_source,
        cost_category,
        cost_item,
        sum(cost_usd) as cost_usd
    from costs
    group by 1, 2, 3, 4
)

select * from final
