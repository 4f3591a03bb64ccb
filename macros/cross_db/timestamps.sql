{#
    Epoch seconds held as text (Slack's `ts` = "1735719969.263392") to a UTC timestamp without time
    zone, to the microsecond. Null when the text is not a number.
#}
{% macro epoch_seconds_to_timestamp(expr) -%}
    {{ return(adapter.dispatch('epoch_seconds_to_timestamp', 'community_warehouse')(expr)) }}
{%- endmacro %}

{% macro default__epoch_seconds_to_timestamp(expr) -%}
    timestamp_micros(cast(round(try_cast({{ expr }} as double) * 1000000) as bigint))
{%- endmacro %}

{% macro duckdb__epoch_seconds_to_timestamp(expr) -%}
    make_timestamp(cast(round(try_cast({{ expr }} as double) * 1000000) as bigint))
{%- endmacro %}


{# Text to a UTC timestamp without time zone; null when unparseable. #}
{% macro parse_timestamp(expr) -%}
    {{ dbt.safe_cast(expr, dbt.type_timestamp()) }}
{%- endmacro %}


{# The first day of the month of a date or timestamp, as a date. #}
{% macro month_start(expr) -%}
    cast({{ dbt.date_trunc('month', expr) }} as date)
{%- endmacro %}
