with source as (
    select * from {{ source('github', 'issue') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as issue_id,
        {{ dbt.safe_cast('number', dbt.type_int()) }} as issue_number,
        {{ dbt.safe_cast('repository_id', dbt.type_bigint()) }} as repository_id,
        {{ dbt.safe_cast('user_id', dbt.type_bigint()) }} as author_id,
        nullif(trim(title), '') as title,
        lower(nullif(trim(state), '')) as state,
        coalesce({{ dbt.safe_cast('pull_request', dbt.type_boolean()) }}, false) as is_pull_request,
        coalesce({{ dbt.safe_cast('locked', dbt.type_boolean()) }}, false) as is_locked,
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('closed_at') }} as closed_at,
        {{ parse_timestamp('updated_at') }} as updated_at,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as issue_id_text,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('github_user', 'author_id')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when issue_id_text is null then 'missing id'
            when issue_id is null then 'id is not an integer'
            when created_at is null then 'missing or unparseable created_at'
            {{- implausible_time_reasons(['created_at', 'closed_at', 'updated_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        issue_id,
        issue_number,
        repository_id,
        author_id,
        title,
        state,
        is_pull_request,
        is_locked,
        created_at,
        closed_at,
        updated_at,
        fivetran_synced_at,
        issue_id_text,
        fivetran_synced_text,
        {{ base_disposition_columns('issue_id') }}
    from quarantine_text
)

select * from final
