{#
    When a new conversation gets answers: for every conversation started (a top-level message, topic,
    issue or pull request; bots' left out), the replies and reactions it drew and how soon it was first
    answered, by the weekday and hour it was started in the community's time zone (the var
    community_time_zone), per platform and for all platforms together.
#}
{%- set time_zone = time_zone_var('community_time_zone') -%}

with conversations as (
    select
        platform,
        {{ utc_to_local('started_at', time_zone) }} as started_local,
        replies,
        reactions,
        first_response_at,
        hours_to_first_response
    from {{ ref('int_community__conversations') }}
    where not is_bot
),

slotted as (
    select
        platform,
        cast({{ iso_weekday('started_local') }} as int) as weekday_number,
        cast(extract(hour from started_local) as int) as hour_of_day,
        replies,
        reactions,
        first_response_at,
        hours_to_first_response
    from conversations
),

both_levels as (
    select * from slotted
    union all
    select
        'all' as platform,
        weekday_number,
        hour_of_day,
        replies,
        reactions,
        first_response_at,
        hours_to_first_response
    from slotted
),

final as (
    select
        platform,
        weekday_number,
        case weekday_number
            when 1 then 'Monday'
            when 2 then 'Tuesday'
            when 3 then 'Wednesday'
            when 4 then 'Thursday'
            when 5 then 'Friday'
            when 6 then 'Saturday'
            when 7 then 'Sunday'
        end as weekday_name,
        hour_of_day,
        count(*) as conversations_started,
        cast(sum(replies) as bigint) as replies,
        cast(sum(reactions) as bigint) as reactions,
        cast(sum(replies) as double) / count(*) as replies_per_conversation,
        cast(sum(reactions) as double) / count(*) as reactions_per_conversation,
        count(first_response_at) as answered_conversations,
        cast(count(first_response_at) as double) / count(*) as answered_share,
        cast(
            percentile_cont(0.5) within group (order by hours_to_first_response) as double
        ) as median_hours_to_first_response
    from both_levels
    group by 1, 2, 3, 4
)

select * from final
