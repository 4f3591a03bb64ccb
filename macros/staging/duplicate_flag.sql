{#
    In a base model: true for the second and later rows that share a natural key, among the rows that
    pass validation (`_quarantine_reason is null`); the first row by `order_by` is the one staged.
    Quarantined rows are never duplicates: they are accounted for by their reason.
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
