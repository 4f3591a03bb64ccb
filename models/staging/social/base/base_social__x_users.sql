with source as (
    select * from {{ source('social', 'x_search_pages') }}
),

users as (
    select
        _file_name,
        {{ explode_array('includes.users') }} as x_user
    from source
),

typed as (
    select
        x_user.id as user_id,
        x_user.username as username,
        x_user.name as display_name,
        {{ parse_timestamp('x_user.created_at') }} as created_at,
        nullif(trim(x_user.location), '') as location,
        coalesce({{ dbt.safe_cast('x_user.verified', dbt.type_boolean()) }}, false) as is_verified,
        {{ dbt.safe_cast('x_user.public_metrics.followers_count', dbt.type_bigint()) }} as followers_count,
        {{ dbt.safe_cast('x_user.public_metrics.following_count', dbt.type_bigint()) }} as following_count,
        {{ dbt.safe_cast('x_user.public_metrics.tweet_count', dbt.type_bigint()) }} as tweet_count,
        {{ dbt.safe_cast('x_user.public_metrics.listed_count', dbt.type_bigint()) }} as listed_count,
        _file_name,
        x_user as _raw_record
    from users
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('x_user', 'user_id'), ('x_handle', 'username')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when user_id is null then 'missing id'
            when username is null then 'missing username'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
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
        listed_count,
        -- The same author is in every page they tweeted on; pages are newest first, so the first file wins.
        {{ base_disposition_columns('user_id', '_file_name asc') }}
    from quarantine_text
)

select * from final
