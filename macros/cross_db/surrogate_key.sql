{#
    A stable key from several columns: md5 of their text joined by '|', nulls as '_null_'. The same
    on every engine and every run (unlike hash(), whose values differ between DuckDB and Spark).
#}
{% macro surrogate_key(fields) -%}
    md5(concat_ws('|'
    {%- for field in fields -%}
        , coalesce(cast({{ field }} as {{ dbt.type_string() }}), '_null_')
    {%- endfor -%}
    ))
{%- endmacro %}
