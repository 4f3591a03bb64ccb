{#
    numerator / denominator as a double, null when the denominator is 0 or null. Portable: DuckDB
    gives inf or NaN for x / 0 and Spark gives null (or an error in ANSI mode). Double, not
    dbt.type_float(): that is a 4-byte FLOAT on DuckDB (1/3 would keep 7 digits).
#}
{% macro safe_divide(numerator, denominator) -%}
    case
        when {{ denominator }} is null or {{ denominator }} = 0 then null
        else cast({{ numerator }} as double) / cast({{ denominator }} as double)
    end
{%- endmacro %}
