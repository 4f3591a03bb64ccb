with base as (
    {{ staged_rows(ref('base_google_ads__campaign_history')) }}
),

final as (
    select
        campaign_id,
        updated_at,
        campaign_name,
        account_id,
        channel_type,
        campaign_status,
        serving_status,
        start_date,
        end_date
    from base
)

select * from final
