{#
    The decision on every claim that states something (int_identity__claims with a stated identifier):
    may it link its account to the identifier, and if not, why not; plus the rescues (below).

    A claim links nobody when:
      - bot_account: the account is a bot;
      - role_address: the address is a role mailbox (info@, support@, … from role_email_local_parts);
      - shared_device: a web anonymous id identified as more than one address;
      - shared_conflicting_names: records with different people's full names claim the identifier and
        none of those names holds it more firmly than the others (see below) — an assistant's address on
        several executives' contacts, one family address two people registered with;
      - conflicting_name: another person's name holds the identifier more firmly, so this record's claim
        is the odd one out (a household address typed into someone else's additional addresses).

    How firmly a name holds an identifier: first by the number of sources whose records state it as their
    own (a contact's own e-mail, a profile's address or handle, a registration), then by the number of
    such records. Typed-in evidence — an additional address, a handle written on a CRM contact — never
    outvotes an own claim. Claims without a person's name (a web identify call, a Discord profile) take
    no part in the vote and follow its outcome. Only identifiers claimed under two or more names are
    ranked; the rule and its reasons: DECISIONLOG.md.

    A named record left with no link at all by the name vote (an executive's contact carrying only the
    assistant's address) still says which company it is at: the domain of that address. If exactly one
    address at that domain is held, as their own, by records under the same full name, the record links
    to it (rule name_at_claimed_domain, strength `inferred`; listed for review in identity__merge_review).
    Free-mail domains never rescue. The rule and its reasons: DECISIONLOG.md.

    The per-claim verdict (`decided`) is read four times below: DuckDB materializes such a CTE once.
#}
with claims as (
    select * from {{ ref('int_identity__claims') }}
    where stated_value is not null
),

role_local_parts as (
    select local_part from {{ ref('role_email_local_parts') }}
),

shared_devices as (
    select identifier_value
    from claims
    where identifier_type = 'web_anonymous_id' and stated_type = 'email'
    group by 1
    having count(distinct stated_value) > 1
),

named as (
    select
        claims.*,
        case when claims.rule in ('crm_additional_email', 'crm_stated_handle') then 'typed' else 'own' end
            as claim_strength
    from claims
),

identifier_names as (
    -- The names claiming each identifier: one when the smallest and largest are equal.
    select
        stated_type,
        stated_value,
        min(name_key) as first_name_key,
        max(name_key) as last_name_key
    from named
    where name_key is not null and not is_bot
    group by 1, 2
),

name_support as (
    -- How firmly each name holds an identifier claimed under two or more names.
    select
        named.stated_type,
        named.stated_value,
        named.name_key,
        count(distinct case when named.claim_strength = 'own' then named.source_name end) as own_sources,
        sum(case when named.claim_strength = 'own' then 1 else 0 end) as own_claims
    from named
    inner join identifier_names
        on named.stated_type = identifier_names.stated_type
            and named.stated_value = identifier_names.stated_value
    where named.name_key is not null
        and not named.is_bot
        and identifier_names.first_name_key <> identifier_names.last_name_key
    group by 1, 2, 3
),

name_ranks as (
    select
        name_support.*,
        count(*) over (partition by stated_type, stated_value) as name_count,
        row_number() over (
            partition by stated_type, stated_value
            order by own_sources desc, own_claims desc, name_key asc
        ) as name_rank,
        lead(own_sources) over (
            partition by stated_type, stated_value
            order by own_sources desc, own_claims desc, name_key asc
        ) as runner_up_sources,
        lead(own_claims) over (
            partition by stated_type, stated_value
            order by own_sources desc, own_claims desc, name_key asc
        ) as runner_up_claims
    from name_support
),

verdicts as (
    select
        stated_type,
        stated_value,
        1 as name_count,
        first_name_key as holder_name_key
    from identifier_names
    where first_name_key = last_name_key
    union all
    select
        stated_type,
        stated_value,
        name_count,
        case
            when own_sources > runner_up_sources then name_key
            when own_sources = runner_up_sources and own_claims > runner_up_claims then name_key
        end as holder_name_key
    from name_ranks
    where name_rank = 1
),

decided as (
    select
        concat(named.identifier_type, ':', named.identifier_value) as from_identifier_id,
        concat(named.stated_type, ':', named.stated_value) as to_identifier_id,
        named.source_name,
        named.rule,
        named.claim_strength,
        named.person_name,
        named.name_key,
        coalesce(verdicts.name_count, 0) as names_claiming,
        verdicts.holder_name_key,
        case
            when named.is_bot then 'bot_account'
            when role_local_parts.local_part is not null then 'role_address'
            when shared_devices.identifier_value is not null then 'shared_device'
            when verdicts.name_count > 1 and verdicts.holder_name_key is null then 'shared_conflicting_names'
            when verdicts.name_count > 1 and named.name_key <> verdicts.holder_name_key then 'conflicting_name'
            else 'links'
        end as decision,
        named.first_seen_at,
        named.last_seen_at
    from named
    left join role_local_parts
        on named.stated_type = 'email'
            and {{ email_local_part('named.stated_value') }} = role_local_parts.local_part
    left join shared_devices
        on named.identifier_type = 'web_anonymous_id'
            and named.identifier_value = shared_devices.identifier_value
    left join verdicts
        on named.stated_type = verdicts.stated_type
            and named.stated_value = verdicts.stated_value
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
