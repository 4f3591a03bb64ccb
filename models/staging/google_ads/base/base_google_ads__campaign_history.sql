with source as (
    select * from {{ source('google_ads', 'campaign_history') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as campaign_id,
        {{ parse_timestamp('updated_at') }} as updated_at,
        nullif(trim(name), '') as campaign_name,
        {{ dbt.safe_cast('customer_id', dbt.type_bigint()) }} as account_id,
        nullif(trim(advertising_channel_type), '') as channel_type,
        nullif(trim(status), '') as campaign_status,
        nullif(trim(serving_status), '') as serving_status,
        cast({{ parse_timestamp('start_date') }} as date) as start_date,
        cast({{ parse_timestamp('end_date') }} as date) as end_date,
        nullif(trim(id), '') as campaign_id_text,
        nullif(trim(updated_at), '') as updated_at_text,
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
            when campaign_id is null then 'missing or non-integer id'
            when updated_at is null then 'missing or unparseable updated_at'
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        campaign_id,
        updated_at,
        campaign_name,
        account_id,
        channel_type,
        campaign_status,
        serving_status,
        start_date,
        end_date,
        campaign_id_text,
        updated_at_text,
        {{ base_disposition_columns('campaign_id, updated_at', '_file_name') }}
    from quarantine_text
)

select * from final
