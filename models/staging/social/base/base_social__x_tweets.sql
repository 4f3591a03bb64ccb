with source as (
    select * from {{ source('social', 'x_search_pages') }}
),

tweets as (
    select
        _file_name,
        {{ explode_array('data') }} as tweet
    from source
    where _parse_error is null
),

typed as (
    select
        tweet.id as tweet_id,
        tweet.author_id as author_id,
        tweet.text as tweet_text,
        {{ parse_timestamp('tweet.created_at') }} as created_at,
        tweet.conversation_id as conversation_id,
        tweet.lang as language,
        {{ dbt.safe_cast('tweet.public_metrics.like_count', dbt.type_int()) }} as like_count,
        {{ dbt.safe_cast('tweet.public_metrics.retweet_count', dbt.type_int()) }} as retweet_count,
        {{ dbt.safe_cast('tweet.public_metrics.reply_count', dbt.type_int()) }} as reply_count,
        {{ dbt.safe_cast('tweet.public_metrics.quote_count', dbt.type_int()) }} as quote_count,
        {{ dbt.safe_cast('tweet.public_metrics.impression_count', dbt.type_bigint()) }} as impression_count,
        tweet.conversation_id is not null and tweet.conversation_id <> tweet.id as is_reply,
        _file_name,
        -- as text: unioned below with whole unparseable pages, a different shape
        {{ record_as_text('tweet') }} as _raw_record
    from tweets
),

unparseable_pages as (
    -- A page that does not parse has no tweets to unnest: it is kept as one quarantined row.
    select
        cast(null as {{ dbt.type_string() }}) as tweet_id,
        cast(null as {{ dbt.type_string() }}) as author_id,
        cast(null as {{ dbt.type_string() }}) as tweet_text,
        cast(null as {{ dbt.type_timestamp() }}) as created_at,
        cast(null as {{ dbt.type_string() }}) as conversation_id,
        cast(null as {{ dbt.type_string() }}) as language,
        cast(null as {{ dbt.type_int() }}) as like_count,
        cast(null as {{ dbt.type_int() }}) as retweet_count,
        cast(null as {{ dbt.type_int() }}) as reply_count,
        cast(null as {{ dbt.type_int() }}) as quote_count,
        cast(null as {{ dbt.type_bigint() }}) as impression_count,
        false as is_reply,
        _file_name,
        {{ record_as_text('_raw_record') }} as _raw_record,
        cast(null as {{ dbt.type_string() }}) as _erasure,
        cast(null as {{ dbt.type_string() }}) as _erasure_file,
        _parse_error as _quarantine_reason
    from source
    where _parse_error is not null
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('x_user', 'author_id')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when tweet_id is null then 'missing id'
            when author_id is null then 'missing author_id'
            when created_at is null then 'missing or unparseable created_at'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
    union all
    select * from unparseable_pages
),

quarantine_text as (
    {{ quarantine_text('validated', record_is_text=true) }}
),

final as (
    select
        tweet_id,
        author_id,
        tweet_text,
        created_at,
        conversation_id,
        language,
        like_count,
        retweet_count,
        reply_count,
        quote_count,
        impression_count,
        is_reply,
        {{ base_disposition_columns('tweet_id', '_file_name desc') }}
    from quarantine_text
)

select * from final
