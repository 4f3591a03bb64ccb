{#
    The engagement definitions, counted once for every platform and for all platforms together
    (platform = 'all'), on a month spine: months without activity appear with zeros. The marts
    community__engagement_monthly and community__engagement_monthly_by_platform publish its rows.
    A month the data does not cover completely (int_calendar__as_of) is marked incomplete, and its
    churn and retention are null: members not yet seen in a month that has barely begun have not churned.
#}
with member_months as (
    select * from {{ ref('int_community__member_months') }}
),

activities as (
    select
        platform,
        occurred_at
    from {{ ref('int_activities__unioned') }}
),

as_of as (
    select last_complete_date from {{ ref('int_calendar__as_of') }}
),

bounds as (
    -- The months the exports cover: from the first to the last activity of anyone, bots and staff included.
    select
        {{ month_start('min(occurred_at)') }} as first_month,
        {{ month_start('max(occurred_at)') }} as last_month
    from activities
),

months as (
    {{ month_spine('bounds') }}
),

platforms as (
    select 'all' as platform
    union all
    select distinct platform
    from activities
),

grid as (
    select
        platforms.platform,
        months.month_start,
        cast({{ dbt.dateadd('month', 1, 'months.month_start') }} as date) as next_month_start,
        {{ period_is_complete('months.month_start', 'month', 'as_of.last_complete_date') }} as is_complete_period
    from platforms
    cross join months
    cross join as_of
),

monthly as (
    select
        platform,
        month_start,
        count(*) as active_members,
        sum(case when is_new then 1 else 0 end) as new_members,
        sum(case when is_returning then 1 else 0 end) as returning_members,
        sum(case when is_reactivated then 1 else 0 end) as reactivated_members,
        sum(case when is_contributor then 1 else 0 end) as contributors,
        sum(case when is_new_contributor then 1 else 0 end) as new_contributors,
        sum(activities) as activities,
        sum(contributions) as contributions,
        sum(active_days) as member_days
    from member_months
    group by 1, 2
),

churn as (
    -- A member active in M-1 and not in M churns in M.
    select
        platform,
        cast({{ dbt.dateadd('month', 1, 'month_start') }} as date) as month_start,
        count(*) as churned_members
    from member_months
    where is_inactive_next_month
    group by 1, 2
),

counted as (
    select
        grid.platform,
        grid.month_start,
        grid.is_complete_period,
        {{ dbt.datediff('grid.month_start', 'grid.next_month_start', 'day') }} as days_in_month, -- noqa: LT05
        coalesce(monthly.active_members, 0) as active_members,
        coalesce(monthly.new_members, 0) as new_members,
        coalesce(monthly.returning_members, 0) as returning_members,
        coalesce(monthly.reactivated_members, 0) as reactivated_members,
        coalesce(churn.churned_members, 0) as churned_members,
        coalesce(monthly.contributors, 0) as contributors,
        coalesce(monthly.new_contributors, 0) as new_contributors,
        coalesce(monthly.activities, 0) as activities,
        coalesce(monthly.contributions, 0) as contributions,
        coalesce(monthly.member_days, 0) as member_days
    from grid
    left join monthly
        on
            grid.platform = monthly.platform
            and grid.month_start = monthly.month_start
    left join churn
        on
            grid.platform = churn.platform
            and grid.month_start = churn.month_start
),

final as (
    select
        platform,
        month_start,
        cast(new_members as {{ dbt.type_bigint() }}) as new_members,
        cast(returning_members as {{ dbt.type_bigint() }}) as returning_members,
        cast(reactivated_members as {{ dbt.type_bigint() }}) as reactivated_members,
        cast(active_members as {{ dbt.type_bigint() }}) as active_members,
        case
            when is_complete_period then cast(churned_members as {{ dbt.type_bigint() }})
        end as churned_members,
        cast(lag(active_members) over months_of_platform as {{ dbt.type_bigint() }}) as previous_active_members,
        case
            when is_complete_period
                then {{ safe_divide('returning_members', 'lag(active_members) over months_of_platform') }}
        end as retention_rate,
        cast(member_days as double) / days_in_month as average_daily_active_members,
        {{ safe_divide('cast(member_days as double) / days_in_month', 'active_members') }}
            as stickiness,
        cast(contributors as {{ dbt.type_bigint() }}) as contributors,
        cast(new_contributors as {{ dbt.type_bigint() }}) as new_contributors,
        cast(activities as {{ dbt.type_bigint() }}) as activities,
        cast(contributions as {{ dbt.type_bigint() }}) as contributions,
        coalesce(is_complete_period, false) as is_complete_period
    from counted
    window months_of_platform as (partition by platform order by month_start)
)

select * from final
