{#
    Each member's account, by the strongest evidence available:
      1. crm_contact_company — the member's HubSpot contact is associated with the account's company;
      2. crm_contact_account — the member's Salesforce contact belongs to the account;
      3. email_domain — one of the member's addresses is at the account's domain. Free-mail domains
         (seed free_email_domains: a gmail.com user is not Google) and the community's own domains
         never match; role addresses are not the member's.
    Members with no such evidence have no row.
#}
with member_map as (
    select * from {{ ref('int_identity__member_map') }}
),

members as (
    select member_id from {{ ref('int_members__profile') }}
    where not is_bot
),

accounts as (
    select * from {{ ref('int_crm__accounts') }}
),

free_domains as (
    select email_domain from {{ ref('free_email_domains') }}
),

internal_domains as (
    select email_domain from {{ ref('stg_config__internal_email_domains') }}
),

candidates as (
    {% if source_enabled('hubspot') %}
        select
            member_map.member_id,
            accounts.account_id,
            'crm_contact_company' as match_rule,
            1 as priority
        from {{ ref('stg_hubspot__contacts') }} as contacts
        inner join member_map
            on {{ dbt.concat(["'hubspot_contact:'", 'cast(contacts.contact_id as ' ~ dbt.type_string() ~ ')']) }}
                = member_map.identifier_id
        inner join accounts
            on contacts.company_id = accounts.hubspot_company_id
        where not contacts.is_deleted
        union all
    {% endif %}
    {% if source_enabled('salesforce') %}
        select
            member_map.member_id,
            accounts.account_id,
            'crm_contact_account' as match_rule,
            2 as priority
        from {{ ref('stg_salesforce__contacts') }} as contacts
        inner join member_map
            on {{ dbt.concat(["'salesforce_contact:'", 'contacts.contact_id']) }} = member_map.identifier_id
        inner join accounts
            on contacts.account_id = accounts.salesforce_account_id
        where not contacts.is_deleted
        union all
    {% endif %}
    select
        member_map.member_id,
        accounts.account_id,
        'email_domain' as match_rule,
        3 as priority
    from member_map
    inner join {{ ref('int_identity__identifiers') }} as identifiers
        on member_map.identifier_id = identifiers.identifier_id
    inner join accounts
        on {{ email_domain('member_map.identifier_value') }} = accounts.account_domain
    left join free_domains
        on accounts.account_domain = free_domains.email_domain
    left join internal_domains
        on accounts.account_domain = internal_domains.email_domain
    where member_map.identifier_type = 'email'
        and not identifiers.is_role_address
        and free_domains.email_domain is null
        and internal_domains.email_domain is null
),

ranked as (
    select
        candidates.*,
        row_number() over (
            partition by candidates.member_id
            order by candidates.priority, candidates.account_id
        ) as match_rank
    from candidates
    inner join members
        on candidates.member_id = members.member_id
),

final as (
    select
        member_id,
        account_id,
        match_rule
    from ranked
    where match_rank = 1
)

select * from final
