with base as (
    {{ staged_rows(ref('base_salesforce__contact')) }}
),

final as (
    select
        contact_id,
        account_id,
        email,
        first_name,
        last_name,
        title,
        lead_source,
        mailing_country,
        owner_user_id,
        created_at,
        is_deleted,
        fivetran_synced_at
    from base
)

select * from final
