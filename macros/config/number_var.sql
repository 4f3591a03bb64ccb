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


{#
    A project var that must be true or false (a YAML boolean, or the text true/false): checked the same
    way. Returns a Python boolean for Jinja, never text for SQL.
#}
{% macro boolean_var(name, default) -%}
    {%- set raw = var(name, default) -%}
    {%- set text = (raw | string | trim | lower) -%}
    {%- if text not in ['true', 'false'] -%}
        {{ exceptions.raise_compiler_error(
            "The var `" ~ name ~ "` is " ~ (raw | tojson) ~ "; it must be true or false (default "
            ~ (default | string | lower) ~ "). Set it with --vars '{" ~ name ~ ": " ~ (default | string | lower) ~ "}'."
        ) }}
    {%- endif -%}
    {{- return(text == 'true') -}}
{%- endmacro %}


{#
    A project var that must be one of `choices` (text): checked the same way. Returns the choice, safe
    to quote in SQL because it is one of the listed words.
#}
{% macro choice_var(name, default, choices) -%}
    {%- set raw = var(name, default) -%}
    {%- set text = (raw | string | trim) -%}
    {%- if text not in choices -%}
        {{ exceptions.raise_compiler_error(
            "The var `" ~ name ~ "` is " ~ (raw | tojson) ~ "; it must be one of " ~ (choices | join(', '))
            ~ " (default " ~ default ~ "). Set it with --vars '{" ~ name ~ ": " ~ default ~ "}'."
        ) }}
    {%- endif -%}
    {{- return(text) -}}
{%- endmacro %}


{#
    A project var that reaches SQL as a keyword inside a string literal: lower-case letters, digits,
    spaces, hyphens and underscores only (nothing that could close the literal). Checked the same way.
#}
{% macro keyword_var(name, default) -%}
    {%- set raw = var(name, default) -%}
    {%- set text = (raw | string | trim) -%}
    {%- if modules.re.match('^[a-z0-9][a-z0-9 _-]*$', text) is none -%}
        {{ exceptions.raise_compiler_error(
            "The var `" ~ name ~ "` is " ~ (raw | tojson) ~ "; it must be a lower-case keyword (letters, digits,"
            ~ " spaces, - and _; default " ~ default ~ "). Set it with --vars '{" ~ name ~ ": " ~ default ~ "}'."
        ) }}
    {%- endif -%}
    {{- return(text) -}}
{%- endmacro %}


{#
    A project var naming an IANA time zone (`Europe/Paris`, `America/New_York`, `UTC`), checked to be
    written like one before it reaches SQL as a literal. Returns the quoted literal.
#}
{% macro time_zone_var(name, default='UTC') -%}
    {%- set text = var(name, default) | string | trim -%}
    {%- if modules.re.match('^(UTC|[A-Z][A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$', text) is none -%}
        {{ exceptions.raise_compiler_error(
            "The var `" ~ name ~ "` is " ~ (var(name, default) | tojson) ~ "; it must be an IANA time zone such as"
            ~ " Europe/Paris, America/New_York or UTC (default " ~ default ~ "). Set it with --vars '{" ~ name
            ~ ": Europe/Paris}'."
        ) }}
    {%- endif -%}
    {{- return("'" ~ text ~ "'") -}}
{%- endmacro %}


{#
    A project var that is a list of `length` numbers in strictly increasing (or, with descending=true,
    strictly decreasing) order, such as the cut points of a 0–5 score: checked the same way. Returns the
    list of numbers.
#}
{% macro number_list_var(name, default, length, descending=false) -%}
    {%- set raw = var(name, default) -%}
    {%- set values = [] -%}
    {%- set state = namespace(ok=(raw is iterable and raw is not string and raw is not mapping)) -%}
    {%- if state.ok -%}
        {%- for item in raw -%}
            {%- set text = (item | string) | trim -%}
            {%- if item is boolean or modules.re.match('^-?[0-9]+([.][0-9]+)?$', text) is none -%}
                {%- set state.ok = false -%}
            {%- else -%}
                {%- do values.append(text | float) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if state.ok and (values | length) == length -%}
        {%- for i in range(1, length) -%}
            {%- if (descending and values[i] >= values[i - 1]) or (not descending and values[i] <= values[i - 1]) -%}
                {%- set state.ok = false -%}
            {%- endif -%}
        {%- endfor -%}
    {%- else -%}
        {%- set state.ok = false -%}
    {%- endif -%}
    {%- if not state.ok -%}
        {{ exceptions.raise_compiler_error(
            "The var `" ~ name ~ "` is " ~ (raw | tojson) ~ "; it must be a list of " ~ length ~ " numbers in "
            ~ ("decreasing" if descending else "increasing") ~ " order (default " ~ (default | tojson)
            ~ "). Set it in dbt_project.yml under `vars:` or with --vars '{" ~ name ~ ": " ~ (default | tojson) ~ "}'."
        ) }}
    {%- endif -%}
    {{- return(values) -}}
{%- endmacro %}
