with source as (
    select * from {{ source('salesforce', 'contact') }}
),

typed as (
    select
        nullif(trim(id), '') as contact_id,
        nullif(trim(account_id), '') as account_id,
        {{ clean_email('email') }} as email,
        nullif(trim(first_name), '') as first_name,
        nullif(trim(last_name), '') as last_name,
        nullif(trim(title), '') as title,
        nullif(trim(lead_source), '') as lead_source,
        nullif(trim(mailing_country), '') as mailing_country,
        nullif(trim(owner_id), '') as owner_user_id,
        {{ parse_timestamp('created_date') }} as created_at,
        coalesce({{ dbt.safe_cast('is_deleted', dbt.type_boolean()) }}, false) as is_deleted,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('salesforce_contact', 'contact_id'), ('email', 'email')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when contact_id is null then 'missing id'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        contact_id,
        account_id,
        email,
        first_name,
        last_name,
        title,
        lead_source,
        mailing_country,
        owner_user_id,
        created_at,
        is_deleted,
        fivetran_synced_at,
        fivetran_synced_text,
        {{ base_disposition_columns('contact_id') }}
    from quarantine_text
)

select * from final
