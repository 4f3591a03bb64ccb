{#
    Member 360: one row per person the identity graph found (bots excluded), with who they are,
    where they are active, when they started on each platform, and the account they belong to today.
    One person table for everyone: a CRM contact with no community activity is a person here too, and
    `is_community_member` tells the two apart — community marts count only people with activity.
#}
with members as (
    select * from {{ ref('int_members__profile') }}
    where not is_bot
),

activities as (
    select
        member_id,
        platform,
        occurred_at,
        is_contribution
    from {{ ref('int_activities__unioned') }}
    where member_id is not null
),

activity_summary as (
    select
        member_id,
        count(*) as activity_count,
        sum(case when is_contribution then 1 else 0 end) as contribution_count,
        min(occurred_at) as first_active_at,
        max(occurred_at) as last_active_at,
    {% for platform in ['slack', 'discord', 'discourse', 'github', 'events', 'social'] %}
        min(case when platform = '{{ platform }}' then occurred_at end) as first_{{ platform }}_activity_at
        {{- "," if not loop.last }}
    {% endfor %}
    from activities
    group by 1
),

member_accounts as (
    select * from {{ ref('int_crm__member_accounts') }}
),

accounts as (
    select
        account_id,
        account_name,
        is_customer
    from {{ ref('dim_accounts') }}
),

final as (
    select
        members.member_id,
        members.display_name,
        members.primary_email,
        members.has_work_email,
        members.platforms,
        cast(members.account_count as {{ dbt.type_bigint() }}) as identity_count,
        members.slack_user_id,
        members.github_login,
        members.discord_username,
        members.x_handle,
        members.hubspot_contact_id,
        members.salesforce_contact_id,
        members.billing_customer_id,
        member_accounts.account_id,
        accounts.account_name,
        member_accounts.match_rule as account_match_rule,
        coalesce(accounts.is_customer, false) as is_customer,
        members.country,
        members.timezone,
        members.is_staff,
        members.first_seen_at,
        activity_summary.first_active_at,
        activity_summary.last_active_at,
        {% for platform in ['slack', 'discord', 'discourse', 'github', 'events', 'social'] %}
            activity_summary.first_{{ platform }}_activity_at,
        {% endfor %}
        coalesce(activity_summary.activity_count, 0) > 0 as is_community_member,
        cast(coalesce(activity_summary.activity_count, 0) as {{ dbt.type_bigint() }}) as activity_count,
        cast(coalesce(activity_summary.contribution_count, 0) as {{ dbt.type_bigint() }}) as contribution_count
    from members
    left join activity_summary
        on members.member_id = activity_summary.member_id
    left join member_accounts
        on members.member_id = member_accounts.member_id
    left join accounts
        on member_accounts.account_id = accounts.account_id
)

select * from final
