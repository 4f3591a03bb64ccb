{#
    The moments marketing and sales count: a person becoming a lead (their first CRM record: a HubSpot
    contact, a Salesforce lead or contact), an opportunity created at an account, and a deal won (with
    its revenue). Opportunity and deal conversions belong to the account: the touches of every member
    at it count toward them. A deal also carries when its account's first lead was created, for the
    W-shaped model.
#}
with member_map as (
    select
        identifier_id,
        member_id
    from {{ ref('int_identity__member_map') }}
),

crm_records as (
    -- Every CRM contact or lead, with when it was created.
    {% if source_enabled('hubspot') %}
        select
            {{ dbt.concat(["'hubspot_contact:'", 'cast(contact_id as ' ~ dbt.type_string() ~ ')']) }} as identifier_id,
            created_at
        from {{ ref('stg_hubspot__contacts') }}
        where not is_deleted and created_at is not null
        union all
    {% endif %}
    {% if source_enabled('salesforce') %}
        select
            {{ dbt.concat(["'salesforce_lead:'", 'lead_id']) }} as identifier_id,
            created_at
        from {{ ref('stg_salesforce__leads') }}
        where not coalesce(is_deleted, false) and created_at is not null
        union all
        select
            {{ dbt.concat(["'salesforce_contact:'", 'contact_id']) }} as identifier_id,
            created_at
        from {{ ref('stg_salesforce__contacts') }}
        where not coalesce(is_deleted, false) and created_at is not null
        union all
    {% endif %}
    select
        cast(null as {{ dbt.type_string() }}) as identifier_id,
        cast(null as {{ dbt.type_timestamp() }}) as created_at
    where 1 = 0
),

leads as (
    -- A person becomes a lead once: at their first CRM record.
    select
        member_map.member_id,
        min(crm_records.created_at) as created_at
    from crm_records
    inner join member_map
        on crm_records.identifier_id = member_map.identifier_id
    group by 1
),

member_accounts as (
    select
        member_id,
        account_id
    from {{ ref('int_crm__member_accounts') }}
),

account_first_leads as (
    select
        member_accounts.account_id,
        min(leads.created_at) as first_lead_created_at
    from leads
    inner join member_accounts
        on leads.member_id = member_accounts.member_id
    group by 1
),

opportunities as (
    select * from {{ ref('int_crm__opportunities') }}
    where account_id is not null and created_at is not null
),

final as (
    select
        {{ dbt.concat(["'lead_created:'", 'leads.member_id']) }} as conversion_id,
        'lead_created' as conversion_type,
        leads.member_id,
        member_accounts.account_id,
        cast(null as {{ dbt.type_string() }}) as opportunity_id,
        leads.created_at as converted_at,
        cast(0 as double) as revenue,
        leads.created_at as lead_created_at,
        cast(null as {{ dbt.type_timestamp() }}) as opportunity_created_at
    from leads
    left join member_accounts
        on leads.member_id = member_accounts.member_id
    union all
    select
        {{ dbt.concat(["'opportunity_created:'", 'opportunities.opportunity_id']) }} as conversion_id,
        'opportunity_created' as conversion_type,
        cast(null as {{ dbt.type_string() }}) as member_id,
        opportunities.account_id,
        opportunities.opportunity_id,
        opportunities.created_at as converted_at,
        cast(0 as double) as revenue,
        account_first_leads.first_lead_created_at as lead_created_at,
        opportunities.created_at as opportunity_created_at
    from opportunities
    left join account_first_leads
        on opportunities.account_id = account_first_leads.account_id
    union all
    select
        {{ dbt.concat(["'deal_won:'", 'opportunities.opportunity_id']) }} as conversion_id,
        'deal_won' as conversion_type,
        cast(null as {{ dbt.type_string() }}) as member_id,
        opportunities.account_id,
        opportunities.opportunity_id,
        coalesce(opportunities.closed_at, opportunities.created_at) as converted_at,
        cast(coalesce(opportunities.amount, 0) as double) as revenue,
        account_first_leads.first_lead_created_at as lead_created_at,
        opportunities.created_at as opportunity_created_at
    from opportunities
    left join account_first_leads
        on opportunities.account_id = account_first_leads.account_id
    where opportunities.is_won
)

select * from final
