with source as (
    select * from {{ source('github', 'issue_comment') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as issue_comment_id,
        {{ dbt.safe_cast('issue_id', dbt.type_bigint()) }} as issue_id,
        {{ dbt.safe_cast('user_id', dbt.type_bigint()) }} as author_id,
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('updated_at') }} as updated_at,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as issue_comment_id_text,
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
            when issue_comment_id_text is null then 'missing id'
            when issue_comment_id is null then 'id is not an integer'
            when issue_id is null then 'missing or non-integer issue_id'
            when created_at is null then 'missing or unparseable created_at'
            {{- implausible_time_reasons(['created_at', 'updated_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        issue_comment_id,
        issue_id,
        author_id,
        created_at,
        updated_at,
        fivetran_synced_at,
        issue_comment_id_text,
        fivetran_synced_text,
        {{ base_disposition_columns('issue_comment_id') }}
    from quarantine_text
)

select * from final
