with base as (
    {{ staged_rows(ref('base_salesforce__lead')) }}
),

final as (
    select
        lead_id,
        email,
        first_name,
        last_name,
        company_name,
        title,
        lead_source,
        lead_status,
        is_converted,
        converted_at,
        converted_contact_id,
        converted_account_id,
        converted_opportunity_id,
        country,
        owner_user_id,
        created_at,
        is_deleted,
        fivetran_synced_at
    from base
)

select * from final
