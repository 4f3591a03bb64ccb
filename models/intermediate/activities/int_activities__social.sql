{# X (Twitter) posts returned by the community's search (API v2): each is a public mention. #}
with tweets as (
    select * from {{ ref('stg_social__x_tweets') }}
),

final as (
    select
        {{ dbt.concat(["'social:x:'", 'tweet_id']) }} as activity_id,
        'social' as platform,
        'social_mention' as activity_type,
        {{ dbt.concat(["'x_user:'", 'author_id']) }} as actor_identifier_id,
        cast('x' as {{ dbt.type_string() }}) as channel_name,
        tweet_id as content_id,
        case when is_reply then conversation_id end as parent_content_id,
        created_at as occurred_at,
        false as is_bot_actor
    from tweets
    where author_id is not null
)

select * from final
