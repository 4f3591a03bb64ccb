{#
    Layers land in schemas named after them (staging, intermediate, marts, seeds) rather than dbt's
    default <target_schema>_<custom>: each target is its own DuckDB file or Spark warehouse, so there
    is nothing to keep apart, and BI users get short, stable names (marts.community__engagement_monthly).
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
