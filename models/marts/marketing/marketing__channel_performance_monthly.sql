{#
    Each channel's month under each attribution model: the conversions and revenue it is credited with
    (marketing__attribution_touches, by conversion month), what was spent on it (Google Ads → paid
    search, LinkedIn Ads → paid social, the community cost sheet → community, in USD through the seed
    currency_rates), and the ratios marketing reports: cost per lead, CAC (spend per won deal) and ROAS
    (attributed revenue per dollar spent).
#}
{%- set models = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay'] -%}

with touches as (
    select * from {{ ref('marketing__attribution_touches') }}
),

credited as (
    {% for model in models %}
        select
            conversion_month as month_start,
            channel,
            '{{ model }}' as attribution_model,
            sum(case when conversion_type = 'lead_created' then {{ model }}_weight end) as attributed_leads,
            sum(case when conversion_type = 'opportunity_created' then {{ model }}_weight end)
                as attributed_opportunities,
            sum(case when conversion_type = 'deal_won' then {{ model }}_weight end) as attributed_deals_won,
            sum(case when conversion_type = 'deal_won' then {{ model }}_weight * revenue end) as attributed_revenue
        from touches
        group by 1, 2
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

rates as (
    select
        currency,
        usd_per_unit
    from {{ ref('currency_rates') }}
),

spend as (
    {% if source_enabled('google_ads') %}
        select
            {{ month_start('stat_date') }} as month_start,
            'paid_search' as channel,
            cast(spend as double) as spend_usd
        from {{ ref('stg_google_ads__campaign_stats') }}
        union all
    {% endif %}
    {% if source_enabled('linkedin_ads') %}
        select
            {{ month_start('stat_date') }} as month_start,
            'paid_social' as channel,
            cast(spend_usd as double) as spend_usd
        from {{ ref('stg_linkedin_ads__campaign_analytics') }}
        union all
    {% endif %}
    {% if source_enabled('costs') %}
        select
            community_costs.month_start,
            'community' as channel,
            cast(community_costs.amount as double) * rates.usd_per_unit as spend_usd
        from {{ ref('stg_costs__community_costs') }} as community_costs
        inner join rates
            on community_costs.currency = rates.currency
        union all
    {% endif %}
    select
        cast(null as date) as month_start,
        cast(null as {{ dbt.type_string() }}) as channel,
        cast(null as double) as spend_usd
    where 1 = 0
),

monthly_spend as (
    select
        month_start,
        channel,
        sum(spend_usd) as spend_usd
    from spend
    group by 1, 2
),

keys as (
    select
        month_start,
        channel
    from credited
    union
    select
        month_start,
        channel
    from monthly_spend
),

grid as (
    {% for model in models %}
        select
            month_start,
            channel,
            '{{ model }}' as attribution_model
        from keys
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

final as (
    select
        grid.month_start,
        grid.channel,
        grid.attribution_model,
        cast(credited.attributed_leads as double) as attributed_leads,
        cast(credited.attributed_opportunities as double) as attributed_opportunities,
        cast(credited.attributed_deals_won as double) as attributed_deals_won,
        {{ cents('cast(coalesce(credited.attributed_revenue, 0) as double)') }} as attributed_revenue,
        {{ cents('cast(coalesce(monthly_spend.spend_usd, 0) as double)') }} as spend_usd,
        {{ cents(safe_divide('monthly_spend.spend_usd', 'credited.attributed_leads')) }} as cost_per_lead_usd,
        {{ cents(safe_divide('monthly_spend.spend_usd', 'credited.attributed_deals_won')) }}
            as customer_acquisition_cost_usd,
        {{ safe_divide('coalesce(credited.attributed_revenue, 0)', 'monthly_spend.spend_usd') }} as return_on_ad_spend
    from grid
    left join credited
        on
            grid.month_start = credited.month_start
            and grid.channel = credited.channel
            and grid.attribution_model = credited.attribution_model
    left join monthly_spend
        on
            grid.month_start = monthly_spend.month_start
            and grid.channel = monthly_spend.channel
),

with_completeness as (
    {{ with_period_completeness('final', 'month_start', 'month') }}
)

select * from with_completeness
