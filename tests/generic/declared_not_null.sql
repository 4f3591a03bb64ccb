{#
    Every column whose yml declaration carries `constraints: [{type: not_null}]` holds no null, checked
    in one scan of the model instead of one `not_null` test per column (a test is a dbt node, and
    per-node overhead is most of a small build). Returns one row per column that holds nulls, with
    the count.

    The columns are read from the node's declaration in the graph, so the constraint is the one place
    a column's nullability is stated: dbt docs show it, and on DuckDB a mart with an enforced contract
    also refuses the null at write time. A model that carries this test but declares no such column
    is a mistake, and fails to compile rather than passing with nothing checked.
#}
{% test declared_not_null(model) %}
    {%- set columns = [] -%}
    {%- if execute -%}
        {#- The test's own node is not in its context, only the relation it tests: the node is found by
            schema and alias. A filter runs in Python, not as a loop of template statements. -#}
        {%- set matches = [] -%}
        {%- for node in graph.nodes.values() | selectattr('resource_type', 'in', ['model', 'seed', 'snapshot'])
            if (node.alias or node.name) | lower == model.identifier | lower
                and node.schema | lower == model.schema | lower -%}
            {%- do matches.append(node) -%}
        {%- endfor -%}
        {%- if matches | length != 1 -%}
            {{ exceptions.raise_compiler_error(
                "declared_not_null: found " ~ (matches | length) ~ " nodes for " ~ model ~ ", expected one") }}
        {%- endif -%}
        {%- for column in matches[0].columns.values() -%}
            {%- if column.constraints | selectattr('type', 'equalto', 'not_null') | list | length > 0 -%}
                {%- do columns.append(adapter.quote(column.name) if column.quote else column.name) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if not columns -%}
            {{ exceptions.raise_compiler_error(
                "declared_not_null on " ~ matches[0].name ~ ": no column declares a not_null constraint; "
                ~ "declare one (constraints: [{type: not_null}]) or remove the test") }}
        {%- endif -%}
    {%- endif -%}

    with null_counts as (
        select
            {%- for column in columns %}
                sum(case when {{ column }} is null then 1 else 0 end) as nulls_{{ loop.index }}
                {{- "," if not loop.last }}
            {%- endfor %}
        from {{ model }}
    )

    {% for column in columns -%}
        select
            '{{ column | replace("'", "''") }}' as column_name,
            nulls_{{ loop.index }} as null_rows
        from null_counts
        where nulls_{{ loop.index }} > 0
        {% if not loop.last %}union all{% endif %}
    {% endfor -%}
    {%- if not columns %}select 1 as column_name where false{% endif %}
{% endtest %}
