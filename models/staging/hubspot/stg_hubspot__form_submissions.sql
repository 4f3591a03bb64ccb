with base as (
    {{ staged_rows(ref('base_hubspot__contact_form_submission')) }}
),

final as (
    select
        contact_id,
        conversion_id,
        submitted_at,
        form_id,
        form_title,
        page_id,
        page_url,
        portal_id,
        fivetran_synced_at
    from base
)

select * from final
