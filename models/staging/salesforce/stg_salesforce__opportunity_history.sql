with base as (
    {{ staged_rows(ref('base_salesforce__opportunity_history')) }}
),

final as (
    select
        opportunity_id,
        valid_from,
        valid_to,
        is_current,
        stage_name,
        amount,
        is_closed,
        is_won,
        close_date,
        fivetran_synced_at
    from base
)

select * from final
