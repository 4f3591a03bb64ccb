with base as (
    {{ staged_rows(ref('base_zendesk__ticket')) }}
),

final as (
    select
        ticket_id,
        subject,
        ticket_status,
        priority,
        ticket_type,
        requester_user_id,
        submitter_user_id,
        assignee_user_id,
        organization_id,
        group_id,
        brand_id,
        channel,
        created_at,
        updated_at,
        fivetran_synced_at
    from base
)

select * from final
