{# The engagement definitions (int_community__engagement_monthly) over all platforms together. #}
with engagement as (
    select * from {{ ref('int_community__engagement_monthly') }}
    where platform = 'all'
),

final as (
    select
        month_start,
        new_members,
        returning_members,
        reactivated_members,
        active_members,
        churned_members,
        previous_active_members,
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
