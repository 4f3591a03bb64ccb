{#
    Every raw record that staging could not accept, from every enabled source, with the reason.
    Nothing is dropped silently: raw rows = staged rows + quarantined rows + duplicates removed.
#}
{%- set base_models = [] -%}
{%- if var('using_slack', true) -%}
    {%- do base_models.extend([
        ('slack', 'users', 'base_slack__users'),
        ('slack', 'channels', 'base_slack__channels'),
        ('slack', 'messages', 'base_slack__messages'),
    ]) -%}
{%- endif -%}
{%- if var('using_hubspot', true) -%}
    {%- do base_models.extend([
        ('hubspot', 'contact', 'base_hubspot__contact'),
        ('hubspot', 'company', 'base_hubspot__company'),
    ]) -%}
{%- endif -%}

with quarantined as (
    {% for source_name, entity_name, model in base_models %}
        select
            '{{ source_name }}' as source_name,
            '{{ entity_name }}' as entity_name,
            _file_name as file_name,
            _raw_record as raw_record,
            _quarantine_reason as reason
        from {{ ref(model) }}
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
