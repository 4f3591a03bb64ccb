{#
    The union of one model per enabled source: `<prefix><source>` for every source in `sources` that is
    not switched off, each reduced to `columns` (a list of [name, type]) by name, in that order. When
    every source is off, an empty relation with those columns and types, so models below still build.
    Cross-source models (activities, …) take their sources from here rather than each testing the
    `using_<source>` switches.
#}
{% macro union_source_models(prefix, sources, columns) -%}
    {%- set enabled = [] -%}
    {%- for source_name in sources if source_enabled(source_name) -%}
        {%- do enabled.append(source_name) -%}
    {%- endfor -%}
    {%- for source_name in enabled %}
        select
        {%- for name, type in columns %}
            {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
        from {{ ref(prefix ~ source_name) }}
        {{ 'union all' if not loop.last }}
    {%- else %}
        select
        {%- for name, type in columns %}
            cast(null as {{ type }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
        where 1 = 0
    {%- endfor %}
{%- endmacro %}
