{#-
    dbt's unit-test materialization on Spark, with one change: the tested model's column types come
    from the schema of the query itself (`get_column_schema_from_query`, which Spark answers by analysing
    the query, nothing run), not from a temporary view created over it and then described. Spark 3.5
    takes about eight times longer to create a view over a model's SQL than to analyse the same SQL
    (12 s against 1.5 s for the identity claim decisions, measured), and the view was dropped right
    after. Everything else is dbt-core 1.11's `materialization unit, default`, unchanged; the types
    feed the same `get_expected_sql`, so the fixtures are cast exactly as before. DuckDB keeps dbt's own.
-#}
{%- materialization unit, adapter='spark' -%}

  {% set relations = [] %}
  {% set sql_header = config.get('sql_header') if flags.REQUIRE_SQL_HEADER_IN_TEST_CONFIGS else none %}

  {% set expected_rows = config.get('expected_rows') %}
  {% set expected_sql = config.get('expected_sql') %}
  {% set tested_expected_column_names = expected_rows[0].keys() if (expected_rows | length ) > 0 else get_columns_in_query(sql) %}

  {%- set columns_in_relation = adapter.get_column_schema_from_query(get_empty_subquery_sql(sql)) -%}
  {%- set column_name_to_data_types = {} -%}
  {%- set column_name_to_quoted = {} -%}
  {%- for column in columns_in_relation -%}
  {%-   do column_name_to_data_types.update({column.name|lower: column.data_type}) -%}
  {%-   do column_name_to_quoted.update({column.name|lower: column.quoted}) -%}
  {%- endfor -%}

  {%- set expected_column_names_quoted = [] -%}
  {%- for column_name in tested_expected_column_names -%}
  {%-   do expected_column_names_quoted.append(column_name_to_quoted[column_name|lower]) -%}
  {%- endfor -%}

  {% if not expected_sql %}
  {%   set expected_sql = get_expected_sql(expected_rows, column_name_to_data_types, column_name_to_quoted) %}
  {% endif %}
  {% set unit_test_sql = get_unit_test_sql(sql, expected_sql, expected_column_names_quoted) %}

  {% call statement('main', fetch_result=True) -%}

    {% if sql_header %}{{ sql_header }}{% endif %}
    {{ unit_test_sql }}

  {%- endcall %}

  {{ return({'relations': relations}) }}

{%- endmaterialization -%}
