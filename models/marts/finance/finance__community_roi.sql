{#
    The community's value, cost and ROI per calendar quarter, for each department and in total, with
    the method and the vars behind every number (their values: finance__roi_assumptions).
    - marketing: community-channel share of won-deal revenue under `finance_attribution_model`.
    - sales: won revenue of community-influenced opportunities; in the total only when
      `finance_include_influenced_revenue` is true, and then a deal both attributed and influenced
      counts once, at its full amount (never attributed share + full amount).
    - support: deflection savings (support__community_deflection_monthly).
    - success: (NRR of accounts with members - NRR of accounts without) x the opening ARR of the
      accounts with members (success__retention_summary, segmentation `finance_success_segmentation`).
    - product: feedback items, a count; dollars only when `finance_value_per_feedback_item_usd` is set.
    - community: the costs (int_finance__community_costs); its value is engagement, reported in the
      community marts, not in dollars. Costs are not split between departments: they sit on the
      community row and the total, so ROI is the total row's (a department row has no cost, no ROI).
#}
{%- set model = roi_assumption('finance_attribution_model') -%}
{%- set include_influenced = roi_assumption('finance_include_influenced_revenue') -%}
{%- set segmentation = roi_assumption('finance_success_segmentation') -%}
{%- set value_per_item = roi_assumption('finance_value_per_feedback_item_usd') -%}

with attributed as (
    -- Community's share of each won deal under the chosen model.
    select
        opportunity_id,
        min(converted_at) as won_at,
        sum(revenue * {{ model }}_weight) as attributed_revenue
    from {{ ref('marketing__attribution_touches') }}
    where
        conversion_type = 'deal_won'
        and channel = 'community'
    group by 1
),

influenced as (
    select
        opportunity_id,
        closed_at as won_at,
        amount as influenced_revenue
    from {{ ref('sales__opportunity_community') }}
    where
        is_won
        and is_community_influenced
),

deals as (
    select
        coalesce(attributed.opportunity_id, influenced.opportunity_id) as opportunity_id,
        cast({{ dbt.date_trunc('quarter', 'coalesce(influenced.won_at, attributed.won_at)') }} as date)
            as quarter_start,
        coalesce(attributed.attributed_revenue, 0) as attributed_revenue,
        coalesce(influenced.influenced_revenue, 0) as influenced_revenue,
        attributed.opportunity_id is not null as is_attributed,
        influenced.opportunity_id is not null as is_influenced
    from attributed
    full outer join influenced
        on attributed.opportunity_id = influenced.opportunity_id
),

deal_quarters as (
    select
        quarter_start,
        sum(attributed_revenue) as attributed_revenue,
        sum(case when is_attributed then 1 else 0 end) as attributed_deals,
        sum(influenced_revenue) as influenced_revenue,
        sum(case when is_influenced then 1 else 0 end) as influenced_deals,
        -- What the total counts from deals: each deal once.
        sum(
            {% if include_influenced %}
                case when is_influenced then influenced_revenue else attributed_revenue end
            {% else %}
                attributed_revenue
            {% endif %}
        ) as deal_value_in_total
    from deals
    group by 1
),

support as (
    select
        cast({{ dbt.date_trunc('quarter', 'month_start') }} as date) as quarter_start,
        sum(savings_usd) as savings_usd,
        sum(deflected_tickets) as deflected_tickets
    from {{ ref('support__community_deflection_monthly') }}
    group by 1
),

retention as (
    select
        quarter_start,
        max(case when segment = 'with_members' then net_revenue_retention end) as nrr_with_members,
        max(case when segment = 'without_members' then net_revenue_retention end) as nrr_without_members,
        max(case when segment = 'with_members' then opening_arr_usd end) as opening_arr_with_members,
        max(case when segment = 'with_members' then opening_accounts end) as accounts_with_members
    from {{ ref('success__retention_summary') }}
    where segmentation = '{{ segmentation }}'
    group by 1
),

success as (
    select
        quarter_start,
        (nrr_with_members - nrr_without_members) * opening_arr_with_members as retained_arr_difference_usd,
        accounts_with_members
    from retention
),

product as (
    select
        cast({{ dbt.date_trunc('quarter', 'item_month') }} as date) as quarter_start,
        count(*) as feedback_items
    from {{ ref('product__feedback_items') }}
    group by 1
),

costs as (
    select
        cast({{ dbt.date_trunc('quarter', 'month_start') }} as date) as quarter_start,
        sum(cost_usd) as cost_usd
    from {{ ref('int_finance__community_costs') }}
    group by 1
),

quarters as (
    select quarter_start from deal_quarters
    union
    select quarter_start from support
    union
    select quarter_start from success
    union
    select quarter_start from product
    union
    select quarter_start from costs
),

quarter_values as (
    select
        quarters.quarter_start,
        coalesce(deal_quarters.attributed_revenue, 0) as attributed_revenue,
        coalesce(deal_quarters.attributed_deals, 0) as attributed_deals,
        coalesce(deal_quarters.influenced_revenue, 0) as influenced_revenue,
        coalesce(deal_quarters.influenced_deals, 0) as influenced_deals,
        coalesce(deal_quarters.deal_value_in_total, 0) as deal_value_in_total,
        coalesce(support.savings_usd, 0) as support_savings_usd,
        coalesce(support.deflected_tickets, 0) as deflected_tickets,
        success.retained_arr_difference_usd,
        coalesce(success.accounts_with_members, 0) as accounts_with_members,
        coalesce(product.feedback_items, 0) as feedback_items,
        coalesce(costs.cost_usd, 0) as cost_usd
    from quarters
    left join deal_quarters
        on quarters.quarter_start = deal_quarters.quarter_start
    left join support
        on quarters.quarter_start = support.quarter_start
    left join success
        on quarters.quarter_start = success.quarter_start
    left join product
        on quarters.quarter_start = product.quarter_start
    left join costs
        on quarters.quarter_start = costs.quarter_start
),

departments as (
    select
        quarter_start,
        'community' as department,
        cast(null as double) as value_usd,
        cost_usd,
        false as is_value_in_total,
        cast(null as double) as reported_count,
        'engagement, reported in the community marts, not in dollars' as value_method,
        'finance_community_campaign_keyword' as vars_used
    from quarter_values
    union all
    select
        quarter_start,
        'marketing' as department,
        attributed_revenue as value_usd,
        0 as cost_usd,
        true as is_value_in_total,
        cast(attributed_deals as double) as reported_count,
        'community-channel share of won-deal revenue, {{ model }} attribution (count: won deals with a community touch)'
            as value_method,  -- noqa: LT05
        'finance_attribution_model, attribution_lookback_days' as vars_used
    from quarter_values
    union all
    select
        quarter_start,
        'sales' as department,
        influenced_revenue as value_usd,
        0 as cost_usd,
        {{ 'true' if include_influenced else 'false' }} as is_value_in_total,
        cast(influenced_deals as double) as reported_count,
        'won revenue of community-influenced opportunities (count: influenced won deals)' as value_method,
        'sales_influence_days_before, finance_include_influenced_revenue' as vars_used
    from quarter_values
    union all
    select
        quarter_start,
        'support' as department,
        support_savings_usd as value_usd,
        0 as cost_usd,
        true as is_value_in_total,
        deflected_tickets as reported_count,
        'community-answered support questions x deflection rate x cost per ticket (count: deflected tickets)'
            as value_method,  -- noqa: LT05
        'support_deflection_rate, support_cost_per_ticket_usd, support_monthly_cost_usd' as vars_used
    from quarter_values
    union all
    select
        quarter_start,
        'success' as department,
        retained_arr_difference_usd as value_usd,
        0 as cost_usd,
        retained_arr_difference_usd is not null as is_value_in_total,
        cast(accounts_with_members as double) as reported_count,
        '(NRR with - without members) x opening ARR with members, by {{ segmentation }} (count: accounts)'
            as value_method,
        'finance_success_segmentation' as vars_used
    from quarter_values
    union all
    select
        quarter_start,
        'product' as department,
        {% if value_per_item is none %}
            cast(null as double) as value_usd,
        {% else %}
            cast(feedback_items * {{ value_per_item }} as double) as value_usd,
        {% endif %}
        0 as cost_usd,
        {{ 'false' if value_per_item is none else 'true' }} as is_value_in_total,
        cast(feedback_items as double) as reported_count,
        {% if value_per_item is none %}
            'feedback items, a count without a dollar value (count: feedback items)' as value_method,
        {% else %}
            'feedback items x value per item (count: feedback items)' as value_method,
        {% endif %}
        'finance_value_per_feedback_item_usd' as vars_used
    from quarter_values
),

total as (
    select
        quarter_values.quarter_start,
        'total' as department,
        deal_value_in_total + support_savings_usd + coalesce(retained_arr_difference_usd, 0)
        {% if value_per_item is not none %}+ feedback_items * {{ value_per_item }}{% endif %} as value_usd,
        cost_usd,
        true as is_value_in_total,
        cast(null as double) as reported_count,
        'sum of the rows in the total; each won deal once' as value_method,
        'finance_include_influenced_revenue' as vars_used
    from quarter_values
),

all_rows as (
    select * from departments
    union all
    select * from total
),

final as (
    select
        quarter_start,
        department,
        {{ cents('cast(value_usd as double)') }} as value_usd,
        {{ cents('cast(cost_usd as double)') }} as cost_usd,
        cast({{ safe_divide('value_usd - cost_usd', 'cost_usd') }} as double) as roi,
        is_value_in_total,
        reported_count,
        value_method,
        vars_used
    from all_rows
),

with_completeness as (
    {{ with_period_completeness('final', 'quarter_start', 'quarter') }}
)

select * from with_completeness
