{#
    Connected components of an undirected graph, in SQL that runs on every engine (Spark has no
    recursive CTE): iterative minimum-label propagation with pointer jumping, materialized one
    iteration at a time in scratch tables, until no label changes.

    nodes_sql: a query with `node` (unique; integers join fastest) — every node, including isolated ones.
    edges_sql: a query with `node_a`, `node_b`, each edge once in either direction.
    scratch:   a relation name prefix for the scratch tables (dropped by drop_component_scratch),
               created in `schema` (default: the calling model's).

    Returns the name of a relation holding (node, label): `label` is the smallest `node` of the node's
    component, so ordering the node keys orders which node names the component.

    Leaves (nodes with one neighbour: in an identity graph most accounts and most addresses) are set
    aside first: removing them disconnects nothing, so the propagation runs on the rest (the core,
    about 40 % of an identity graph's nodes), and each leaf then takes its neighbour's component,
    whose label is lowered to the leaf's number where that is smaller. A pair of leaves is its own
    component.

    Each iteration takes, for every core node, the smallest label among itself and its neighbours,
    then replaces each label by its own node's label (pointer jumping), so a chain of n links converges
    in about log2(n) iterations rather than n. Stops with an error after `max_iterations`.

    Runs only when the model is being built (`dbt run` / `dbt build`); when only compiled it returns
    a relation that is never queried.
#}
{% macro connected_components(nodes_sql, edges_sql, scratch, max_iterations=64, schema=none) %}
    {%- set input_edges_relation = scratch_relation(scratch, 'input_edges', schema) -%}
    {%- set edges_relation = scratch_relation(scratch, 'edges', schema) -%}
    {%- set degree_relation = scratch_relation(scratch, 'degree', schema) -%}
    {%- set core_edges_relation = scratch_relation(scratch, 'core_edges', schema) -%}
    {%- set components_relation = scratch_relation(scratch, 'components', schema) -%}
    {%- set labels = [scratch_relation(scratch, 'labels_a', schema), scratch_relation(scratch, 'labels_b', schema)] -%}
    {%- if not (execute and flags.WHICH in ('run', 'build', 'test')) -%}
        {{ return(components_relation) }}
    {%- endif -%}
    {%- do drop_component_scratch(scratch, schema) -%}
    {#- The edges query is run once, then read for both directions. -#}
    {%- do create_scratch_table(input_edges_relation, "select node_a, node_b from (" ~ edges_sql ~ ") as e where node_a <> node_b") -%}
    {%- do create_scratch_table(edges_relation, "
        select node_a as src, node_b as dst from " ~ input_edges_relation ~ "
        union
        select node_b as src, node_a as dst from " ~ input_edges_relation
    ) -%}
    {%- do adapter.drop_relation(input_edges_relation) -%}
    {%- do create_scratch_table(degree_relation, "select src as node, count(*) as degree from " ~ edges_relation ~ " group by src") -%}
    {%- do create_scratch_table(core_edges_relation, "
        select e.src, e.dst
        from " ~ edges_relation ~ " as e
        inner join " ~ degree_relation ~ " as s on e.src = s.node and s.degree > 1
        inner join " ~ degree_relation ~ " as d on e.dst = d.node and d.degree > 1
    ") -%}
    {%- do create_scratch_table(labels[0], "select node, node as label from " ~ degree_relation ~ " where degree > 1") -%}
    {%- set state = {'current': 0, 'done': false, 'iterations': 0} -%}
    {%- for i in range(max_iterations) if not state.done -%}
        {%- set current = labels[state.current] -%}
        {%- set following = labels[1 - state.current] -%}
        {%- do adapter.drop_relation(following) -%}
        {%- do create_scratch_table(following, "
            with neighbour as (
                select e.src as node, min(l.label) as label
                from " ~ core_edges_relation ~ " as e
                inner join " ~ current ~ " as l on e.dst = l.node
                group by e.src
            ),
            stepped as (
                select l.node, case when n.label < l.label then n.label else l.label end as label
                from " ~ current ~ " as l
                left join neighbour as n on l.node = n.node
            )
            select s.node, case when j.label < s.label then j.label else s.label end as label
            from stepped as s
            left join stepped as j on s.label = j.node
        ") -%}
        {%- set changed = run_query("select count(*) from " ~ following ~ " as f inner join " ~ current ~ " as c on f.node = c.node where f.label <> c.label").columns[0].values()[0] -%}
        {%- do state.update({'current': 1 - state.current, 'iterations': state.iterations + 1, 'done': changed == 0}) -%}
        {{- log("Connected components (" ~ scratch ~ "): iteration " ~ state.iterations ~ ", " ~ changed ~ " labels changed", info=True) -}}
    {%- endfor -%}
    {%- if not state.done -%}
        {{ exceptions.raise_compiler_error("Connected components (" ~ scratch ~ ") did not converge in " ~ max_iterations ~ " iterations. A graph this deep is unexpected for identity data: look for a chain of merges in int_identity__edges, or raise max_iterations.") }}
    {%- endif -%}
    {%- set core_labels = labels[state.current] -%}
    {%- do create_scratch_table(components_relation, "
        with leaf_edges as (
            select e.src as leaf, e.dst as neighbour
            from " ~ edges_relation ~ " as e
            inner join " ~ degree_relation ~ " as d on e.src = d.node and d.degree = 1
        ),
        attached as (
            select leaf_edges.leaf, core.label
            from leaf_edges
            inner join " ~ core_labels ~ " as core on leaf_edges.neighbour = core.node
        ),
        smallest_leaf as (
            select label, min(leaf) as leaf
            from attached
            group by label
        ),
        lowered as (
            select c.label, case when m.leaf < c.label then m.leaf else c.label end as final_label
            from (select distinct label from " ~ core_labels ~ ") as c
            left join smallest_leaf as m on c.label = m.label
        ),
        labelled as (
            select core.node, lowered.final_label as label
            from " ~ core_labels ~ " as core
            inner join lowered on core.label = lowered.label
            union all
            select attached.leaf, lowered.final_label
            from attached
            inner join lowered on attached.label = lowered.label
            union all
            select leaf_edges.leaf, case when leaf_edges.neighbour < leaf_edges.leaf then leaf_edges.neighbour else leaf_edges.leaf end
            from leaf_edges
            inner join " ~ degree_relation ~ " as d on leaf_edges.neighbour = d.node and d.degree = 1
        )
        select n.node, coalesce(labelled.label, n.node) as label
        from (" ~ nodes_sql ~ ") as n
        left join labelled on n.node = labelled.node
    ") -%}
    {{ return(components_relation) }}
{% endmacro %}


{% macro scratch_relation(scratch, suffix, schema=none) -%}
    {{ return(api.Relation.create(database=this.database, schema=schema or this.schema, identifier=scratch ~ '__' ~ suffix, type='table')) }}
{%- endmacro %}


{# Drops the scratch tables of one connected_components call (a post-hook of the calling model). #}
{% macro drop_component_scratch(scratch, schema=none) %}
    {%- for suffix in ['input_edges', 'edges', 'degree', 'core_edges', 'labels_a', 'labels_b', 'components'] -%}
        {%- do adapter.drop_relation(scratch_relation(scratch, suffix, schema)) -%}
    {%- endfor -%}
{% endmacro %}


{% macro create_scratch_table(relation, sql) %}
    {%- do run_query(adapter.dispatch('create_scratch_table_sql', 'community_warehouse')(relation, sql)) -%}
{% endmacro %}

{% macro default__create_scratch_table_sql(relation, sql) -%}
    create table {{ relation }} using parquet as {{ sql }}
{%- endmacro %}

{% macro duckdb__create_scratch_table_sql(relation, sql) -%}
    create table {{ relation }} as {{ sql }}
{%- endmacro %}
