{#
    Whether each claim may link its account to the identifier it states, and why not: the verdicts of
    int_identity__claim_verdicts (bots, role addresses, shared devices, identifiers claimed under
    conflicting names), plus the rescues.

    A named record left with no link at all by the name vote (an executive's contact carrying only the
    assistant's address) still says which company it is at: the domain of that address. If exactly one
    address at that domain is held, as their own, by records under the same full name, the record links
    to it (rule name_at_claimed_domain, strength `inferred`; listed for review in identity__merge_review).
    Free-mail domains never rescue. The rule and its reasons: DECISIONLOG.md.
#}
with decided as (
    select * from {{ ref('int_identity__claim_verdicts') }}
),

free_domains as (
    select email_domain from {{ ref('free_email_domains') }}
),

unlinked as (
    select from_identifier_id
    from decided
    group by 1
    having max(case when decision = 'links' then 1 else 0 end) = 0
),

orphans as (
    -- Named records left with no link because their address went to someone else (or to nobody), and
    -- the company domain that address still tells us they are at.
    select
        decided.from_identifier_id,
        decided.source_name,
        decided.person_name,
        decided.name_key,
        {{ email_domain("substr(decided.to_identifier_id, 7)") }} as claimed_domain,
        min(decided.first_seen_at) as first_seen_at,
        max(decided.last_seen_at) as last_seen_at
    from decided
    inner join unlinked
        on decided.from_identifier_id = unlinked.from_identifier_id
    where decided.decision in ('conflicting_name', 'shared_conflicting_names')
        and decided.name_key is not null
        and decided.to_identifier_id like 'email:%'
    group by 1, 2, 3, 4, 5
),

name_addresses as (
    -- Addresses that records under a name hold as their own.
    select distinct
        name_key,
        to_identifier_id,
        {{ email_domain("substr(to_identifier_id, 7)") }} as address_domain
    from decided
    where decision = 'links'
        and claim_strength = 'own'
        and name_key is not null
        and to_identifier_id like 'email:%'
),

rescues as (
    -- The one address at that domain held under the same full name: the orphan is that person.
    select
        orphans.from_identifier_id,
        min(name_addresses.to_identifier_id) as to_identifier_id,
        orphans.source_name,
        orphans.person_name,
        orphans.name_key,
        min(orphans.first_seen_at) as first_seen_at,
        max(orphans.last_seen_at) as last_seen_at
    from orphans
    inner join name_addresses
        on orphans.name_key = name_addresses.name_key
            and orphans.claimed_domain = name_addresses.address_domain
    left join free_domains
        on orphans.claimed_domain = free_domains.email_domain
    where free_domains.email_domain is null
    group by 1, 3, 4, 5
    having count(distinct name_addresses.to_identifier_id) = 1
),

final as (
    select
        from_identifier_id,
        to_identifier_id,
        source_name,
        rule,
        claim_strength,
        person_name,
        name_key,
        names_claiming,
        holder_name_key,
        decision,
        first_seen_at,
        last_seen_at
    from decided
    union all
    select
        from_identifier_id,
        to_identifier_id,
        source_name,
        'name_at_claimed_domain' as rule,
        'inferred' as claim_strength,
        person_name,
        name_key,
        cast(1 as {{ dbt.type_bigint() }}) as names_claiming,
        name_key as holder_name_key,
        'links' as decision,
        first_seen_at,
        last_seen_at
    from rescues
)

select * from final
