{#
    Right to erasure (README, "Erasing a person"; DECISIONLOG.md, "Erasure"). Requests live in a file
    outside the project, named by the environment variable COMMUNITY_ERASURE_PATH and written by
    `make erase ID=…`, which expands one identifier into every identifier of the member behind it. The
    file holds no identifier itself, only `sha256('<identifier type>:<identifier value>')` per line, the
    same `<type>:<value>` the member map keys identifiers by.

    Every base model passes its `typed` rows through erase_requested(): a row that belongs to an erased
    person (one of its person-identifier columns hashes to a listed value) leaves as a tombstone, every
    column null but the file it came from and `_quarantine_reason` 'erased on request', so the
    reconciliation still accounts for it and nothing downstream sees any of its values.
#}

{#
    The listed hashes, each checked to be 64 hexadecimal digits (so each is safe to write into SQL as a
    literal). Empty when COMMUNITY_ERASURE_PATH is unset or empty. A set variable naming no readable file
    stops the build: erasure that silently did nothing would be worse than none.
#}
{% macro erasure_hashes() %}
    {%- set path = env_var('COMMUNITY_ERASURE_PATH', '') | trim -%}
    {%- if not execute or path == '' -%}
        {{- return([]) -}}
    {%- endif -%}
    {%- set lines = adapter.dispatch('erasure_file_lines', 'community_warehouse')(path) -%}
    {%- set hashes = [] -%}
    {%- for line in lines -%}
        {%- set text = (line or '') | trim -%}
        {%- set first = text.split(',')[0] | trim | lower -%}
        {%- if text == '' or text.startswith('#') or first == 'identifier_hash' -%}
            {#- a blank line, a comment or the header -#}
        {%- elif modules.re.match('^[0-9a-f]{64}$', first) -%}
            {%- do hashes.append(first) -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error(
                "Erasure requests (COMMUNITY_ERASURE_PATH=" ~ path ~ "), line " ~ loop.index ~ ": the first"
                ~ " field is not a sha256 hash (64 hexadecimal digits). The file is written by"
                ~ " `make erase ID=<identifier>`; lines are `identifier_hash,identifier_type,requested_on`."
            ) }}
        {%- endif -%}
    {%- endfor -%}
    {{- return(hashes | unique | list) -}}
{% endmacro %}


{% macro duckdb__erasure_file_lines(path) %}
    {%- set found = run_query("select count(*) from glob(" ~ sql_string_literal(path) ~ ")").columns[0].values()[0] -%}
    {%- if found == 0 -%}
        {{ exceptions.raise_compiler_error(erasure_file_missing_message(path)) }}
    {%- endif -%}
    {%- set content = run_query("select content from read_text(" ~ sql_string_literal(path) ~ ")").columns[0].values()[0] -%}
    {{- return((content or '').replace('\r', '').split('\n')) -}}
{% endmacro %}

{% macro spark__erasure_file_lines(path) %}
    {%- if '`' in path -%}
        {{ exceptions.raise_compiler_error("COMMUNITY_ERASURE_PATH may not contain a backtick: " ~ path) }}
    {%- endif -%}
    {%- set rows = run_query("select value from text.`" ~ path ~ "`") -%}
    {{- return(rows.columns[0].values() | list) -}}
{% endmacro %}

{% macro erasure_file_missing_message(path) -%}
    COMMUNITY_ERASURE_PATH names {{ path }}, which does not exist. Point it at the erasure file `make erase` writes (kept outside the project), or unset it when no erasure was ever requested.
{%- endmacro %}


{#
    The hash an identifier is listed under, `sha256('<type>:<value>')` in lower-case hex, with the value
    normalized as identity normalizes it (int_identity__claims): e-mail addresses as match_email, handles
    as clean_handle, account ids as trimmed text.
#}
{% macro erasure_hash(identifier_type, expression) -%}
    {%- if identifier_type == 'email' -%}
        {%- set value = match_email(expression) -%}
    {%- elif identifier_type in ('github_login', 'x_handle', 'discord_username') -%}
        {%- set value = clean_handle(expression) -%}
    {%- else -%}
        {%- set value = "nullif(trim(cast(" ~ expression ~ " as " ~ dbt.type_string() ~ ")), '')" -%}
    {%- endif -%}
    {{ return(adapter.dispatch('sha256_hex', 'community_warehouse')(dbt.concat(["'" ~ identifier_type ~ ":'", value]))) }}
{%- endmacro %}

{% macro default__sha256_hex(expression) -%}
    sha2({{ expression }}, 256)
{%- endmacro %}

{% macro duckdb__sha256_hex(expression) -%}
    sha256({{ expression }})
{%- endmacro %}


{#
    A base model's `typed` rows with erased persons' rows replaced by tombstones. `identifiers`: the
    (identifier type, column) pairs that say whose record a row is. Adds `_erasure` (the reason, on
    tombstones) and `_erasure_file` (a tombstone's file); base_disposition_columns() takes the file name
    from it. With no request listed, the rows pass unchanged.
#}
{% macro erase_requested(relation, identifiers) %}
    {%- set hashes = erasure_hashes() if identifiers else [] -%}
    {%- set text_type = dbt.type_string() -%}
    {%- if not hashes %}
    select
        *,
        cast(null as {{ text_type }}) as _erasure,
        cast(null as {{ text_type }}) as _erasure_file
    from {{ relation }}
    {%- else -%}
    {%- set conditions = [] -%}
    {%- for identifier_type, column in identifiers -%}
        {%- do conditions.append(is_erased(identifier_type, column, hashes)) -%}
    {%- endfor %}
    select
        *,
        cast(null as {{ text_type }}) as _erasure,
        cast(null as {{ text_type }}) as _erasure_file
    from {{ relation }}
    where not ({{ conditions | join('\n        or ') }})
    union all
    -- One row of nulls per erased record (a join that matches nothing keeps the erased side only).
    select
        blank.*,
        'erased on request' as _erasure,
        erased._file_name as _erasure_file
    from (
        select _file_name from {{ relation }}
        where {{ conditions | join('\n            or ') }}
    ) as erased
    left join {{ relation }} as blank
        on 1 = 0
    {%- endif %}
{% endmacro %}


{#
    References to an erased person inside other people's records: the person a reply answers, the users
    who reacted, a mention in the text. The record stays (it is someone else's); the reference goes.
    Each returns `expression` unchanged when no erasure is requested, so the built SQL is the same as
    before any request.
#}

{# The `in (…)` test of one identifier against the listed hashes: false for a null value. #}
{% macro is_erased(identifier_type, expression, hashes) -%}
    coalesce({{ erasure_hash(identifier_type, expression) }} in ('{{ hashes | join("', '") }}'), false)
{%- endmacro %}

{# A scalar reference (a reply's parent author), null when it names an erased person. #}
{% macro unless_erased(identifier_type, expression) -%}
    {%- set hashes = erasure_hashes() -%}
    {%- if hashes -%}
        case when {{ is_erased(identifier_type, expression, hashes) }} then null else {{ expression }} end
    {%- else -%}
        {{ expression }}
    {%- endif -%}
{%- endmacro %}

{#
    An array without the elements that name an erased person. `element`: the lambda's variable; `value`:
    the identifier in it (default the element itself; `u.id` for an array of user structs).
#}
{% macro array_without_erased(identifier_type, array, element='x', value=none) -%}
    {%- set hashes = erasure_hashes() -%}
    {%- if hashes -%}
        {{ array_filter(array, element, 'not ' ~ is_erased(identifier_type, value or element, hashes)) }}
    {%- else -%}
        {{ array }}
    {%- endif -%}
{%- endmacro %}

{#
    Text with each mention of an erased person rewritten as `erased`: `pattern` (a SQL string literal,
    no backslashes) captures the mentioned id in its first group, e.g. Slack's `<@U024BE7LH>`.
#}
{% macro text_without_erased_mentions(identifier_type, text, pattern) -%}
    {%- set hashes = erasure_hashes() -%}
    {%- if hashes -%}
        {{ adapter.dispatch('text_without_erased_mentions', 'community_warehouse')(
            text, pattern, is_erased(identifier_type, 'mentioned', hashes)) }}
    {%- else -%}
        {{ text }}
    {%- endif -%}
{%- endmacro %}

{% macro default__text_without_erased_mentions(text, pattern, condition) -%}
    aggregate(
        filter(regexp_extract_all({{ text }}, {{ pattern }}, 1), mentioned -> {{ condition }}),
        {{ text }},
        (rewritten, mentioned) -> replace(rewritten, mentioned, 'erased')
    )
{%- endmacro %}

{% macro duckdb__text_without_erased_mentions(text, pattern, condition) -%}
    list_reduce(
        list_concat(
            [{{ text }}],
            list_filter(regexp_extract_all({{ text }}, {{ pattern }}, 1), lambda mentioned: {{ condition }})
        ),
        lambda rewritten, mentioned: replace(rewritten, mentioned, 'erased')
    )
{%- endmacro %}
