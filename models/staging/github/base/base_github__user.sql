with source as (
    select * from {{ source('github', 'user') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as github_user_id,
        nullif(trim(login), '') as login,
        nullif(trim(name), '') as display_name,
        nullif(trim(company), '') as company,
        nullif(trim(location), '') as location,
        nullif(trim(type), '') as account_type,
        coalesce({{ dbt.safe_cast('site_admin', dbt.type_boolean()) }}, false) as is_site_admin,
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as github_user_id_text,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('github_user', 'github_user_id'), ('github_login', 'login')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when github_user_id_text is null then 'missing id'
            when github_user_id is null then 'id is not an integer'
            when login is null then 'missing login'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        github_user_id,
        login,
        display_name,
        company,
        location,
        account_type,
        is_site_admin,
        created_at,
        fivetran_synced_at,
        github_user_id_text,
        fivetran_synced_text,
        {{ base_disposition_columns('github_user_id') }}
    from quarantine_text
)

select * from final
