with source as (
    select * from {{ source('github', 'pull_request_review') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as review_id,
        {{ dbt.safe_cast('pull_request_id', dbt.type_bigint()) }} as pull_request_id,
        {{ dbt.safe_cast('user_id', dbt.type_bigint()) }} as reviewer_id,
        upper(nullif(trim(state), '')) as review_state,
        {{ parse_timestamp('submitted_at') }} as submitted_at,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as review_id_text,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('github_user', 'reviewer_id')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when review_id_text is null then 'missing id'
            when review_id is null then 'id is not an integer'
            when pull_request_id is null then 'missing or non-integer pull_request_id'
            {{- implausible_time_reasons(['submitted_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        review_id,
        pull_request_id,
        reviewer_id,
        review_state,
        submitted_at,
        fivetran_synced_at,
        review_id_text,
        fivetran_synced_text,
        {{ base_disposition_columns('review_id') }}
    from quarantine_text
)

select * from final
