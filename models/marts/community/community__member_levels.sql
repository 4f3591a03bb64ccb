{#
    Orbit-style member levels as of one day (the var community_as_of_date, by default the last day
    the data covers completely, int_calendar__as_of): love (activity weights over a trailing window), reach (other
    members who replied or reacted to the member, plus social followers), the level love earns, and
    the level one month earlier.
#}
{%- set window_days = number_var('community_love_window_days', 90, min_value=1, max_value=3650, integer=true) -%}
{%- set thresholds = orbit_level_thresholds() -%}
{%- set as_of_literal = date_var('community_as_of_date') -%}
{%- set current_level = orbit_level('current_love.love', thresholds) -%}
{%- set previous_level = orbit_level('previous_love.love', thresholds) -%}

with activities as (
    select
        member_id,
        weight,
        occurred_at,
        cast(occurred_at as date) as activity_date
    from {{ ref('int_activities__unioned') }}
    where is_member_activity
),

as_of as (
    select
        {{ as_of_literal if as_of_literal else 'last_complete_date' }} as as_of_date
    from {{ ref('int_calendar__as_of') }}
),

period_ends as (
    -- The day levels are computed for, and the same day one month earlier.
    select
        'current' as period,
        as_of_date as period_end
    from as_of
    union all
    select
        'previous' as period,
        cast({{ dbt.dateadd('month', -1, 'as_of_date') }} as date) as period_end
    from as_of
),

periods as (
    select
        period,
        period_end,
        cast({{ dbt.dateadd('day', -window_days, 'period_end') }} as date) as window_start
    from period_ends
),

love as (
    -- Sum of weights over the trailing window (period_end - window, period_end], for every member
    -- active by period_end (zero love when nothing falls in the window). Rounded to 6 decimals: a sum of
    -- weights like 0.2 depends on the order the engine adds them in (150 reactions can come to
    -- 29.999999999999996 or 30.000000000000004), and a level must not flip on that.
    select
        activities.member_id,
        periods.period,
        round(
            sum(
                case
                    when activities.activity_date > periods.window_start then activities.weight
                    else 0
                end
            ),
            6
        ) as love,
        sum(
            case
                when activities.activity_date > periods.window_start then 1
                else 0
            end
        ) as window_activities,
        min(activities.occurred_at) as first_active_at,
        max(activities.occurred_at) as last_active_at
    from activities
    cross join periods
    where activities.activity_date <= periods.period_end
    group by 1, 2
),

responders as (
    -- Other members who replied or reacted to the member's content, up to the as-of day.
    select
        interactions.parent_member_id as member_id,
        count(distinct interactions.member_id) as responders
    from {{ ref('int_community__interactions') }} as interactions
    cross join as_of
    where
        interactions.interaction_type in ('reply', 'reaction')
        and interactions.parent_member_id is not null
        and interactions.member_id is not null
        and not interactions.is_own_content
        and not interactions.is_staff
        and not interactions.is_bot
        and cast(interactions.occurred_at as date) <= as_of.as_of_date
    group by 1
),

followers as (
    {% if source_enabled('social') %}
        select
            member_map.member_id,
            max(x_users.followers_count) as social_followers
        from {{ ref('stg_social__x_users') }} as x_users
        inner join {{ ref('int_identity__member_map') }} as member_map
            on {{ dbt.concat(["'x_user:'", 'x_users.user_id']) }} = member_map.identifier_id
        group by 1
    {% else %}
    select
        cast(null as {{ dbt.type_string() }}) as member_id,
        cast(null as {{ dbt.type_bigint() }}) as social_followers
    where 1 = 0
    {% endif %}
),

current_love as (
    select * from love
    where period = 'current'
),

previous_love as (
    select * from love
    where period = 'previous'
),

final as (
    select
        current_love.member_id,
        as_of.as_of_date,
        cast(current_love.love as double) as love,
        cast(current_love.window_activities as {{ dbt.type_bigint() }}) as window_activities,
        cast(coalesce(responders.responders, 0) as {{ dbt.type_bigint() }}) as responders,
        cast(coalesce(followers.social_followers, 0) as {{ dbt.type_bigint() }}) as social_followers,
        cast(
            coalesce(responders.responders, 0) + coalesce(followers.social_followers, 0) as {{ dbt.type_bigint() }}
        ) as reach,
        cast({{ current_level }} as int) as orbit_level,
        case {{ current_level }}
            when 1 then 'advocate'
            when 2 then 'contributor'
            when 3 then 'participant'
            else 'explorer'
        end as orbit_level_name,
        cast(case when previous_love.member_id is not null then {{ previous_level }} end as int)
            as previous_orbit_level,
        case
            when previous_love.member_id is null then 'new'
            when {{ current_level }} < {{ previous_level }} then 'up'
            when {{ current_level }} > {{ previous_level }} then 'down'
            else 'same'
        end as level_change,
        current_love.first_active_at,
        current_love.last_active_at
    from current_love
    cross join as_of
    left join previous_love
        on current_love.member_id = previous_love.member_id
    left join responders
        on current_love.member_id = responders.member_id
    left join followers
        on current_love.member_id = followers.member_id
)

select * from final
