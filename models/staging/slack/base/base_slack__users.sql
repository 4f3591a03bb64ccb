with source as (
    select * from {{ source('slack', 'users') }}
),

typed as (
    select
        id as user_id,
        team_id,
        name as username,
        coalesce(nullif(trim(profile.real_name), ''), nullif(trim(real_name), '')) as real_name,
        nullif(trim(profile.display_name), '') as display_name,
        {{ clean_email('profile.email') }} as email,
        nullif(trim(profile.title), '') as title,
        nullif(tz, '') as timezone,
        coalesce({{ dbt.safe_cast('is_admin', dbt.type_boolean()) }}, false) as is_admin,
        coalesce({{ dbt.safe_cast('is_owner', dbt.type_boolean()) }}, false) as is_owner,
        coalesce({{ dbt.safe_cast('is_bot', dbt.type_boolean()) }}, false)
        or coalesce({{ dbt.safe_cast('is_app_user', dbt.type_boolean()) }}, false)
        or profile.bot_id is not null
        or id = 'USLACKBOT' as is_bot,
        coalesce({{ dbt.safe_cast('deleted', dbt.type_boolean()) }}, false) as is_deleted,
        {{ epoch_seconds_to_timestamp('updated') }} as updated_at,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('slack_user', 'user_id'), ('email', 'email')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when user_id is null or user_id = '' then 'missing id'
            {{- implausible_time_reasons(['updated_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
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
        updated_at,
        {{ base_disposition_columns('user_id', 'updated_at desc, _file_name asc') }}
    from quarantine_text
)

select * from final
