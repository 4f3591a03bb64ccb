{#
    A project var that reaches SQL as a number, checked first: its value must be a number (an int or a
    float, or text that reads as one) between `min_value` and `max_value`. Anything else stops the
    build with a message naming the var, the value and how to set it, instead of rendering arbitrary
    text into a query. Returns the number as it should be written in SQL.
#}
{% macro number_var(name, default, min_value=none, max_value=none, integer=false) -%}
    {%- set raw = var(name, default) -%}
    {%- set text = (raw | string) | trim -%}
    {%- set pattern = '^-?[0-9]+$' if integer else '^-?[0-9]+([.][0-9]+)?$' -%}
    {%- set ok = modules.re.match(pattern, text) is not none and raw is not boolean -%}
    {%- set value = (text | int) if (ok and integer) else ((text | float) if ok else none) -%}
    {%- if not ok
        or (min_value is not none and value < min_value)
        or (max_value is not none and value > max_value) -%}
        {%- set kind = 'a whole number' if integer else 'a number' -%}
        {%- set bounds = [] -%}
        {%- if min_value is not none %}{% do bounds.append('at least ' ~ min_value) %}{% endif -%}
        {%- if max_value is not none %}{% do bounds.append('at most ' ~ max_value) %}{% endif -%}
        {{ exceptions.raise_compiler_error(
            "The var `" ~ name ~ "` is " ~ (raw | tojson) ~ "; it must be " ~ kind
            ~ ((' ' ~ (bounds | join(' and '))) if bounds else '')
            ~ " (default " ~ default ~ "). Set it in dbt_project.yml under `vars:` or with "
            ~ "--vars '{" ~ name ~ ": " ~ default ~ "}'."
        ) }}
    {%- endif -%}
    {{- return(value) -}}
{%- endmacro %}


{#
    A project var that reaches SQL as a date (YYYY-MM-DD), or none when unset: checked the same way.
    Returns the date as a SQL literal, `cast('2026-06-30' as date)`, or none.
#}
{% macro date_var(name) -%}
    {%- set raw = var(name, none) -%}
    {%- if raw is none or (raw | string | trim) == '' -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- set text = (raw | string) | trim -%}
    {%- if modules.re.match('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', text) is none -%}
        {{ exceptions.raise_compiler_error(
            "The var `" ~ name ~ "` is " ~ (raw | tojson) ~ "; it must be a date written YYYY-MM-DD, or left "
            ~ "unset. Set it with --vars '{" ~ name ~ ": 2026-06-30}'."
        ) }}
    {%- endif -%}
    {{- return("cast('" ~ text ~ "' as date)") -}}
{%- endmacro %}
