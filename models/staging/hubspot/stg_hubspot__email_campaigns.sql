with base as (
    {{ staged_rows(ref('base_hubspot__email_campaign')) }}
),

final as (
    select
        email_campaign_id,
        campaign_name,
        subject,
        campaign_type,
        app_name,
        fivetran_synced_at
    from base
)

select * from final
