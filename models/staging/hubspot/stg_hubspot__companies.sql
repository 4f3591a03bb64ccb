with base as (
    {{ staged_rows(ref('base_hubspot__company')) }}
),

final as (
    select
        company_id,
        company_name,
        {{ normalize_domain('domain_text') }} as company_domain,
        website,
        industry,
        country,
        employee_count,
        annual_revenue,
        created_at,
        is_deleted,
        fivetran_synced_at
    from base
)

select * from final
