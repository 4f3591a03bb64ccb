{#
    The base/stg pattern of every source entity (see DECISIONLOG.md, "Staging"):
    a base model holds every raw record with its disposition — staged, quarantined (with a reason) or
    duplicate — and the stg model keeps the staged ones.
#}

{#
    The columns every base model ends with, from the `quarantine_text` CTE (below). `key` is the entity's
    natural key, `order_by` picks the row staged among several valid rows with that key (the others are
    duplicates); by default the latest Fivetran sync.
#}
{% macro base_disposition_columns(key, order_by='fivetran_synced_at desc nulls last, _file_name asc') -%}
    _file_name,
    _quarantine_reason,
    {{ duplicate_flag(key, order_by) }} as _is_duplicate,
    _quarantined_record as _raw_record
{%- endmacro %}


{#
    The body of every base model's `quarantine_text` CTE, between `validated` (which has `_raw_record`,
    the whole record as a struct/JSON value, and `_quarantine_reason`) and `final`. The record becomes
    text for quarantined rows only: that is what the data team needs to inspect them, and rendering it
    for millions of valid rows — and carrying it through the duplicate window — would cost more than
    the rest of the model (measured: 16 s → 7.6 s and 8.1 → 2.8 GB on 5M page views).
#}
{% macro quarantine_text(relation='validated', record_is_text=false) -%}
    {#- record_is_text: the model rendered `_raw_record` itself (it unions records of different shapes). -#}
    select
        *,
        case
            when _quarantine_reason is not null
                then {{ '_raw_record' if record_is_text else record_as_text('_raw_record') }}
        end as _quarantined_record
    from {{ relation }}
{%- endmacro %}


{# A struct, map or JSON value as JSON text. #}
{% macro record_as_text(expression) -%}
    {{ return(adapter.dispatch('record_as_text', 'community_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__record_as_text(expression) -%}
    to_json({{ expression }})
{%- endmacro %}

{% macro duckdb__record_as_text(expression) -%}
    cast(to_json({{ expression }}) as varchar)
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
