{#
    Every sales opportunity in either CRM, at its unified account: Salesforce opportunities and
    HubSpot deals (deleted ones left out). A HubSpot deal associated with several companies is placed
    at the first of their accounts (by account id), so a deal is counted once.
#}
with accounts as (
    select
        account_id,
        salesforce_account_id,
        hubspot_company_id
    from {{ ref('int_crm__accounts') }}
),

salesforce as (
    {% if source_enabled('salesforce') %}
        select
            {{ dbt.concat(["'salesforce:'", 'opportunities.opportunity_id']) }} as opportunity_id,
            'salesforce' as crm_source,
            accounts.account_id,
            opportunities.opportunity_name,
            cast(opportunities.amount as double) as amount,
            opportunities.stage_name,
            opportunities.created_at,
            cast(opportunities.close_date as {{ dbt.type_timestamp() }}) as closed_at,
            coalesce(opportunities.is_closed, false) as is_closed,
            coalesce(opportunities.is_won, false) as is_won
        from {{ ref('stg_salesforce__opportunities') }} as opportunities
        left join accounts
            on opportunities.account_id = accounts.salesforce_account_id
        where not coalesce(opportunities.is_deleted, false)
    {% else %}
    select
        cast(null as {{ dbt.type_string() }}) as opportunity_id,
        cast(null as {{ dbt.type_string() }}) as crm_source,
        cast(null as {{ dbt.type_string() }}) as account_id,
        cast(null as {{ dbt.type_string() }}) as opportunity_name,
        cast(null as double) as amount,
        cast(null as {{ dbt.type_string() }}) as stage_name,
        cast(null as {{ dbt.type_timestamp() }}) as created_at,
        cast(null as {{ dbt.type_timestamp() }}) as closed_at,
        cast(null as {{ dbt.type_boolean() }}) as is_closed,
        cast(null as {{ dbt.type_boolean() }}) as is_won
    where 1 = 0
    {% endif %}
),

hubspot as (
    {% if source_enabled('hubspot') %}
        select
            {{ dbt.concat(["'hubspot:'", 'cast(deals.deal_id as ' ~ dbt.type_string() ~ ')']) }} as opportunity_id,
            'hubspot' as crm_source,
            min(accounts.account_id) as account_id,
            min(deals.deal_name) as opportunity_name,
            min(cast(deals.amount as double)) as amount,
            min(pipeline_stages.stage_label) as stage_name,
            min(deals.created_at) as created_at,
            min(deals.closed_at) as closed_at,
            coalesce(bool_or(pipeline_stages.is_closed), false) as is_closed,
            coalesce(bool_or(pipeline_stages.is_closed_won), false) as is_won
        from {{ ref('stg_hubspot__deals') }} as deals
        left join {{ ref('stg_hubspot__deal_companies') }} as deal_companies
            on deals.deal_id = deal_companies.deal_id
        left join accounts
            on deal_companies.company_id = accounts.hubspot_company_id
        left join {{ ref('stg_hubspot__deal_pipeline_stages') }} as pipeline_stages
            on deals.pipeline_stage_id = pipeline_stages.pipeline_stage_id
        where not coalesce(deals.is_deleted, false)
        group by 1
    {% else %}
    select * from salesforce
    where 1 = 0
    {% endif %}
),

unioned as (
    select * from salesforce
    union all
    select * from hubspot
),

final as (
    select
        opportunity_id,
        crm_source,
        account_id,
        {{ spreadsheet_safe_text('opportunity_name') }} as opportunity_name,
        amount,
        stage_name,
        created_at,
        closed_at,
        is_closed,
        is_won
    from unioned
)

select * from final
