with base as (
    {{ staged_rows(ref('base_hubspot__deal_contact')) }}
),

final as (
    select
        deal_id,
        contact_id,
        association_type_id,
        association_category,
        fivetran_synced_at
    from base
)

select * from final
