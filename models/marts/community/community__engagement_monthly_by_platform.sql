{#
    The engagement definitions (int_community__engagement_monthly) per platform: a member active on
    two platforms counts once on each, and once in community__engagement_monthly.
#}
with engagement as (
    select * from {{ ref('int_community__engagement_monthly') }}
    where platform != 'all'
),

final as (
    select
        month_start,
        platform,
        new_members,
        returning_members,
        reactivated_members,
        active_members,
        churned_members,
        retention_rate,
        average_daily_active_members,
        stickiness,
        contributors,
        new_contributors,
        activities,
        contributions,
        is_complete_period
    from engagement
)

select * from final
