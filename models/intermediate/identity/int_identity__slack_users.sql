{#
    First step of identity resolution: each Slack user, flagged (bot, staff, role mailbox) and matched
    to a HubSpot contact by normalized e-mail. The member graph across every platform builds on this.
#}
with slack_users as (
    select * from {{ ref('stg_slack__users') }}
),

contacts as (
    {% if var('using_hubspot', true) %}
        select
            contact_id,
            company_id,
            email,
            created_at
        from {{ ref('stg_hubspot__contacts') }}
        where not is_deleted and email is not null
    {% else %}
        select
            cast(null as {{ dbt.type_bigint() }}) as contact_id,
            cast(null as {{ dbt.type_bigint() }}) as company_id,
            cast(null as {{ dbt.type_string() }}) as email,
            cast(null as {{ dbt.type_timestamp() }}) as created_at
        where 1 = 0
    {% endif %}
),

role_local_parts as (
    select local_part from {{ ref('role_email_local_parts') }}
),

internal_domains as (
    select email_domain from {{ ref('internal_email_domains') }}
),

slack_emails as (
    select
        *,
        {{ match_email('email') }} as match_email
    from slack_users
),

flagged as (
    select
        slack_emails.*,
        role_local_parts.local_part is not null as is_role_address,
        internal_domains.email_domain is not null as has_internal_domain
    from slack_emails
    left join role_local_parts
        on {{ email_local_part('slack_emails.match_email') }} = role_local_parts.local_part
    left join internal_domains
        on {{ email_domain('slack_emails.match_email') }} = internal_domains.email_domain
),

contacts_normalized as (
    select
        contact_id,
        company_id,
        created_at,
        {{ match_email('email') }} as match_email
    from contacts
),

contact_emails as (
    -- One contact per address: when the CRM holds duplicates, the oldest contact wins.
    select
        contact_id,
        company_id,
        match_email,
        row_number() over (partition by match_email order by created_at, contact_id) as _row_number
    from contacts_normalized
),

matched as (
    select
        flagged.*,
        contact_emails.contact_id as hubspot_contact_id,
        contact_emails.company_id as hubspot_company_id
    from flagged
    left join contact_emails
        on
            flagged.match_email = contact_emails.match_email
            and contact_emails._row_number = 1
            and not flagged.is_role_address
            and not flagged.is_bot
),

final as (
    select
        case
            when hubspot_contact_id is not null
                then {{ dbt.concat(["'hubspot_contact:'", dbt.safe_cast('hubspot_contact_id', dbt.type_string())]) }}
            else {{ dbt.concat(["'slack_user:'", 'user_id']) }}
        end as member_id,
        user_id as slack_user_id,
        username as slack_username,
        match_email as email_normalized,
        is_bot,
        is_deleted,
        is_role_address,
        has_internal_domain or is_admin or is_owner as is_staff,
        hubspot_contact_id,
        hubspot_company_id,
        case when hubspot_contact_id is not null then 'normalized_email' end as match_rule
    from matched
)

select * from final
