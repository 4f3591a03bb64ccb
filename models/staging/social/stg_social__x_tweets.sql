with base as (
    {{ staged_rows(ref('base_social__x_tweets')) }}
),

final as (
    select
        tweet_id,
        author_id,
        tweet_text,
        created_at,
        conversation_id,
        language,
        coalesce(like_count, 0) as like_count,
        coalesce(retweet_count, 0) as retweet_count,
        coalesce(reply_count, 0) as reply_count,
        coalesce(quote_count, 0) as quote_count,
        impression_count,
        is_reply
    from base
)

select * from final
