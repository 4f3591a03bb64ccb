{#
    A metric scored 0–5 points from five cut points, as LFX Insights' health score scores each metric.
    Higher is better: the points are how many cuts the value reaches (value ≥ cut). Lower is better
    (descending cuts): how many cuts the value stays under (value < cut). Null stays null (a metric the
    data cannot measure is left out of its category, not scored 0).
#}
{% macro health_points(expr, cuts, higher_is_better=true) -%}
    case
        when {{ expr }} is null then null
        {%- for i in range(cuts | length, 0, -1) %}
        when {{ expr }} {{ '>=' if higher_is_better else '<' }} {{ cuts[i - 1] }} then {{ i }}
        {%- endfor %}
        else 0
    end
{%- endmacro %}


{#
    A category's points out of 25 from the 0–5 points of its metrics: 25 × points / (5 × metrics measured).
    Metrics the data cannot measure (null) are left out; a category with none measured is null.
#}
{% macro health_category(metrics) -%}
    {%- set measured = [] -%}
    {%- for metric in metrics -%}
        {%- do measured.append('case when ' ~ metric ~ ' is null then 0 else 1 end') -%}
    {%- endfor -%}
    {%- set total = [] -%}
    {%- for metric in metrics -%}
        {%- do total.append('coalesce(' ~ metric ~ ', 0)') -%}
    {%- endfor -%}
    {{ safe_divide('25.0 * (' ~ (total | join(' + ')) ~ ')', '5 * (' ~ (measured | join(' + ')) ~ ')') }}
{%- endmacro %}
