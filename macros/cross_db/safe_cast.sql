{#
    dbt's safe_cast is a plain cast on DuckDB (raises on bad input) and on Spark (null, or an error
    once ANSI mode is on). The project needs "null on bad input" on every engine: staging relies on it
    to quarantine unparseable values instead of failing the build. Overrides dbt's macro through the
    `dispatch` search order in dbt_project.yml.
#}
{% macro duckdb__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro spark__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}
