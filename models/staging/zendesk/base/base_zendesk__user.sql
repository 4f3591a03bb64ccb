with source as (
    select * from {{ source('zendesk', 'user') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as user_id,
        nullif(trim(name), '') as user_name,
        {{ clean_email('email') }} as email,
        lower(nullif(trim(role), '')) as role,
        {{ dbt.safe_cast('organization_id', dbt.type_bigint()) }} as organization_id,
        coalesce({{ dbt.safe_cast('active', dbt.type_boolean()) }}, false) as is_active,
        coalesce({{ dbt.safe_cast('suspended', dbt.type_boolean()) }}, false) as is_suspended,
        nullif(trim(time_zone), '') as time_zone,
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as user_id_text,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('zendesk_user', 'user_id'), ('email', 'email')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when user_id_text is null then 'missing id'
            when user_id is null then 'id is not an integer'
            {{- implausible_time_reasons(['created_at']) }}
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
        role,
        organization_id,
        is_active,
        is_suspended,
        time_zone,
        created_at,
        fivetran_synced_at,
        user_id_text,
        fivetran_synced_text,
        {{ base_disposition_columns('user_id') }}
    from quarantine_text
)

select * from final
