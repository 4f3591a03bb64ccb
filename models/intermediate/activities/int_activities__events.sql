{# Event actions (Luma-style guest lists): registrations, and check-ins of guests who attended. #}
with guests as (
    select * from {{ ref('stg_events__guests') }}
),

events as (
    select
        event_id,
        event_name
    from {{ ref('stg_events__events') }}
),

unioned as (
    select
        {{ dbt.concat(["'events:registered:'", 'guest_id']) }} as activity_id,
        'event_registered' as activity_type,
        guest_id,
        event_id,
        registered_at as occurred_at
    from guests
    where registered_at is not null
    union all
    select
        {{ dbt.concat(["'events:attended:'", 'guest_id']) }} as activity_id,
        'event_attended' as activity_type,
        guest_id,
        event_id,
        checked_in_at as occurred_at
    from guests
    where has_attended and checked_in_at is not null
),

final as (
    select
        unioned.activity_id,
        'events' as platform,
        unioned.activity_type,
        {{ dbt.concat(["'event_guest:'", 'unioned.guest_id']) }} as actor_identifier_id,
        events.event_name as channel_name,
        unioned.event_id as content_id,
        cast(null as {{ dbt.type_string() }}) as parent_content_id,
        unioned.occurred_at,
        false as is_bot_actor
    from unioned
    left join events
        on unioned.event_id = events.event_id
)

select * from final
