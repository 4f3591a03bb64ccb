with source as (
    select * from {{ source('linkedin_ads', 'campaign_history') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as campaign_id,
        {{ parse_timestamp('last_modified_time') }} as last_modified_at,
        nullif(trim(name), '') as campaign_name,
        {{ dbt.safe_cast('account_id', dbt.type_bigint()) }} as account_id,
        {{ dbt.safe_cast('campaign_group_id', dbt.type_bigint()) }} as campaign_group_id,
        {{ parse_timestamp('created_time') }} as created_at,
        nullif(trim(status), '') as campaign_status,
        nullif(trim(type), '') as campaign_type,
        nullif(trim(cost_type), '') as cost_type,
        nullif(trim(id), '') as campaign_id_text,
        nullif(trim(last_modified_time), '') as last_modified_text,
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
            when last_modified_at is null then 'missing or unparseable last_modified_time'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        campaign_id,
        last_modified_at,
        campaign_name,
        account_id,
        campaign_group_id,
        created_at,
        campaign_status,
        campaign_type,
        cost_type,
        campaign_id_text,
        last_modified_text,
        {{ base_disposition_columns('campaign_id, last_modified_at', '_file_name') }}
    from quarantine_text
)

select * from final
