{#
    numerator / denominator as a double, null when the denominator is 0 or null. Portable: DuckDB
    gives inf or NaN for x / 0 and Spark gives null (or an error in ANSI mode).
#}
{% macro safe_divide(numerator, denominator) -%}
    case
        when {{ denominator }} is null or {{ denominator }} = 0 then null
        else cast({{ numerator }} as {{ dbt.type_float() }}) / cast({{ denominator }} as {{ dbt.type_float() }})
    end
{%- endmacro %}
