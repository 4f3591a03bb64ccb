{#
    Email as staging stores it: trimmed and lower-cased, empty text as null.
#}
{% macro clean_email(expr) -%}
    nullif(lower(trim({{ expr }})), '')
{%- endmacro %}


{#
    Email as identity matching compares it: the cleaned address with plus-addressing removed
    (jane+slack@acme.io matches jane@acme.io). `[+]` rather than `\+`: a backslash is an escape
    character in Spark string literals and a plain character in DuckDB's.
#}
{% macro match_email(expr) -%}
    regexp_replace({{ clean_email(expr) }}, '[+][^@]*@', '@')
{%- endmacro %}


{# The part before / after the @ of an address. #}
{% macro email_local_part(expr) -%}
    {{ dbt.split_part(expr, "'@'", 1) }}
{%- endmacro %}

{% macro email_domain(expr) -%}
    {{ dbt.split_part(expr, "'@'", 2) }}
{%- endmacro %}


{#
    A company domain as entered ("www.Acme.io", "https://acme.io/about", " ACME.IO ") reduced to the
    bare domain (acme.io); null when empty. No backreferences: DuckDB writes them \1, Spark $1.
#}
{% macro normalize_domain(expr) -%}
    nullif(regexp_replace(regexp_replace(lower(trim({{ expr }})), '^(https?://)?(www[.])?', ''), '/.*$', ''), '')
{%- endmacro %}


{#
    A platform handle as people type it into a form ("@Jane_Doe", "https://github.com/jane-doe/",
    " x.com/JaneDoe ") reduced to the handle as the platform stores it, lower-cased (X, GitHub and
    Discord handles are case-insensitive); null when empty.
#}
{% macro clean_handle(expr) -%}
    nullif(
        regexp_replace(
            regexp_replace(
                lower(trim({{ expr }})),
                '^(https?://)?(www[.])?((x|twitter|github)[.]com/)?@?', ''
            ),
            '/.*$', ''
        ),
        ''
    )
{%- endmacro %}
