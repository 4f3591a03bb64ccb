{#
    Every month from `first_month` to `last_month` (inclusive, both dates on the 1st) as `month_start`,
    from a relation or CTE `bounds` holding those two columns. Portable: no generate_series (absent on
    Spark) and no query at compile time. Covers up to 1,000 months.
#}
{% macro month_spine(bounds, first_month='first_month', last_month='last_month') %}
    select
        cast({{ dbt.dateadd('month', 'offsets.month_offset', bounds ~ '.' ~ first_month) }} as date) as month_start
    from (
        select ones.digit + 10 * tens.digit + 100 * hundreds.digit as month_offset
        from {{ _digits() }} as ones
        cross join {{ _digits() }} as tens
        cross join {{ _digits() }} as hundreds
    ) as offsets
    cross join {{ bounds }}
    where offsets.month_offset <= {{ dbt.datediff(bounds ~ '.' ~ first_month, bounds ~ '.' ~ last_month, 'month') }}
{% endmacro %}

{% macro _digits() -%}
    (select 0 as digit union all select 1 union all select 2 union all select 3 union all select 4
     union all select 5 union all select 6 union all select 7 union all select 8 union all select 9)
{%- endmacro %}
