with base as (
    {{ staged_rows(ref('base_billing__subscriptions')) }}
),

final as (
    select
        subscription_id,
        customer_id,
        customer_email,
        plan_name,
        product_name,
        quantity,
        billing_interval,
        amount_per_interval,
        currency,
        subscription_status,
        coupon_code,
        cancels_at_period_end,
        created_at,
        started_at,
        current_period_started_at,
        current_period_ends_at,
        canceled_at,
        ended_at
    from base
)

select * from final
