{#
    The raw evidence of identity: every account seen on every platform and in every CRM, with each
    identifier its record states (an e-mail address, a handle on another platform, a converted lead's
    contact). One row per (account, stated identifier, rule); an account that states nothing has one
    row with a null stated identifier, so it is still seen. Nothing is filtered here: role addresses,
    bots, shared devices and curated splits are applied in int_identity__edges.
#}

{%- set branches = [] -%}

with

{% if var('using_slack', true) %}
    slack_activity as (
        select
            user_id,
            min(sent_at) as first_seen_at,
            max(sent_at) as last_seen_at
        from {{ ref('stg_slack__messages') }}
        where user_id is not null
        group by 1
    ),

    slack as (
        select
            'slack' as source_name,
            'slack_user' as identifier_type,
            slack_users.user_id as identifier_value,
            coalesce(slack_users.real_name, slack_users.display_name, slack_users.username) as display_name,
            slack_users.is_bot,
            coalesce(activity.first_seen_at, slack_users.updated_at) as first_seen_at,
            coalesce(activity.last_seen_at, slack_users.updated_at) as last_seen_at,
            'email' as stated_type,
            {{ match_email('slack_users.email') }} as stated_value,
            'profile_email' as rule
        from {{ ref('stg_slack__users') }} as slack_users
        left join slack_activity as activity
            on slack_users.user_id = activity.user_id
    ),
    {%- do branches.append('slack') %}
{% endif %}

{% if var('using_discord', true) %}
    discord as (
        select
            'discord' as source_name,
            'discord_user' as identifier_type,
            user_id as identifier_value,
            coalesce(nickname, username) as display_name,
            is_bot,
            first_seen_at,
            last_seen_at,
            'discord_username' as stated_type,
            {{ clean_handle('username') }} as stated_value,
            'profile_handle' as rule
        from {{ ref('stg_discord__members') }}
    ),
    {%- do branches.append('discord') %}
{% endif %}

{% if var('using_discourse', true) %}
    discourse_users as (
        select
            user_id,
            coalesce(full_name, username) as display_name,
            is_bot,
            created_at,
            last_seen_at,
            {{ match_email('email') }} as email
        from {{ ref('stg_discourse__users') }}
    ),

    discourse as (
        select
            'discourse' as source_name,
            'discourse_user' as identifier_type,
            user_id as identifier_value,
            display_name,
            is_bot,
            created_at as first_seen_at,
            coalesce(last_seen_at, created_at) as last_seen_at,
            'email' as stated_type,
            email as stated_value,
            'profile_email' as rule
        from discourse_users
        union all
        -- Signed up with GitHub's private address (<id>+<login>@users.noreply.github.com): states the login.
        select
            'discourse' as source_name,
            'discourse_user' as identifier_type,
            user_id as identifier_value,
            display_name,
            is_bot,
            created_at as first_seen_at,
            coalesce(last_seen_at, created_at) as last_seen_at,
            'github_login' as stated_type,
            regexp_replace({{ email_local_part('email') }}, '^[0-9]+[+]', '') as stated_value,
            'github_noreply_email' as rule
        from discourse_users
        where {{ email_domain('email') }} = 'users.noreply.github.com'
    ),
    {%- do branches.append('discourse') %}
{% endif %}

{% if var('using_github', true) %}
    github as (
        select
            'github' as source_name,
            'github_user' as identifier_type,
            cast(github_user_id as {{ dbt.type_string() }}) as identifier_value,
            coalesce(display_name, login) as display_name,
            is_bot,
            created_at as first_seen_at,
            created_at as last_seen_at,
            'github_login' as stated_type,
            {{ clean_handle('login') }} as stated_value,
            'profile_handle' as rule
        from {{ ref('stg_github__users') }}
    ),
    {%- do branches.append('github') %}
{% endif %}

{% if var('using_social', true) %}
    social as (
        select
            'social' as source_name,
            'x_user' as identifier_type,
            user_id as identifier_value,
            coalesce(display_name, username) as display_name,
            false as is_bot,
            created_at as first_seen_at,
            created_at as last_seen_at,
            'x_handle' as stated_type,
            {{ clean_handle('username') }} as stated_value,
            'profile_handle' as rule
        from {{ ref('stg_social__x_users') }}
    ),
    {%- do branches.append('social') %}
{% endif %}

{% if var('using_events', true) %}
    events as (
        select
            'events' as source_name,
            'event_guest' as identifier_type,
            guest_id as identifier_value,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as display_name,
            false as is_bot,
            registered_at as first_seen_at,
            coalesce(checked_in_at, registered_at) as last_seen_at,
            'email' as stated_type,
            {{ match_email('email') }} as stated_value,
            'registration_email' as rule
        from {{ ref('stg_events__guests') }}
    ),
    {%- do branches.append('events') %}
{% endif %}

{% if var('using_web', true) %}
    web as (
        select
            'web' as source_name,
            'web_anonymous_id' as identifier_type,
            anonymous_id as identifier_value,
            cast(null as {{ dbt.type_string() }}) as display_name,
            false as is_bot,
            identified_at as first_seen_at,
            identified_at as last_seen_at,
            'email' as stated_type,
            {{ match_email('email') }} as stated_value,
            'web_identify' as rule
        from {{ ref('stg_web__identifies') }}
        where anonymous_id is not null
    ),
    {%- do branches.append('web') %}
{% endif %}

{% if var('using_hubspot', true) %}
    hubspot_contacts as (
        select
            cast(contact_id as {{ dbt.type_string() }}) as contact_id,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as display_name,
            created_at,
            fivetran_synced_at,
            email,
            additional_emails,
            x_handle,
            github_login,
            discord_username
        from {{ ref('stg_hubspot__contacts') }}
        where not is_deleted
    ),

    hubspot_additional_emails as (
        select
            contact_id,
            {{ explode_array(split_to_array('additional_emails', ';')) }} as email
        from hubspot_contacts
        where additional_emails is not null
    ),

    hubspot_stated as (
        select
            contact_id,
            'email' as stated_type,
            {{ match_email('email') }} as stated_value,
            'crm_email' as rule
        from hubspot_contacts
        union all
        select
            contact_id,
            'email' as stated_type,
            {{ match_email('email') }} as stated_value,
            'crm_additional_email' as rule
        from hubspot_additional_emails
        union all
        select
            contact_id,
            'x_handle' as stated_type,
            x_handle as stated_value,
            'crm_stated_handle' as rule
        from hubspot_contacts
        where x_handle is not null
        union all
        select
            contact_id,
            'github_login' as stated_type,
            github_login as stated_value,
            'crm_stated_handle' as rule
        from hubspot_contacts
        where github_login is not null
        union all
        select
            contact_id,
            'discord_username' as stated_type,
            discord_username as stated_value,
            'crm_stated_handle' as rule
        from hubspot_contacts
        where discord_username is not null
    ),

    hubspot as (
        select
            'hubspot' as source_name,
            'hubspot_contact' as identifier_type,
            contacts.contact_id as identifier_value,
            contacts.display_name,
            false as is_bot,
            contacts.created_at as first_seen_at,
            coalesce(contacts.fivetran_synced_at, contacts.created_at) as last_seen_at,
            stated.stated_type,
            stated.stated_value,
            stated.rule
        from hubspot_contacts as contacts
        inner join hubspot_stated as stated
            on contacts.contact_id = stated.contact_id
    ),
    {%- do branches.append('hubspot') %}
{% endif %}

{% if var('using_salesforce', true) %}
    salesforce as (
        select
            'salesforce' as source_name,
            'salesforce_contact' as identifier_type,
            contact_id as identifier_value,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as display_name,
            false as is_bot,
            created_at as first_seen_at,
            coalesce(fivetran_synced_at, created_at) as last_seen_at,
            'email' as stated_type,
            {{ match_email('email') }} as stated_value,
            'crm_email' as rule
        from {{ ref('stg_salesforce__contacts') }}
        where not is_deleted
        union all
        select
            'salesforce' as source_name,
            'salesforce_lead' as identifier_type,
            lead_id as identifier_value,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as display_name,
            false as is_bot,
            created_at as first_seen_at,
            coalesce(fivetran_synced_at, created_at) as last_seen_at,
            'email' as stated_type,
            {{ match_email('email') }} as stated_value,
            'crm_email' as rule
        from {{ ref('stg_salesforce__leads') }}
        where not is_deleted
        union all
        -- A converted lead names the contact it became.
        select
            'salesforce' as source_name,
            'salesforce_lead' as identifier_type,
            lead_id as identifier_value,
            nullif(trim(concat(coalesce(first_name, ''), ' ', coalesce(last_name, ''))), '') as display_name,
            false as is_bot,
            created_at as first_seen_at,
            coalesce(fivetran_synced_at, created_at) as last_seen_at,
            'salesforce_contact' as stated_type,
            converted_contact_id as stated_value,
            'crm_lead_conversion' as rule
        from {{ ref('stg_salesforce__leads') }}
        where not is_deleted and converted_contact_id is not null
    ),
    {%- do branches.append('salesforce') %}
{% endif %}

{% if var('using_zendesk', true) %}
    zendesk as (
        select
            'zendesk' as source_name,
            'zendesk_user' as identifier_type,
            cast(user_id as {{ dbt.type_string() }}) as identifier_value,
            user_name as display_name,
            false as is_bot,
            created_at as first_seen_at,
            coalesce(fivetran_synced_at, created_at) as last_seen_at,
            'email' as stated_type,
            {{ match_email('email') }} as stated_value,
            'profile_email' as rule
        from {{ ref('stg_zendesk__users') }}
    ),
    {%- do branches.append('zendesk') %}
{% endif %}

{% if var('using_billing', true) %}
    billing as (
        select
            'billing' as source_name,
            'billing_customer' as identifier_type,
            customer_id as identifier_value,
            customer_name as display_name,
            false as is_bot,
            created_at as first_seen_at,
            created_at as last_seen_at,
            'email' as stated_type,
            {{ match_email('email') }} as stated_value,
            'billing_email' as rule
        from {{ ref('stg_billing__customers') }}
    ),
    {%- do branches.append('billing') %}
{% endif %}

no_source as (
    select
        cast(null as {{ dbt.type_string() }}) as source_name,
        cast(null as {{ dbt.type_string() }}) as identifier_type,
        cast(null as {{ dbt.type_string() }}) as identifier_value,
        cast(null as {{ dbt.type_string() }}) as display_name,
        cast(null as {{ dbt.type_boolean() }}) as is_bot,
        cast(null as {{ dbt.type_timestamp() }}) as first_seen_at,
        cast(null as {{ dbt.type_timestamp() }}) as last_seen_at,
        cast(null as {{ dbt.type_string() }}) as stated_type,
        cast(null as {{ dbt.type_string() }}) as stated_value,
        cast(null as {{ dbt.type_string() }}) as rule
    where 1 = 0
),

unioned as (
    {% for branch in branches %}
        select
            source_name,
            identifier_type,
            identifier_value,
            display_name,
            is_bot,
            first_seen_at,
            last_seen_at,
            stated_type,
            stated_value,
            rule
        from {{ branch }}
        union all
    {% endfor %}
    select * from no_source
),

final as (
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
        max(case when is_bot then 1 else 0 end) = 1 as is_bot,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at
    from unioned
    where identifier_value is not null
    group by 1, 2, 3, 4, 5, 6
)

select * from final
