with base as (
    {{ staged_rows(ref('base_costs__community_costs')) }}
),

final as (
    select
        month_start,
        program,
        category,
        amount,
        currency
    from base
)

select * from final
