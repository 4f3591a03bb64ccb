{#
    One account per company the CRMs know: HubSpot companies and Salesforce accounts joined on their
    normalized domain (a company in both is one account). Companies at free-mail domains (a "Gmail"
    company made from contacts' addresses) are not accounts. A HubSpot company without a domain takes the
    one most of its contacts' work addresses share (as HubSpot's own enrichment would); a record still
    without a domain is an account of its own. `account_id` is md5 of the domain, or of the CRM record when there is none.
#}
{%- set hubspot = source_enabled('hubspot') -%}
{%- set salesforce = source_enabled('salesforce') -%}

with free_domains as (
    select email_domain from {{ ref('free_email_domains') }}
),

{% if hubspot %}
    contact_domains as (
        select
            contacts.company_id,
            {{ email_domain('contacts.email') }} as email_domain,
            count(*) as contacts
        from {{ ref('stg_hubspot__contacts') }} as contacts
        left join free_domains
            on {{ email_domain('contacts.email') }} = free_domains.email_domain
        where contacts.company_id is not null
            and contacts.email is not null
            and free_domains.email_domain is null
        group by 1, 2
    ),

    inferred_domains as (
    -- The domain shared by most of the company's contacts, when it is more than half of them.
        select
            company_id,
            email_domain
        from (
            select
                company_id,
                email_domain,
                contacts,
                sum(contacts) over (partition by company_id) as company_contacts,
                row_number() over (partition by company_id order by contacts desc, email_domain asc) as domain_rank
            from contact_domains
        ) as ranked
        where domain_rank = 1 and 2 * contacts > company_contacts
    ),
{% endif %}

hubspot_companies as (
    {% if hubspot %}
        select
            companies.company_id,
            companies.company_name,
            coalesce(companies.company_domain, inferred_domains.email_domain) as company_domain,
            companies.industry,
            companies.country,
            companies.employee_count,
            -- several companies with one domain: the oldest stands for it
            row_number() over (
                partition by
                    coalesce(
                        companies.company_domain,
                        inferred_domains.email_domain,
                        cast(companies.company_id as {{ dbt.type_string() }})
                    )
                order by companies.created_at, companies.company_id
            ) as domain_rank
        from {{ ref('stg_hubspot__companies') }} as companies
        left join inferred_domains
            on companies.company_id = inferred_domains.company_id
        left join free_domains
            on companies.company_domain = free_domains.email_domain
        -- A "company" at a free-mail domain (HubSpot makes them from contacts' addresses) is nobody's employer.
        where not companies.is_deleted
            and free_domains.email_domain is null
    {% else %}
    select
        cast(null as {{ dbt.type_bigint() }}) as company_id,
        cast(null as {{ dbt.type_string() }}) as company_name,
        cast(null as {{ dbt.type_string() }}) as company_domain,
        cast(null as {{ dbt.type_string() }}) as industry,
        cast(null as {{ dbt.type_string() }}) as country,
        cast(null as {{ dbt.type_bigint() }}) as employee_count,
        1 as domain_rank
    where 1 = 0
    {% endif %}
),

salesforce_accounts as (
    {% if salesforce %}
        select
            crm_accounts.account_id as salesforce_account_id,
            crm_accounts.account_name,
            crm_accounts.account_domain,
            crm_accounts.industry,
            crm_accounts.billing_country,
            crm_accounts.employee_count,
            row_number() over (
                partition by coalesce(crm_accounts.account_domain, crm_accounts.account_id)
                order by crm_accounts.created_at, crm_accounts.account_id
            ) as domain_rank
        from {{ ref('stg_salesforce__accounts') }} as crm_accounts
        left join free_domains
            on crm_accounts.account_domain = free_domains.email_domain
        where not crm_accounts.is_deleted
            and free_domains.email_domain is null
    {% else %}
    select
        cast(null as {{ dbt.type_string() }}) as salesforce_account_id,
        cast(null as {{ dbt.type_string() }}) as account_name,
        cast(null as {{ dbt.type_string() }}) as account_domain,
        cast(null as {{ dbt.type_string() }}) as industry,
        cast(null as {{ dbt.type_string() }}) as billing_country,
        cast(null as {{ dbt.type_bigint() }}) as employee_count,
        1 as domain_rank
    where 1 = 0
    {% endif %}
),

hubspot_keyed as (
    select
        *,
        coalesce(
            company_domain, {{ dbt.concat(["'hubspot_company:'", 'cast(company_id as ' ~ dbt.type_string() ~ ')']) }}
        )
            as account_key
    from hubspot_companies
    where domain_rank = 1
),

salesforce_keyed as (
    select
        *,
        coalesce(account_domain, {{ dbt.concat(["'salesforce_account:'", 'salesforce_account_id']) }}) as account_key
    from salesforce_accounts
    where domain_rank = 1
),

keys as (
    select account_key from hubspot_keyed
    union
    select account_key from salesforce_keyed
),

final as (
    select
        {{ surrogate_key(['keys.account_key']) }} as account_id,
        coalesce(salesforce_keyed.account_domain, hubspot_keyed.company_domain) as account_domain,
        {{ spreadsheet_safe_text(
            'coalesce(salesforce_keyed.account_name, hubspot_keyed.company_name)'
        ) }} as account_name,
        hubspot_keyed.company_id as hubspot_company_id,
        salesforce_keyed.salesforce_account_id,
        coalesce(salesforce_keyed.industry, hubspot_keyed.industry) as industry,
        coalesce(salesforce_keyed.billing_country, hubspot_keyed.country) as country,
        coalesce(salesforce_keyed.employee_count, hubspot_keyed.employee_count) as employee_count
    from keys
    left join hubspot_keyed
        on keys.account_key = hubspot_keyed.account_key
    left join salesforce_keyed
        on keys.account_key = salesforce_keyed.account_key
)

select * from final
