{#
    connected_components on graphs whose answer is known by hand:
      - a chain of 25 links k00 - k01 - … - k25, listed in scrambled order: one component, k00;
      - a cycle c3 - c4 - c2 - c1 - c3: one component, c1;
      - two triangles joined by one edge (t5-t6-t7, t1-t2-t3, t7-t2): one component, t1;
      - a star s5 with leaves s9, s1, s7: one component named by a leaf, s1;
      - a pair p2 - p1, listed in both directions: one component, p1;
      - z, with only an edge to itself: its own component.
    (Chain ends, star points and the pair are leaves, set aside before the propagation.)
    Fails with a row per node whose component differs from that expectation.
#}
{%- set chain = [] -%}
{%- for i in [13, 2, 24, 7, 0, 19, 11, 5, 22, 16, 9, 1, 20, 14, 3, 23, 8, 17, 12, 6, 21, 4, 18, 10, 15] -%}
    {%- do chain.append("('k%02d', 'k%02d')" | format(i, i + 1)) -%}
{%- endfor -%}
{%- set edges_sql -%}
    select node_a, node_b from (values
        {{ chain | join(', ') }},
        ('c3', 'c4'), ('c4', 'c2'), ('c2', 'c1'), ('c1', 'c3'),
        ('t5', 't6'), ('t6', 't7'), ('t7', 't5'), ('t1', 't2'), ('t2', 't3'), ('t3', 't1'), ('t7', 't2'),
        ('s9', 's5'), ('s5', 's1'), ('s7', 's5'),
        ('p2', 'p1'), ('p1', 'p2'),
        ('z', 'z')
    ) as e (node_a, node_b)
{%- endset -%}
{%- set expected = [] -%}
{%- for i in range(26) -%}{%- do expected.append("('k%02d', 'k00')" | format(i)) -%}{%- endfor -%}
{%- for n in ['c1', 'c2', 'c3', 'c4'] -%}{%- do expected.append("('" ~ n ~ "', 'c1')") -%}{%- endfor -%}
{%- for n in ['t1', 't2', 't3', 't5', 't6', 't7'] -%}{%- do expected.append("('" ~ n ~ "', 't1')") -%}{%- endfor -%}
{%- for n in ['s1', 's5', 's7', 's9'] -%}{%- do expected.append("('" ~ n ~ "', 's1')") -%}{%- endfor -%}
{%- do expected.append("('p1', 'p1')") -%}
{%- do expected.append("('p2', 'p1')") -%}
{%- do expected.append("('z', 'z')") -%}
{%- set nodes_sql -%}
    select node from (values {{ expected | join(', ') }}) as n (node, component)
{%- endset -%}

{%- set scratch = 'test_connected_components' -%}
{%- set mismatches = [] -%}
{%- if execute and flags.WHICH in ('test', 'build') -%}
    {%- do adapter.create_schema(api.Relation.create(database=this.database, schema=target.schema)) -%}
    {%- set result = connected_components(nodes_sql, edges_sql, scratch, schema=target.schema) -%}
    {%- set rows = run_query("
        select x.node, x.component as expected, r.label as found
        from (values " ~ expected | join(', ') ~ ") as x (node, component)
        left join " ~ result ~ " as r on x.node = r.node
        where r.label is null or r.label <> x.component
    ") -%}
    {%- for row in rows -%}
        {%- do mismatches.append([row[0], row[1], row[2] or 'none']) -%}
    {%- endfor -%}
    {%- do drop_component_scratch(scratch, target.schema) -%}
{%- endif -%}

{% if mismatches %}
    {% for node, expected, found in mismatches %}
        select
            '{{ node }}' as node,
            '{{ expected }}' as expected_component,
            '{{ found }}' as found_component
        {{ 'union all' if not loop.last }}
    {% endfor %}
{% else %}
    select
        cast(null as {{ dbt.type_string() }}) as node,
        cast(null as {{ dbt.type_string() }}) as expected_component,
        cast(null as {{ dbt.type_string() }}) as found_component
    where 1 = 0
{% endif %}
