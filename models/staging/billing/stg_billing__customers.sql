with base as (
    {{ staged_rows(ref('base_billing__customers')) }}
),

final as (
    select
        customer_id,
        email,
        customer_name,
        description,
        created_at,
        currency,
        is_delinquent,
        heard_about_us
    from base
)

select * from final
