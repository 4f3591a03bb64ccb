with base as (
    {{ staged_rows(ref('base_hubspot__email_event')) }}
),

final as (
    select
        email_event_id,
        event_type,
        occurred_at,
        recipient_email,
        email_campaign_id,
        portal_id,
        is_filtered,
        fivetran_synced_at
    from base
)

select * from final
