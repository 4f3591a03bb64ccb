{#
    Who belongs to each account that pays or could pay, and when: the CRM account's members over their
    affiliation periods (int_crm__member_affiliations), and for a payer with no CRM account the payer
    alone, at their own `billing_customer:` account, always. Staff and bots are not account members.
    With the month each member first took part in the community (null: never), so that "community
    members at the account" can be counted month by month.
#}
with crm_members as (
    select
        member_id,
        account_id,
        valid_from,
        valid_to
    from {{ ref('int_crm__member_affiliations') }}
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
        account_id,
        valid_from,
        valid_to,
        true as is_crm_account
    from crm_members
    union all
    select
        member_id,
        account_id,
        cast(null as {{ dbt.type_timestamp() }}) as valid_from,
        cast(null as {{ dbt.type_timestamp() }}) as valid_to,
        false as is_crm_account
    from individual_payers
),

crm_affiliated as (
    select distinct member_id from crm_members
),

final as (
    select
        account_members.account_id,
        account_members.member_id,
        account_members.valid_from,
        account_members.valid_to,
        first_active.first_active_month,
        -- Wherever one account per member and moment is needed (a ticket, a feedback item): the CRM
        -- account of the period (periods never overlap); for a member with no CRM account who pays under
        -- two billing customers, the first by id.
        case
            when account_members.is_crm_account then true
            when crm_affiliated.member_id is not null then false
            else
                account_members.account_id
                = min(account_members.account_id) over (
                    partition by account_members.member_id, account_members.is_crm_account
                )
        end as is_primary_account
    from account_members
    inner join members
        on account_members.member_id = members.member_id
    left join first_active
        on account_members.member_id = first_active.member_id
    left join crm_affiliated
        on account_members.member_id = crm_affiliated.member_id
    where
        not members.is_staff
        and not members.is_bot
)

select * from final
