with source as (
    select * from {{ source('zendesk', 'ticket_comment') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as ticket_comment_id,
        {{ dbt.safe_cast('ticket_id', dbt.type_bigint()) }} as ticket_id,
        {{ dbt.safe_cast('user_id', dbt.type_bigint()) }} as user_id,
        coalesce({{ dbt.safe_cast('public', dbt.type_boolean()) }}, false) as is_public,
        {{ parse_timestamp('created') }} as created_at,
        nullif(trim(body), '') as body,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as ticket_comment_id_text,
        nullif(trim(created), '') as created_at_text,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('zendesk_user', 'user_id')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when ticket_comment_id_text is null then 'missing id'
            when ticket_comment_id is null then 'id is not an integer'
            when ticket_id is null then 'missing or non-integer ticket_id'
            when created_at_text is null or created_at is null then 'missing or unparseable created'
            {{- implausible_time_reasons(['created_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        ticket_comment_id,
        ticket_id,
        user_id,
        is_public,
        created_at,
        body,
        fivetran_synced_at,
        ticket_comment_id_text,
        created_at_text,
        fivetran_synced_text,
        {{ base_disposition_columns('ticket_comment_id') }}
    from quarantine_text
)

select * from final
