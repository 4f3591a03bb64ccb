with base as (
    {{ staged_rows(ref('base_zendesk__user')) }}
),

final as (
    select
        user_id,
        user_name,
        email,
        role,
        organization_id,
        is_active,
        is_suspended,
        time_zone,
        created_at,
        fivetran_synced_at
    from base
)

select * from final
