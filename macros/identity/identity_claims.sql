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


{#
    A curated-pairs file (stg_config__identity_links or __identity_splits) as identifier ids:
    `<type>:<value>` for each side, values trimmed as the graph writes them.
#}
{% macro curated_identifier_pairs(model_name) -%}
    select
        concat(identifier_type_a, ':', trim(identifier_value_a)) as identifier_id_a,
        concat(identifier_type_b, ':', trim(identifier_value_b)) as identifier_id_b
    from {{ ref(model_name) }}
{%- endmacro %}


{#
    Domains that never name an employer: free-mail providers, non-mailbox domains (GitHub noreply) and
    the community's own domains.
#}
{% macro non_employer_domains() -%}
    select email_domain from {{ ref('free_email_domains') }}
    union
    select email_domain from {{ ref('non_mailbox_email_domains') }}
    union
    select email_domain from {{ ref('stg_config__internal_email_domains') }}
{%- endmacro %}
