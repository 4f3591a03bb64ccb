{#
    regexp_replace of every match. DuckDB replaces the first match unless told 'g'; Spark always
    replaces every match.
#}
{% macro regexp_replace_all(expr, pattern, replacement) -%}
    {{ return(adapter.dispatch('regexp_replace_all', 'community_warehouse')(expr, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regexp_replace_all(expr, pattern, replacement) -%}
    regexp_replace({{ expr }}, {{ pattern }}, {{ replacement }})
{%- endmacro %}

{% macro duckdb__regexp_replace_all(expr, pattern, replacement) -%}
    regexp_replace({{ expr }}, {{ pattern }}, {{ replacement }}, 'g')
{%- endmacro %}


{#
    Free text people typed, made comparable: lower case, Latin accents removed (é → e, ñ → n), every
    run of spaces, tabs or line breaks one space, trimmed. Portable: translate and regexp_replace_all;
    the whitespace class holds the characters themselves (Java's regex has no [[:space:]], and a
    backslash is an escape in Spark's string literals).
#}
{% macro normalize_free_text(expr) -%}
    trim({{ regexp_replace_all(
        "translate(lower(" ~ expr ~ "), 'áàâäãåāéèêëēíìîïīóòôöõøōúùûüūñçýÿ', 'aaaaaaaeeeeeiiiiiooooooouuuuuncyy')",
        "'[ \t\n\r]+'",
        "' '"
    ) }})
{%- endmacro %}


{#
    Text someone typed, made safe to open in a spreadsheet: a value that starts with `=`, `+`, `-`, `@`,
    a tab or a carriage return is what Excel, Sheets and LibreOffice run as a formula when a BI export
    is opened (`=HYPERLINK(…)`, `@SUM(…)`), so it gets a leading apostrophe, the spreadsheet's own mark
    for "text", as OWASP's CSV-injection guidance advises. Every other value is unchanged. Applied where
    names and free text enter the marts (member and account names, handles, opportunity names, feedback).
#}
{% macro spreadsheet_safe_text(expr) -%}
    case
        when substr({{ expr }}, 1, 1) in ('=', '+', '-', '@', chr(9), chr(13))
            then {{ dbt.concat(['chr(39)', expr]) }}
        else {{ expr }}
    end
{%- endmacro %}
