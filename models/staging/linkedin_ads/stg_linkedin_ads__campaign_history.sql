with base as (
    {{ staged_rows(ref('base_linkedin_ads__campaign_history')) }}
),

final as (
    select
        campaign_id,
        last_modified_at,
        campaign_name,
        account_id,
        campaign_group_id,
        created_at,
        campaign_status,
        campaign_type,
        cost_type
    from base
)

select * from final
