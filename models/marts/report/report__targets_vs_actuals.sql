{#
    The target planner: every goal of config targets.csv beside what the marts say happened. The catalogue
    of metrics (department.metric → mart, and how a quarter is made of months):
      community.active_members     community__engagement_monthly.active_members     quarter: average of months
      community.new_members        community__engagement_monthly.new_members        quarter: sum
      community.answered_share     community__responsiveness_monthly, all platforms: answered / questions
      support.deflected_tickets    support__community_deflection_monthly.deflected_tickets   quarter: sum
      product.feedback_items       product__feedback_monthly.items, all themes      quarter: sum
      sales.influenced_pipeline_usd / influenced_won_usd   sales__pipeline_monthly, community-influenced
    A period is complete when its last day is on or before the last complete day (int_calendar__as_of).
    For the current period, the run-rate projection of an additive metric is actual / share of the period's
    days elapsed; an average or a share is projected as it stands. Status: achieved or missed (complete),
    on_track or behind (current, by the projection), not_started (no complete day yet).
#}
with as_of as (
    select last_complete_date from {{ ref('int_calendar__as_of') }}
),

monthly as (
    -- One row per metric and month: a numerator, and a denominator for shares.
    select
        'community' as department,
        'active_members' as metric,
        'average' as quarter_rule,
        month_start,
        cast(active_members as double) as numerator,
        cast(null as double) as denominator
    from {{ ref('community__engagement_monthly') }}
    union all
    select
        'community' as department,
        'new_members' as metric,
        'sum' as quarter_rule,
        month_start,
        cast(new_members as double) as numerator,
        cast(null as double) as denominator
    from {{ ref('community__engagement_monthly') }}
    union all
    select
        'community' as department,
        'answered_share' as metric,
        'share' as quarter_rule,
        month_start,
        cast(sum(answered_questions) as double) as numerator,
        cast(sum(questions) as double) as denominator
    from {{ ref('community__responsiveness_monthly') }}
    group by 4
    union all
    select
        'support' as department,
        'deflected_tickets' as metric,
        'sum' as quarter_rule,
        month_start,
        cast(deflected_tickets as double) as numerator,
        cast(null as double) as denominator
    from {{ ref('support__community_deflection_monthly') }}
    union all
    select
        'product' as department,
        'feedback_items' as metric,
        'sum' as quarter_rule,
        month_start,
        cast(sum(items) as double) as numerator,
        cast(null as double) as denominator
    from {{ ref('product__feedback_monthly') }}
    group by 4
    union all
    select
        'sales' as department,
        'influenced_pipeline_usd' as metric,
        'sum' as quarter_rule,
        month_start,
        cast(sum(pipeline_amount) as double) as numerator,
        cast(null as double) as denominator
    from {{ ref('sales__pipeline_monthly') }}
    where is_community_influenced
    group by 4
    union all
    select
        'sales' as department,
        'influenced_won_usd' as metric,
        'sum' as quarter_rule,
        month_start,
        cast(sum(won_amount) as double) as numerator,
        cast(null as double) as denominator
    from {{ ref('sales__pipeline_monthly') }}
    where is_community_influenced
    group by 4
),

configured as (
    select
        department,
        metric,
        period_grain,
        period_start,
        case when period_grain = 'quarter' then 3 else 1 end as period_months,
        target_value
    from {{ ref('stg_config__targets') }}
),

targets as (
    select
        department,
        metric,
        period_grain,
        period_start,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 'period_months', 'period_start')) }} as date) as period_end,
        target_value
    from configured
),

actuals as (
    select
        targets.department,
        targets.metric,
        targets.period_grain,
        targets.period_start,
        max(monthly.quarter_rule) as quarter_rule,
        count(monthly.month_start) as months_with_data,
        case max(monthly.quarter_rule)
            when 'sum' then sum(monthly.numerator)
            when 'average' then avg(monthly.numerator)
            else {{ safe_divide('sum(monthly.numerator)', 'sum(monthly.denominator)') }}
        end as actual_value
    from targets
    inner join monthly
        on
            targets.department = monthly.department
            and targets.metric = monthly.metric
            and targets.period_start <= monthly.month_start
            and targets.period_end >= monthly.month_start
    cross join as_of
    where monthly.month_start <= as_of.last_complete_date
    group by 1, 2, 3, 4
),

measured as (
    select
        targets.department,
        targets.metric,
        targets.period_grain,
        targets.period_start,
        targets.period_end,
        targets.target_value,
        actuals.quarter_rule,
        actuals.actual_value,
        targets.period_end <= as_of.last_complete_date as is_complete_period,
        case
            when as_of.last_complete_date < targets.period_start then 0.0
            when as_of.last_complete_date >= targets.period_end then 1.0
            else cast({{ dbt.datediff('targets.period_start', 'as_of.last_complete_date', 'day') }} + 1 as double) -- noqa: LT05
                / ({{ dbt.datediff('targets.period_start', 'targets.period_end', 'day') }} + 1) -- noqa: LT05
        end as elapsed_share
    from targets
    cross join as_of
    left join actuals
        on
            targets.department = actuals.department
            and targets.metric = actuals.metric
            and targets.period_grain = actuals.period_grain
            and targets.period_start = actuals.period_start
),

final as (
    select
        department,
        metric,
        period_grain,
        period_start,
        period_end,
        target_value,
        {{ score_6dp('actual_value') }} as actual_value,
        {{ score_6dp(safe_divide('actual_value', 'target_value')) }} as attainment,
        is_complete_period,
        {{ score_6dp('elapsed_share') }} as elapsed_share,
        case
            when elapsed_share = 0 then null
            when quarter_rule = 'sum' then {{ score_6dp('actual_value / elapsed_share') }}
            else {{ score_6dp('actual_value') }}
        end as projected_value,
        case
            when elapsed_share = 0 then 'not_started'
            when is_complete_period and coalesce(actual_value, 0) >= target_value then 'achieved'
            when is_complete_period then 'missed'
            when quarter_rule = 'sum' and actual_value / elapsed_share >= target_value then 'on_track'
            when quarter_rule != 'sum' and actual_value >= target_value then 'on_track'
            else 'behind'
        end as status
    from measured
)

select * from final
