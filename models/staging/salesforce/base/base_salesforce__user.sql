with source as (
    select * from {{ source('salesforce', 'user') }}
),

typed as (
    select
        nullif(trim(id), '') as user_id,
        nullif(trim(name), '') as user_name,
        {{ clean_email('email') }} as email,
        nullif(trim(title), '') as title,
        coalesce({{ dbt.safe_cast('is_active', dbt.type_boolean()) }}, false) as is_active,
        coalesce({{ dbt.safe_cast('_fivetran_deleted', dbt.type_boolean()) }}, false) as is_deleted,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('email', 'email')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when user_id is null then 'missing id'
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        user_id,
        user_name,
        email,
        title,
        is_active,
        is_deleted,
        fivetran_synced_at,
        fivetran_synced_text,
        {{ base_disposition_columns('user_id') }}
    from quarantine_text
)

select * from final
