with source as (
    select * from {{ source('discourse', 'categories') }}
),

categories as (
    select
        _file_name,
        {{ explode_array('category_list.categories') }} as category
    from source
    where _parse_error is null
),

typed as (
    select
        {{ dbt.safe_cast('category.id', dbt.type_bigint()) }} as category_id,
        category.id as category_id_text,
        nullif(trim(category.name), '') as category_name,
        category.slug as category_slug,
        category.description as description,
        {{ dbt.safe_cast('category.parent_category_id', dbt.type_bigint()) }} as parent_category_id,
        {{ dbt.safe_cast('category.topic_count', dbt.type_int()) }} as topic_count,
        {{ dbt.safe_cast('category.post_count', dbt.type_int()) }} as post_count,
        coalesce({{ dbt.safe_cast('category.read_restricted', dbt.type_boolean()) }}, false) as is_read_restricted,
        _file_name,
        -- as text: unioned below with whole unparseable pages, a different shape
        {{ record_as_text('category') }} as _raw_record
    from categories
),

unparseable_files as (
    -- A categories.json that does not parse has nothing to unnest: it is kept as one quarantined row.
    select
        cast(null as {{ dbt.type_bigint() }}) as category_id,
        cast(null as {{ dbt.type_string() }}) as category_id_text,
        cast(null as {{ dbt.type_string() }}) as category_name,
        cast(null as {{ dbt.type_string() }}) as category_slug,
        cast(null as {{ dbt.type_string() }}) as description,
        cast(null as {{ dbt.type_bigint() }}) as parent_category_id,
        cast(null as {{ dbt.type_int() }}) as topic_count,
        cast(null as {{ dbt.type_int() }}) as post_count,
        false as is_read_restricted,
        _file_name,
        {{ record_as_text('_raw_record') }} as _raw_record,
        cast(null as {{ dbt.type_string() }}) as _erasure,
        cast(null as {{ dbt.type_string() }}) as _erasure_file,
        _parse_error as _quarantine_reason
    from source
    where _parse_error is not null
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
            when category_id is null then 'missing or non-integer id'
            when category_name is null then 'missing name'
        end as _quarantine_reason
    from erasure_applied
    union all
    select * from unparseable_files
),

quarantine_text as (
    {{ quarantine_text('validated', record_is_text=true) }}
),

final as (
    select
        category_id,
        category_id_text,
        category_name,
        category_slug,
        description,
        parent_category_id,
        topic_count,
        post_count,
        is_read_restricted,
        {{ base_disposition_columns('category_id', '_file_name') }}
    from quarantine_text
)

select * from final
