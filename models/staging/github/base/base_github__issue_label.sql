with source as (
    select * from {{ source('github', 'issue_label') }}
),

typed as (
    select
        {{ dbt.safe_cast('issue_id', dbt.type_bigint()) }} as issue_id,
        {{ dbt.safe_cast('label_id', dbt.type_bigint()) }} as label_id,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(issue_id), '') as issue_id_text,
        nullif(trim(label_id), '') as label_id_text,
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
            when issue_id is null or label_id is null then 'missing or non-integer issue_id or label_id'
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        issue_id,
        label_id,
        fivetran_synced_at,
        issue_id_text,
        label_id_text,
        {{ base_disposition_columns('issue_id, label_id') }}
    from quarantine_text
)

select * from final
