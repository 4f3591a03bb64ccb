{#
    Every member at risk of leaving, once per complete month M: the members active (any platform) in at
    least one of the three months M-2..M, with what the warehouse knew about them at the end of M —
    recency, frequency, tenure, contributions, activity in the last three months and its quartile — and
    what happened next: whether they were active again in M+1 or M+2 (null while those months are not
    complete). Features use nothing after M.
#}
with as_of as (
    select
        {{ last_complete_month() }} as last_complete_month
    from {{ ref('int_calendar__as_of') }}
),

member_months as (
    select
        member_id,
        month_start,
        activities,
        contributions
    from {{ ref('int_community__member_months') }}
    where platform = 'all'
),

last_activities as (
    -- The last day each member was active in each month.
    select
        member_id,
        {{ month_start('occurred_at') }} as month_start,
        max(cast(occurred_at as date)) as last_activity_date
    from {{ ref('int_activities__unioned') }}
    where is_member_activity
    group by 1, 2
),

first_months as (
    select
        member_id,
        min(month_start) as first_month
    from member_months
    group by 1
),

bounds as (
    select
        min(member_months.month_start) as first_month,
        max(as_of.last_complete_month) as last_month
    from member_months
    cross join as_of
),

months as (
    {{ month_spine('bounds') }}
),

windows as (
    -- Each as-of month M with the member-months of M-2..M.
    select
        months.month_start as as_of_month,
        member_months.member_id,
        {{ dbt.datediff('member_months.month_start', 'months.month_start', 'month') }} as months_ago, -- noqa: LT05
        member_months.activities,
        member_months.contributions,
        last_activities.last_activity_date
    from months
    inner join member_months
        on
            months.month_start >= member_months.month_start
            and cast({{ dbt.dateadd('month', -2, 'months.month_start') }} as date) <= member_months.month_start
    left join last_activities
        on
            member_months.member_id = last_activities.member_id
            and member_months.month_start = last_activities.month_start
),

features as (
    select
        as_of_month,
        member_id,
        min(months_ago) as months_since_active,
        count(*) as active_months_last_3,
        sum(activities) as activities_last_3,
        sum(case when months_ago = 0 then activities else 0 end) as activities_this_month,
        sum(case when months_ago = 1 then activities else 0 end) as activities_previous_month,
        sum(contributions) as contributions_last_3,
        max(last_activity_date) as last_activity_date
    from windows
    group by 1, 2
),

outcomes as (
    -- Active again in M+1 or M+2.
    select
        features.as_of_month,
        features.member_id,
        max(case when member_months.member_id is not null then 1 else 0 end) as is_active_next_2
    from features
    left join member_months
        on
            features.member_id = member_months.member_id
            and features.as_of_month < member_months.month_start
            and cast({{ dbt.dateadd('month', 2, 'features.as_of_month') }} as date) >= member_months.month_start
    group by 1, 2
),

final as (
    select
        features.as_of_month,
        features.member_id,
        cast(features.months_since_active as int) as months_since_active,
        cast(features.active_months_last_3 as int) as active_months_last_3,
        cast(features.activities_last_3 as {{ dbt.type_bigint() }}) as activities_last_3,
        cast(features.activities_this_month as {{ dbt.type_bigint() }}) as activities_this_month,
        cast(features.activities_previous_month as {{ dbt.type_bigint() }}) as activities_previous_month,
        cast(features.contributions_last_3 as {{ dbt.type_bigint() }}) as contributions_last_3,
        cast({{ dbt.datediff('first_months.first_month', 'features.as_of_month', 'month') }} as int) as tenure_months, -- noqa: LT05
        features.last_activity_date,
        cast({{ dbt.datediff(
            'features.last_activity_date',
            dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'features.as_of_month')),
            'day'
        ) }} as int) as days_since_last_activity,
        cast(ntile(4) over (
            partition by features.as_of_month
            order by features.activities_last_3 desc, features.member_id asc
        ) as int) as activity_quartile,
        case
            when cast({{ dbt.dateadd('month', 2, 'features.as_of_month') }} as date) <= as_of.last_complete_month
                then outcomes.is_active_next_2 = 0
        end as is_churned
    from features
    inner join first_months
        on features.member_id = first_months.member_id
    inner join outcomes
        on
            features.as_of_month = outcomes.as_of_month
            and features.member_id = outcomes.member_id
    cross join as_of
)

select * from final
