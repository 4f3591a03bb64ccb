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


{#
    Text to a UTC timestamp without time zone; null when unparseable. An ISO 8601 offset
    ('2013-02-04T15:26:26.278-05:00', '…Z') is applied; text without one is taken as UTC.
    DuckDB's cast to TIMESTAMP ignores the offset (keeps the wall-clock time), so DuckDB goes through
    TIMESTAMPTZ; Spark's cast applies it.
#}
{% macro parse_timestamp(expr) -%}
    {{ return(adapter.dispatch('parse_timestamp', 'community_warehouse')(expr)) }}
{%- endmacro %}

{% macro default__parse_timestamp(expr) -%}
    try_cast({{ expr }} as timestamp)
{%- endmacro %}

{% macro duckdb__parse_timestamp(expr) -%}
    timezone('UTC', try_cast({{ expr }} as timestamptz))
{%- endmacro %}


{# Epoch milliseconds held as text or a number to a UTC timestamp; null when not a number. #}
{% macro epoch_millis_to_timestamp(expr) -%}
    {{ epoch_seconds_to_timestamp('try_cast(' ~ expr ~ ' as double) / 1000') }}
{%- endmacro %}


{# The first day of the month of a date or timestamp, as a date. #}
{% macro month_start(expr) -%}
    cast({{ dbt.date_trunc('month', expr) }} as date)
{%- endmacro %}


{# A UTC timestamp (without time zone) to whole epoch seconds, as a bigint. #}
{% macro timestamp_to_epoch_seconds(expr) -%}
    {{ return(adapter.dispatch('timestamp_to_epoch_seconds', 'community_warehouse')(expr)) }}
{%- endmacro %}

{% macro default__timestamp_to_epoch_seconds(expr) -%}
    unix_timestamp({{ expr }})
{%- endmacro %}

{% macro duckdb__timestamp_to_epoch_seconds(expr) -%}
    cast(floor(epoch({{ expr }})) as bigint)
{%- endmacro %}


{# A UTC timestamp as wall-clock time in a time zone (a validated literal, time_zone_var). #}
{% macro utc_to_local(expr, time_zone) -%}
    {{ return(adapter.dispatch('utc_to_local', 'community_warehouse')(expr, time_zone)) }}
{%- endmacro %}

{% macro default__utc_to_local(expr, time_zone) -%}
    from_utc_timestamp({{ expr }}, {{ time_zone }})
{%- endmacro %}

{% macro duckdb__utc_to_local(expr, time_zone) -%}
    timezone({{ time_zone }}, timezone('UTC', {{ expr }}))
{%- endmacro %}


{# ISO day of the week: 1 Monday … 7 Sunday. #}
{% macro iso_weekday(expr) -%}
    {{ return(adapter.dispatch('iso_weekday', 'community_warehouse')(expr)) }}
{%- endmacro %}

{% macro default__iso_weekday(expr) -%}
    weekday({{ expr }}) + 1
{%- endmacro %}

{% macro duckdb__iso_weekday(expr) -%}
    isodow({{ expr }})
{%- endmacro %}
