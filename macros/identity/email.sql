{#
    Email as staging stores it: trimmed and lower-cased, empty text as null.
#}
{% macro clean_email(expr) -%}
    nullif(lower(trim({{ expr }})), '')
{%- endmacro %}


{#
    Email as identity matching compares it: the cleaned address with plus-addressing removed
    (jane+slack@acme.io matches jane@acme.io) — except GitHub's private addresses, whose plus-tag is the
    login (12345+octo@users.noreply.github.com; see github_noreply_login). `[+]` rather than `\+`: a backslash is an escape
    character in Spark string literals and a plain character in DuckDB's.
#}
{% macro match_email(expr) -%}
    case
        when {{ clean_email(expr) }} like '%@users.noreply.github.com' then {{ clean_email(expr) }}
        else regexp_replace({{ clean_email(expr) }}, '[+][^@]*@', '@')
    end
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


{#
    A person's full name as identity compares it: accents folded (José → jose), lower-cased, anything
    but letters as one space, trimmed. Null unless it has at least two words — a lone first name
    ("Alex") or a handle says too little to tell two people apart. `translate` exists on both engines.
#}
{% macro person_name_key(expr) -%}
    {%- set folded -%}
        trim({{ regexp_replace_all(
            "translate(lower(trim(" ~ expr ~ ")), 'àáâãäåāçćčèéêëēėęìíîïīłñńòóôõöøōśšùúûüūýÿźżž', 'aaaaaaaccceeeeeeeiiiiilnnooooooossuuuuuyyzzz')",
            "'[^a-z]+'",
            "' '"
        ) }})
    {%- endset -%}
    case when {{ folded }} like '% %' then {{ folded }} end
{%- endmacro %}


{#
    The GitHub login a GitHub private address names: <id>+<login>@users.noreply.github.com (since 2017)
    or <login>@users.noreply.github.com (before); null for any other address. Expects a cleaned address.
#}
{% macro github_noreply_login(expr) -%}
    case
        when {{ email_domain(expr) }} = 'users.noreply.github.com'
            then nullif(regexp_replace({{ email_local_part(expr) }}, '^[0-9]+[+]', ''), '')
    end
{%- endmacro %}


{#
    A text value as one field of a CSV line: quoted, with quotes doubled, when it holds a comma, a quote
    or a line break; as is otherwise. For the curated-file lines identity__merge_review offers.
#}
{% macro csv_field(expr) -%}
    case
        when {{ expr }} like '%,%' or {{ expr }} like '%"%' or {{ expr }} like concat('%', chr(10), '%')
            then concat('"', replace({{ expr }}, '"', '""'), '"')
        else {{ expr }}
    end
{%- endmacro %}
