with source as (
    select * from {{ source('github', 'pull_request') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as pull_request_id,
        {{ dbt.safe_cast('issue_id', dbt.type_bigint()) }} as issue_id,
        {{ dbt.safe_cast('base_repo_id', dbt.type_bigint()) }} as base_repository_id,
        {{ dbt.safe_cast('head_repo_id', dbt.type_bigint()) }} as head_repository_id,
        nullif(trim(base_ref), '') as base_ref,
        nullif(trim(head_ref), '') as head_ref,
        {{ dbt.safe_cast('head_user_id', dbt.type_bigint()) }} as head_user_id,
        nullif(trim(merge_commit_sha), '') as merge_commit_sha,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as pull_request_id_text,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- No column here says whose record a row is: nothing to erase (macros/staging/erasure.sql).
    {{ erase_requested('typed', []) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when pull_request_id_text is null then 'missing id'
            when pull_request_id is null then 'id is not an integer'
            when issue_id is null then 'missing or non-integer issue_id'
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        pull_request_id,
        issue_id,
        base_repository_id,
        head_repository_id,
        base_ref,
        head_ref,
        head_user_id,
        merge_commit_sha,
        fivetran_synced_at,
        pull_request_id_text,
        fivetran_synced_text,
        {{ base_disposition_columns('pull_request_id') }}
    from quarantine_text
)

select * from final
