{#
    Every opportunity (Salesforce and HubSpot) with the community around its account: how many community
    members (people with community activity) work there today, whether someone active in the community
    while they belonged to the account was active from `sales_influence_days_before` (90) days before the
    opportunity was created until it closed (influenced), and whether the first touch of the
    opportunity's attribution window was a community touch (sourced).
#}
{%- set days_before = number_var('sales_influence_days_before', 90, min_value=0, max_value=3650, integer=true) -%}

with opportunities as (
    select * from {{ ref('int_crm__opportunities') }}
),

accounts as (
    select
        account_id,
        account_name
    from {{ ref('int_crm__accounts') }}
),

account_members as (
    -- Every period a member belonged to an account.
    select
        affiliations.account_id,
        affiliations.member_id,
        affiliations.valid_from,
        affiliations.valid_to,
        affiliations.is_current
    from {{ ref('int_crm__member_affiliations') }} as affiliations
    inner join {{ ref('int_members__profile') }} as members
        on affiliations.member_id = members.member_id
    where not members.is_staff and not members.is_bot
),

community_people as (
    select distinct member_id
    from {{ ref('int_community__member_months') }}
    where platform = 'all'
),

member_counts as (
    select
        account_members.account_id,
        count(*) as community_members
    from account_members
    inner join community_people
        on account_members.member_id = community_people.member_id
    where account_members.is_current
    group by 1
),

member_activities as (
    select
        member_id,
        occurred_at
    from {{ ref('int_activities__unioned') }}
    where is_member_activity
),

data_end as (
    -- Open opportunities are followed up to the last activity in the exports.
    select max(occurred_at) as last_activity_at
    from {{ ref('int_activities__unioned') }}
),

influence as (
    select
        opportunities.opportunity_id,
        count(distinct member_activities.member_id) as active_members,
        count(*) as member_activities
    from opportunities
    cross join data_end
    inner join account_members
        on opportunities.account_id = account_members.account_id
    inner join member_activities
        on account_members.member_id = member_activities.member_id
            and {{ during_affiliation('member_activities.occurred_at', 'account_members') }}
    where
        member_activities.occurred_at >= {{ dbt.dateadd('day', -days_before, 'opportunities.created_at') }}
        and member_activities.occurred_at
        <= coalesce(case when opportunities.is_closed then opportunities.closed_at end, data_end.last_activity_at)
    group by 1
),

first_touches as (
    select
        opportunity_id,
        channel
    from {{ ref('marketing__attribution_touches') }}
    where conversion_type = 'opportunity_created' and touch_number = 1
),

final as (
    select
        opportunities.opportunity_id,
        opportunities.crm_source,
        opportunities.account_id,
        accounts.account_name,
        opportunities.opportunity_name,
        {{ cents('opportunities.amount') }} as amount,
        opportunities.stage_name,
        opportunities.created_at,
        opportunities.closed_at,
        opportunities.is_closed,
        opportunities.is_won,
        cast(
            case
                when opportunities.is_closed
                    then {{ dbt.datediff('opportunities.created_at', 'opportunities.closed_at', 'day') }} -- noqa: LT05
            end as {{ dbt.type_bigint() }}
        ) as sales_cycle_days,
        cast(coalesce(member_counts.community_members, 0) as {{ dbt.type_bigint() }}) as community_members,
        cast(coalesce(influence.active_members, 0) as {{ dbt.type_bigint() }}) as active_members_in_window,
        coalesce(influence.active_members, 0) > 0 as is_community_influenced,
        coalesce(first_touches.channel = 'community', false) as is_community_sourced,
        coalesce(first_touches.channel, 'unattributed') as first_touch_channel
    from opportunities
    left join accounts
        on opportunities.account_id = accounts.account_id
    left join member_counts
        on opportunities.account_id = member_counts.account_id
    left join influence
        on opportunities.opportunity_id = influence.opportunity_id
    left join first_touches
        on opportunities.opportunity_id = first_touches.opportunity_id
)

select * from final
