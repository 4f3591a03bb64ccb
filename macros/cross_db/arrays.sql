{#
    One output row per element of an array column, used in a select list:
        select message_id, {{ explode_array('reactions') }} as reaction from ...
    A null or empty array gives no rows on both engines.
#}
{% macro explode_array(expr) -%}
    {{ return(adapter.dispatch('explode_array', 'community_warehouse')(expr)) }}
{%- endmacro %}

{% macro default__explode_array(expr) -%}
    explode({{ expr }})
{%- endmacro %}

{% macro duckdb__explode_array(expr) -%}
    unnest({{ expr }})
{%- endmacro %}


{# Number of elements; null for a null array (Spark's size() says -1). #}
{% macro array_size(expr) -%}
    {{ return(adapter.dispatch('array_size', 'community_warehouse')(expr)) }}
{%- endmacro %}

{% macro default__array_size(expr) -%}
    case when {{ expr }} is not null then size({{ expr }}) end
{%- endmacro %}

{% macro duckdb__array_size(expr) -%}
    len({{ expr }})
{%- endmacro %}
