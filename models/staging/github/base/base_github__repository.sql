with source as (
    select * from {{ source('github', 'repository') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as repository_id,
        nullif(trim(name), '') as repository_name,
        nullif(trim(full_name), '') as full_name,
        {{ dbt.safe_cast('owner_id', dbt.type_bigint()) }} as owner_id,
        coalesce({{ dbt.safe_cast('private', dbt.type_boolean()) }}, false) as is_private,
        coalesce({{ dbt.safe_cast('fork', dbt.type_boolean()) }}, false) as is_fork,
        coalesce({{ dbt.safe_cast('archived', dbt.type_boolean()) }}, false) as is_archived,
        nullif(trim(default_branch), '') as default_branch,
        nullif(trim(language), '') as language,
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as repository_id_text,
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
            when repository_id_text is null then 'missing id'
            when repository_id is null then 'id is not an integer'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        repository_id,
        repository_name,
        full_name,
        owner_id,
        is_private,
        is_fork,
        is_archived,
        default_branch,
        language,
        created_at,
        fivetran_synced_at,
        repository_id_text,
        fivetran_synced_text,
        {{ base_disposition_columns('repository_id') }}
    from quarantine_text
)

select * from final
