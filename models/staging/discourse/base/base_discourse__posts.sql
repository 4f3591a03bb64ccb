{#
    Every post of every topic document (`post_stream.posts`, one row per element), typed. Unnested from
    the raw topics (parsed once, into a table, on DuckDB) rather than from base_discourse__topics: a post
    stays a row of its own when its topic is quarantined or its topic's author is erased.
#}
with source as (
    select * from {{ source('discourse', 'topics') }}
),

topics as (
    select
        id as topic_id_text,
        post_stream.posts as posts,
        _file_name
    from source
),

posts as (
    select
        topic_id_text as file_topic_id,
        _file_name,
        {{ explode_array('posts') }} as post
    from topics
),

typed as (
    select
        {{ dbt.safe_cast('post.id', dbt.type_bigint()) }} as post_id,
        post.id as post_id_text,
        {{ dbt.safe_cast('coalesce(post.topic_id, file_topic_id)', dbt.type_bigint()) }} as topic_id,
        {{ dbt.safe_cast('post.user_id', dbt.type_bigint()) }} as user_id,
        post.username as username,
        {{ parse_timestamp('post.created_at') }} as created_at,
        {{ parse_timestamp('post.updated_at') }} as updated_at,
        {{ parse_timestamp('post.deleted_at') }} as deleted_at,
        {{ dbt.safe_cast('post.post_number', dbt.type_int()) }} as post_number,
        {{ dbt.safe_cast('post.reply_to_post_number', dbt.type_int()) }} as reply_to_post_number,
        {{ dbt.safe_cast('post.post_type', dbt.type_int()) }} as post_type,
        post.cooked as cooked_html,
        coalesce({{ dbt.safe_cast('post.user_deleted', dbt.type_boolean()) }}, false) as is_user_deleted,
        coalesce({{ dbt.safe_cast('post.hidden', dbt.type_boolean()) }}, false) as is_hidden,
        coalesce({{ dbt.safe_cast('post.accepted_answer', dbt.type_boolean()) }}, false) as is_accepted_answer,
        post.actions_summary as actions_summary,
        _file_name,
        post as _raw_record
    from posts
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('discourse_user', 'user_id')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when post_id_text is null then 'missing id'
            when post_id is null then 'id is not an integer'
            when created_at is null then 'missing or unparseable created_at'
            when post_number is null then 'missing post_number'
            {{- implausible_time_reasons(['created_at', 'updated_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        post_id,
        post_id_text,
        topic_id,
        user_id,
        username,
        created_at,
        updated_at,
        deleted_at,
        post_number,
        reply_to_post_number,
        post_type,
        cooked_html,
        is_user_deleted,
        is_hidden,
        is_accepted_answer,
        actions_summary,
        {{ base_disposition_columns('post_id', 'updated_at desc nulls last, _file_name asc') }}
    from quarantine_text
)

select * from final
