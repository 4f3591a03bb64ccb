with source as (
    select * from {{ source('web', 'pages') }}
),

typed as (
    select
        nullif(trim(id), '') as page_view_id,
        nullif(trim(anonymous_id), '') as anonymous_id,
        nullif(trim(user_id), '') as user_id,
        {{ parse_timestamp('timestamp') }} as viewed_at,
        {{ parse_timestamp('received_at') }} as received_at,
        nullif(trim(context_page_url), '') as page_url,
        nullif(trim(context_page_path), '') as page_path,
        nullif(trim(context_page_title), '') as page_title,
        nullif(trim(context_page_referrer), '') as referrer,
        lower(nullif(trim(context_campaign_source), '')) as utm_source,
        lower(nullif(trim(context_campaign_medium), '')) as utm_medium,
        nullif(trim(context_campaign_name), '') as utm_campaign,
        nullif(trim(context_campaign_content), '') as utm_content,
        nullif(trim(context_campaign_term), '') as utm_term,
        nullif(trim(timestamp), '') as viewed_at_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('web_anonymous_id', 'anonymous_id')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when page_view_id is null then 'missing id'
            when anonymous_id is null and user_id is null then 'no anonymous_id or user_id'
            when viewed_at_text is null or viewed_at is null then 'missing or unparseable timestamp'
            {{- implausible_time_reasons(['viewed_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        page_view_id,
        anonymous_id,
        user_id,
        viewed_at,
        received_at,
        page_url,
        page_path,
        page_title,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        utm_content,
        utm_term,
        viewed_at_text,
        {{ base_disposition_columns('page_view_id', 'received_at asc, _file_name asc') }}
    from quarantine_text
)

select * from final
