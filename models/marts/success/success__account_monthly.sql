{#
    Paying accounts month by month: ARR at month end and its movement (new, expansion, contraction,
    churn), beside the account's community footprint. Definitions live in int_success__account_months;
    this mart adds the account's name (CRM accounts only: an individual payer's name is personal data
    and stays out).
#}
with account_months as (
    select * from {{ ref('int_success__account_months') }}
),

accounts as (
    select
        account_id,
        account_name
    from {{ ref('int_crm__accounts') }}
),

final as (
    select
        account_months.account_id,
        account_months.month_start,
        account_months.account_kind,
        accounts.account_name,
        {{ cents('account_months.arr_usd') }} as arr_usd,
        {{ cents('account_months.previous_arr_usd') }} as previous_arr_usd,
        {{ cents('account_months.new_arr_usd') }} as new_arr_usd,
        {{ cents('account_months.expansion_arr_usd') }} as expansion_arr_usd,
        {{ cents('account_months.contraction_arr_usd') }} as contraction_arr_usd,
        {{ cents('account_months.churned_arr_usd') }} as churned_arr_usd,
        account_months.is_customer,
        account_months.active_subscriptions,
        account_months.community_members,
        account_months.active_members,
        account_months.active_members_last_3_months
    from account_months
    left join accounts
        on account_months.account_id = accounts.account_id
),

with_completeness as (
    {{ with_period_completeness('final', 'month_start', 'month') }}
)

select * from with_completeness
