{#
    What the community saves support, month by month. Questions asked in support spaces (seed
    support_spaces) that a community member (not staff) answered first are tickets the support team
    probably did not get: deflected tickets = community-answered questions x `support_deflection_rate`,
    valued at the cost of a ticket — `support_cost_per_ticket_usd`, or, when `support_monthly_cost_usd`
    is set, that cost divided by the month's Zendesk tickets. Beside it, the ticket rate of paying
    accounts with and without community members, per 100 accounts and per $100k of ARR: accounts with
    members are larger (more people, more seats, more subscriptions), so the per-account rate compares
    unlike accounts; the per-ARR rate compares like with like.
#}
{#- The values come from roi_assumptions (macros/finance): checked, and listed in finance__roi_assumptions. -#}
{%- set deflection_rate = roi_assumption('support_deflection_rate') -%}
{%- set sla_hours = roi_assumption('support_first_response_sla_hours') -%}
{%- set cost_per_ticket = roi_assumption('support_cost_per_ticket_usd') -%}
{%- set monthly_cost = roi_assumption('support_monthly_cost_usd') -%}

with conversations as (
    select * from {{ ref('int_community__conversations') }}
),

support_spaces as (
    select
        platform,
        channel_name
    from {{ ref('stg_config__support_spaces') }}
),

questions as (
    -- Questions members (not staff, not bots) asked in a support space.
    select
        conversations.started_month as month_start,
        conversations.first_response_at is not null as is_answered,
        conversations.first_response_at is not null and not conversations.is_first_response_by_staff
            as is_community_answered,
        conversations.first_response_at is not null and conversations.is_first_response_by_staff
            as is_staff_answered,
        conversations.hours_to_first_response <= {{ sla_hours }} as is_answered_within_sla
    from conversations
    inner join support_spaces
        on
            conversations.platform = support_spaces.platform
            and conversations.channel_name = support_spaces.channel_name
    where
        conversations.is_question
        and conversations.member_id is not null
        and not conversations.is_staff
        and not conversations.is_bot
),

question_months as (
    select
        month_start,
        count(*) as support_questions,
        sum(case when is_community_answered then 1 else 0 end) as community_answered_questions,
        sum(case when is_staff_answered then 1 else 0 end) as staff_answered_questions,
        sum(case when is_answered_within_sla then 1 else 0 end) as answered_within_sla,
        sum(case when is_answered then 0 else 1 end) as unanswered_questions
    from questions
    group by 1
),

tickets as (
    {% if source_enabled('zendesk') %}
        select {{ month_start('created_at') }} as month_start
        from {{ ref('stg_zendesk__tickets') }}
    {% else %}
    select cast(null as date) as month_start
    where 1 = 0
    {% endif %}
),

ticket_months as (
    select
        month_start,
        count(*) as tickets_created
    from tickets
    group by 1
),

account_months as (
    select
        account_id,
        month_start,
        arr_usd,
        community_members > 0 as has_community_members
    from {{ ref('int_success__account_months') }}
    where is_customer
),

account_tickets as (
    select
        account_id,
        month_start,
        tickets
    from {{ ref('int_success__account_ticket_months') }}
),

account_rates as (
    select
        account_months.month_start,
        sum(case when account_months.has_community_members then 1 else 0 end) as member_customer_accounts,
        sum(case when account_months.has_community_members then coalesce(account_tickets.tickets, 0) else 0 end)
            as member_account_tickets,  -- noqa: LT05
        sum(case when account_months.has_community_members then account_months.arr_usd else 0 end)
            as member_account_arr_usd,
        sum(case when account_months.has_community_members then 0 else 1 end) as non_member_customer_accounts,
        sum(case when account_months.has_community_members then 0 else account_months.arr_usd end)
            as non_member_account_arr_usd,
        sum(case when account_months.has_community_members then 0 else coalesce(account_tickets.tickets, 0) end)
            as non_member_account_tickets  -- noqa: LT05
    from account_months
    left join account_tickets
        on
            account_months.account_id = account_tickets.account_id
            and account_months.month_start = account_tickets.month_start
    group by 1
),

bounds as (
    select
        min(month_start) as first_month,
        max(month_start) as last_month
    from (
        select month_start from question_months
        union all
        select month_start from ticket_months
    ) as months_with_data
),

months as (
    {{ month_spine('bounds') }}
),

joined as (
    select
        months.month_start,
        coalesce(question_months.support_questions, 0) as support_questions,
        coalesce(question_months.community_answered_questions, 0) as community_answered_questions,
        coalesce(question_months.staff_answered_questions, 0) as staff_answered_questions,
        coalesce(question_months.answered_within_sla, 0) as answered_within_sla,
        coalesce(question_months.unanswered_questions, 0) as unanswered_questions,
        coalesce(ticket_months.tickets_created, 0) as tickets_created,
        coalesce(account_rates.member_customer_accounts, 0) as member_customer_accounts,
        coalesce(account_rates.member_account_tickets, 0) as member_account_tickets,
        coalesce(account_rates.member_account_arr_usd, 0) as member_account_arr_usd,
        coalesce(account_rates.non_member_customer_accounts, 0) as non_member_customer_accounts,
        coalesce(account_rates.non_member_account_arr_usd, 0) as non_member_account_arr_usd,
        coalesce(account_rates.non_member_account_tickets, 0) as non_member_account_tickets
    from months
    left join question_months
        on months.month_start = question_months.month_start
    left join ticket_months
        on months.month_start = ticket_months.month_start
    left join account_rates
        on months.month_start = account_rates.month_start
),

costed as (
    select
        *,
        cast(community_answered_questions * {{ deflection_rate }} as double) as deflected_tickets,
        {% if monthly_cost is none %}
            cast({{ cost_per_ticket }} as double) as cost_per_ticket_usd,
            'support_cost_per_ticket_usd' as cost_per_ticket_method
        {% else %}
            cast({{ safe_divide(monthly_cost, 'tickets_created') }} as double) as cost_per_ticket_usd,
            'support_monthly_cost_usd / tickets_created' as cost_per_ticket_method
        {% endif %}
    from joined
),

final as (
    select
        month_start,
        cast(support_questions as {{ dbt.type_bigint() }}) as support_questions,
        cast(community_answered_questions as {{ dbt.type_bigint() }}) as community_answered_questions,
        cast(staff_answered_questions as {{ dbt.type_bigint() }}) as staff_answered_questions,
        cast(answered_within_sla as {{ dbt.type_bigint() }}) as answered_within_sla,
        cast(unanswered_questions as {{ dbt.type_bigint() }}) as unanswered_questions,
        {{ safe_divide('community_answered_questions', 'support_questions') }} as community_answered_share,
        cast({{ deflection_rate }} as double) as deflection_rate,
        deflected_tickets,
        cast(tickets_created as {{ dbt.type_bigint() }}) as tickets_created,
        {{ cents('cost_per_ticket_usd') }} as cost_per_ticket_usd,
        cost_per_ticket_method,
        {{ cents('cast(deflected_tickets * cost_per_ticket_usd as double)') }} as savings_usd,
        cast(member_customer_accounts as {{ dbt.type_bigint() }}) as member_customer_accounts,
        cast(member_account_tickets as {{ dbt.type_bigint() }}) as member_account_tickets,
        cast({{ safe_divide('100.0 * member_account_tickets', 'member_customer_accounts') }} as double)
            as tickets_per_100_member_accounts,
        cast({{ safe_divide('100000.0 * member_account_tickets', 'member_account_arr_usd') }} as double)
            as tickets_per_100k_arr_member_accounts,
        cast(non_member_customer_accounts as {{ dbt.type_bigint() }}) as non_member_customer_accounts,
        cast(non_member_account_tickets as {{ dbt.type_bigint() }}) as non_member_account_tickets,
        cast({{ safe_divide('100.0 * non_member_account_tickets', 'non_member_customer_accounts') }} as double)
            as tickets_per_100_non_member_accounts,
        cast({{ safe_divide('100000.0 * non_member_account_tickets', 'non_member_account_arr_usd') }} as double)
            as tickets_per_100k_arr_non_member_accounts
    from costed
),

with_completeness as (
    {{ with_period_completeness('final', 'month_start', 'month') }}
)

select * from with_completeness
