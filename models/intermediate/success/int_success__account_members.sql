{#
    Who belongs to each account that pays or could pay: the CRM account's members
    (int_crm__member_accounts), and for a payer with no CRM account the payer alone, at their own
    `billing_customer:` account. Staff and bots are not account members. With the month each member
    first took part in the community (null: never), so that "community members at the account" can be
    counted month by month.
#}
with crm_members as (
    select
        member_id,
        account_id
    from {{ ref('int_crm__member_accounts') }}
),

individual_payers as (
    select distinct
        member_id,
        account_id
    from {{ ref('int_success__subscriptions') }}
    where
        account_kind = 'individual'
        and member_id is not null
),

members as (
    select
        member_id,
        is_staff,
        is_bot
    from {{ ref('int_members__profile') }}
),

first_active as (
    select
        member_id,
        min(month_start) as first_active_month
    from {{ ref('int_community__member_months') }}
    where platform = 'all'
    group by 1
),

account_members as (
    select
        member_id,
        account_id
    from crm_members
    union all
    select
        member_id,
        account_id
    from individual_payers
),

final as (
    select
        account_members.account_id,
        account_members.member_id,
        first_active.first_active_month,
        -- A member paying under two billing customers belongs to two accounts; the first by id is theirs
        -- wherever one account per member is needed (a ticket, a feedback item).
        account_members.account_id = min(account_members.account_id) over (partition by account_members.member_id)
            as is_primary_account
    from account_members
    inner join members
        on account_members.member_id = members.member_id
    left join first_active
        on account_members.member_id = first_active.member_id
    where
        not members.is_staff
        and not members.is_bot
)

select * from final
