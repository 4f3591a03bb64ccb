with base as (
    {{ staged_rows(ref('base_hubspot__deal_company')) }}
),

final as (
    select
        deal_id,
        company_id,
        association_type_id,
        association_category
    from base
)

select * from final
