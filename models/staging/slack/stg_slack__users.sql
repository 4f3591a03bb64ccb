with base as (
    {{ staged_rows(ref('base_slack__users')) }}
),

final as (
    select
        user_id,
        team_id,
        username,
        real_name,
        display_name,
        email,
        title,
        timezone,
        is_admin,
        is_owner,
        is_bot,
        is_deleted,
        updated_at
    from base
)

select * from final
