with source as (
    select * from {{ source('github', 'issue_merged') }}
),

typed as (
    select
        {{ dbt.safe_cast('issue_id', dbt.type_bigint()) }} as issue_id,
        {{ parse_timestamp('merged_at') }} as merged_at,
        {{ dbt.safe_cast('actor_id', dbt.type_bigint()) }} as merged_by_id,
        nullif(trim(commit_sha), '') as commit_sha,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(issue_id), '') as issue_id_text,
        nullif(trim(merged_at), '') as merged_at_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('github_user', 'merged_by_id')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when issue_id is null then 'missing or non-integer issue_id'
            when merged_at is null then 'missing or unparseable merged_at'
            {{- implausible_time_reasons(['merged_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        issue_id,
        merged_at,
        merged_by_id,
        commit_sha,
        fivetran_synced_at,
        issue_id_text,
        merged_at_text,
        {{ base_disposition_columns('issue_id') }}
    from quarantine_text
)

select * from final
