with base as (
    {{ staged_rows(ref('base_github__user')) }}
),

final as (
    select
        github_user_id,
        login,
        display_name,
        company,
        location,
        account_type,
        is_site_admin,
        created_at,
        fivetran_synced_at,
        coalesce(account_type = 'Bot', false) or coalesce(login like '%[bot]', false) as is_bot
    from base
)

select * from final
