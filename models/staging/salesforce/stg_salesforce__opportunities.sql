with base as (
    {{ staged_rows(ref('base_salesforce__opportunity')) }}
),

final as (
    select
        opportunity_id,
        account_id,
        opportunity_name,
        amount,
        stage_name,
        is_closed,
        is_won,
        probability_percent,
        opportunity_type,
        lead_source,
        forecast_category,
        close_date,
        created_at,
        owner_user_id,
        is_deleted,
        fivetran_synced_at
    from base
)

select * from final
