{#
    Every event with its turnout and what followed: registrations and attendance by members (staff
    and bots excluded), first-time attendees, attendees new to the community, attendees' activity on
    the other platforms in the days before and after the event, and opportunities opened in the days
    after it at the accounts the attendees belonged to on the day of the event.
#}
{%- set activity_days = number_var(
    'community_event_activity_window_days', 30, min_value=1, max_value=365, integer=true
) -%}
{%- set pipeline_days = number_var(
    'community_event_pipeline_window_days', 90, min_value=1, max_value=730, integer=true
) -%}

with events as (
    {% if source_enabled('events') %}
        select
            event_id,
            event_name,
            starts_at,
            event_format,
            city
        from {{ ref('stg_events__events') }}
    {% else %}
    select
        cast(null as {{ dbt.type_string() }}) as event_id,
        cast(null as {{ dbt.type_string() }}) as event_name,
        cast(null as {{ dbt.type_timestamp() }}) as starts_at,
        cast(null as {{ dbt.type_string() }}) as event_format,
        cast(null as {{ dbt.type_string() }}) as city
    where 1 = 0
    {% endif %}
),

member_activities as (
    select
        member_id,
        platform,
        activity_type,
        content_id,
        occurred_at
    from {{ ref('int_activities__unioned') }}
    where is_member_activity
),

first_activities as (
    select
        member_id,
        min(occurred_at) as first_active_at
    from member_activities
    group by 1
),

guests as (
    -- One row per member and event: registered (every guest is), attended, when they registered.
    select
        content_id as event_id,
        member_id,
        max(case when activity_type = 'event_attended' then 1 else 0 end) as has_attended,
        min(case when activity_type = 'event_registered' then occurred_at end) as registered_at,
        min(case when activity_type = 'event_attended' then occurred_at end) as attended_at
    from member_activities
    where platform = 'events'
    group by 1, 2
),

attendees as (
    select
        guests.event_id,
        guests.member_id,
        events.starts_at,
        row_number() over (partition by guests.member_id order by guests.attended_at, guests.event_id)
            as attendance_number,
        -- No community activity before registering (or, without a registration, attending) this event.
        first_activities.first_active_at >= coalesce(guests.registered_at, guests.attended_at)
            as is_new_to_community
    from guests
    inner join events
        on guests.event_id = events.event_id
    inner join first_activities
        on guests.member_id = first_activities.member_id
    where guests.has_attended = 1
),

attendee_activity as (
    -- Attendees' actions on the other platforms in the window before and after the event starts.
    select
        attendees.event_id,
        sum(
            case
                when
                    member_activities.occurred_at
                    >= {{ dbt.dateadd('day', -activity_days, 'attendees.starts_at') }}
                    and member_activities.occurred_at < attendees.starts_at
                    then 1
                else 0
            end
        ) as activities_before,
        sum(
            case
                when
                    member_activities.occurred_at >= attendees.starts_at
                    and member_activities.occurred_at
                    < {{ dbt.dateadd('day', activity_days, 'attendees.starts_at') }}
                    then 1
                else 0
            end
        ) as activities_after
    from attendees
    inner join member_activities
        on attendees.member_id = member_activities.member_id
    where member_activities.platform != 'events'
    group by 1
),

attendee_accounts as (
    select distinct
        attendees.event_id,
        attendees.starts_at,
        member_accounts.account_id
    from attendees
    inner join {{ ref('int_crm__member_affiliations') }} as member_accounts
        on attendees.member_id = member_accounts.member_id
            and {{ during_affiliation('attendees.starts_at', 'member_accounts') }}
),

pipeline as (
    select
        attendee_accounts.event_id,
        count(distinct opportunities.opportunity_id) as opportunities_opened,
        sum(opportunities.amount) as opportunity_amount
    from attendee_accounts
    inner join {{ ref('int_crm__opportunities') }} as opportunities
        on attendee_accounts.account_id = opportunities.account_id
    where
        opportunities.created_at >= attendee_accounts.starts_at
        and opportunities.created_at < {{ dbt.dateadd('day', pipeline_days, 'attendee_accounts.starts_at') }}
    group by 1
),

turnout as (
    select
        guests.event_id,
        count(*) as registered,
        sum(guests.has_attended) as attended
    from guests
    group by 1
),

attendee_counts as (
    select
        event_id,
        sum(case when attendance_number = 1 then 1 else 0 end) as first_time_attendees,
        sum(case when is_new_to_community then 1 else 0 end) as attendees_new_to_community
    from attendees
    group by 1
),

final as (
    select
        events.event_id,
        events.event_name,
        events.starts_at,
        events.event_format,
        events.city,
        cast(coalesce(turnout.registered, 0) as {{ dbt.type_bigint() }}) as registered,
        cast(coalesce(turnout.attended, 0) as {{ dbt.type_bigint() }}) as attended,
        {{ safe_divide('turnout.attended', 'turnout.registered') }} as attendance_rate,
        cast(coalesce(turnout.registered - turnout.attended, 0) as {{ dbt.type_bigint() }}) as no_shows,
        cast(coalesce(attendee_counts.first_time_attendees, 0) as {{ dbt.type_bigint() }}) as first_time_attendees,
        cast(coalesce(attendee_counts.attendees_new_to_community, 0) as {{ dbt.type_bigint() }})
            as attendees_new_to_community,
        cast(coalesce(attendee_activity.activities_before, 0) as {{ dbt.type_bigint() }})
            as attendee_activities_before,
        cast(coalesce(attendee_activity.activities_after, 0) as {{ dbt.type_bigint() }})
            as attendee_activities_after,
        {{ safe_divide('attendee_activity.activities_after', 'attendee_activity.activities_before') }}
            as attendee_activity_lift,
        cast(coalesce(pipeline.opportunities_opened, 0) as {{ dbt.type_bigint() }}) as opportunities_opened,
        {{ cents('cast(coalesce(pipeline.opportunity_amount, 0) as double)') }} as opportunity_amount
    from events
    left join turnout
        on events.event_id = turnout.event_id
    left join attendee_counts
        on events.event_id = attendee_counts.event_id
    left join attendee_activity
        on events.event_id = attendee_activity.event_id
    left join pipeline
        on events.event_id = pipeline.event_id
)

select * from final
