{#
    The time the data runs to, and the last day it covers completely. Every monthly and quarterly mart
    compares its periods with `last_complete_date`: a period ending after it is incomplete (a month
    whose exports stop on the 3rd is not a month in which everyone churned).

    data_as_of_at: the latest record in any source (messages, posts, comments, registrations, mentions,
    page views, tickets, CRM records, subscriptions). The day it falls on is still being written, so
    the last complete day is the one before, unless the var `as_of_date` says which day the data is
    complete through (then that day).
#}
{%- set latest = [
    ('slack', 'stg_slack__messages', 'sent_at'),
    ('discord', 'stg_discord__messages', 'sent_at'),
    ('discourse', 'stg_discourse__posts', 'created_at'),
    ('github', 'stg_github__issues', 'created_at'),
    ('github', 'stg_github__issue_comments', 'created_at'),
    ('events', 'stg_events__guests', 'registered_at'),
    ('social', 'stg_social__x_tweets', 'created_at'),
    ('web', 'stg_web__page_views', 'viewed_at'),
    ('zendesk', 'stg_zendesk__tickets', 'created_at'),
    ('hubspot', 'stg_hubspot__contacts', 'created_at'),
    ('hubspot', 'stg_hubspot__deals', 'created_at'),
    ('salesforce', 'stg_salesforce__leads', 'created_at'),
    ('salesforce', 'stg_salesforce__opportunities', 'created_at'),
    ('billing', 'stg_billing__subscriptions', 'created_at'),
] -%}
{%- set given = date_var('as_of_date') -%}

with latest_records as (
    {% for source_name, model, column in latest if source_enabled(source_name) -%}
        select max({{ column }}) as latest_at from {{ ref(model) }}
        union all
    {% endfor -%}
    select cast(null as {{ dbt.type_timestamp() }}) as latest_at
),

as_of as (
    select max(latest_at) as data_as_of_at
    from latest_records
),

final as (
    select
        data_as_of_at,
        {% if given -%}
            {{ given }} as last_complete_date,
            'as_of_date var' as as_of_basis
        {%- else -%}
            cast({{ dbt.dateadd('day', -1, 'cast(data_as_of_at as date)') }} as date) as last_complete_date,
            'latest record' as as_of_basis
        {%- endif %}
    from as_of
)

select * from final
