{#
    Which account each member belonged to, and when: affiliation periods from the evidence that ties a
    member to an account —
      1. crm_contact_company — the member's HubSpot contact is associated with the account's company;
      2. crm_contact_account — the member's Salesforce contact belongs to the account;
      3. email_domain — one of the member's addresses is at the account's domain. Free-mail domains
         (a gmail.com user is not Google), the community's own domains and non-mailbox domains never
         match; role addresses, and addresses whose claim was dropped as another person's, are not the
         member's.

    When each piece of evidence holds:
      - a registration or an identify call with the address: when it happened;
      - a profile's, contact's or customer's own address, and a CRM association: as of the record's last
        sighting (these are snapshots of today, not history);
      - an additional address on a CRM contact: undated — an address the person used before — so it
        counts as the earliest evidence.
    An account's evidence starts at its earliest point. A member's periods follow the accounts in that
    order: each runs until the next account's evidence starts; the first has no start (it covers
    everything before) and the last no end (it is the current one). A CRM association describes the
    member today, so its account is always the current one, and an account whose evidence only starts
    after the CRM account's does not form a period (stale or stray evidence). Periods of no length
    (two accounts whose evidence starts at the same time) are dropped; among accounts starting together
    the CRM's is the later, then the stronger rule, then the smaller account id.
#}
with member_map as (
    select
        identifier_id,
        identifier_type,
        identifier_value,
        member_id
    from {{ ref('int_identity__member_map') }}
),

members as (
    select member_id from {{ ref('int_members__profile') }}
    where not is_bot
),

accounts as (
    select * from {{ ref('int_crm__accounts') }}
),

decisions as (
    select * from {{ ref('int_identity__claim_decisions') }}
),

excluded_domains as (
    select email_domain from {{ ref('free_email_domains') }}
    union
    select email_domain from {{ ref('stg_config__internal_email_domains') }}
    union
    select email_domain from {{ ref('non_mailbox_email_domains') }}
),

evidence as (
    {% if source_enabled('hubspot') %}
        select
            member_map.member_id,
            accounts.account_id,
            'crm_contact_company' as match_rule,
            1 as priority,
            true as is_crm_association,
            coalesce(contacts.fivetran_synced_at, contacts.created_at) as evidence_at,
            false as is_undated
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
            2 as priority,
            true as is_crm_association,
            coalesce(contacts.fivetran_synced_at, contacts.created_at) as evidence_at,
            false as is_undated
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
        3 as priority,
        false as is_crm_association,
        case
            when decisions.rule in ('registration_email', 'web_identify') then decisions.first_seen_at
            when decisions.rule = 'crm_additional_email' then null
            else decisions.last_seen_at
        end as evidence_at,
        decisions.rule = 'crm_additional_email' as is_undated
    from decisions
    inner join member_map
        on decisions.to_identifier_id = member_map.identifier_id
    inner join accounts
        on {{ email_domain('member_map.identifier_value') }} = accounts.account_domain
    left join excluded_domains
        on accounts.account_domain = excluded_domains.email_domain
    where decisions.decision = 'links'
        and member_map.identifier_type = 'email'
        and excluded_domains.email_domain is null
),

member_account_evidence as (
    select
        evidence.member_id,
        evidence.account_id,
        min(evidence.priority) as priority,
        max(case when evidence.is_crm_association then 1 else 0 end) = 1 as is_crm_association,
        -- Undated evidence makes the account the earliest (null start).
        case
            when max(case when evidence.is_undated then 1 else 0 end) = 1 then null
            else min(evidence.evidence_at)
        end as started_at,
        count(*) as evidence_count
    from evidence
    inner join members
        on evidence.member_id = members.member_id
    group by 1, 2
),

with_rules as (
    select
        member_account_evidence.*,
        case member_account_evidence.priority
            when 1 then 'crm_contact_company'
            when 2 then 'crm_contact_account'
            else 'email_domain'
        end as match_rule
    from member_account_evidence
),

crm_starts as (
    -- When the member's CRM account's evidence starts (the latest, when two CRMs associate them).
    select
        member_id,
        max(started_at) as crm_started_at
    from with_rules
    where is_crm_association
    group by 1
),

kept as (
    select with_rules.*
    from with_rules
    left join crm_starts
        on with_rules.member_id = crm_starts.member_id
    where with_rules.is_crm_association
        or crm_starts.member_id is null
        or with_rules.started_at is null
        or with_rules.started_at < crm_starts.crm_started_at
),

sequenced as (
    select
        kept.*,
        row_number() over (
            partition by member_id
            order by
                case when started_at is null then 0 else 1 end,
                started_at,
                case when is_crm_association then 1 else 0 end,
                priority desc,
                account_id desc
        ) as sequence_number,
        count(*) over (partition by member_id) as account_count
    from kept
),

bounded as (
    select
        current_period.member_id,
        current_period.account_id,
        current_period.match_rule,
        current_period.evidence_count,
        current_period.sequence_number,
        current_period.started_at,
        next_period.started_at as next_started_at,
        current_period.sequence_number = current_period.account_count as is_current
    from sequenced as current_period
    left join sequenced as next_period
        on current_period.member_id = next_period.member_id
            and current_period.sequence_number + 1 = next_period.sequence_number
),

final as (
    select
        member_id,
        account_id,
        case when sequence_number = 1 then null else started_at end as valid_from,
        case when is_current then null else next_started_at end as valid_to,
        is_current,
        match_rule,
        cast(evidence_count as {{ dbt.type_bigint() }}) as evidence_count
    from bounded
    where is_current
        or (
            next_started_at is not null
            and (sequence_number = 1 or started_at < next_started_at)
        )
)

select * from final
