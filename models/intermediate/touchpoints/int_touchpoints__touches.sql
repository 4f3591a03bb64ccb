{#
    Every touch a person had with the company before buying, in time order: web sessions (with their
    channel and campaign), community touches (the first community activity, each event attended, each
    question of theirs that got an answer, each social mention) and e-mail clicks. Paid touches are the
    web sessions whose channel is paid (the ad platforms export spend, not people's clicks). Only touches
    of known members count: an anonymous visitor cannot be followed to a conversion.
#}
with member_activities as (
    select
        activity_id,
        member_id,
        activity_type,
        channel_name,
        occurred_at
    from {{ ref('int_activities__unioned') }}
    where is_member_activity
),

web_sessions as (
    {% if source_enabled('web') %}
        select
            session_id as touch_id,
            member_id,
            started_at as touched_at,
            'web_session' as touch_type,
            channel,
            utm_campaign as campaign
        from {{ ref('int_touchpoints__web_sessions') }}
        where member_id is not null
    {% else %}
    select
        cast(null as {{ dbt.type_string() }}) as touch_id,
        cast(null as {{ dbt.type_string() }}) as member_id,
        cast(null as {{ dbt.type_timestamp() }}) as touched_at,
        cast(null as {{ dbt.type_string() }}) as touch_type,
        cast(null as {{ dbt.type_string() }}) as channel,
        cast(null as {{ dbt.type_string() }}) as campaign
    where 1 = 0
    {% endif %}
),

first_activities as (
    select
        activity_id,
        member_id,
        occurred_at,
        row_number() over (partition by member_id order by occurred_at, activity_id) as activity_rank
    from member_activities
),

community as (
    select
        {{ dbt.concat(["'community_first_activity:'", 'activity_id']) }} as touch_id,
        member_id,
        occurred_at as touched_at,
        'community_first_activity' as touch_type,
        'community' as channel,
        cast(null as {{ dbt.type_string() }}) as campaign
    from first_activities
    where activity_rank = 1
    union all
    select
        {{ dbt.concat(["'event_attended:'", 'activity_id']) }} as touch_id,
        member_id,
        occurred_at as touched_at,
        'event_attended' as touch_type,
        'community' as channel,
        channel_name as campaign
    from member_activities
    where activity_type = 'event_attended'
    union all
    select
        {{ dbt.concat(["'social_mention:'", 'activity_id']) }} as touch_id,
        member_id,
        occurred_at as touched_at,
        'social_mention' as touch_type,
        'community' as channel,
        cast(null as {{ dbt.type_string() }}) as campaign
    from member_activities
    where activity_type = 'social_mention'
    union all
    select
        {{ dbt.concat(["'question_answered:'", 'conversation_id']) }} as touch_id,
        member_id,
        first_response_at as touched_at,
        'question_answered' as touch_type,
        'community' as channel,
        channel_name as campaign
    from {{ ref('int_community__conversations') }}
    where
        is_question
        and first_response_at is not null
        and member_id is not null
        and not is_staff
        and not is_bot
),

email_clicks as (
    {% if source_enabled('hubspot') %}
        select
            {{ dbt.concat(["'email_click:'", 'cast(events.email_event_id as ' ~ dbt.type_string() ~ ')']) }}
                as touch_id,
            member_map.member_id,
            events.occurred_at as touched_at,
            'email_click' as touch_type,
            'email' as channel,
            campaigns.campaign_name as campaign
        from {{ ref('stg_hubspot__email_events') }} as events
        inner join {{ ref('int_identity__member_map') }} as member_map
            on {{ dbt.concat(["'email:'", match_email('events.recipient_email')]) }} = member_map.identifier_id
        left join {{ ref('stg_hubspot__email_campaigns') }} as campaigns
            on events.email_campaign_id = campaigns.email_campaign_id
        where events.event_type = 'CLICK' and events.occurred_at is not null
    {% else %}
    select * from web_sessions
    where 1 = 0
    {% endif %}
),

final as (
    select * from web_sessions
    union all
    select * from community
    union all
    select * from email_clicks
)

select * from final
