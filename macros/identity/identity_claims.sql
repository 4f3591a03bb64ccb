{#
    Claims from an accounts relation (columns identifier_value, display_name, person_name, is_bot,
    first_seen_at, last_seen_at, plus the stated columns). `person_name` is the record's full name where
    the source holds one (a CRM contact, a registration, a profile's real name), else null: identity
    compares it to tell two people apart.: one `select` per (stated_type, column, rule) in `stated`,
    joined by `union all`. With no relation, an empty claims query with the right types.
#}
{% macro identity_claims(relation, source_name, identifier_type, stated) -%}
    {%- if relation is none -%}
        select
            cast(null as {{ dbt.type_string() }}) as source_name,
            cast(null as {{ dbt.type_string() }}) as identifier_type,
            cast(null as {{ dbt.type_string() }}) as identifier_value,
            cast(null as {{ dbt.type_string() }}) as display_name,
            cast(null as {{ dbt.type_string() }}) as person_name,
            cast(null as {{ dbt.type_boolean() }}) as is_bot,
            cast(null as {{ dbt.type_timestamp() }}) as first_seen_at,
            cast(null as {{ dbt.type_timestamp() }}) as last_seen_at,
            cast(null as {{ dbt.type_string() }}) as stated_type,
            cast(null as {{ dbt.type_string() }}) as stated_value,
            cast(null as {{ dbt.type_string() }}) as rule
        where 1 = 0
    {%- else -%}
        {%- for stated_type, column, rule in stated %}
        select
            '{{ source_name }}' as source_name,
            '{{ identifier_type }}' as identifier_type,
            identifier_value,
            display_name,
            person_name,
            is_bot,
            first_seen_at,
            last_seen_at,
            '{{ stated_type }}' as stated_type,
            {{ column }} as stated_value,
            '{{ rule }}' as rule
        from {{ relation }}
        {{ 'union all' if not loop.last }}
        {%- endfor %}
    {%- endif -%}
{%- endmacro %}
