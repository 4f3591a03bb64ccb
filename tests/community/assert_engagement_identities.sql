{#
    The engagement counts agree with each other, in the total and on every platform:
    active = new + returning + reactivated, and churned(M) = active(M-1) - returning(M)
    (zero churn in the first month) in complete months, churn and retention null in incomplete ones;
    and the total counts each member once, so it is never more than
    the sum over platforms and never less than the largest platform.
#}
with engagement as (
    select
        'all' as platform,
        month_start,
        new_members,
        returning_members,
        reactivated_members,
        active_members,
        churned_members,
        retention_rate,
        is_complete_period
    from {{ ref('community__engagement_monthly') }}
    union all
    select
        platform,
        month_start,
        new_members,
        returning_members,
        reactivated_members,
        active_members,
        churned_members,
        retention_rate,
        is_complete_period
    from {{ ref('community__engagement_monthly_by_platform') }}
),

with_previous as (
    select
        *,
        coalesce(lag(active_members) over (partition by platform order by month_start), 0) as previous_active_members
    from engagement
),

identity_failures as (
    select
        platform,
        month_start,
        'active != new + returning + reactivated, churned != previous active - returning, '
        || 'or churn in an incomplete month' as failure
    from with_previous
    where
        active_members != new_members + returning_members + reactivated_members
        or (is_complete_period and churned_members is null)
        or churned_members != previous_active_members - returning_members
        or (not is_complete_period and (churned_members is not null or retention_rate is not null))
),

platform_sums as (
    select
        month_start,
        sum(active_members) as platform_active_sum,
        max(active_members) as platform_active_max
    from {{ ref('community__engagement_monthly_by_platform') }}
    group by 1
),

total_failures as (
    select
        'all' as platform,
        totals.month_start,
        'total active members outside [largest platform, sum of platforms]' as failure
    from {{ ref('community__engagement_monthly') }} as totals
    inner join platform_sums
        on totals.month_start = platform_sums.month_start
    where
        totals.active_members > platform_sums.platform_active_sum
        or totals.active_members < platform_sums.platform_active_max
)

select * from identity_failures
union all
select * from total_failures
