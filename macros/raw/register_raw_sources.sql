{#
    Makes every enabled source table whose yml has `meta.raw` queryable, before any model runs
    (called from on-run-start). Each table's meta says where its files are and what they hold:

        meta:
          raw_folder: slack                     # folder under COMMUNITY_RAW_PATH (source level)
          raw:
            format: json | json_document | csv  # json: each file is an array of records;
                                                # json_document: each file is one record (an API
                                                # response page, a DiscordChatExporter channel);
                                                # csv: a header row, then records (RFC 4180)
            path: "*/*.json"                    # glob under the folder; one read covers every file
            columns: {...}                      # json: keys and nested shapes to extract (strings)
                                                # csv: the columns the view exposes, in order
            required: [id]                      # csv: columns whose absence stops the build
            columns_vary: true                  # csv: files of one glob have different headers
                                                # (e.g. one guest list per event with its own questions)
            not_kept: [context_ip]              # csv: columns left out of `_raw_record` too (personal
                                                # data no model needs, so the quarantine never holds it)

    Every raw relation exposes the declared columns (missing optional ones as nulls, extra ones
    ignored), plus `_file_name` (path under the raw folder), `_raw_record` (the whole record, as a
    struct/JSON value; base models turn it into text for quarantined rows only, see
    `quarantine_text` in base_models.sql) and `_parse_error` (set on the one row standing for a JSON file that does not
    parse; its columns are null). How files are read is engine-specific and lives only in the dispatched
    `<adapter>__register_raw_source` macros below.
#}
{% macro register_raw_sources() %}
    {%- if execute -%}
        {%- do check_source_switches() -%}
        {%- do check_known_vars() -%}
        {%- set root = raw_root() -%}
        {%- set tables_by_source = {} -%}
        {%- for node in graph.sources.values() | sort(attribute='unique_id') -%}
            {%- if node.package_name == project_name and node.meta.get('raw') -%}
                {%- do tables_by_source.setdefault(node.source_name, []).append(node) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- set raw_listing = adapter.dispatch('prepare_raw_listing', 'community_warehouse')(root) or none -%}
        {%- set needed = raw_sources_read_by_selection() -%}
        {%- set existing = adapter.dispatch('existing_raw_relations', 'community_warehouse')() -%}
        {%- set found, missing, switched_off, required_missing, kept = [], [], [], [], [] -%}
        {%- for source_name in base_models_by_source() -%}
            {%- set tables = tables_by_source.get(source_name, []) -%}
            {%- set database_location = source_database_location(source_name) -%}
            {%- if not source_enabled(source_name) or tables | length == 0 -%}
                {%- do switched_off.append(source_name) -%}
            {%- elif database_location -%}
                {%- do found.append(source_name ~ ' (tables in ' ~ database_location.label ~ ')') -%}
                {%- do register_database_source(source_name, tables, database_location) -%}
            {%- else -%}
                {%- set folder = root ~ '/' ~ tables[0].meta.get('raw_folder', source_name) -%}
                {#- Reading a source's files can take half a minute at scale (JSON is validated first), and
                    listing them seconds: a table is left as it is when nothing selected reads it and its
                    relation exists. -#}
                {%- set stale = [] -%}
                {%- for node in tables if node.unique_id in needed or (node.schema ~ '.' ~ node.identifier) | lower not in existing -%}
                    {%- do stale.append(node) -%}
                {%- endfor -%}
                {%- set files = adapter.dispatch('raw_file_count', 'community_warehouse')(folder ~ '/**', raw_listing) if stale else none -%}
                {%- if files is none -%}
                    {%- do kept.append(source_name) -%}
                {%- elif files > 0 -%}
                    {#- On DuckDB a table whose files were parsed before reads only the new or changed ones. -#}
                    {%- set changed, cached = [], [] -%}
                    {%- for node in stale -%}
                        {%- set loaded = adapter.dispatch('register_raw_source', 'community_warehouse')(node, root, raw_listing) -%}
                        {%- if loaded is mapping and not loaded.rebuilt -%}
                            {%- do cached.append(node.name) -%}
                            {%- if loaded.parsed or loaded.removed -%}
                                {%- do changed.append(node.name ~ ' ' ~ loaded.parsed ~ (' (' ~ loaded.removed ~ ' gone)' if loaded.removed else '')) -%}
                            {%- endif -%}
                        {%- endif -%}
                    {%- endfor -%}
                    {%- set news = ('; new or changed files parsed: ' ~ (changed | join(', '))) if changed else ('; no file new or changed' if cached | length == stale | length else '') -%}
                    {%- do found.append(source_name ~ ' (' ~ '{:,}'.format(files) ~ ' file' ~ ('s' if files != 1) ~ news ~ ')') -%}
                {%- elif source_required(source_name) -%}
                    {%- do required_missing.append([source_name, folder]) -%}
                {%- else -%}
                    {%- do missing.append(source_name) -%}
                    {%- for node in tables -%}
                        {%- do adapter.dispatch('register_empty_raw_source', 'community_warehouse')(node, raw_listing) -%}
                    {%- endfor -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {#- Configuration files (source `config`): each optional on its own; an absent one reads as empty. -#}
        {%- set config_given, config_absent = [], [] -%}
        {%- for source_name, tables in tables_by_source.items() if source_name not in base_models_by_source() -%}
            {%- for node in tables -%}
                {%- set path = root ~ '/' ~ node.meta.get('raw_folder', source_name) ~ '/' ~ node.meta.raw.path -%}
                {%- if adapter.dispatch('raw_file_count', 'community_warehouse')(path, raw_listing) > 0 -%}
                    {%- do config_given.append(node.name) -%}
                    {%- do adapter.dispatch('register_raw_source', 'community_warehouse')(node, root, raw_listing) -%}
                {%- elif node.meta.raw.get('optional') -%}
                    {%- do config_absent.append(node.name) -%}
                    {%- do adapter.dispatch('register_empty_raw_source', 'community_warehouse')(node, raw_listing) -%}
                {%- else -%}
                    {{ exceptions.raise_compiler_error(missing_raw_message(node, path, root)) }}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- if required_missing -%}
            {{ exceptions.raise_compiler_error(required_source_message(required_missing)) }}
        {%- endif -%}
        {%- if found | length == 0 and kept | length == 0 and missing | length > 0 -%}
            {{ exceptions.raise_compiler_error(empty_raw_root_message(root)) }}
        {%- endif -%}
        {{- log("Raw exports in " ~ root ~ ":", info=True) -}}
        {%- if found or not kept -%}
            {{- log("  found (" ~ (found | length) ~ "): " ~ (found | join(', ') or 'none'), info=True) -}}
        {%- endif -%}
        {%- if missing -%}
            {{- log("  no folder, so switched off (" ~ (missing | length) ~ "): " ~ (missing | join(', ')) ~ "  [using_<source>: true makes one required; strict_sources: true makes all]", info=True) -}}
        {%- endif -%}
        {%- if config_given or config_absent -%}
            {{- log("  config/: " ~ (config_given | join(', ') or 'no files') ~ ((";  absent, so empty: " ~ (config_absent | join(', '))) if config_absent else ''), info=True) -}}
        {%- endif -%}
        {%- if kept -%}
            {{- log("  not re-read, as no selected model reads their files (" ~ (kept | length) ~ "): " ~ (kept | join(', ')), info=True) -}}
        {%- endif -%}
        {%- if switched_off -%}
            {{- log("  switched off with using_<source>: false (" ~ (switched_off | length) ~ "): " ~ (switched_off | join(', ')), info=True) -}}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}


{#-
    The unique ids of the sources the selected nodes read: directly, or through a chain of views and
    ephemeral models (a staging view reads its base table, not the files). Every source when the
    selection is unknown.
-#}
{% macro raw_sources_read_by_selection() %}
    {%- if selected_resources is not defined or selected_resources is none -%}
        {{ return(graph.sources.keys() | list) }}
    {%- endif -%}
    {%- set sources, seen = [], [] -%}
    {%- set frontier = selected_resources | list -%}
    {#- Follows view chains up to 8 deep (staging views are one deep). -#}
    {%- for depth in range(8) if frontier -%}
        {%- set following = [] -%}
        {%- for unique_id in frontier if unique_id not in seen -%}
            {%- do seen.append(unique_id) -%}
            {%- set node = graph.nodes.get(unique_id) -%}
            {%- for parent in (node.depends_on.nodes if node else []) -%}
                {%- if parent.startswith('source.') -%}
                    {%- do sources.append(parent) -%}
                {%- elif parent in graph.nodes and graph.nodes[parent].config.materialized in ('view', 'ephemeral') -%}
                    {%- do following.append(parent) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- set frontier = following -%}
    {%- endfor -%}
    {{ return(sources | unique | list) }}
{% endmacro %}


{#- Raw relations already in the database, as lower-case `schema.identifier`. -#}
{% macro duckdb__existing_raw_relations() %}
    {%- set rows = run_query("select lower(table_schema || '.' || table_name) from information_schema.tables where table_catalog = current_database() and table_schema like 'raw%'") -%}
    {{ return(rows.columns[0].values() | list) }}
{% endmacro %}

{#- Elsewhere every raw relation is registered on every run (Spark's file tables are read lazily anyway). -#}
{% macro default__existing_raw_relations() %}
    {{ return([]) }}
{% endmacro %}


{#- One line for every required source whose folder holds no files. -#}
{% macro required_source_message(required_missing) -%}
    {%- set names, folders, switches = [], [], [] -%}
    {%- for source_name, folder in required_missing -%}
        {%- do names.append(source_name) -%}
        {%- do folders.append(folder) -%}
        {%- do switches.append('using_' ~ source_name ~ ': false') -%}
    {%- endfor -%}
    {{- return("Required source" ~ ("s " if names | length > 1 else " ") ~ (names | join(', ')) ~ " (" ~ ("strict mode" if strict_sources() else "using_<source>: true") ~ "): no files in " ~ (folders | join(', ')) ~ ": copy the export" ~ ("s" if names | length > 1) ~ " there (layout: README.md, \"Bring your own exports\"), or switch " ~ ("them" if names | length > 1 else "it") ~ " off: make build VARS='{" ~ (switches | join(', ')) ~ "}' (dbt: --vars '{" ~ (switches | join(', ')) ~ "}').") -}}
{%- endmacro %}


{% macro empty_raw_root_message(root) -%}
    {{- return("No exports found in the raw folder " ~ root ~ " (COMMUNITY_RAW_PATH): it must hold at least one of the folders " ~ (base_models_by_source().keys() | join('/, ')) ~ "/ (layout: README.md, \"Bring your own exports\"); `make demo-data` writes the demo's.") -}}
{%- endmacro %}


{#
    Fivetran users keep these sources' tables in a database, not as files: `<source>_schema` (and, for
    a database other than the profile's, `<source>_database`: a database attached in profiles.yml, a
    DuckDB or Postgres one on DuckDB; a metastore schema on Spark) reads the same tables from there, by
    their Fivetran names (the file names without `.csv`). Same columns, same staging, same quarantine.
#}
{% macro database_sources() %}
    {{ return(['hubspot', 'salesforce', 'zendesk', 'github', 'google_ads', 'linkedin_ads', 'web']) }}
{% endmacro %}


{#- The validated database and schema a source is read from, or none when it is read from files. -#}
{% macro source_database_location(source_name) %}
    {%- set schema = var(source_name ~ '_schema', none) if source_name in database_sources() else none -%}
    {%- if schema is none or (schema | string | trim) == '' -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set database = var(source_name ~ '_database', none) -%}
    {%- for name, value in [(source_name ~ '_schema', schema), (source_name ~ '_database', database)] if value is not none -%}
        {%- if modules.re.match('^[A-Za-z_][A-Za-z0-9_]{0,127}$', value | string) is none -%}
            {{ exceptions.raise_compiler_error("The var `" ~ name ~ "` is " ~ (value | tojson) ~ "; it must be a plain database or schema name (letters, digits, underscores).") }}
        {%- endif -%}
    {%- endfor -%}
    {%- set database = database or target.database -%}
    {{ return({'database': database, 'schema': schema | string, 'label': database ~ '.' ~ schema}) }}
{% endmacro %}


{% macro register_database_source(source_name, tables, location) %}
    {%- set missing = [] -%}
    {%- for node in tables -%}
        {%- set table = node.meta.raw.get('table', node.meta.raw.path | replace('.csv', '')) -%}
        {%- set columns = adapter.dispatch('database_table_columns', 'community_warehouse')(location, table) -%}
        {%- if columns | length == 0 -%}
            {%- do missing.append(table) -%}
        {%- else -%}
            {%- set relation = api.Relation.create(database=location.database, schema=location.schema, identifier=table) -%}
            {%- do register_database_raw_source(node, relation, columns, location.label ~ '.' ~ table) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if missing -%}
        {{ exceptions.raise_compiler_error("Source `" ~ source_name ~ "` is read from " ~ location.label ~ " (vars " ~ source_name ~ "_database / " ~ source_name ~ "_schema) but it has no table " ~ (missing | join(', ')) ~ ": sync those tables, or unset the vars to read files from " ~ source_name ~ "/.") }}
    {%- endif -%}
{% endmacro %}


{#- One synced table as the raw relation files would give: declared columns as text, the record, no parse error. -#}
{% macro register_database_raw_source(node, relation, columns, label) %}
    {%- set spec = node.meta.raw -%}
    {%- set present = {} -%}
    {%- for column in columns -%}
        {%- do present.update({column | lower: column}) -%}
    {%- endfor -%}
    {%- for required in spec.get('required', []) if required | lower not in present -%}
        {{ exceptions.raise_compiler_error(missing_column_message(node, label, required, present.values() | list)) }}
    {%- endfor -%}
    {%- set fields = [] -%}
    {%- for lowered, name in present.items() | sort -%}
        {%- do fields.append([lowered, 'cast(' ~ quote_identifier(name) ~ ' as ' ~ dbt.type_string() ~ ')']) -%}
    {%- endfor -%}
    {%- set body -%}
        select
        {%- for column in spec.columns %}
            {% if column | lower in present %}cast({{ quote_identifier(present[column | lower]) }} as {{ dbt.type_string() }}){% else %}cast(null as {{ dbt.type_string() }}){% endif %} as {{ quote_identifier(column) }},
        {%- endfor %}
            {{ sql_string_literal(label) }} as _file_name,
            {{ adapter.dispatch('struct_of', 'community_warehouse')(fields) }} as _raw_record,
            cast(null as {{ dbt.type_string() }}) as _parse_error
        from {{ relation }}
    {%- endset -%}
    {%- do adapter.dispatch('create_raw_view', 'community_warehouse')(node, body) -%}
{% endmacro %}


{#-
    A synced table's column names, in order; empty when the table does not exist. Read from the catalog
    with plain queries (adapter.get_relation would open a transaction that rolls back the hook's views).
-#}
{% macro duckdb__database_table_columns(location, table) %}
    {%- set query -%}
        select column_name
        from information_schema.columns
        where table_catalog = {{ sql_string_literal(location.database) }}
            and table_schema = {{ sql_string_literal(location.schema) }}
            and table_name = {{ sql_string_literal(table) }}
        order by ordinal_position
    {%- endset -%}
    {{ return(run_query(query).columns[0].values() | list) }}
{% endmacro %}

{% macro spark__database_table_columns(location, table) %}
    {%- if run_query("show tables in " ~ location.schema ~ " like " ~ sql_string_literal(table)) | length == 0 -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set names = [] -%}
    {%- for row in run_query("describe table " ~ location.schema ~ "." ~ table) -%}
        {%- if row[0] is none or row[0] == '' or row[0].startswith('#') -%}{%- break -%}{%- endif -%}
        {%- do names.append(row[0]) -%}
    {%- endfor -%}
    {{ return(names) }}
{% endmacro %}


{% macro duckdb__struct_of(fields) -%}
    struct_pack({% for name, expression in fields %}{{ quote_identifier(name) }} := {{ expression }}{{ ', ' if not loop.last }}{% endfor %})
{%- endmacro %}

{% macro spark__struct_of(fields) -%}
    named_struct({% for name, expression in fields %}{{ sql_string_literal(name) }}, {{ expression }}{{ ', ' if not loop.last }}{% endfor %})
{%- endmacro %}


{% macro duckdb__create_raw_view(node, body) %}
    {%- do run_query("create schema if not exists " ~ api.Relation.create(database=node.database, schema=node.schema)) -%}
    {#- A table parsed from files before (duckdb__register_raw_source), and its file list, give way. -#}
    {%- set kinds = duckdb__raw_relation_kinds(node.schema, [node.identifier, node.identifier ~ '__files']) -%}
    {%- if kinds.get(node.identifier | lower) == 'BASE TABLE' -%}
        {%- do duckdb__drop_raw_relation(node.schema, node.identifier, kinds) -%}
    {%- endif -%}
    {%- do duckdb__drop_raw_relation(node.schema, node.identifier ~ '__files', kinds) -%}
    {%- do run_query("create or replace view " ~ api.Relation.create(database=node.database, schema=node.schema, identifier=node.identifier) ~ " as " ~ body) -%}
{% endmacro %}

{% macro spark__create_raw_view(node, body, raw_listing=none) %}
    {%- do spark__clear_raw_relation(node, raw_listing) -%}
    {%- do run_query("create view " ~ node.schema ~ '.' ~ node.identifier ~ " as " ~ body) -%}
{% endmacro %}


{#-
    Makes room for a raw table's view and file table: its database created, the old ones dropped.
    `raw_listing` (from spark__prepare_raw_listing) lists the raw databases and relations the run began
    with, so only what exists is dropped and each database is created once: on Spark every statement
    costs a round trip through the session, and a fresh warehouse would otherwise pay three per table.
    Without it, every statement is issued ("if exists" makes them safe).
-#}
{% macro spark__clear_raw_relation(node, raw_listing=none) %}
    {%- set schema = node.schema | lower -%}
    {%- set relation = schema ~ '.' ~ (node.identifier | lower) -%}
    {%- if raw_listing is none or schema not in raw_listing.schemas -%}
        {%- do run_query("create database if not exists " ~ node.schema) -%}
        {%- if raw_listing is not none -%}{%- do raw_listing.schemas.append(schema) -%}{%- endif -%}
    {%- endif -%}
    {%- if raw_listing is none or relation in raw_listing.relations -%}
        {%- do run_query("drop view if exists " ~ node.schema ~ '.' ~ node.identifier) -%}
    {%- endif -%}
    {%- if raw_listing is none or (relation ~ '__files') in raw_listing.relations -%}
        {%- do run_query("drop table if exists " ~ node.schema ~ '.' ~ node.identifier ~ '__files') -%}
    {%- endif -%}
{% endmacro %}


{# ---- DuckDB ------------------------------------------------------------------------------- #}

{% macro duckdb__prepare_raw_listing(root) %}
{% endmacro %}


{#- Files matching `pattern` (a glob under the validated raw root: `<folder>/**`, or one file's path). -#}
{% macro duckdb__raw_file_count(pattern, raw_listing=none) %}
    {{- return(run_query("select count(*) from glob(" ~ sql_string_literal(pattern) ~ ")").columns[0].values()[0]) -}}
{% endmacro %}


{#-
    A source with no folder reads as an empty relation with the columns (and, for JSON, the nested
    types) that its files would have, so every model builds and counts zero.
-#}
{% macro duckdb__register_empty_raw_source(node, raw_listing=none) %}
    {%- set spec = node.meta.raw -%}
    {%- set body -%}
        {%- if spec.format in ('json', 'json_document') %}
            with records as (
                select cast(null as json) as json
                where false
            )
            select
                unnest(json_transform(json, '{{ duckdb_json_structure(spec.columns) }}')),
                cast(null as varchar) as _file_name,
                json as _raw_record,
                cast(null as varchar) as _parse_error
            from records
        {%- else %}
            select
            {%- for column in spec.columns %}
                cast(null as varchar) as {{ quote_identifier(column) }},
            {%- endfor %}
                cast(null as varchar) as _file_name,
                cast(null as json) as _raw_record,
                cast(null as varchar) as _parse_error
            where false
        {%- endif %}
    {%- endset -%}
    {%- do duckdb__create_raw_view(node, body) -%}
{% endmacro %}


{#
    On DuckDB a table read from many files (its `path` is a glob: Slack day files, Discourse topics, one
    guest list per event) is kept as a table holding every record of its files, parsed once
    (`raw_<source>.<table>`), beside the list of files it holds (`<table>__files`: name, size and
    modification time). Each run lists the folder (names and sizes only, not contents) and parses only
    the files that are new or whose size or time changed; rows of changed and vanished files are
    replaced or removed. The first run, `--full-refresh`, a different raw folder, or a change to the
    table's declared columns parse every file again. A table exported as one file (a CSV a sync rewrites
    whole) stays a view over that file: every new export changes the whole file, so keeping a parsed
    copy would only add a write. DECISIONLOG.md, "Reading raw exports".
    Returns {'files': files in the folder, 'parsed': files parsed this run, 'removed': files gone,
    'rebuilt': whether every file was parsed}.
#}
{% macro duckdb__register_raw_source(node, root, raw_listing=none) %}
    {%- set spec = node.meta.raw -%}
    {%- set folder = node.meta.get('raw_folder', node.source_name) -%}
    {%- set pattern = root ~ '/' ~ folder ~ '/' ~ spec.path -%}
    {%- set prefix_length = (root ~ '/') | length -%}
    {%- set relation = api.Relation.create(database=node.database, schema=node.schema, identifier=node.identifier) -%}
    {%- set files_relation = api.Relation.create(database=node.database, schema=node.schema, identifier=node.identifier ~ '__files') -%}
    {%- set signature = local_md5(tojson(spec) ~ '|' ~ root) -%}
    {%- set cached = '*' in spec.path or '?' in spec.path or '[' in spec.path -%}
    {%- set listing -%}
        create or replace temporary table community_raw_listing as
        select filename as path, substr(filename, {{ prefix_length + 1 }}) as file_name, size as file_size, last_modified as modified_at
        from read_blob({{ sql_string_literal(pattern) }})
    {%- endset -%}
    {%- do run_query(listing) -%}
    {%- set files = run_query("select count(*) from community_raw_listing").columns[0].values()[0] -%}
    {%- if files == 0 -%}
        {{ exceptions.raise_compiler_error(missing_raw_message(node, pattern, root)) }}
    {%- endif -%}
    {%- if not cached -%}
        {#- One file, read whole into a view on every run: nothing to compare with an earlier run. -#}
        {%- set rebuild, file_count, removed = true, files, 0 -%}
    {%- else -%}
        {%- set kinds = duckdb__raw_relation_kinds(node.schema, [node.identifier, node.identifier ~ '__files']) -%}
        {%- set rebuild = flags.FULL_REFRESH or kinds.get(node.identifier | lower) != 'BASE TABLE' or kinds.get((node.identifier ~ '__files') | lower) != 'BASE TABLE' -%}
        {%- if not rebuild -%}
            {%- set stale_signature = run_query("select count(*) from " ~ files_relation ~ " where signature <> " ~ sql_string_literal(signature)).columns[0].values()[0] -%}
            {%- set rebuild = stale_signature > 0 -%}
        {%- endif -%}
        {%- set delta -%}
            create or replace temporary table community_raw_delta as
            select listing.path, listing.file_name, listing.file_size, listing.modified_at, true as is_present
            from community_raw_listing as listing
            {%- if not rebuild %}
            where not exists (
                select 1 from {{ files_relation }} as loaded
                where loaded.file_name = listing.file_name
                    and loaded.file_size = listing.file_size
                    and loaded.modified_at = listing.modified_at
            )
            union all
            select null, loaded.file_name, null, null, false
            from {{ files_relation }} as loaded
            where loaded.file_name not in (select file_name from community_raw_listing)
            {%- endif %}
        {%- endset -%}
        {%- do run_query(delta) -%}
        {%- set counts = run_query("select count(*) filter (where is_present), count(*) filter (where not is_present) from community_raw_delta").rows[0] -%}
        {%- set file_count, removed = counts[0], counts[1] -%}
        {%- if file_count == 0 and removed == 0 -%}
            {{ return({'files': files, 'parsed': 0, 'removed': 0, 'rebuilt': false}) }}
        {%- endif -%}
    {%- endif -%}
    {#- The files to parse, as a list value: file names never become SQL text. -#}
    {%- if cached -%}
        {%- do run_query("set variable community_raw_files = (select coalesce(list(path order by path), []) from community_raw_delta where is_present)") -%}
        {%- set files_expression = "getvariable('community_raw_files')" -%}
    {%- else -%}
        {%- set files_expression = sql_string_literal(pattern) -%}
    {%- endif -%}
    {%- set body = '' -%}
    {%- if file_count > 0 -%}
    {%- if spec.format in ('json', 'json_document') -%}
        {#-
            Files that do not parse (truncated, not JSON, or not the expected array/object) would fail
            the whole read. Usually a set-based pre-scan finds bad files; normally there are none and the
            fast reader serves every file. Many one-document files (165k Discourse topics, one API page
            each) are parsed from their text directly instead: for small files that is faster than the
            reader (3.9 s against 10.2 s) and needs no pre-scan; for a few large files (DiscordChatExporter
            channels) the reader is twice as fast. Either way each bad file becomes one row with
            `_parse_error` and the file's beginning in `_raw_record`, for the quarantine.
        -#}
        {%- set opening = '[' if spec.format == 'json' else '{' -%}
        {%- set valid = "coalesce(json_valid(content) and regexp_matches(content, '^\\s*\\" ~ opening ~ "'), false)" -%}
        {#- A file's text: its bytes decoded as UTF-8 (null when they are not UTF-8, which read_text would
            fail the whole build on), less a leading byte-order mark, which json_valid refuses although
            the JSON reader skips it. -#}
        {%- set texts = "(select filename, content as bytes, ltrim(try(decode(content)), chr(65279)) as content from read_blob(" ~ files_expression ~ "))" -%}
        {%- if spec.format == 'json' or file_count <= 1000 -%}
            {%- set bad_files = run_query("select count(*) from " ~ texts ~ " where not " ~ valid).columns[0].values()[0] -%}
        {%- else -%}
            {%- set bad_files = none -%}
        {%- endif -%}
        {%- set structure = duckdb_json_structure(spec.columns) -%}
        {%- if spec.format == 'json_document' -%}
            {#- The reader sizes its buffers by maximum_object_size, per thread: a fixed 1 GB allowance made
                it ask for 2 GB at once, which no memory_limit below that survives. The largest file read
                (at least DuckDB's default, 16 MB) allows every document and costs no more than needed. -#}
            {%- set largest = run_query("select coalesce(max(file_size), 0) from " ~ ("community_raw_delta where is_present" if cached else "community_raw_listing")).columns[0].values()[0] -%}
            {%- set maximum_object_size = [largest | int + 1, 16777216] | max -%}
        {%- endif -%}
        {%- if bad_files == 0 -%}
            {%- set body -%}
                with records as (
                    select json, filename
                    from read_json_objects(
                        {{ files_expression }},
                        format = '{{ "array" if spec.format == "json" else "unstructured" }}',
                        filename = true
                        {%- if spec.format == 'json_document' %},
                        -- one document per file, as large as the largest file (a DiscordChatExporter channel)
                        maximum_object_size = {{ maximum_object_size }}
                        {%- endif %}
                    )
                )
                select
                    unnest(json_transform(json, '{{ structure }}')),
                    substr(filename, {{ prefix_length + 1 }}) as _file_name,
                    json as _raw_record,
                    cast(null as varchar) as _parse_error
                from records
            {%- endset -%}
        {%- else -%}
            {%- if bad_files -%}
                {{- log("Raw exports: " ~ bad_files ~ " file(s) under " ~ pattern ~ " do not parse; they go to the quarantine.", info=True) -}}
            {%- endif -%}
            {%- set body -%}
                with files as (
                    select filename, bytes, content, {{ valid }} as is_valid
                    from {{ texts }}
                ),

                records as (
                    select
                        filename,
                        {% if spec.format == 'json' %}unnest(cast(content as json[])){% else %}cast(content as json){% endif %} as json
                    from files
                    where is_valid
                )

                select
                    unnest(json_transform(json, '{{ structure }}')),
                    substr(filename, {{ prefix_length + 1 }}) as _file_name,
                    json as _raw_record,
                    cast(null as varchar) as _parse_error
                from records
                union all by name
                select
                    substr(filename, {{ prefix_length + 1 }}) as _file_name,
                    json_object(
                        'unparseable_file_beginning',
                        coalesce(substr(content, 1, 10000), substr(cast(bytes as varchar), 1, 10000))
                    ) as _raw_record,
                    case
                        when content is null then 'file is not UTF-8 text'
                        else 'file is not valid JSON (or not a JSON {{ "array" if spec.format == "json" else "object" }})'
                    end as _parse_error
                from files
                where not is_valid
            {%- endset -%}
        {%- endif -%}
    {%- elif spec.format == 'csv' -%}
        {#- A file that is not UTF-8 (a Latin-1 or Windows-1252 export) would stop the whole read: it is left
            out and stands as one quarantined row; the other files are read as usual. -#}
        {%- set non_utf8 = duckdb__non_utf8_csv_files('community_raw_delta' if cached else 'community_raw_listing', cached) -%}
        {%- if non_utf8 > 0 -%}
            {{- log("Raw exports: " ~ non_utf8 ~ " file(s) under " ~ pattern ~ " are not UTF-8 text; they go to the quarantine.", info=True) -}}
            {%- do run_query("set variable community_raw_files = (select coalesce(list(path order by path), []) from " ~ ('community_raw_delta where is_present and' if cached else 'community_raw_listing where') ~ " path not in (select path from community_csv_not_utf8))") -%}
            {%- set files_expression = "getvariable('community_raw_files')" -%}
        {%- endif -%}
        {%- set readable = file_count - non_utf8 -%}
        {%- set reader = "read_csv(" ~ files_expression ~ ", header = true, all_varchar = true, union_by_name = true, filename = '_file_path')" -%}
        {%- set present = run_query("select * from " ~ reader ~ " limit 0").column_names if readable > 0 else spec.get('required', []) -%}
        {%- for required in spec.get('required', []) if required not in present -%}
            {{ exceptions.raise_compiler_error(missing_column_message(node, pattern, required, present | reject('equalto', '_file_path') | list)) }}
        {%- endfor -%}
        {%- set body -%}
            {%- if readable > 0 %}
            select
            {%- for column in spec.columns %}
                {% if column in present %}{{ quote_identifier(column) }}{% else %}cast(null as varchar){% endif %} as {{ quote_identifier(column) }},
            {%- endfor %}
                substr(_file_path, {{ prefix_length + 1 }}) as _file_name,
                {#- Kept parsed, the record is JSON so files with different headers fit one table. -#}
                {{ 'to_json(' if cached }}{
                {%- for column in present if column != '_file_path' and column not in spec.get('not_kept', []) -%}
                    {{ sql_string_literal(column) }}: {{ quote_identifier(column) }}{{ ", " if not loop.last }}
                {%- endfor -%}
                }{{ ')' if cached }} as _raw_record,
                cast(null as varchar) as _parse_error
            from {{ reader }}
            {%- endif %}
            {%- if readable > 0 and non_utf8 > 0 %}
            union all by name
            {% endif %}
            {%- if non_utf8 > 0 %}
            
            {#- Paths as literals: a one-file table is a view, read after this session's temporary tables are
                gone. The file's beginning is kept (undecoded bytes escaped) for the data team, as for JSON. -#}
            select
            {%- for column in spec.columns %}
                cast(null as varchar) as {{ quote_identifier(column) }},
            {%- endfor %}
                not_utf8._file_name,
                json_object('unparseable_file_beginning', substr(cast(blob.content as varchar), 1, 10000)) as _raw_record,
                'file is not UTF-8 text (first bad line ' || not_utf8.first_bad_line || '); save it as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8' as _parse_error
            {%- set not_utf8_rows = run_query("select path, substr(path, " ~ (prefix_length + 1) ~ "), first_bad_line from community_csv_not_utf8 order by 1").rows %}
            from read_blob([{% for row in not_utf8_rows %}{{ sql_string_literal(row[0]) }}{{ ', ' if not loop.last }}{% endfor %}]) as blob
            inner join (
                values
                {%- for row in not_utf8_rows %}
                ({{ sql_string_literal(row[0]) }}, {{ sql_string_literal(row[1]) }}, {{ row[2] | int }}){{ ',' if not loop.last }}
                {%- endfor %}
            ) as not_utf8 (path, _file_name, first_bad_line)
                on blob.filename = not_utf8.path
            {%- endif %}
        {%- endset -%}
    {%- else -%}
        {{ exceptions.raise_compiler_error("Source `" ~ node.source_name ~ "." ~ node.name ~ "`: unknown raw format '" ~ spec.format ~ "' (expected json or csv).") }}
    {%- endif -%}

    {%- endif -%}
    {%- if not cached -%}
        {%- do duckdb__create_raw_view(node, body) -%}
    {%- elif rebuild -%}
        {%- do duckdb__drop_raw_relation(node.schema, node.identifier, kinds) -%}
        {%- do duckdb__drop_raw_relation(node.schema, node.identifier ~ '__files', kinds) -%}
        {%- do run_query("create schema if not exists " ~ api.Relation.create(database=node.database, schema=node.schema)) -%}
        {%- do run_query("create table " ~ relation ~ " as " ~ body) -%}
        {%- do run_query("create table " ~ files_relation ~ " as select file_name, file_size, modified_at, " ~ sql_string_literal(signature) ~ " as signature from community_raw_delta") -%}
    {%- else -%}
        {%- do run_query("delete from " ~ relation ~ " where _file_name in (select file_name from community_raw_delta)") -%}
        {%- if file_count > 0 -%}
            {%- do run_query("insert into " ~ relation ~ " by name select * from (" ~ body ~ ")") -%}
        {%- endif -%}
        {%- do run_query("delete from " ~ files_relation ~ " where file_name in (select file_name from community_raw_delta)") -%}
        {%- do run_query("insert into " ~ files_relation ~ " select file_name, file_size, modified_at, " ~ sql_string_literal(signature) ~ " from community_raw_delta where is_present") -%}
    {%- endif -%}
    {%- if spec.format == 'csv' and not cached and non_utf8 == 0 -%}
        {%- do duckdb__check_column_drift(node, relation, present, folder ~ '/' ~ spec.path) -%}
    {%- elif cached and file_count > 0 and not spec.get('columns_vary') -%}
        {#- Many-file tables (day files, API pages): the records of the files read now against those read last time. -#}
        {%- do duckdb__check_column_drift(node, '(select * from ' ~ relation ~ ' where _file_name in (select file_name from community_raw_delta where is_present))', none, folder ~ '/' ~ spec.path ~ ' (the files new in this build)') -%}
    {%- endif -%}
    {{ return({'files': files, 'parsed': file_count, 'removed': removed, 'rebuilt': rebuild}) }}
{% endmacro %}


{#-
    The CSV files listed in the temporary table `listing` (path, file_size, modified_at; with
    `present_only`, only its rows with is_present) that are not UTF-8 text, in the temporary table community_csv_not_utf8 (path,
    first_bad_line); returns how many. Each file is checked once: the answer is kept in
    raw_meta.csv_encoding by path, size and modification time. Checking means reading every row with
    DuckDB's CSV reader collecting rejects (7 s for a 2.9 GB file), so only new or changed files pay it.
-#}
{% macro duckdb__non_utf8_csv_files(listing, present_only) %}
    {%- set listed = 'candidate.is_present' if present_only else 'true' -%}
    {%- do run_query("create schema if not exists raw_meta") -%}
    {%- do run_query("create table if not exists raw_meta.csv_encoding (path varchar, file_size bigint, modified_at timestamp with time zone, first_bad_line bigint)") -%}
    {%- set unchecked -%}
        create or replace temporary table community_csv_unchecked as
        select candidate.path, candidate.file_size, candidate.modified_at
        from {{ listing }} as candidate
        where {{ listed }}
            and not exists (
                select 1 from raw_meta.csv_encoding as known
                where known.path = candidate.path
                    and known.file_size = candidate.file_size
                    and known.modified_at = candidate.modified_at
            )
    {%- endset -%}
    {%- do run_query(unchecked) -%}
    {%- set count = run_query("select count(*) from community_csv_unchecked").columns[0].values()[0] -%}
    {%- for index in range(count) -%}
        {#- The path reaches the reader as a variable, never as SQL text. -#}
        {%- do run_query("set variable community_csv_file = (select path from community_csv_unchecked order by path limit 1 offset " ~ index ~ ")") -%}
        {%- do run_query("select count(*) from read_csv(getvariable('community_csv_file'), header = true, all_varchar = true, ignore_errors = true, store_rejects = true, rejects_scan = 'community_csv_rejects_scan', rejects_table = 'community_csv_rejects') as row_read where hash(row_read) is not null") -%}
        {%- set record -%}
            delete from raw_meta.csv_encoding where path = getvariable('community_csv_file');
            insert into raw_meta.csv_encoding
            select
                checked.path,
                checked.file_size,
                checked.modified_at,
                (
                    select min(rejected.line)
                    from community_csv_rejects as rejected
                    inner join community_csv_rejects_scan as scan
                        on rejected.scan_id = scan.scan_id and rejected.file_id = scan.file_id
                    where scan.file_path = getvariable('community_csv_file')
                        and rejected.error_type = 'INVALID ENCODING'
                )
            from community_csv_unchecked as checked
            where checked.path = getvariable('community_csv_file')
        {%- endset -%}
        {%- do run_query(record) -%}
    {%- endfor -%}
    {%- set bad -%}
        create or replace temporary table community_csv_not_utf8 as
        select known.path, known.first_bad_line
        from raw_meta.csv_encoding as known
        inner join {{ listing }} as candidate
            on known.path = candidate.path
                and known.file_size = candidate.file_size
                and known.modified_at = candidate.modified_at
        where known.first_bad_line is not null
            and {{ listed }}
    {%- endset -%}
    {%- do run_query(bad) -%}
    {{- return(run_query("select count(*) from community_csv_not_utf8").columns[0].values()[0]) -}}
{% endmacro %}


{#- Table type ('BASE TABLE', 'VIEW') of each named relation of `schema` that exists, by lower-case name. -#}
{% macro duckdb__raw_relation_kinds(schema, identifiers) %}
    {%- set names = [] -%}
    {%- for identifier in identifiers -%}
        {%- do names.append(sql_string_literal(identifier | lower)) -%}
    {%- endfor -%}
    {%- set query -%}
        select lower(table_name), table_type from information_schema.tables
        where table_catalog = current_database() and lower(table_schema) = {{ sql_string_literal(schema | lower) }}
            and lower(table_name) in ({{ names | join(', ') }})
    {%- endset -%}
    {%- set kinds = {} -%}
    {%- for row in run_query(query) -%}
        {%- do kinds.update({row[0]: row[1]}) -%}
    {%- endfor -%}
    {{ return(kinds) }}
{% endmacro %}


{#- Drops a raw relation whatever it is (a view before, a table now, or the other way round). -#}
{% macro duckdb__drop_raw_relation(schema, identifier, kinds=none) %}
    {%- set kinds = kinds if kinds is not none else duckdb__raw_relation_kinds(schema, [identifier]) -%}
    {%- set kind = kinds.get(identifier | lower) -%}
    {%- if kind -%}
        {%- do run_query("drop " ~ ("view" if kind == 'VIEW' else "table") ~ " " ~ api.Relation.create(database=target.database, schema=schema, identifier=identifier)) -%}
    {%- endif -%}
{% endmacro %}


{# ---- Spark ------------------------------------------------------------------------------- #}

{#
    Spark reads files through tables in its metastore (`<schema>.<table>__files`, `USING json|csv`
    with the path glob), and the source relation is a view over that table adding `_file_name` and
    `_raw_record`. A table missing from a present folder surfaces as Spark's own "Path does not
    exist: <path>" when the view is first read; `make build-spark` and `make test-spark` check the
    files beforehand (community_warehouse.preflight) to give the same message as DuckDB.
#}
{#-
    Files matching `pattern` (`<folder>/**` or one file's path). Spark SQL cannot glob, but its
    binaryFile reader lists a folder tree: the raw root is listed once per run (a cached temporary
    table, `prepare_raw_listing`), paths only, never file contents. The root itself must exist (Spark
    fails on a missing one; preflight says so first).
-#}
{% macro spark__raw_file_count(pattern, raw_listing=none) %}
    {#- From the one listing spark__prepare_raw_listing summed up: a source folder's files, or one file
        directly in a folder (each question answered by Spark would be a job of its own, ~2 s). -#}
    {%- if raw_listing is not none and pattern.startswith(raw_listing.root ~ '/') -%}
        {%- set relative = pattern[(raw_listing.root | length) + 1:] -%}
        {%- if relative.endswith('/**') and '/' not in relative[:-3] and '*' not in relative[:-3] -%}
            {{- return(raw_listing.folder_files.get(relative[:-3], 0)) -}}
        {%- elif relative.count('/') == 1 and '*' not in relative -%}
            {{- return(1 if relative in raw_listing.shallow_files else 0) -}}
        {%- endif -%}
    {%- endif -%}
    {%- if pattern.endswith('/**') -%}
        {%- set prefix = 'file:' ~ pattern[:-2] -%}
        {%- set condition = "substring(url_decode(path), 1, " ~ (prefix | length) ~ ") = " ~ sql_string_literal(prefix) -%}
    {%- else -%}
        {%- set condition = "url_decode(path) = " ~ sql_string_literal('file:' ~ pattern) -%}
    {%- endif -%}
    {{- return(run_query("select count(*) from community_raw_files where " ~ condition).columns[0].values()[0]) -}}
{% endmacro %}


{#-
    Lists the raw root once (paths only) and sums it up for the rest of the run: files per source
    folder, the files directly inside a folder (configuration files), and the raw databases and
    relations already there (lower case, for spark__clear_raw_relation).
-#}
{% macro spark__prepare_raw_listing(root) %}
    {%- do run_query("create or replace temporary view community_raw_files__listing using binaryFile options (path " ~ sql_string_literal(root) ~ ", recursiveFileLookup 'true')") -%}
    {%- do run_query("cache table community_raw_files as select path from community_raw_files__listing") -%}
    {%- set prefix = 'file:' ~ root ~ '/' -%}
    {%- set relative = "substring(url_decode(path), " ~ ((prefix | length) + 1) ~ ")" -%}
    {%- set raw_listing = {'root': root, 'folder_files': {}, 'shallow_files': [], 'schemas': [], 'relations': []} -%}
    {%- set listing -%}
        select
            split({{ relative }}, '/')[0] as folder,
            case when size(split({{ relative }}, '/')) = 2 then {{ relative }} end as shallow_file,
            count(*) as files
        from community_raw_files
        where substring(url_decode(path), 1, {{ prefix | length }}) = {{ sql_string_literal(prefix) }}
        group by 1, 2
    {%- endset -%}
    {%- for row in run_query(listing) -%}
        {%- do raw_listing.folder_files.update({row[0]: raw_listing.folder_files.get(row[0], 0) + row[2]}) -%}
        {%- if row[1] is not none -%}{%- do raw_listing.shallow_files.append(row[1]) -%}{%- endif -%}
    {%- endfor -%}
    {%- for database in run_query("show databases").columns[0].values() if (database | lower).startswith('raw') -%}
        {%- do raw_listing.schemas.append(database | lower) -%}
        {%- for row in run_query("show tables in " ~ database) if not row[2] -%}
            {%- do raw_listing.relations.append((database ~ '.' ~ row[1]) | lower) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(raw_listing) }}
{% endmacro %}


{% macro spark__register_empty_raw_source(node, raw_listing=none) %}
    {%- set spec = node.meta.raw -%}
    {%- set body -%}
        select
        {%- for column in spec.columns %}
            cast(null as {{ spark_json_type(spec.columns[column]) if spec.columns is mapping else 'string' }}) as {{ quote_identifier(column) }},
        {%- endfor %}
            cast(null as string) as _file_name,
            struct(cast(null as string) as unparseable_file_beginning) as _raw_record,
            cast(null as string) as _parse_error
        where 1 = 0
    {%- endset -%}
    {%- do spark__create_raw_view(node, body, raw_listing) -%}
{% endmacro %}


{% macro spark__register_raw_source(node, root, raw_listing=none) %}
    {%- set spec = node.meta.raw -%}
    {%- set folder = node.meta.get('raw_folder', node.source_name) -%}
    {%- set pattern = root ~ '/' ~ folder ~ '/' ~ spec.path -%}
    {%- set files_table = node.schema ~ '.' ~ node.identifier ~ '__files' -%}
    {%- set relation = node.schema ~ '.' ~ node.identifier -%}
    {%- set prefix_length = ('file:' ~ root ~ '/') | length -%}
    {%- set file_name = "substring(url_decode(_metadata.file_path), " ~ (prefix_length + 1) ~ ")" -%}

    {%- do spark__clear_raw_relation(node, raw_listing) -%}

    {%- if spec.format in ('json', 'json_document') -%}
        {#- multiLine: a file holding one JSON array yields one row per element; one object, one row. -#}
        {%- set columns = [] -%}
        {%- for key, value in spec.columns.items() -%}
            {%- do columns.append(quote_identifier(key) ~ ' ' ~ spark_json_type(value)) -%}
        {%- endfor -%}
        {#- A file that does not parse becomes one row with `_corrupt_record` (PERMISSIVE mode). -#}
        {%- do run_query("create table " ~ files_table ~ " (" ~ columns | join(', ') ~ ", _corrupt_record string) using json options (path " ~ sql_string_literal(pattern) ~ ", multiLine 'true', mode 'PERMISSIVE', columnNameOfCorruptRecord '_corrupt_record')") -%}
        {%- set declared -%}
            {%- for key in spec.columns -%}{{ quote_identifier(key) }}{{ ", " if not loop.last }}{%- endfor -%}
        {%- endset -%}
        {%- set body -%}
            select
                {{ declared }},
                {{ file_name }} as _file_name,
                -- to_json leaves out null fields: a parsed record shows its keys, a corrupt file its text
                struct({{ declared }}, substring(_corrupt_record, 1, 10000) as unparseable_file_beginning) as _raw_record,
                case when _corrupt_record is not null
                    then 'file is not valid JSON (or not a JSON {{ "array" if spec.format == "json" else "object" }})'
                end as _parse_error
            from {{ files_table }}
        {%- endset -%}
    {%- elif spec.format == 'csv' and spec.get('columns_vary') -%}
        {#-
            Spark maps the columns of a multi-file CSV read by position, using the first file's header:
            files whose headers differ would be silently misaligned. So read every line positionally,
            take each file's first line as its header, and look each declared column up by name.
            A file is read whole by one task (multiLine), so its header has the smallest row id.
        -#}
        {%- set width = spec.get('max_columns', 64) -%}
        {%- set positional = [] -%}
        {%- for i in range(width) -%}{%- do positional.append('_c' ~ i ~ ' string') -%}{%- endfor -%}
        {%- set double_quote = '"' -%}
        {%- do run_query("create table " ~ files_table ~ " (" ~ positional | join(', ') ~ ") using csv options (path " ~ sql_string_literal(pattern) ~ ", header 'false', multiLine 'true', escape '" ~ double_quote ~ "', mode 'PERMISSIVE')") -%}
        {%- set cells -%}array({% for i in range(width) %}_c{{ i }}{{ ', ' if not loop.last }}{% endfor %}){%- endset -%}
        {%- set body -%}
            with lines as (
                select
                    {{ cells }} as _cells,
                    {{ file_name }} as _file_name,
                    monotonically_increasing_id() as _line_id
                from {{ files_table }}
            ),

            headers as (
                select
                    _file_name,
                    min(_line_id) as _header_line_id
                from lines
                group by _file_name
            ),

            header_cells as (
                select
                    lines._file_name,
                    headers._header_line_id,
                    transform(lines._cells, c -> trim(regexp_replace(c, '^\uFEFF', ''))) as _header
                from lines
                inner join headers
                    on lines._file_name = headers._file_name and lines._line_id = headers._header_line_id
            )

            select
            {%- for column in spec.columns %}
                case when array_position(h._header, {{ sql_string_literal(column) }}) > 0
                    then element_at(l._cells, cast(array_position(h._header, {{ sql_string_literal(column) }}) as int))
                end as {{ quote_identifier(column) }},
            {%- endfor %}
                l._file_name,
                {% if spec.get('not_kept') %}map_filter({% endif %}map_from_arrays(
                    filter(h._header, c -> c is not null),
                    slice(l._cells, 1, size(filter(h._header, c -> c is not null)))
                ){% if spec.get('not_kept') %}, (k, v) -> not array_contains(array(
                    {%- for column in spec.not_kept %}{{ sql_string_literal(column) }}{{ ", " if not loop.last }}{% endfor -%}
                ), k)){% endif %} as _raw_record,
                cast(null as string) as _parse_error
            from lines as l
            inner join header_cells as h
                on l._file_name = h._file_name and l._line_id > h._header_line_id
        {%- endset -%}
        {%- if spec.get('required') -%}
            {#- Like DuckDB's union_by_name: a required column must appear in the header of some file.
                Rows of a file without it carry nulls there, and staging quarantines them. -#}
            {%- set header_query -%}
                with lines as (
                    select {{ cells }} as _cells, {{ file_name }} as _f, monotonically_increasing_id() as _id
                    from {{ files_table }}
                )
                select distinct trim(regexp_replace(c, '^\uFEFF', '')) as c
                from (
                    select explode(_cells) as c
                    from lines
                    where (_f, _id) in (select _f, min(_id) from lines group by _f)
                ) as cells
            {%- endset -%}
            {%- set found = run_query(header_query).columns[0].values() | reject('none') | list -%}
            {%- for required in spec.required if required not in found -%}
                {{ exceptions.raise_compiler_error(missing_column_message(node, pattern, required, found)) }}
            {%- endfor -%}
        {%- endif -%}
    {%- elif spec.format == 'csv' -%}
        {#- RFC 4180 CSV (quotes escaped by doubling them) with quoted newlines, as Fivetran and Stripe write it. -#}
        {%- set double_quote = '"' -%}
        {%- do run_query("create table " ~ files_table ~ " using csv options (path " ~ sql_string_literal(pattern) ~ ", header 'true', multiLine 'true', escape '" ~ double_quote ~ "', mode 'PERMISSIVE')") -%}
        {%- set present = run_query("select * from " ~ files_table ~ " limit 0").column_names -%}
        {%- for required in spec.get('required', []) if required not in present -%}
            {{ exceptions.raise_compiler_error(missing_column_message(node, pattern, required, present)) }}
        {%- endfor -%}
        {%- set body -%}
            select
            {%- for column in spec.columns %}
                {% if column in present %}{{ quote_identifier(column) }}{% else %}cast(null as string){% endif %} as {{ quote_identifier(column) }},
            {%- endfor %}
                {{ file_name }} as _file_name,
                struct(
                {%- for column in present if column not in spec.get('not_kept', []) -%}
                    {{ quote_identifier(column) }}{{ ", " if not loop.last }}
                {%- endfor -%}
                ) as _raw_record,
                cast(null as string) as _parse_error
            from {{ files_table }}
        {%- endset -%}
    {%- else -%}
        {{ exceptions.raise_compiler_error("Source `" ~ node.source_name ~ "." ~ node.name ~ "`: unknown raw format '" ~ spec.format ~ "' (expected json or csv).") }}
    {%- endif -%}
    {%- do run_query("create view " ~ relation ~ " as " ~ body) -%}
{% endmacro %}


{# The key/shape tree of a JSON source as a Spark DDL type: leaves are strings. #}
{% macro spark_json_type(spec) %}
    {%- if spec is mapping -%}
        {%- set parts = [] -%}
        {%- for key, value in spec.items() -%}
            {%- do parts.append(quote_identifier(key) ~ ': ' ~ spark_json_type(value)) -%}
        {%- endfor -%}
        {{- return('struct<' ~ parts | join(', ') ~ '>') -}}
    {%- elif spec is string -%}
        {{- return('string') -}}
    {%- else -%}
        {{- return('array<' ~ spark_json_type(spec[0]) ~ '>') -}}
    {%- endif -%}
{% endmacro %}


{# The key/shape tree of a JSON source as DuckDB's json_transform structure: leaves are strings. #}
{% macro duckdb_json_structure(spec) %}
    {%- if spec is mapping -%}
        {%- set parts = [] -%}
        {%- for key, value in spec.items() -%}
            {%- do parts.append((key | tojson) ~ ': ' ~ duckdb_json_structure(value)) -%}
        {%- endfor -%}
        {{- return('{' ~ parts | join(', ') ~ '}') -}}
    {%- elif spec is string -%}
        {{- return('"JSON"' if spec == 'json' else '"VARCHAR"') -}}
    {%- else -%}
        {{- return('[' ~ duckdb_json_structure(spec[0]) ~ ']') -}}
    {%- endif -%}
{% endmacro %}


{#
    Drift against the previous build (DuckDB). For a table exported as one CSV file: a declared column the
    previous build found and this one does not (a renamed or dropped property: its values would turn to
    nulls without a word), or a column whose share of filled rows, among the file's first 100,000, fell by
    more than half of all rows (a sync that stopped filling it). For a table of many files (`present` none:
    JSON day files, API pages), the records of the files new in this build against those of the previous
    build's new files, by the share rule only (a key can be absent from a day's records by chance), and
    only when both hold at least 200 records (a day with three messages says nothing; its profile is not
    kept either). Each is a warning naming the files and the column; in strict mode it stops the build, and
    the profile is not updated, so the next run stops again until the export is fixed or the change is
    accepted (one run without strict mode). The profile lives in raw_meta.column_profile.
#}
{% macro duckdb__check_column_drift(node, relation, present, path) %}
    {%- set by_share_only = present is none -%}
    {%- set columns = node.meta.raw.columns | list -%}
    {%- set present = columns if by_share_only else present -%}
    {%- set key = sql_string_literal(node.source_name ~ '.' ~ node.name) -%}
    {%- do run_query("create schema if not exists raw_meta") -%}
    {%- do run_query("create table if not exists raw_meta.column_profile (source_table varchar, column_name varchar, is_present boolean, filled_rows bigint, total_rows bigint)") -%}
    {%- set measure -%}
        select
        {%- for column in columns %}
            {% if column in present %}count({{ quote_identifier(column) }}){% else %}cast(null as bigint){% endif %},
        {%- endfor %}
            count(*)
        {#- The first 100,000 rows: a one-file export is read whole once more otherwise (18 s for 5M page
            views), and a column that vanished is found from the header, not from the counts. -#}
        from (select * from {{ relation }} limit 100000)
    {%- endset -%}
    {%- set now = run_query(measure).rows[0] -%}
    {%- set total = now[columns | length] -%}
    {%- if by_share_only and total < 200 -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- set before = {} -%}
    {%- for row in run_query("select column_name, is_present, filled_rows, total_rows from raw_meta.column_profile where source_table = " ~ key).rows -%}
        {%- do before.update({row[0]: row}) -%}
    {%- endfor -%}
    {%- set drift = [] -%}
    {%- for column in columns -%}
        {%- set previous = before.get(column) -%}
        {%- if previous is not none and previous[1] and column not in present -%}
            {%- do drift.append("column `" ~ column ~ "` is gone (the previous build had it), so its values are null from now on") -%}
        {%- elif previous is not none and previous[1] and previous[3] >= (200 if by_share_only else 1) and total > 0 -%}
            {%- set share_before = previous[2] / previous[3] -%}
            {%- set share_now = now[loop.index0] / total -%}
            {%- if share_before - share_now > 0.5 -%}
                {%- do drift.append("column `" ~ column ~ "` was filled in " ~ '{:.0%}'.format(share_before) ~ " of rows and now in " ~ '{:.0%}'.format(share_now)) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set message = "Raw exports: " ~ path ~ ": " ~ (drift | join('; ')) ~ ". If it was renamed, rename it back in the export (or sync); if the change is expected, one build without strict mode accepts it." -%}
    {%- if drift and strict_sources() -%}
        {{ exceptions.raise_compiler_error(message ~ " Strict mode stops here.") }}
    {%- endif -%}
    {%- if drift -%}
        {{- log("WARNING " ~ message, info=True) -}}
    {%- endif -%}
    {%- set rows = [] -%}
    {%- for column in columns -%}
        {%- do rows.append("(" ~ key ~ ", " ~ sql_string_literal(column) ~ ", " ~ (column in present) ~ ", " ~ (now[loop.index0] if column in present else 0) ~ ", " ~ total ~ ")") -%}
    {%- endfor -%}
    {%- do run_query("delete from raw_meta.column_profile where source_table = " ~ key) -%}
    {%- do run_query("insert into raw_meta.column_profile values " ~ (rows | join(', '))) -%}
{% endmacro %}
