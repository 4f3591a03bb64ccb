{#
    Every raw record that staging could not accept, from every enabled source, with the reason.
    Nothing is dropped silently: raw rows = staged rows + quarantined rows + duplicates removed.
#}
{%- set base_models = [] -%}
{%- for source_name, entities in base_models_by_source().items() if source_enabled(source_name) -%}
    {%- for entity_name in entities -%}
        {%- do base_models.append((source_name, entity_name)) -%}
    {%- endfor -%}
{%- endfor -%}

with quarantined as (
    {% for source_name, entity_name in base_models %}
        select
            '{{ source_name }}' as source_name,
            '{{ entity_name }}' as entity_name,
            _file_name as file_name,
            _raw_record as raw_record,
            _quarantine_reason as reason
        from {{ ref('base_' ~ source_name ~ '__' ~ entity_name) }}
        where _quarantine_reason is not null
        {% if not loop.last %}union all{% endif %}
    {% else %}
        select
            cast(null as {{ dbt.type_string() }}) as source_name,
            cast(null as {{ dbt.type_string() }}) as entity_name,
            cast(null as {{ dbt.type_string() }}) as file_name,
            cast(null as {{ dbt.type_string() }}) as raw_record,
            cast(null as {{ dbt.type_string() }}) as reason
        where 1 = 0
    {% endfor %}
)

select * from quarantined
