with base as (
    {{ staged_rows(ref('base_web__pages')) }}
),

final as (
    select
        page_view_id,
        anonymous_id,
        user_id,
        viewed_at,
        received_at,
        page_url,
        page_path,
        page_title,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        utm_content,
        utm_term
    from base
)

select * from final
