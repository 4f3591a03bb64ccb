{#
    One row per account (company) the CRMs know, with its community footprint and commercial state:
    members at the account, opportunities won and open, billing subscriptions active.
#}
with accounts as (
    select * from {{ ref('int_crm__accounts') }}
),

member_accounts as (
    select * from {{ ref('int_crm__member_accounts') }}
),

members as (
    select * from {{ ref('int_members__profile') }}
),

community_people as (
    -- People with community activity (staff and bots are never in it).
    select distinct member_id
    from {{ ref('int_community__member_months') }}
    where platform = 'all'
),

member_counts as (
    select
        member_accounts.account_id,
        count(*) as member_count,
        sum(case when community_people.member_id is not null then 1 else 0 end) as community_member_count
    from member_accounts
    inner join members
        on member_accounts.member_id = members.member_id
    left join community_people
        on member_accounts.member_id = community_people.member_id
    group by 1
),

opportunities as (
    -- Salesforce opportunities and HubSpot deals, each once, at its unified account.
    select
        account_id,
        count(case when is_won then 1 end) as won_deal_count,
        count(case when not is_closed then 1 end) as open_deal_count,
        sum(case when is_won then amount else 0 end) as won_amount
    from {{ ref('int_crm__opportunities') }}
    where account_id is not null
    group by 1
),

subscriptions as (
    {% if source_enabled('billing') %}
    -- A subscription belongs to the account of the member who pays for it.
        select
            member_accounts.account_id,
            count(*) as active_subscription_count,
            sum(
                case
                    when subscriptions.billing_interval = 'year' then subscriptions.amount_per_interval / 12.0
                    else subscriptions.amount_per_interval
                end * coalesce(subscriptions.quantity, 1)
            ) as monthly_recurring_revenue
        from {{ ref('stg_billing__subscriptions') }} as subscriptions
        inner join {{ ref('int_identity__member_map') }} as member_map
            on {{ dbt.concat(["'billing_customer:'", 'subscriptions.customer_id']) }} = member_map.identifier_id
        inner join member_accounts
            on member_map.member_id = member_accounts.member_id
        where subscriptions.subscription_status in ('active', 'past_due')
        group by 1
    {% else %}
    select
        cast(null as {{ dbt.type_string() }}) as account_id,
        cast(null as {{ dbt.type_bigint() }}) as active_subscription_count,
        cast(null as double) as monthly_recurring_revenue
    where 1 = 0
    {% endif %}
),

final as (
    select
        accounts.account_id,
        accounts.account_name,
        accounts.account_domain,
        cast(accounts.hubspot_company_id as {{ dbt.type_string() }}) as hubspot_company_id,
        accounts.salesforce_account_id,
        accounts.industry,
        accounts.country,
        cast(accounts.employee_count as {{ dbt.type_bigint() }}) as employee_count,
        cast(coalesce(member_counts.member_count, 0) as {{ dbt.type_bigint() }}) as member_count,
        cast(coalesce(member_counts.community_member_count, 0) as {{ dbt.type_bigint() }}) as community_member_count,
        cast(coalesce(opportunities.won_deal_count, 0) as {{ dbt.type_bigint() }}) as won_deal_count,
        cast(coalesce(opportunities.open_deal_count, 0) as {{ dbt.type_bigint() }}) as open_deal_count,
        {{ cents('cast(coalesce(opportunities.won_amount, 0) as double)') }} as won_amount,
        cast(coalesce(subscriptions.active_subscription_count, 0) as {{ dbt.type_bigint() }})
            as active_subscription_count,
        {{ cents('coalesce(subscriptions.monthly_recurring_revenue, 0)') }} as monthly_recurring_revenue,
        coalesce(subscriptions.active_subscription_count, 0) > 0
        or coalesce(opportunities.won_deal_count, 0) > 0 as is_customer
    from accounts
    left join member_counts
        on accounts.account_id = member_counts.account_id
    left join opportunities
        on accounts.account_id = opportunities.account_id
    left join subscriptions
        on accounts.account_id = subscriptions.account_id
)

select * from final
