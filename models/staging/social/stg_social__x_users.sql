with base as (
    {{ staged_rows(ref('base_social__x_users')) }}
),

final as (
    select
        user_id,
        username,
        display_name,
        created_at,
        location,
        is_verified,
        followers_count,
        following_count,
        tweet_count,
        listed_count
    from base
)

select * from final
