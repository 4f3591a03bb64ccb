with source as (
    select * from {{ source('hubspot', 'email_campaign') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as email_campaign_id,
        nullif(trim(name), '') as campaign_name,
        nullif(trim(subject), '') as subject,
        nullif(trim(type), '') as campaign_type,
        nullif(trim(app_name), '') as app_name,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as email_campaign_id_text,
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
            when email_campaign_id_text is null then 'missing id'
            when email_campaign_id is null then 'id is not an integer'
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        email_campaign_id,
        campaign_name,
        subject,
        campaign_type,
        app_name,
        fivetran_synced_at,
        email_campaign_id_text,
        fivetran_synced_text,
        {{ base_disposition_columns('email_campaign_id') }}
    from quarantine_text
)

select * from final
