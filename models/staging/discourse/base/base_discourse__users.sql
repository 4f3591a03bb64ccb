with source as (
    select * from {{ source('discourse', 'users') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as user_id,
        id as user_id_text,
        nullif(trim(username), '') as username,
        nullif(trim(name), '') as full_name,
        -- Discourse writes "no_email" for accounts without one (the system user).
        case when email like '%@%' then {{ clean_email('email') }} end as email,
        coalesce({{ dbt.safe_cast('active', dbt.type_boolean()) }}, false) as is_active,
        coalesce({{ dbt.safe_cast('admin', dbt.type_boolean()) }}, false) as is_admin,
        coalesce({{ dbt.safe_cast('moderator', dbt.type_boolean()) }}, false) as is_moderator,
        coalesce({{ dbt.safe_cast('staged', dbt.type_boolean()) }}, false) as is_staged,
        {{ dbt.safe_cast('trust_level', dbt.type_int()) }} as trust_level,
        nullif(trim(title), '') as title,
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('last_seen_at') }} as last_seen_at,
        {{ parse_timestamp('suspended_at') }} as suspended_at,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('discourse_user', 'user_id'), ('email', 'email')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when user_id_text is null then 'missing id'
            when user_id is null then 'id is not an integer'
            when username is null then 'missing username'
            {{- implausible_time_reasons(['created_at', 'last_seen_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        user_id,
        user_id_text,
        username,
        full_name,
        email,
        is_active,
        is_admin,
        is_moderator,
        is_staged,
        trust_level,
        title,
        created_at,
        last_seen_at,
        suspended_at,
        {{ base_disposition_columns('user_id', 'last_seen_at desc nulls last, _file_name asc') }}
    from quarantine_text
)

select * from final
