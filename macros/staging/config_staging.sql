{#
    The body of a `stg_config__<table>` model: every column the source `config.<table>` declares (its yml
    `meta.raw.columns`, one spec), trimmed, empty text as null, cast where `types` says (date, integer).
    Casts are plain, not try_cast: a configuration value that is not a date stops the build, because a
    wrong row there changes every mart (DECISIONLOG, "A community's own configuration").
#}
{% macro config_staging(table, types={}) %}
    {%- set relation = source('config', table) -%}
    {%- set columns = [] -%}
    {%- if execute -%}
        {%- set node = graph.sources['source.' ~ project_name ~ '.config.' ~ table] -%}
        {%- set columns = node.meta.raw.columns -%}
    {%- endif %}
with source as (
    select * from {{ relation }}
),

final as (
    select
    {%- for column in columns %}
        {% if column in types -%}
            cast(nullif(trim({{ adapter.quote(column) }}), '') as {{ types[column] }})
        {%- else -%}
            nullif(trim({{ adapter.quote(column) }}), '')
        {%- endif %} as {{ adapter.quote(column) }}{{ ',' if not loop.last }}
    {%- else %}
        *
    {%- endfor %}
    from source
)

select * from final
{%- endmacro %}
