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


{# Text split on a one-character delimiter into an array of strings (Spark's split takes a regex). #}
{% macro split_to_array(expr, delimiter) -%}
    {{ return(adapter.dispatch('split_to_array', 'community_warehouse')(expr, delimiter)) }}
{%- endmacro %}

{% macro default__split_to_array(expr, delimiter) -%}
    split({{ expr }}, '[{{ delimiter }}]')
{%- endmacro %}

{% macro duckdb__split_to_array(expr, delimiter) -%}
    string_split({{ expr }}, '{{ delimiter }}')
{%- endmacro %}


{# Aggregate: the distinct non-null values of a text column, sorted, joined by ', '. #}
{% macro sorted_distinct_list(expr) -%}
    {{ return(adapter.dispatch('sorted_distinct_list', 'community_warehouse')(expr)) }}
{%- endmacro %}

{% macro default__sorted_distinct_list(expr) -%}
    array_join(array_sort(collect_set({{ expr }})), ', ')
{%- endmacro %}

{% macro duckdb__sorted_distinct_list(expr) -%}
    {#- twice as fast as string_agg(distinct … order by …) on millions of groups -#}
    array_to_string(list_sort(list_distinct(list({{ expr }}))), ', ')
{%- endmacro %}


{# The elements of an array for which `condition` (on the variable `element`) holds. #}
{% macro array_filter(array, element, condition) -%}
    {{ return(adapter.dispatch('array_filter', 'community_warehouse')(array, element, condition)) }}
{%- endmacro %}

{% macro default__array_filter(array, element, condition) -%}
    filter({{ array }}, {{ element }} -> {{ condition }})
{%- endmacro %}

{% macro duckdb__array_filter(array, element, condition) -%}
    list_filter({{ array }}, lambda {{ element }}: {{ condition }})
{%- endmacro %}


{# Each element of an array as `expression` (on the variable `element`). #}
{% macro array_transform(array, element, expression) -%}
    {{ return(adapter.dispatch('array_transform', 'community_warehouse')(array, element, expression)) }}
{%- endmacro %}

{% macro default__array_transform(array, element, expression) -%}
    transform({{ array }}, {{ element }} -> {{ expression }})
{%- endmacro %}

{% macro duckdb__array_transform(array, element, expression) -%}
    list_transform({{ array }}, lambda {{ element }}: {{ expression }})
{%- endmacro %}


{#
    Every two neighbouring elements of an array of strings, joined by a space: ['a', 'b', 'c'] gives
    ['a b', 'b c']; an array of fewer than two elements gives an empty array.
#}
{% macro adjacent_pairs(array) -%}
    {{ return(adapter.dispatch('adjacent_pairs', 'community_warehouse')(array)) }}
{%- endmacro %}

{% macro default__adjacent_pairs(array) -%}
    filter(
        zip_with({{ array }}, slice({{ array }}, 2, greatest(size({{ array }}) - 1, 0)), (first_part, second_part) -> concat(first_part, ' ', second_part)),
        pair -> pair is not null
    )
{%- endmacro %}

{% macro duckdb__adjacent_pairs(array) -%}
    list_transform(range(1, len({{ array }})), lambda i: {{ array }}[i] || ' ' || {{ array }}[i + 1])
{%- endmacro %}


{# An array without repeated elements (order not kept). #}
{% macro array_distinct(array) -%}
    {{ return(adapter.dispatch('array_distinct', 'community_warehouse')(array)) }}
{%- endmacro %}

{% macro default__array_distinct(array) -%}
    array_distinct({{ array }})
{%- endmacro %}

{% macro duckdb__array_distinct(array) -%}
    list_distinct({{ array }})
{%- endmacro %}
