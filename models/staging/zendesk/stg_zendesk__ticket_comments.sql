with base as (
    {{ staged_rows(ref('base_zendesk__ticket_comment')) }}
),

final as (
    select
        ticket_comment_id,
        ticket_id,
        user_id,
        is_public,
        created_at,
        body,
        fivetran_synced_at
    from base
)

select * from final
