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


{#
    Money as published in marts: rounded to cents, as a double. Rounded through a decimal so both
    engines round the same way (half away from zero on the decimal digits): a double's own rounding
    differs between DuckDB (on the binary value) and Spark (on its decimal string) at ties like 1.005.
#}
{% macro cents(expr) -%}
    cast(round(cast({{ expr }} as decimal(38, 6)), 2) as double)
{%- endmacro %}


{#
    A score as published where it orders rows: rounded to 6 decimals through a decimal, as cents() does,
    so that values equal on one engine are equal on the other (the last bits of a double depend on the
    order the engine computed it in) and ranks break ties the same way.
#}
{% macro score_6dp(expr) -%}
    cast(round(cast({{ expr }} as decimal(38, 12)), 6) as double)
{%- endmacro %}
