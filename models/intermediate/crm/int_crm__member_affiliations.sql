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
      - dated: a registration or an identify call with the address, when it happened;
      - snapshot: a profile's, contact's or customer's own address, and a CRM association, describe the
        member as of the export, not since when;
      - former: an additional address on a CRM contact is one the person used before (undated).
    A member's accounts are ordered: accounts known only from former addresses first, then accounts
    with dated evidence by their first date, then accounts known only from snapshots (today's). Each
    period ends where the next account's dated evidence starts, or — when the next has none — at this
    account's last dated evidence; the first period has no start (it covers everything before) and the
    last no end (it is the current one). A period of no length is dropped (two accounts known only from
    snapshots: nothing says when one ended). A CRM association describes the member today, so its account
    is the current one, and an account that comes after it in the order forms no period.
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
    {{ non_employer_domains() }}
),

evidence as (
    {% if source_enabled('hubspot') %}
        select
            member_map.member_id,
            accounts.account_id,
            'crm_contact_company' as match_rule,
            1 as priority,
            true as is_crm_association,
            cast(null as {{ dbt.type_timestamp() }}) as evidence_at,
            'snapshot' as evidence_kind
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
            cast(null as {{ dbt.type_timestamp() }}) as evidence_at,
            'snapshot' as evidence_kind
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
        case when decisions.rule in ('registration_email', 'web_identify') then decisions.first_seen_at end
            as evidence_at,
        case
            when decisions.rule in ('registration_email', 'web_identify') then 'dated'
            when decisions.rule = 'crm_additional_email' then 'former'
            else 'snapshot'
        end as evidence_kind
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
        min(evidence.evidence_at) as first_dated_at,
        max(evidence.evidence_at) as last_dated_at,
        -- 0: only former addresses (undated, earliest); 1: dated; 2: only today's snapshots (latest).
        case
            when min(evidence.evidence_at) is not null then 1
            when max(case when evidence.evidence_kind = 'snapshot' then 1 else 0 end) = 1 then 2
            else 0
        end as evidence_class,
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

crm_keys as (
    -- Where the member's CRM account falls in the order (the latest, when two CRMs associate them).
    select
        member_id,
        max(evidence_class) as crm_class,
        max(first_dated_at) as crm_first_dated_at
    from with_rules
    where is_crm_association
    group by 1
),

kept as (
    -- The CRM's account is today's: accounts whose evidence comes after it in the order form no period.
    select with_rules.*
    from with_rules
    left join crm_keys
        on with_rules.member_id = crm_keys.member_id
    where with_rules.is_crm_association
        or crm_keys.member_id is null
        or with_rules.evidence_class < crm_keys.crm_class
        or (with_rules.evidence_class = crm_keys.crm_class and with_rules.evidence_class <> 1)
        or (
            with_rules.evidence_class = 1
            and crm_keys.crm_class = 1
            and with_rules.first_dated_at < crm_keys.crm_first_dated_at
        )
),

sequenced as (
    select
        kept.*,
        row_number() over (
            partition by member_id
            order by
                evidence_class asc,
                first_dated_at asc,
                case when is_crm_association then 1 else 0 end asc,
                priority desc,
                account_id desc
        ) as sequence_number,
        count(*) over (partition by member_id) as account_count
    from kept
),

ends as (
    -- A period ends where the next account's dated evidence starts; when the next has none, at the
    -- last dated evidence of this one; with neither, it has no length and is dropped.
    select
        current_period.member_id,
        current_period.account_id,
        current_period.match_rule,
        current_period.evidence_count,
        current_period.sequence_number,
        current_period.sequence_number = current_period.account_count as is_current,
        case
            when current_period.sequence_number = current_period.account_count then null
            else coalesce(next_period.first_dated_at, current_period.last_dated_at)
        end as valid_to
    from sequenced as current_period
    left join sequenced as next_period
        on current_period.member_id = next_period.member_id
            and current_period.sequence_number + 1 = next_period.sequence_number
),

bounded as (
    select
        ends.*,
        max(valid_to) over (
            partition by member_id
            order by sequence_number
            rows between unbounded preceding and 1 preceding
        ) as valid_from
    from ends
    where is_current or valid_to is not null
),

final as (
    select
        member_id,
        account_id,
        valid_from,
        valid_to,
        is_current,
        match_rule,
        cast(evidence_count as {{ dbt.type_bigint() }}) as evidence_count
    from bounded
    where is_current or valid_from is null or valid_to > valid_from
)

select * from final
