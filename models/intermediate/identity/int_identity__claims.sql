{#
    The raw evidence of identity: every account seen on every platform and in every CRM, with each
    identifier its record states (an e-mail address, a handle on another platform, a converted lead's
    contact). One row per (account, stated identifier, rule); an account that states nothing has one
    row with a null stated identifier, so it is still seen. Nothing is filtered here: role addresses,
    bots, shared devices and curated splits are applied in int_identity__edges.

    Each source contributes an `<source>_accounts` CTE with the standard account columns
    (identifier_value, display_name, is_bot, first_seen_at, last_seen_at) and what it states; the macro
    identity_claims turns it into claims, one branch per stated identifier.
#}
{%- set text_type = dbt.type_string() -%}
{%- set branches = [] -%}

with

{% if source_enabled('slack') %}
    slack_activity as (
        select
            user_id,
            min(sent_at) as first_seen_at,
            max(sent_at) as last_seen_at
        from {{ ref('stg_slack__messages') }}
        where user_id is not null
        group by 1
    ),

    slack_accounts as (
        select
            slack_users.user_id as identifier_value,
            coalesce(slack_users.real_name, slack_users.display_name, slack_users.username) as display_name,
            slack_users.real_name as person_name,
            slack_users.is_bot,
            coalesce(activity.first_seen_at, slack_users.updated_at) as first_seen_at,
            coalesce(activity.last_seen_at, slack_users.updated_at) as last_seen_at,
            {{ match_email('slack_users.email') }} as email
        from {{ ref('stg_slack__users') }} as slack_users
        left join slack_activity as activity
            on slack_users.user_id = activity.user_id
    ),
    {%- do branches.append(identity_claims('slack_accounts', 'slack', 'slack_user', [
        ('email', 'email', 'profile_email'),
    ])) %}
{% endif %}

{% if source_enabled('discord') %}
    discord_accounts as (
        select
            user_id as identifier_value,
            coalesce(nickname, username) as display_name,
            cast(null as {{ text_type }}) as person_name,
            is_bot,
            first_seen_at,
            last_seen_at,
            {{ clean_handle('username') }} as username
        from {{ ref('stg_discord__members') }}
    ),
    {%- do branches.append(identity_claims('discord_accounts', 'discord', 'discord_user', [
        ('discord_username', 'username', 'profile_handle'),
    ])) %}
{% endif %}

{% if source_enabled('discourse') %}
    discourse_accounts as (
        select
            cast(user_id as {{ text_type }}) as identifier_value,
            coalesce(full_name, username) as display_name,
            full_name as person_name,
            is_bot,
            created_at as first_seen_at,
            coalesce(last_seen_at, created_at) as last_seen_at,
            {{ match_email('email') }} as email
        from {{ ref('stg_discourse__users') }}
    ),
    {%- do branches.append(identity_claims('discourse_accounts', 'discourse', 'discourse_user', [
        ('email', 'email', 'profile_email'),
    ])) %}
{% endif %}

{% if source_enabled('github') %}
    github_accounts as (
        select
            cast(github_user_id as {{ text_type }}) as identifier_value,
            coalesce(display_name, login) as display_name,
            cast(null as {{ text_type }}) as person_name,
            is_bot,
            created_at as first_seen_at,
            created_at as last_seen_at,
            {{ clean_handle('login') }} as login
        from {{ ref('stg_github__users') }}
    ),
    {%- do branches.append(identity_claims('github_accounts', 'github', 'github_user', [
        ('github_login', 'login', 'profile_handle'),
    ])) %}
{% endif %}

{% if source_enabled('social') %}
    x_accounts as (
        select
            user_id as identifier_value,
            coalesce(display_name, username) as display_name,
            cast(null as {{ text_type }}) as person_name,
            false as is_bot,
            created_at as first_seen_at,
            created_at as last_seen_at,
            {{ clean_handle('username') }} as username
        from {{ ref('stg_social__x_users') }}
    ),
    {%- do branches.append(identity_claims('x_accounts', 'social', 'x_user', [
        ('x_handle', 'username', 'profile_handle'),
    ])) %}
{% endif %}

{% if source_enabled('events') %}
    guest_accounts as (
        select
            guest_id as identifier_value,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as display_name,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as person_name,
            false as is_bot,
            registered_at as first_seen_at,
            coalesce(checked_in_at, registered_at) as last_seen_at,
            {{ match_email('email') }} as email
        from {{ ref('stg_events__guests') }}
    ),
    {%- do branches.append(identity_claims('guest_accounts', 'events', 'event_guest', [
        ('email', 'email', 'registration_email'),
    ])) %}
{% endif %}

{% if source_enabled('web') %}
    web_accounts as (
        -- Anonymous ids seen in `identify` calls; one claim per call (grouped in `final`).
        select
            anonymous_id as identifier_value,
            cast(null as {{ text_type }}) as display_name,
            cast(null as {{ text_type }}) as person_name,
            false as is_bot,
            identified_at as first_seen_at,
            identified_at as last_seen_at,
            {{ match_email('email') }} as email
        from {{ ref('stg_web__identifies') }}
        where anonymous_id is not null
    ),
    {%- do branches.append(identity_claims('web_accounts', 'web', 'web_anonymous_id', [
        ('email', 'email', 'web_identify'),
    ])) %}
{% endif %}

{% if source_enabled('hubspot') %}
    hubspot_accounts as (
        select
            cast(contact_id as {{ text_type }}) as identifier_value,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as display_name,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as person_name,
            false as is_bot,
            created_at as first_seen_at,
            coalesce(fivetran_synced_at, created_at) as last_seen_at,
            {{ match_email('email') }} as email,
            additional_emails,
            x_handle,
            github_login,
            discord_username
        from {{ ref('stg_hubspot__contacts') }}
        where not is_deleted
    ),

    hubspot_additional_addresses as (
        -- (Spark allows no expression around explode: normalized in the next step.)
        select
            identifier_value,
            display_name,
            person_name,
            is_bot,
            first_seen_at,
            last_seen_at,
            {{ explode_array(split_to_array('additional_emails', ';')) }} as address
        from hubspot_accounts
        where additional_emails is not null
    ),

    hubspot_additional_emails as (
        select
            identifier_value,
            display_name,
            person_name,
            is_bot,
            first_seen_at,
            last_seen_at,
            {{ match_email('address') }} as email
        from hubspot_additional_addresses
    ),
    {%- do branches.append(identity_claims('hubspot_accounts', 'hubspot', 'hubspot_contact', [
        ('email', 'email', 'crm_email'),
        ('x_handle', 'x_handle', 'crm_stated_handle'),
        ('github_login', 'github_login', 'crm_stated_handle'),
        ('discord_username', 'discord_username', 'crm_stated_handle'),
    ])) %}
    {%- do branches.append(identity_claims('hubspot_additional_emails', 'hubspot', 'hubspot_contact', [
        ('email', 'email', 'crm_additional_email'),
    ])) %}
{% endif %}

{% if source_enabled('salesforce') %}
    salesforce_contact_accounts as (
        select
            contact_id as identifier_value,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as display_name,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as person_name,
            false as is_bot,
            created_at as first_seen_at,
            coalesce(fivetran_synced_at, created_at) as last_seen_at,
            {{ match_email('email') }} as email
        from {{ ref('stg_salesforce__contacts') }}
        where not is_deleted
    ),

    salesforce_lead_accounts as (
        select
            lead_id as identifier_value,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as display_name,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as person_name,
            false as is_bot,
            created_at as first_seen_at,
            coalesce(fivetran_synced_at, created_at) as last_seen_at,
            {{ match_email('email') }} as email,
            converted_contact_id
        from {{ ref('stg_salesforce__leads') }}
        where not is_deleted
    ),
    {%- do branches.append(identity_claims('salesforce_contact_accounts', 'salesforce', 'salesforce_contact', [
        ('email', 'email', 'crm_email'),
    ])) %}
    {#- A converted lead names the contact it became. #}
    {%- do branches.append(identity_claims('salesforce_lead_accounts', 'salesforce', 'salesforce_lead', [
        ('email', 'email', 'crm_email'),
        ('salesforce_contact', 'converted_contact_id', 'crm_lead_conversion'),
    ])) %}
{% endif %}

{% if source_enabled('zendesk') %}
    zendesk_accounts as (
        select
            cast(user_id as {{ text_type }}) as identifier_value,
            user_name as display_name,
            user_name as person_name,
            false as is_bot,
            created_at as first_seen_at,
            coalesce(fivetran_synced_at, created_at) as last_seen_at,
            {{ match_email('email') }} as email
        from {{ ref('stg_zendesk__users') }}
    ),
    {%- do branches.append(identity_claims('zendesk_accounts', 'zendesk', 'zendesk_user', [
        ('email', 'email', 'profile_email'),
    ])) %}
{% endif %}

{% if source_enabled('billing') %}
    billing_accounts as (
        select
            customer_id as identifier_value,
            customer_name as display_name,
            cast(null as {{ text_type }}) as person_name,
            false as is_bot,
            created_at as first_seen_at,
            created_at as last_seen_at,
            {{ match_email('email') }} as email
        from {{ ref('stg_billing__customers') }}
    ),
    {%- do branches.append(identity_claims('billing_accounts', 'billing', 'billing_customer', [
        ('email', 'email', 'billing_email'),
    ])) %}
{% endif %}

unioned as (
    {% for branch in branches %}
        {{ branch }}
        union all
    {% endfor %}
    {{ identity_claims(none, none, none, []) }}
),

with_noreply_logins as (
    select * from unioned
    union all
    -- A GitHub private address, wherever it was given, also states the GitHub login it names.
    select
        source_name,
        identifier_type,
        identifier_value,
        display_name,
        person_name,
        is_bot,
        first_seen_at,
        last_seen_at,
        'github_login' as stated_type,
        {{ github_noreply_login('stated_value') }} as stated_value,
        'github_noreply_email' as rule
    from unioned
    where stated_type = 'email'
        and {{ github_noreply_login('stated_value') }} is not null
),

grouped as (
    -- Repeated evidence (the same identify call twice, an additional address equal to the main one)
    -- is one claim, seen from the first to the last time.
    select
        source_name,
        identifier_type,
        identifier_value,
        case when stated_value is not null then stated_type end as stated_type,
        stated_value,
        case when stated_value is not null then rule end as rule,
        max(display_name) as display_name,
        max(person_name) as person_name,
        max(case when is_bot then 1 else 0 end) = 1 as is_bot,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at
    from with_noreply_logins
    where identifier_value is not null
    group by 1, 2, 3, 4, 5, 6
),

name_keys as (
    -- The full name as identity compares it, computed once here for every later step, and once per
    -- distinct name (the folding is the costliest expression in the identity models).
    select
        person_name,
        {{ person_name_key('person_name') }} as name_key
    from grouped
    where person_name is not null
    group by 1
),

final as (
    select
        grouped.*,
        name_keys.name_key
    from grouped
    left join name_keys
        on grouped.person_name = name_keys.person_name
)

select * from final
