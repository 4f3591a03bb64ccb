{#
    Which sources a build reads. Each source (a folder under COMMUNITY_RAW_PATH, listed in
    `base_models_by_source()`) is in one of three states, set by its var `using_<source>`:

      unset (the default)  found by itself: on when its folder holds files, else switched off (its
                           raw relations are empty, so every model still builds and marts get zeros)
      true                 required: a missing folder stops the build, naming the path
      false                switched off: its staging models are disabled (Fivetran's `using_` switch)

    Strict mode (`--vars '{strict_sources: true}'` or COMMUNITY_STRICT_SOURCES=true) makes every source
    not switched off required: for production runs, where a missing folder means a broken sync.
#}

{# True unless the source is switched off with `using_<source>: false` (evaluated at parse time). #}
{% macro source_enabled(source_name) -%}
    {{- return(var('using_' ~ source_name, none) is not false) -}}
{%- endmacro %}


{# True when a missing folder must stop the build: `using_<source>: true`, or strict mode. #}
{% macro source_required(source_name) -%}
    {{- return(var('using_' ~ source_name, none) is true or strict_sources()) -}}
{%- endmacro %}


{# Strict mode: the var `strict_sources`, else the environment variable COMMUNITY_STRICT_SOURCES. #}
{% macro strict_sources() -%}
    {%- set raw = var('strict_sources', none) -%}
    {%- if raw is none -%}
        {%- set raw = env_var('COMMUNITY_STRICT_SOURCES', 'false') -%}
    {%- endif -%}
    {%- set text = raw | string | trim | lower -%}
    {%- if text not in ['true', 'false', '1', '0', ''] -%}
        {{ exceptions.raise_compiler_error("Strict mode is " ~ (raw | tojson) ~ "; it must be true or false (var `strict_sources` or COMMUNITY_STRICT_SOURCES).") }}
    {%- endif -%}
    {{- return(text in ['true', '1']) -}}
{%- endmacro %}


{# Every `using_<source>` var must be true, false or unset: anything else would be read as "on". #}
{% macro check_source_switches() %}
    {%- for source_name in base_models_by_source() -%}
        {%- set value = var('using_' ~ source_name, none) -%}
        {%- if value is not none and value is not boolean -%}
            {{ exceptions.raise_compiler_error("The var `using_" ~ source_name ~ "` is " ~ (value | tojson) ~ "; it must be true (required), false (switched off) or left unset (on when " ~ source_name ~ "/ holds files).") }}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}
