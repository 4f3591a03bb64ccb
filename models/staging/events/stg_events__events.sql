with base as (
    {{ staged_rows(ref('base_events__events')) }}
),

final as (
    select
        event_id,
        event_name,
        starts_at,
        ends_at,
        timezone,
        event_format,
        city,
        cost_usd
    from base
)

select * from final
