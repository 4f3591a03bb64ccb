{#
    The columns together identify a row: no combination of their values occurs twice.
    (dbt_utils has the same test; the project cannot install hub packages, so it keeps its own.)
#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    select
        {{ combination_of_columns | join(', ') }},
        count(*) as occurrences
    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1
{% endtest %}
