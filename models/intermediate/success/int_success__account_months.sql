{#
    Every paying account in every month from its first subscription to the last month of the billing
    export: ARR at the end of the month, how it moved since the month before (new, expansion,
    contraction, churn), and its community footprint (members who belonged to the account that
    month and had taken part so far; of those, members active this month and in the last three months). ARR at month end counts the subscriptions that
    started before the next month and had not ended by then.
#}
with subscriptions as (
    select * from {{ ref('int_success__subscriptions') }}
    where earns_revenue
),

account_members as (
    select * from {{ ref('int_success__account_members') }}
),

member_months as (
    select
        member_id,
        month_start
    from {{ ref('int_community__member_months') }}
    where platform = 'all'
),

bounds as (
    -- The export's last month: the latest start or end it records.
    select
        min(start_month) as first_month,
        max({{ month_start('coalesce(ended_at, started_at)') }}) as ended_month,
        max(start_month) as started_month
    from subscriptions
),

spine_bounds as (
    select
        first_month,
        case when ended_month > started_month then ended_month else started_month end as last_month
    from bounds
),

months as (
    {{ month_spine('spine_bounds') }}
),

accounts as (
    select
        account_id,
        max(account_kind) as account_kind,
        min(start_month) as first_month
    from subscriptions
    group by 1
),

account_months as (
    select
        accounts.account_id,
        accounts.account_kind,
        months.month_start,
        {{ dbt.dateadd('month', 1, 'months.month_start') }} as next_month_start
    from accounts
    inner join months
        on accounts.first_month <= months.month_start
),

arr as (
    select
        account_months.account_id,
        account_months.month_start,
        sum(subscriptions.arr_usd) as arr_usd,
        count(*) as active_subscriptions
    from account_months
    inner join subscriptions
        on
            account_months.account_id = subscriptions.account_id
            and account_months.next_month_start > subscriptions.started_at
            and (subscriptions.ended_at is null or account_months.next_month_start <= subscriptions.ended_at)
    group by 1, 2
),

community_members as (
    select
        account_months.account_id,
        account_months.month_start,
        count(*) as community_members
    from account_months
    inner join account_members
        on
            account_months.account_id = account_members.account_id
            and account_months.month_start >= account_members.first_active_month
            and {{ affiliation_overlaps(
                'account_months.month_start', 'account_months.next_month_start', 'account_members'
            ) }}
    group by 1, 2
),

active_members as (
    -- Members active this month, and in this month or the two before it.
    select
        account_months.account_id,
        account_months.month_start,
        count(
            distinct case when member_months.month_start = account_months.month_start then member_months.member_id end
        ) as active_members,
        count(distinct member_months.member_id) as active_members_last_3_months
    from account_months
    inner join account_members
        on
            account_months.account_id = account_members.account_id
            and {{ affiliation_overlaps(
                'account_months.month_start', 'account_months.next_month_start', 'account_members'
            ) }}
    inner join member_months
        on
            account_members.member_id = member_months.member_id
            and account_months.month_start >= member_months.month_start
            and {{ dbt.dateadd('month', -3, 'account_months.month_start') }} < member_months.month_start
    group by 1, 2
),

joined as (
    select
        account_months.account_id,
        account_months.account_kind,
        account_months.month_start,
        cast(coalesce(arr.arr_usd, 0) as double) as arr_usd,
        cast(coalesce(arr.active_subscriptions, 0) as {{ dbt.type_bigint() }}) as active_subscriptions,
        cast(coalesce(community_members.community_members, 0) as {{ dbt.type_bigint() }}) as community_members,
        cast(coalesce(active_members.active_members, 0) as {{ dbt.type_bigint() }}) as active_members,
        cast(coalesce(active_members.active_members_last_3_months, 0) as {{ dbt.type_bigint() }})
            as active_members_last_3_months
    from account_months
    left join arr
        on
            account_months.account_id = arr.account_id
            and account_months.month_start = arr.month_start
    left join community_members
        on
            account_months.account_id = community_members.account_id
            and account_months.month_start = community_members.month_start
    left join active_members
        on
            account_months.account_id = active_members.account_id
            and account_months.month_start = active_members.month_start
),

with_previous as (
    select
        *,
        coalesce(lag(arr_usd) over (partition by account_id order by month_start), 0) as previous_arr_usd
    from joined
),

final as (
    select
        account_id,
        account_kind,
        month_start,
        arr_usd,
        previous_arr_usd,
        case when previous_arr_usd = 0 and arr_usd > 0 then arr_usd else 0 end as new_arr_usd,
        case when previous_arr_usd > 0 and arr_usd > previous_arr_usd then arr_usd - previous_arr_usd else 0 end
            as expansion_arr_usd,
        case when arr_usd > 0 and arr_usd < previous_arr_usd then previous_arr_usd - arr_usd else 0 end
            as contraction_arr_usd,
        case when previous_arr_usd > 0 and arr_usd = 0 then previous_arr_usd else 0 end as churned_arr_usd,
        arr_usd > 0 as is_customer,
        active_subscriptions,
        community_members,
        active_members,
        active_members_last_3_months
    from with_previous
)

select * from final
