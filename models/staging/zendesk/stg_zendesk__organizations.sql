with base as (
    {{ staged_rows(ref('base_zendesk__organization')) }}
),

final as (
    select
        organization_id,
        organization_name,
        external_id,
        created_at,
        updated_at,
        fivetran_synced_at
    from base
)

select * from final
