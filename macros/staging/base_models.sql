{#
    The base/stg pattern of every source entity (see DECISIONLOG.md, "Staging"):
    a base model holds every raw record with its disposition — staged, quarantined (with a reason) or
    duplicate — and the stg model keeps the staged ones.
#}

{#
    The columns every base model ends with, from the `quarantine_text` CTE (below). `key` is the entity's
    natural key, `order_by` picks the row staged among several valid rows with that key (the others are
    duplicates); by default the latest Fivetran sync.
#}
{% macro base_disposition_columns(key, order_by='fivetran_synced_at desc nulls last, _file_name asc') -%}
    {#- a tombstone of an erased record (erase_requested) keeps only the file it came from -#}
    coalesce(_file_name, _erasure_file) as _file_name,
    _quarantine_reason,
    {{ duplicate_flag(key, order_by) }} as _is_duplicate,
    _quarantined_record as _raw_record
{%- endmacro %}


{#
    The body of every base model's `quarantine_text` CTE, between `validated` (which has `_raw_record`,
    the whole record as a struct/JSON value, and `_quarantine_reason`) and `final`. The record becomes
    text for quarantined rows only: that is what the data team needs to inspect them, and rendering it
    for millions of valid rows — and carrying it through the duplicate window — would cost more than
    the rest of the model (measured: 16 s → 7.6 s and 8.1 → 2.8 GB on 5M page views).
#}
{% macro quarantine_text(relation='validated', record_is_text=false) -%}
    {#- record_is_text: the model rendered `_raw_record` itself (it unions records of different shapes). -#}
    select
        *,
        case
            when _quarantine_reason is not null
                then {{ '_raw_record' if record_is_text else record_as_text('_raw_record') }}
        end as _quarantined_record
    from {{ relation }}
{%- endmacro %}


{# A struct, map or JSON value as JSON text. #}
{% macro record_as_text(expression) -%}
    {{ return(adapter.dispatch('record_as_text', 'community_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__record_as_text(expression) -%}
    to_json({{ expression }})
{%- endmacro %}

{% macro duckdb__record_as_text(expression) -%}
    cast(to_json({{ expression }}) as varchar)
{%- endmacro %}


{#
    True for the second and later rows that share a natural key, among the rows that pass validation;
    the first row by `order_by` is the one staged. Quarantined rows are never duplicates: they are
    accounted for by their reason. Rows that tie on `order_by` (two re-syncs with the same
    `_fivetran_synced`, one file holding a key twice) are ordered last by a hash of the whole record, so
    which one is staged depends on what the rows hold, never on the order the engine happened to read
    them in: the same exports give the same marts on every build.
#}
{% macro duplicate_flag(key, order_by) -%}
    coalesce(
        _quarantine_reason is null
        and row_number() over (
            partition by {{ key }}, _quarantine_reason is null
            order by {{ order_by }}, {{ content_hash('_raw_record') }}
        ) > 1,
        false
    )
{%- endmacro %}


{#
    A 64-bit hash of a value of any type (a struct, a JSON value), cheap enough to compute on every row.
    Deterministic on each engine; DuckDB and Spark hash differently, so where two rows differ in content
    and tie on everything else, the two engines may each stage a different one of them (always the same one).
#}
{% macro content_hash(expression) -%}
    {{ return(adapter.dispatch('content_hash', 'community_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__content_hash(expression) -%}
    xxhash64({{ expression }})
{%- endmacro %}

{% macro duckdb__content_hash(expression) -%}
    hash({{ expression }})
{%- endmacro %}

{#- Spark refuses to hash a map (a CSV record is one), since equal maps may hash differently; as text, a
    record's entries come in its file's header order. -#}
{% macro spark__content_hash(expression) -%}
    xxhash64(cast({{ expression }} as string))
{%- endmacro %}


{# The rows of a base model that staging keeps: valid and not duplicates. #}
{% macro staged_rows(base_relation) -%}
    select * from {{ base_relation }}
    where _quarantine_reason is null and not _is_duplicate
{%- endmacro %}


{#
    The window a recorded time must fall in to be believed: from the var `earliest_valid_date` (default
    2000-01-01) to the var `latest_valid_date` (default: one day after the build started). A message
    stamped 2099 or 1970 is a broken clock or a placeholder, not an event: staged, it would stretch every
    monthly mart to its year and move "as of" dates there. Returns the two bounds as SQL timestamp
    literals. The window may not exceed 1,000 months, the longest month spine the marts build.
#}
{% macro plausible_time_window() -%}
    {%- set pattern = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' -%}
    {%- set bounds = {} -%}
    {%- set defaults = {
        'earliest_valid_date': '2000-01-01',
        'latest_valid_date': (run_started_at + modules.datetime.timedelta(days=1)).strftime('%Y-%m-%d'),
    } -%}
    {%- for name, default in defaults.items() -%}
        {%- set raw = var(name, none) -%}
        {%- set text = default if raw is none or (raw | string | trim) == '' else (raw | string | trim) -%}
        {%- if modules.re.match(pattern, text) is none -%}
            {{ exceptions.raise_compiler_error(
                "The var `" ~ name ~ "` is " ~ (raw | tojson) ~ "; it must be a date written YYYY-MM-DD, or left"
                ~ " unset (default " ~ default ~ "). Set it with --vars '{" ~ name ~ ": " ~ default ~ "}'."
            ) }}
        {%- endif -%}
        {%- do bounds.update({name: text}) -%}
    {%- endfor -%}
    {%- set first = modules.datetime.datetime.strptime(bounds.earliest_valid_date, '%Y-%m-%d') -%}
    {%- set last = modules.datetime.datetime.strptime(bounds.latest_valid_date, '%Y-%m-%d') -%}
    {%- set months = (last.year - first.year) * 12 + last.month - first.month -%}
    {%- if months <= 0 or months >= 1000 -%}
        {{ exceptions.raise_compiler_error(
            "The vars `earliest_valid_date` (" ~ bounds.earliest_valid_date ~ ") and `latest_valid_date` ("
            ~ bounds.latest_valid_date ~ ") must be in that order and less than 1,000 months apart: records"
            ~ " dated outside them are quarantined, and the monthly marts span at most 1,000 months."
        ) }}
    {%- endif -%}
    {{- return({
        'earliest': "cast('" ~ bounds.earliest_valid_date ~ " 00:00:00' as timestamp)",
        'latest': "cast('" ~ bounds.latest_valid_date ~ " 23:59:59' as timestamp)",
    }) -}}
{%- endmacro %}


{#
    `when … then reason` branches for a base model's `_quarantine_reason` case: a record whose time of
    something that happened (sent, created, viewed, …) falls outside `plausible_time_window()` is
    quarantined, naming the column. Times that may lie in the future by design (an expected close
    date, a period end, an event's start) are not passed here.
#}
{% macro implausible_time_reasons(columns) -%}
    {%- set window = plausible_time_window() -%}
    {%- for column in columns %}
            when {{ column }} < {{ window.earliest }} or {{ column }} > {{ window.latest }}
                then '{{ column }} outside the plausible window (vars earliest_valid_date, latest_valid_date)'
    {%- endfor %}
{%- endmacro %}
