with base as (
    {{ staged_rows(ref('base_salesforce__account')) }}
),

final as (
    select
        account_id,
        account_name,
        website,
        industry,
        employee_count,
        annual_revenue,
        billing_country,
        account_type,
        account_source,
        owner_user_id,
        created_at,
        is_deleted,
        fivetran_synced_at,
        {{ normalize_domain('website') }} as account_domain
    from base
)

select * from final
