{#
    The members a community manager acts on: everyone at Orbit level 1 (advocates) and the members
    with the widest reach (the top N by reach, the var community_advocates_top_reach), with their
    handles, account and what they have done up to the as-of day of community__member_levels.
#}
{%- set top_reach = number_var('community_advocates_top_reach', 25, min_value=0, max_value=100000, integer=true) -%}

with levels as (
    select
        *,
        row_number() over (order by reach desc, love desc, member_id asc) as reach_rank
    from {{ ref('community__member_levels') }}
),

advocates as (
    select * from levels
    where orbit_level = 1 or reach_rank <= {{ top_reach }}
),

members as (
    select * from {{ ref('dim_members') }}
),

activity_counts as (
    select
        activities.member_id,
        sum(case when activities.is_contribution then 1 else 0 end) as contributions,
        sum(case when activities.activity_type = 'social_mention' then 1 else 0 end) as social_mentions,
        count(distinct case when activities.activity_type = 'event_attended' then activities.content_id end)
            as events_attended
    from {{ ref('int_activities__unioned') }} as activities
    inner join advocates
        on activities.member_id = advocates.member_id
    where cast(activities.occurred_at as date) <= advocates.as_of_date
    group by 1
),

final as (
    select
        advocates.member_id,
        members.display_name,
        members.slack_user_id,
        members.discord_username,
        members.github_login,
        members.x_handle,
        members.account_id,
        members.account_name,
        members.is_customer,
        advocates.as_of_date,
        advocates.orbit_level,
        advocates.orbit_level_name,
        advocates.level_change,
        advocates.love,
        advocates.reach,
        cast(advocates.reach_rank as {{ dbt.type_bigint() }}) as reach_rank,
        cast(coalesce(activity_counts.contributions, 0) as {{ dbt.type_bigint() }}) as contributions,
        cast(coalesce(activity_counts.social_mentions, 0) as {{ dbt.type_bigint() }}) as social_mentions,
        cast(coalesce(activity_counts.events_attended, 0) as {{ dbt.type_bigint() }}) as events_attended,
        advocates.last_active_at
    from advocates
    left join members
        on advocates.member_id = members.member_id
    left join activity_counts
        on advocates.member_id = activity_counts.member_id
)

select * from final
