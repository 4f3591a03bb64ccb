{#
    Whether a period (a month or a quarter starting at `period_start`) is complete: it ends on or before
    the last day the data covers completely (`int_calendar__as_of.last_complete_date`). False for the
    period the exports stop in, and for any later one; true otherwise. Null only when there is no data.
#}
{% macro period_is_complete(period_start, grain, last_complete_date) -%}
    ({{ dbt.dateadd(grain, 1, period_start) }} <= {{ dbt.dateadd('day', 1, last_complete_date) }})
{%- endmacro %}


{#
    The rows of `relation` (a CTE) with `is_complete_period` added, from the as-of model: the final select
    of every monthly and quarterly mart that needs nothing else from it.
#}
{% macro with_period_completeness(relation, period_start, grain) -%}
    select
        {{ relation }}.*,
        {{ period_is_complete(relation ~ '.' ~ period_start, grain, 'as_of.last_complete_date') }} as is_complete_period
    from {{ relation }}
    cross join (select last_complete_date from {{ ref('int_calendar__as_of') }}) as as_of
{%- endmacro %}


{#
    The last complete month (its first day), from int_calendar__as_of's last complete date: the month
    that date ends, or the month before when the date is not a month's last day.
#}
{% macro last_complete_month(last_complete_date='last_complete_date') -%}
    cast({{ dbt.dateadd('month', -1, month_start(dbt.dateadd('day', 1, last_complete_date))) }} as date)
{%- endmacro %}
