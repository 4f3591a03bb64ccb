{#
    Every month in which a member was active, on each platform and on all platforms together
    (platform = 'all'), with where the month stands in the member's history: new, returning,
    reactivated, and whether the member is gone the month after. Staff, bots and unknown actors are
    not members and are left out. The engagement and cohort marts count these rows.
#}
with activities as (
    select
        member_id,
        platform,
        activity_month,
        cast(occurred_at as date) as activity_date,
        case when is_contribution then 1 else 0 end as is_contribution
    from {{ ref('int_activities__unioned') }}
    where is_member_activity
),

member_days as (
    -- One row per member, platform and day, and one per member and day on any platform ('all'):
    -- a member active on two platforms the same day is one active day overall.
    select
        member_id,
        platform,
        activity_month,
        activity_date,
        count(*) as activities,
        sum(is_contribution) as contributions
    from activities
    group by 1, 2, 3, 4
    union all
    select
        member_id,
        'all' as platform,
        activity_month,
        activity_date,
        count(*) as activities,
        sum(is_contribution) as contributions
    from activities
    group by 1, 3, 4
),

member_months as (
    select
        member_id,
        platform,
        activity_month as month_start,
        sum(activities) as activities,
        sum(contributions) as contributions,
        count(*) as active_days
    from member_days
    group by 1, 2, 3
),

sequenced as (
    select
        member_id,
        platform,
        month_start,
        activities,
        contributions,
        active_days,
        lag(month_start) over (partition by member_id, platform order by month_start) as previous_active_month,
        lead(month_start) over (partition by member_id, platform order by month_start) as next_active_month,
        min(case when contributions > 0 then month_start end) over (partition by member_id, platform)
            as first_contribution_month,
        cast({{ dbt.dateadd('month', -1, 'month_start') }} as date) as month_before,
        cast({{ dbt.dateadd('month', 1, 'month_start') }} as date) as month_after
    from member_months
),

final as (
    select
        member_id,
        platform,
        month_start,
        cast(activities as {{ dbt.type_bigint() }}) as activities,
        cast(contributions as {{ dbt.type_bigint() }}) as contributions,
        cast(active_days as {{ dbt.type_bigint() }}) as active_days,
        previous_active_month,
        next_active_month,
        previous_active_month is null as is_new,
        coalesce(previous_active_month = month_before, false) as is_returning,
        coalesce(previous_active_month < month_before, false) as is_reactivated,
        coalesce(next_active_month > month_after, true) as is_inactive_next_month,
        contributions > 0 as is_contributor,
        coalesce(month_start = first_contribution_month, false) as is_new_contributor
    from sequenced
)

select * from final
