with base as (
    {{ staged_rows(ref('base_discourse__users')) }}
),

final as (
    select
        user_id,
        username,
        full_name,
        email,
        is_active,
        is_admin,
        is_moderator,
        is_admin or is_moderator as is_staff,
        -- Discourse's own accounts (system, discobot) have ids below 1.
        user_id < 1 as is_bot,
        is_staged,
        suspended_at is not null as is_suspended,
        trust_level,
        title,
        created_at,
        last_seen_at
    from base
)

select * from final
