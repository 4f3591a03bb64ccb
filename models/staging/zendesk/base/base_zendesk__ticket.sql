with source as (
    select * from {{ source('zendesk', 'ticket') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as ticket_id,
        nullif(trim(subject), '') as subject,
        lower(nullif(trim(status), '')) as ticket_status,
        lower(nullif(trim(priority), '')) as priority,
        lower(nullif(trim(type), '')) as ticket_type,
        {{ dbt.safe_cast('requester_id', dbt.type_bigint()) }} as requester_user_id,
        {{ dbt.safe_cast('submitter_id', dbt.type_bigint()) }} as submitter_user_id,
        {{ dbt.safe_cast('assignee_id', dbt.type_bigint()) }} as assignee_user_id,
        {{ dbt.safe_cast('organization_id', dbt.type_bigint()) }} as organization_id,
        {{ dbt.safe_cast('group_id', dbt.type_bigint()) }} as group_id,
        {{ dbt.safe_cast('brand_id', dbt.type_bigint()) }} as brand_id,
        lower(nullif(trim(via_channel), '')) as channel,
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('updated_at') }} as updated_at,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as ticket_id_text,
        nullif(trim(created_at), '') as created_at_text,
        nullif(trim(_fivetran_synced), '') as fivetran_synced_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('zendesk_user', 'requester_user_id'), ('zendesk_user', 'submitter_user_id')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when ticket_id_text is null then 'missing id'
            when ticket_id is null then 'id is not an integer'
            when created_at_text is null or created_at is null then 'missing or unparseable created_at'
            {{- implausible_time_reasons(['created_at', 'updated_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        ticket_id,
        subject,
        ticket_status,
        priority,
        ticket_type,
        requester_user_id,
        submitter_user_id,
        assignee_user_id,
        organization_id,
        group_id,
        brand_id,
        channel,
        created_at,
        updated_at,
        fivetran_synced_at,
        ticket_id_text,
        created_at_text,
        fivetran_synced_text,
        {{ base_disposition_columns('ticket_id') }}
    from quarantine_text
)

select * from final
