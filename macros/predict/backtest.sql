{#
    Backtest measures shared by the risk marts. A row's rank among its partition by score, ascending,
    ties sharing the average of their ranks (the first rank of the tie plus half its width).
#}
{% macro average_rank(partition_by, score) -%}
    rank() over (partition by {{ partition_by }} order by {{ score }} asc)
    + (count(*) over (partition by {{ partition_by }}, {{ score }}) - 1) / 2.0
{%- endmacro %}


{#
    Aggregate: the area under the ROC curve of a score for a boolean outcome, from average ranks
    (Mann-Whitney): (sum of positives' ranks − n₊(n₊ + 1) / 2) / (n₊ × n₋). 0.5 is chance, 1 a perfect
    ranking; null when the group has no positive or no negative.
#}
{% macro auc(outcome, rank) -%}
    {%- set positives = 'sum(case when ' ~ outcome ~ ' then 1 else 0 end)' -%}
    {%- set negatives = 'sum(case when ' ~ outcome ~ ' then 0 else 1 end)' -%}
    {{ safe_divide(
        'sum(case when ' ~ outcome ~ ' then ' ~ rank ~ ' else 0 end) - ' ~ positives ~ ' * (' ~ positives ~ ' + 1) / 2.0',
        positives ~ ' * ' ~ negatives
    ) }}
{%- endmacro %}
