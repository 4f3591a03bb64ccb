{#
    Every billing subscription with the account it belongs to and its annual recurring revenue in USD.
    The account is the payer's CRM account (through the identity graph and int_crm__member_accounts);
    a payer with no CRM account (a self-serve sign-up with a personal address) is an account of their
    own, `billing_customer:<customer id>`. A subscription earns ARR from its start until it ends; trials
    and incomplete sign-ups never earn any.
#}
{% if source_enabled('billing') %}
    with subscriptions as (
        select * from {{ ref('stg_billing__subscriptions') }}
    ),

    rates as (
        select
            currency,
            usd_per_unit
        from {{ ref('currency_rates') }}
    ),

    payers as (
        select
            identifier_id,
            member_id
        from {{ ref('int_identity__member_map') }}
    ),

    member_accounts as (
        select
            member_id,
            account_id
        from {{ ref('int_crm__member_accounts') }}
    ),

    final as (
        select
            subscriptions.subscription_id,
            subscriptions.customer_id,
            payers.member_id,
            coalesce(
                member_accounts.account_id,
                {{ dbt.concat(["'billing_customer:'", 'subscriptions.customer_id']) }}
            ) as account_id,
            case when member_accounts.account_id is null then 'individual' else 'crm_account' end as account_kind,
            subscriptions.plan_name,
            subscriptions.subscription_status,
            subscriptions.billing_interval,
            cast(
                cast(subscriptions.amount_per_interval as double)
                * coalesce(subscriptions.quantity, 1)
                * case subscriptions.billing_interval
                    when 'year' then 1
                    when 'month' then 12
                    when 'week' then 52
                    when 'day' then 365
                end
                * rates.usd_per_unit
                as double
            ) as arr_usd,
            subscriptions.started_at,
            coalesce(
                subscriptions.ended_at,
                case when subscriptions.subscription_status = 'canceled' then subscriptions.canceled_at end
            ) as ended_at,
            {{ month_start('subscriptions.started_at') }} as start_month,
            subscriptions.subscription_status not in ('trialing', 'incomplete', 'incomplete_expired')
            and subscriptions.started_at is not null as earns_revenue
        from subscriptions
        left join rates
            on upper(subscriptions.currency) = rates.currency
        left join payers
            on {{ dbt.concat(["'billing_customer:'", 'subscriptions.customer_id']) }} = payers.identifier_id
        left join member_accounts
            on payers.member_id = member_accounts.member_id
    )

    select * from final
{% else %}
select
    cast(null as {{ dbt.type_string() }}) as subscription_id,
    cast(null as {{ dbt.type_string() }}) as customer_id,
    cast(null as {{ dbt.type_string() }}) as member_id,
    cast(null as {{ dbt.type_string() }}) as account_id,
    cast(null as {{ dbt.type_string() }}) as account_kind,
    cast(null as {{ dbt.type_string() }}) as plan_name,
    cast(null as {{ dbt.type_string() }}) as subscription_status,
    cast(null as {{ dbt.type_string() }}) as billing_interval,
    cast(null as double) as arr_usd,
    cast(null as timestamp) as started_at,
    cast(null as timestamp) as ended_at,
    cast(null as date) as start_month,
    cast(null as boolean) as earns_revenue
where 1 = 0
{% endif %}
