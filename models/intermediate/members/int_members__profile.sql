{#
    What the identity graph knows of each member (a connected component with at least one account):
    a display name, the primary e-mail (a work address over a free-mail one), handles, CRM contact ids,
    staff and bot flags, country and timezone where a source states them. Activity and accounts are
    added in dim_members.
#}
{%- set null_text = 'cast(null as ' ~ dbt.type_string() ~ ')' -%}
{#- (identifier type, staging model, key column, condition) of accounts whose platform says they run it -#}
{%- set staff_sources = [] -%}
{%- if source_enabled('slack') -%}
    {%- do staff_sources.append(
        ('slack_user', ref('stg_slack__users'), 'user_id', 'is_admin or is_owner')
    ) -%}
{%- endif -%}
{%- if source_enabled('discourse') -%}
    {%- do staff_sources.append(
        ('discourse_user', ref('stg_discourse__users'), 'user_id', 'is_staff or is_admin or is_moderator')
    ) -%}
{%- endif -%}
{%- if source_enabled('zendesk') -%}
    {%- do staff_sources.append(
        ('zendesk_user', ref('stg_zendesk__users'), 'user_id', "role in ('agent', 'admin')")
    ) -%}
{%- endif -%}
{#- (identifier type, staging model, key, country column, timezone column, priority) -#}
{%- set location_sources = [] -%}
{%- if source_enabled('hubspot') -%}
    {%- do location_sources.append(
        ('hubspot_contact', ref('stg_hubspot__contacts'), 'contact_id', 'country', null_text, 1)
    ) -%}
{%- endif -%}
{%- if source_enabled('salesforce') -%}
    {%- do location_sources.append(
        ('salesforce_contact', ref('stg_salesforce__contacts'), 'contact_id', 'mailing_country', null_text, 2)
    ) -%}
{%- endif -%}
{%- if source_enabled('slack') -%}
    {%- do location_sources.append(
        ('slack_user', ref('stg_slack__users'), 'user_id', null_text, 'timezone', 3)
    ) -%}
{%- endif -%}
{%- if source_enabled('zendesk') -%}
    {%- do location_sources.append(
        ('zendesk_user', ref('stg_zendesk__users'), 'user_id', null_text, 'time_zone', 4)
    ) -%}
{%- endif -%}
{#- The source an account comes from, named as its folder (and as fct_activities.platform): one vocabulary. -#}
{%- set platform_of_account -%}
    case
        when not member_identifiers.is_account then null
        when {{ dbt.split_part('member_identifiers.identifier_type', "'_'", 1) }} = 'event' then 'events'
        when {{ dbt.split_part('member_identifiers.identifier_type', "'_'", 1) }} = 'x' then 'social'
        else {{ dbt.split_part('member_identifiers.identifier_type', "'_'", 1) }}
    end
{%- endset %}

with member_map as (
    select * from {{ ref('int_identity__member_map') }}
),

free_domains as (
    select email_domain from {{ ref('free_email_domains') }}
),

internal_domains as (
    select email_domain from {{ ref('stg_config__internal_email_domains') }}
),

non_mailbox_domains as (
    select email_domain from {{ ref('non_mailbox_email_domains') }}
),

member_identifiers as (
    select * from member_map
),

names as (
    -- The name a CRM holds first, then the platforms' profile names.
    select
        member_id,
        display_name,
        row_number() over (
            partition by member_id
            order by
                case identifier_type
                    when 'hubspot_contact' then 1
                    when 'salesforce_contact' then 2
                    when 'slack_user' then 3
                    when 'discourse_user' then 4
                    when 'event_guest' then 5
                    when 'zendesk_user' then 6
                    when 'billing_customer' then 7
                    when 'salesforce_lead' then 8
                    when 'github_user' then 9
                    when 'x_user' then 10
                    else 11
                end,
                first_seen_at,
                identifier_id
        ) as name_rank
    from member_identifiers
    where display_name is not null and is_account
),

emails as (
    select
        member_identifiers.member_id,
        member_identifiers.identifier_value as email,
        free_domains.email_domain is null as is_work_address,
        internal_domains.email_domain is not null as is_internal_address,
        row_number() over (
            partition by member_identifiers.member_id
            order by
                case when free_domains.email_domain is null then 0 else 1 end,
                member_identifiers.source_count desc,
                member_identifiers.first_seen_at asc,
                member_identifiers.identifier_value asc
        ) as email_rank
    from member_identifiers
    left join free_domains
        on {{ email_domain('member_identifiers.identifier_value') }} = free_domains.email_domain
    left join internal_domains
        on {{ email_domain('member_identifiers.identifier_value') }} = internal_domains.email_domain
    left join non_mailbox_domains
        on {{ email_domain('member_identifiers.identifier_value') }} = non_mailbox_domains.email_domain
    where member_identifiers.identifier_type = 'email'
        and not member_identifiers.is_role_address
        and non_mailbox_domains.email_domain is null
        and member_identifiers.identifier_value <> ''
),

staff_accounts as (
    -- Accounts whose platform says they run it: workspace admins and owners, forum staff, help-desk agents.
    {% for type, relation, key, condition in staff_sources %}
        select {{ dbt.concat(["'" ~ type ~ ":'", 'cast(' ~ key ~ ' as ' ~ dbt.type_string() ~ ')']) }} as identifier_id
        from {{ relation }}
        where {{ condition }}
        union all
    {% endfor %}
    select cast(null as {{ dbt.type_string() }}) as identifier_id
    where 1 = 0
),

locations as (
    {% for type, relation, key, country, timezone, priority in location_sources %}
        select
            {{ dbt.concat(["'" ~ type ~ ":'", 'cast(' ~ key ~ ' as ' ~ dbt.type_string() ~ ')']) }} as identifier_id,
            {{ country }} as country,
            {{ timezone }} as timezone,
            {{ priority }} as priority
        from {{ relation }}
        union all
    {% endfor %}
    select
        cast(null as {{ dbt.type_string() }}) as identifier_id,
        cast(null as {{ dbt.type_string() }}) as country,
        cast(null as {{ dbt.type_string() }}) as timezone,
        0 as priority
    where 1 = 0
),

member_locations as (
    select
        member_map.member_id,
        locations.country,
        locations.timezone,
        row_number()
            over (
                partition by member_map.member_id
                order by
                    case when locations.country is null then 1 else 0 end, locations.priority, locations.identifier_id
            )
            as country_rank,
        row_number()
            over (
                partition by member_map.member_id
                order by
                    case when locations.timezone is null then 1 else 0 end, locations.priority, locations.identifier_id
            )
            as timezone_rank
    from locations
    inner join member_map
        on locations.identifier_id = member_map.identifier_id
    where locations.country is not null or locations.timezone is not null
),

internal_members as (
    select
        member_id,
        max(case when is_internal_address then 1 else 0 end) = 1 as has_internal_address
    from emails
    group by 1
),

rollup as (
    select
        member_identifiers.member_id,
        max(member_identifiers.founding_identifier_id) as founding_identifier_id,
        min(member_identifiers.first_seen_at) as first_seen_at,
        max(member_identifiers.last_seen_at) as last_seen_at,
        max(case when member_identifiers.is_bot then 1 else 0 end) = 1 as is_bot,
        max(case when staff_accounts.identifier_id is not null then 1 else 0 end) = 1 as has_staff_account,
        count(case when member_identifiers.is_account then 1 end) as account_count,
        {{ sorted_distinct_list(platform_of_account) }} as platforms,
        min(
            case when member_identifiers.identifier_type = 'github_login' then member_identifiers.identifier_value end
        ) as github_login,
        min(
            case
                when member_identifiers.identifier_type = 'discord_username' then member_identifiers.identifier_value
            end
        ) as discord_username,
        min(case when member_identifiers.identifier_type = 'x_handle' then member_identifiers.identifier_value end)
            as x_handle,
        min(case when member_identifiers.identifier_type = 'slack_user' then member_identifiers.identifier_value end)
            as slack_user_id,
        min(
            case
                when member_identifiers.identifier_type = 'hubspot_contact' then member_identifiers.identifier_value
            end
        ) as hubspot_contact_id,
        min(
            case
                when member_identifiers.identifier_type = 'salesforce_contact' then member_identifiers.identifier_value
            end
        ) as salesforce_contact_id,
        min(
            case
                when member_identifiers.identifier_type = 'billing_customer' then member_identifiers.identifier_value
            end
        ) as billing_customer_id
    from member_identifiers
    left join staff_accounts
        on member_identifiers.identifier_id = staff_accounts.identifier_id
    group by 1
),

final as (
    select
        rollup.member_id,
        rollup.founding_identifier_id,
        {{ spreadsheet_safe_text('names.display_name') }} as display_name,
        emails.email as primary_email,
        coalesce(emails.is_work_address, false) as has_work_email,
        rollup.platforms,
        rollup.account_count,
        rollup.slack_user_id,
        rollup.github_login,
        {{ spreadsheet_safe_text('rollup.discord_username') }} as discord_username,
        {{ spreadsheet_safe_text('rollup.x_handle') }} as x_handle,
        rollup.hubspot_contact_id,
        rollup.salesforce_contact_id,
        rollup.billing_customer_id,
        country_choice.country,
        timezone_choice.timezone,
        rollup.first_seen_at,
        rollup.last_seen_at,
        rollup.has_staff_account or coalesce(internal_members.has_internal_address, false) as is_staff,
        rollup.is_bot
    from rollup
    left join names
        on rollup.member_id = names.member_id and names.name_rank = 1
    left join emails
        on rollup.member_id = emails.member_id and emails.email_rank = 1
    left join internal_members
        on rollup.member_id = internal_members.member_id
    left join member_locations as country_choice
        on rollup.member_id = country_choice.member_id and country_choice.country_rank = 1
    left join member_locations as timezone_choice
        on rollup.member_id = timezone_choice.member_id and timezone_choice.timezone_rank = 1
    -- A member is a person or a bot with at least one account, not an address alone.
    where rollup.account_count > 0
)

select * from final
