{#
    The base/stg pattern of every source entity (see DECISIONLOG.md, "Staging"):
    a base model holds every raw record with its disposition — staged, quarantined (with a reason) or
    duplicate — and the stg model keeps the staged ones.
#}

{#
    The columns every base model ends with, from a CTE that has `_file_name`, `_raw_record` and
    `_quarantine_reason`. `key` is the entity's natural key, `order_by` picks the row staged among
    several valid rows with that key (the others are duplicates); by default the latest Fivetran sync.
#}
{% macro base_disposition_columns(key, order_by='fivetran_synced_at desc nulls last, _file_name asc') -%}
    _file_name,
    _quarantine_reason,
    {{ duplicate_flag(key, order_by) }} as _is_duplicate,
    -- The record as text is kept for quarantined rows only: it is what the data team needs to inspect
    -- them, and storing it for millions of valid rows would double the table.
    case when _quarantine_reason is not null then _raw_record end as _raw_record
{%- endmacro %}


{#
    True for the second and later rows that share a natural key, among the rows that pass validation;
    the first row by `order_by` is the one staged. Quarantined rows are never duplicates: they are
    accounted for by their reason.
#}
{% macro duplicate_flag(key, order_by) -%}
    coalesce(
        _quarantine_reason is null
        and row_number() over (
            partition by {{ key }}, _quarantine_reason is null
            order by {{ order_by }}
        ) > 1,
        false
    )
{%- endmacro %}


{# The rows of a base model that staging keeps: valid and not duplicates. #}
{% macro staged_rows(base_relation) -%}
    select * from {{ base_relation }}
    where _quarantine_reason is null and not _is_duplicate
{%- endmacro %}
