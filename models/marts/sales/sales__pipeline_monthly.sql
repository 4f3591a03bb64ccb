{#
    Pipeline by the month opportunities were created, split by whether the community influenced them
    (sales__opportunity_community): created, pipeline and won amounts, win rate of the closed ones,
    average won deal size, median days to close. Both halves appear every month, with zeros.
#}
with opportunities as (
    select * from {{ ref('sales__opportunity_community') }}
    where created_at is not null
),

bounds as (
    select
        {{ month_start('min(created_at)') }} as first_month,
        {{ month_start('max(created_at)') }} as last_month
    from opportunities
),

months as (
    {{ month_spine('bounds') }}
),

segments as (
    select true as is_community_influenced
    union all
    select false as is_community_influenced
),

counted as (
    select
        {{ month_start('created_at') }} as month_start,
        is_community_influenced,
        count(*) as opportunities_created,
        sum(coalesce(amount, 0)) as pipeline_amount,
        sum(case when is_closed then 1 else 0 end) as opportunities_closed,
        sum(case when is_won then 1 else 0 end) as opportunities_won,
        sum(case when is_won then coalesce(amount, 0) else 0 end) as won_amount,
        percentile_cont(0.5) within group (order by sales_cycle_days) as median_sales_cycle_days
    from opportunities
    group by 1, 2
),

final as (
    select
        months.month_start,
        segments.is_community_influenced,
        cast(coalesce(counted.opportunities_created, 0) as {{ dbt.type_bigint() }}) as opportunities_created,
        {{ cents('cast(coalesce(counted.pipeline_amount, 0) as double)') }} as pipeline_amount,
        cast(coalesce(counted.opportunities_closed, 0) as {{ dbt.type_bigint() }}) as opportunities_closed,
        cast(coalesce(counted.opportunities_won, 0) as {{ dbt.type_bigint() }}) as opportunities_won,
        {{ cents('cast(coalesce(counted.won_amount, 0) as double)') }} as won_amount,
        {{ safe_divide('counted.opportunities_won', 'counted.opportunities_closed') }} as win_rate,
        {{ safe_divide('counted.won_amount', 'counted.opportunities_won') }} as average_deal_size,
        cast(counted.median_sales_cycle_days as double) as median_sales_cycle_days
    from months
    cross join segments
    left join counted
        on
            months.month_start = counted.month_start
            and segments.is_community_influenced = counted.is_community_influenced
),

with_completeness as (
    {{ with_period_completeness('final', 'month_start', 'month') }}
)

select * from with_completeness
