with base as (
    -- Fivetran upserts: among several syncs of a contact, the latest is its current state (see the base model).
    {{ staged_rows(ref('base_hubspot__contact')) }}
),

final as (
    select
        contact_id,
        email,
        first_name,
        last_name,
        company_name,
        job_title,
        country,
        company_id,
        lifecycle_stage,
        analytics_source,
        additional_emails,
        x_handle,
        github_login,
        discord_username,
        heard_about_us,
        created_at,
        is_deleted,
        fivetran_synced_at
    from base
)

select * from final
