with base as (
    {{ staged_rows(ref('base_events__guests')) }}
),

final as (
    select
        guest_id,
        event_id,
        email,
        first_name,
        last_name,
        registered_at,
        approval_status,
        checked_in_at,
        amount_paid,
        currency,
        coupon_code,
        ticket_name,
        stated_role,
        heard_about_us,
        checked_in_at is not null as has_attended
    from base
)

select * from final
