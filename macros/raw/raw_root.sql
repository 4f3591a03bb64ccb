{#
    The folder holding the raw exports, from COMMUNITY_RAW_PATH (default: the generated demo data).
    The value reaches SQL as a string literal, so it is validated rather than trusted.
#}
{% macro raw_root() %}
    {%- set root = env_var('COMMUNITY_RAW_PATH', 'data/demo') | trim -%}
    {%- if root == '' -%}
        {{ exceptions.raise_compiler_error("COMMUNITY_RAW_PATH is set but empty. Unset it to use the demo data (data/demo), or set it to the folder holding your exports.") }}
    {%- endif -%}
    {#- Relative paths are taken from the directory dbt runs in, and made absolute here so that every
        engine reports the same file names (Spark always reports absolute ones). The check below runs on
        the absolute path: the directory dbt runs in reaches SQL too. -#}
    {%- set given = root -%}
    {%- if not root.startswith('/') -%}
        {%- set root = env_var('PWD', '.') ~ '/' ~ (root[2:] if root.startswith('./') else root) -%}
    {%- endif -%}
    {%- for bad in ["'", '"', '\\', ';', '\n', '*', '?', '[', '{'] -%}
        {%- if bad in root -%}
            {#- Shown as typed: Jinja's tojson would print an apostrophe as \u0027. -#}
            {%- set shown = 'a line break' if bad == '\n' else '"' ~ bad ~ '"' -%}
            {%- if bad in given -%}
                {{ exceptions.raise_compiler_error('COMMUNITY_RAW_PATH "' ~ given ~ '" contains the character ' ~ shown ~ ", which is not allowed in the raw folder path. Move or link the exports to a path without it.") }}
            {%- else -%}
                {{ exceptions.raise_compiler_error('The raw folder "' ~ root ~ '" (COMMUNITY_RAW_PATH "' ~ given ~ '", relative to the folder dbt runs in) contains the character ' ~ shown ~ ", which is not allowed in the raw folder path. Set COMMUNITY_RAW_PATH to an absolute path without it, or run dbt from a folder without it.") }}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(root.rstrip('/') if root != '/' else root) }}
{% endmacro %}


{% macro missing_raw_message(node, pattern, root) %}
    {%- set folder = node.meta.get('raw_folder', node.source_name) -%}
    {%- set msg -%}
Raw export not found for source `{{ node.source_name }}.{{ node.name }}`: no file matches {{ pattern }}. The folder {{ root }}/{{ folder }} holds files, so the source is on: add this table's export (layout: README.md, "Bring your own exports"), or switch the source off: make build VARS='{"using_{{ node.source_name }}": false}' (dbt: --vars '{"using_{{ node.source_name }}": false}').
    {%- endset -%}
    {{ return(msg) }}
{% endmacro %}


{% macro missing_column_message(node, pattern, column, present) %}
    {%- set read = present | reject('equalto', '_file_path') | list -%}
    {%- if read | length == 1 and ',' in read[0] and column in read[0].split(',') -%}
        {#- The CSV reader fell back to one column holding the whole header line: it found no delimiter
            that gives every row the same number of fields, so some row has more or fewer than the header. -#}
        {%- set msg -%}
Raw export {{ pattern }} (source `{{ node.source_name }}.{{ node.name }}`) could not be split into columns: some row has more or fewer fields than the header ({{ read[0] | length }}-character header read as one column).
  Fix: find the ragged row (e.g. awk -F, '{print NF}' on the file, or open it in a spreadsheet) and export the table again; an unquoted comma or line break inside a value is the usual cause.
        {%- endset -%}
        {{ return(msg) }}
    {%- endif -%}
    {%- set msg -%}
Raw export {{ pattern }} (source `{{ node.source_name }}.{{ node.name }}`) has no column `{{ column }}`, which the project requires.
  Columns found: {{ present | join(', ') }}.
  Fix: export the table again with this column, or switch the source off: make build VARS='{"using_{{ node.source_name }}": false}' (dbt: --vars '{"using_{{ node.source_name }}": false}').
    {%- endset -%}
    {{ return(msg) }}
{% endmacro %}


{#
    A name as a quoted SQL identifier, whatever it holds. Column names read from an export's header or a
    synced table's catalog are data: `adapter.quote` only wraps them, so a header holding the quote
    character would end the identifier and the rest would run as SQL. The quote is escaped by doubling it
    (DuckDB "a""b", Spark `a``b`).
#}
{% macro quote_identifier(name) %}
    {{ return(adapter.dispatch('quote_identifier', 'community_warehouse')(name)) }}
{% endmacro %}

{% macro default__quote_identifier(name) %}
    {{ return('`' ~ name | replace('`', '``') ~ '`') }}
{% endmacro %}

{% macro duckdb__quote_identifier(name) %}
    {{ return('"' ~ name | replace('"', '""') ~ '"') }}
{% endmacro %}


{#
    Text as an SQL string literal. DuckDB doubles a quote ('What''s'); Spark reads 'What''s' as two
    adjacent literals ("Whats") and needs backslash escapes ('What\'s').
#}
{% macro sql_string_literal(text) %}
    {{ return(adapter.dispatch('sql_string_literal', 'community_warehouse')(text)) }}
{% endmacro %}

{% macro default__sql_string_literal(text) %}
    {{ return("'" ~ text | replace("\\", "\\\\") | replace("'", "\\'") ~ "'") }}
{% endmacro %}

{% macro duckdb__sql_string_literal(text) %}
    {{ return("'" ~ text | replace("'", "''") ~ "'") }}
{% endmacro %}
