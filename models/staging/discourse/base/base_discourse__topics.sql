with source as (
    select * from {{ source('discourse', 'topics') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as topic_id,
        id as topic_id_text,
        nullif(trim(title), '') as title,
        {{ dbt.safe_cast('category_id', dbt.type_bigint()) }} as category_id,
        {{ dbt.safe_cast('coalesce(user_id, details.created_by.id)', dbt.type_bigint()) }} as user_id,
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('last_posted_at') }} as last_posted_at,
        {{ parse_timestamp('deleted_at') }} as deleted_at,
        {{ dbt.safe_cast('posts_count', dbt.type_int()) }} as posts_count,
        {{ dbt.safe_cast('views', dbt.type_int()) }} as view_count,
        {{ dbt.safe_cast('like_count', dbt.type_int()) }} as like_count,
        coalesce({{ dbt.safe_cast('closed', dbt.type_boolean()) }}, false) as is_closed,
        coalesce({{ dbt.safe_cast('archived', dbt.type_boolean()) }}, false) as is_archived,
        archetype,
        {{ dbt.safe_cast('accepted_answer.post_number', dbt.type_int()) }} as accepted_answer_post_number,
        _file_name,
        _raw_record,
        _parse_error
    from source
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
            when _parse_error is not null then _parse_error
            when topic_id_text is null then 'missing id'
            when topic_id is null then 'id is not an integer'
            when created_at is null then 'missing or unparseable created_at'
            {{- implausible_time_reasons(['created_at', 'last_posted_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        topic_id,
        topic_id_text,
        title,
        category_id,
        user_id,
        created_at,
        last_posted_at,
        deleted_at,
        posts_count,
        view_count,
        like_count,
        is_closed,
        is_archived,
        archetype,
        accepted_answer_post_number,
        {{ base_disposition_columns('topic_id', 'last_posted_at desc nulls last, _file_name asc') }}
    from quarantine_text
)

select * from final
