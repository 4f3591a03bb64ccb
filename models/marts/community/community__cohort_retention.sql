{#
    Members grouped by the month of their first activity (their cohort), followed month by month:
    how many of the cohort are active N months later. Every cohort has a row for every month from its
    first to the last month of the exports, with zeros.
#}
with member_months as (
    select
        member_id,
        month_start,
        is_new
    from {{ ref('int_community__member_months') }}
    where platform = 'all'
),

months as (
    select month_start
    from {{ ref('int_community__engagement_monthly') }}
    where platform = 'all'
),

cohorts as (
    select
        member_id,
        month_start as cohort_month
    from member_months
    where is_new
),

cohort_sizes as (
    select
        cohort_month,
        count(*) as cohort_size
    from cohorts
    group by 1
),

grid as (
    select
        cohort_sizes.cohort_month,
        cohort_sizes.cohort_size,
        months.month_start
    from cohort_sizes
    inner join months
        on cohort_sizes.cohort_month <= months.month_start
),

active as (
    select
        cohorts.cohort_month,
        member_months.month_start,
        count(*) as active_members
    from member_months
    inner join cohorts
        on member_months.member_id = cohorts.member_id
    group by 1, 2
),

final as (
    select
        grid.cohort_month,
        grid.month_start,
        cast(
            {{ dbt.datediff('grid.cohort_month', 'grid.month_start', 'month') }} as {{ dbt.type_bigint() }} -- noqa: LT05
        ) as months_since_first_activity,
        cast(grid.cohort_size as {{ dbt.type_bigint() }}) as cohort_size,
        cast(coalesce(active.active_members, 0) as {{ dbt.type_bigint() }}) as active_members,
        {{ safe_divide('coalesce(active.active_members, 0)', 'grid.cohort_size') }} as retention_share
    from grid
    left join active
        on
            grid.cohort_month = active.cohort_month
            and grid.month_start = active.month_start
),

with_completeness as (
    {{ with_period_completeness('final', 'month_start', 'month') }}
),

-- In a month the data does not cover completely, the share so far is not a retention share.
published as (
    select
        cohort_month,
        month_start,
        months_since_first_activity,
        cohort_size,
        active_members,
        case when is_complete_period then retention_share end as retention_share,
        is_complete_period
    from with_completeness
)

select * from published
