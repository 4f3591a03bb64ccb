with source as (
    select * from {{ source('github', 'label') }}
),

typed as (
    select
        {{ dbt.safe_cast('id', dbt.type_bigint()) }} as label_id,
        nullif(trim(name), '') as label_name,
        nullif(trim(color), '') as color,
        nullif(trim(description), '') as description,
        coalesce({{ dbt.safe_cast('is_default', dbt.type_boolean()) }}, false) as is_default,
        {{ parse_timestamp('_fivetran_synced') }} as fivetran_synced_at,
        nullif(trim(id), '') as label_id_text,
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
            when label_id_text is null then 'missing id'
            when label_id is null then 'id is not an integer'
            when label_name is null then 'missing name'
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        label_id,
        label_name,
        color,
        description,
        is_default,
        fivetran_synced_at,
        label_id_text,
        fivetran_synced_text,
        {{ base_disposition_columns('label_id') }}
    from quarantine_text
)

select * from final
