{#
    Identity decisions a person should look at, one row per pair of identifiers, with how likely the pair
    is one person, the evidence, and the curated-file line that settles it either way:
      - shared_identifier_withheld: records under different names claim the identifier and none holds
        it more firmly; it links nobody (int_identity__claim_decisions: shared_conflicting_names);
      - conflicting_claim_dropped: another name holds the identifier; this record's claim was dropped;
      - weak_claim_merge: a typed-in claim (an additional address, a handle written on a CRM contact)
        joins the record to another record with which it shares no own identifier;
      - inferred_merge: a record rescued by full name at its claimed address's domain;
      - same_name_and_work_domain: two members with the same full name and an address at the same
        company domain, not merged;
      - same_handle_on_two_platforms: one handle on two platforms (GitHub, Discord, X) in two members;
      - several_names_in_member: a member whose records carry different full names.
    Confidence that the pair is one person (see DECISIONLOG.md for the calibration):
      - a withheld or dropped claim: this name's share of the claims on the identifier, an own claim
        counting 1 and a typed one 0.5 — Mary's address on 3 of her records and 2 executives' contacts
        gives each executive 0.2;
      - weak_claim_merge: 0.9 when the two records carry the same full name, 0.7 when one has none;
        inferred_merge: 0.8; same_name_and_work_domain: 0.5 (namesakes at one company are not rare);
        a handle on two platforms: 0.6 when it has 8 characters or more, 0.4 when shorter;
        several_names_in_member: 0.3.
    review_status says whether identity_links.csv (accepted) or identity_splits.csv (rejected) already
    holds a line for the pair.
#}
with decisions as (
    -- The claims that link, or were withheld for conflicting names (bots, role and shared-device
    -- addresses are not for review).
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
        decision
    from {{ ref('int_identity__claim_decisions') }}
    where decision in ('links', 'conflicting_name', 'shared_conflicting_names')
),

contested as (
    select distinct to_identifier_id
    from decisions
    where decision in ('shared_conflicting_names', 'conflicting_name')
),

member_map as (
    select
        identifier_id,
        identifier_type,
        identifier_value,
        member_id
    from {{ ref('int_identity__member_map') }}
),

links as (
    {{ curated_identifier_pairs('stg_config__identity_links') }}
),

splits as (
    {{ curated_identifier_pairs('stg_config__identity_splits') }}
),

excluded_domains as (
    {{ non_employer_domains() }}
),

role_local_parts as (
    select local_part from {{ ref('role_email_local_parts') }}
),

claim_weights as (
    -- Each name's weight on each contested identifier: an own claim 1, a typed one 0.5.
    select
        decisions.to_identifier_id,
        decisions.name_key,
        sum(case when decisions.claim_strength = 'own' then 1.0 else 0.5 end) as name_weight
    from decisions
    inner join contested
        on decisions.to_identifier_id = contested.to_identifier_id
    where decisions.name_key is not null and decisions.claim_strength <> 'inferred'
    group by 1, 2
),

identifier_weights as (
    select
        to_identifier_id,
        sum(name_weight) as total_weight
    from claim_weights
    group by 1
),

withheld as (
    select
        case min(decisions.decision)
            when 'shared_conflicting_names' then 'shared_identifier_withheld'
            else 'conflicting_claim_dropped'
        end as review_reason,
        decisions.from_identifier_id as identifier_id_a,
        decisions.to_identifier_id as identifier_id_b,
        max(coalesce(claim_weights.name_weight / identifier_weights.total_weight, 0.0)) as confidence,
        concat(
            min(decisions.source_name), ' ', min(decisions.rule), ' under the name "',
            coalesce(min(decisions.person_name), '?'), '"; ',
            cast(max(decisions.names_claiming) as {{ dbt.type_string() }}), ' different names claim it',
            case
                when min(decisions.holder_name_key) is not null
                    then concat('; it is held under "', min(decisions.holder_name_key), '"')
                else '; no name holds it'
            end
        ) as evidence
    from decisions
    left join claim_weights
        on decisions.to_identifier_id = claim_weights.to_identifier_id
            and decisions.name_key = claim_weights.name_key
    left join identifier_weights
        on decisions.to_identifier_id = identifier_weights.to_identifier_id
    where decisions.decision in ('shared_conflicting_names', 'conflicting_name')
    group by 2, 3
),

own_links as (
    select distinct
        from_identifier_id,
        to_identifier_id
    from decisions
    where decision = 'links' and claim_strength = 'own'
),

weak_pairs as (
    -- A typed or inferred claim and each other record it joins this one to.
    select
        weak.from_identifier_id,
        weak.to_identifier_id,
        weak.claim_strength,
        weak.source_name,
        weak.rule,
        weak.name_key,
        other.from_identifier_id as other_identifier_id,
        other.name_key as other_name_key
    from decisions as weak
    inner join decisions as other
        on weak.to_identifier_id = other.to_identifier_id
            and weak.from_identifier_id <> other.from_identifier_id
            and other.decision = 'links'
    where weak.decision = 'links' and weak.claim_strength in ('typed', 'inferred')
),

weak_only as (
    -- … when the two records share no identifier both state as their own.
    select
        weak_pairs.from_identifier_id,
        weak_pairs.to_identifier_id,
        weak_pairs.claim_strength,
        weak_pairs.source_name,
        weak_pairs.rule,
        weak_pairs.name_key,
        weak_pairs.other_identifier_id,
        weak_pairs.other_name_key
    from weak_pairs
    left join own_links as mine
        on weak_pairs.from_identifier_id = mine.from_identifier_id
    left join own_links as theirs
        on weak_pairs.other_identifier_id = theirs.from_identifier_id
            and mine.to_identifier_id = theirs.to_identifier_id
    group by 1, 2, 3, 4, 5, 6, 7, 8
    having count(theirs.to_identifier_id) = 0
),

weak as (
    select
        case when claim_strength = 'inferred' then 'inferred_merge' else 'weak_claim_merge' end as review_reason,
        from_identifier_id as identifier_id_a,
        to_identifier_id as identifier_id_b,
        max(
            case
                when claim_strength = 'inferred' then 0.8
                when name_key is not null and name_key = other_name_key then 0.9
                else 0.7
            end
        ) as confidence,
        concat(
            min(source_name), ' ', min(rule), ' joins it to ',
            cast(count(distinct other_identifier_id) as {{ dbt.type_string() }}),
            ' other record(s), e.g. ', min(other_identifier_id), ', sharing no identifier of their own'
        ) as evidence
    from weak_only
    group by 1, 2, 3
),

member_names as (
    select distinct
        member_map.member_id,
        decisions.name_key,
        decisions.from_identifier_id
    from decisions
    inner join member_map
        on decisions.from_identifier_id = member_map.identifier_id
    where decisions.name_key is not null and decisions.decision = 'links'
),

member_domains as (
    select distinct
        member_map.member_id,
        {{ email_domain('member_map.identifier_value') }} as email_domain
    from member_map
    left join excluded_domains
        on {{ email_domain('member_map.identifier_value') }} = excluded_domains.email_domain
    left join role_local_parts
        on {{ email_local_part('member_map.identifier_value') }} = role_local_parts.local_part
    where member_map.identifier_type = 'email'
        and excluded_domains.email_domain is null
        and role_local_parts.local_part is null
),

member_name_domains as (
    select
        member_names.member_id,
        member_names.name_key,
        member_domains.email_domain,
        min(member_names.from_identifier_id) as identifier_id
    from member_names
    inner join member_domains
        on member_names.member_id = member_domains.member_id
    group by 1, 2, 3
),

same_name_domain as (
    select
        'same_name_and_work_domain' as review_reason,
        least(a.identifier_id, b.identifier_id) as identifier_id_a,
        greatest(a.identifier_id, b.identifier_id) as identifier_id_b,
        0.5 as confidence,
        concat('both named "', min(a.name_key), '" with an address at ', min(a.email_domain)) as evidence
    from member_name_domains as a
    inner join member_name_domains as b
        on a.name_key = b.name_key
            and a.email_domain = b.email_domain
            and a.member_id < b.member_id
    group by 2, 3
),

handles as (
    select
        member_id,
        identifier_id,
        identifier_type,
        identifier_value
    from member_map
    where identifier_type in ('github_login', 'discord_username', 'x_handle')
),

same_handle as (
    select
        'same_handle_on_two_platforms' as review_reason,
        least(a.identifier_id, b.identifier_id) as identifier_id_a,
        greatest(a.identifier_id, b.identifier_id) as identifier_id_b,
        case when length(a.identifier_value) >= 8 then 0.6 else 0.4 end as confidence,
        concat('the handle "', a.identifier_value, '" on ', a.identifier_type, ' and ', b.identifier_type) as evidence
    from handles as a
    inner join handles as b
        on a.identifier_value = b.identifier_value
            and a.identifier_type < b.identifier_type
            and a.member_id <> b.member_id
),

several_names as (
    select
        'several_names_in_member' as review_reason,
        least(a.from_identifier_id, b.from_identifier_id) as identifier_id_a,
        greatest(a.from_identifier_id, b.from_identifier_id) as identifier_id_b,
        0.3 as confidence,
        concat('one member holds "', min(a.name_key), '" and "', min(b.name_key), '"') as evidence
    from member_names as a
    inner join member_names as b
        on a.member_id = b.member_id
            and a.name_key < b.name_key
    group by 1, 2, 3, 4
),

candidates as (
    {% for reason_relation in ['withheld', 'weak', 'same_name_domain', 'same_handle', 'several_names'] %}
        select
            review_reason,
            identifier_id_a,
            identifier_id_b,
            confidence,
            evidence
        from {{ reason_relation }}
        {{ 'union all' if not loop.last }}
    {% endfor %}
),

parts as (
    select
        candidates.*,
        {{ dbt.split_part('candidates.identifier_id_a', "':'", 1) }} as type_a,
        substr(candidates.identifier_id_a, length({{ dbt.split_part('candidates.identifier_id_a', "':'", 1) }}) + 2)
            as value_a,
        {{ dbt.split_part('candidates.identifier_id_b', "':'", 1) }} as type_b,
        substr(candidates.identifier_id_b, length({{ dbt.split_part('candidates.identifier_id_b', "':'", 1) }}) + 2)
            as value_b
    from candidates
),

final as (
    select
        {{ surrogate_key(['parts.review_reason', 'parts.identifier_id_a', 'parts.identifier_id_b']) }} as review_id,
        parts.review_reason,
        parts.identifier_id_a,
        parts.identifier_id_b,
        map_a.member_id as member_id_a,
        map_b.member_id as member_id_b,
        coalesce(map_a.member_id = map_b.member_id, false) as is_merged,
        cast(round(parts.confidence, 3) as double) as confidence,
        parts.evidence,
        concat(
            {{ csv_field('parts.type_a') }}, ',', {{ csv_field('parts.value_a') }}, ',',
            {{ csv_field('parts.type_b') }}, ',', {{ csv_field('parts.value_b') }}, ',reviewed: same person'
        ) as accept_line,
        concat(
            {{ csv_field('parts.type_a') }}, ',', {{ csv_field('parts.value_a') }}, ',',
            {{ csv_field('parts.type_b') }}, ',', {{ csv_field('parts.value_b') }}, ',reviewed: not the same person'
        ) as reject_line,
        case
            when split_ab.identifier_id_a is not null or split_ba.identifier_id_a is not null then 'rejected'
            when link_ab.identifier_id_a is not null or link_ba.identifier_id_a is not null then 'accepted'
            else 'open'
        end as review_status
    from parts
    left join member_map as map_a
        on parts.identifier_id_a = map_a.identifier_id
    left join member_map as map_b
        on parts.identifier_id_b = map_b.identifier_id
    left join splits as split_ab
        on parts.identifier_id_a = split_ab.identifier_id_a and parts.identifier_id_b = split_ab.identifier_id_b
    left join splits as split_ba
        on parts.identifier_id_a = split_ba.identifier_id_b and parts.identifier_id_b = split_ba.identifier_id_a
    left join links as link_ab
        on parts.identifier_id_a = link_ab.identifier_id_a and parts.identifier_id_b = link_ab.identifier_id_b
    left join links as link_ba
        on parts.identifier_id_a = link_ba.identifier_id_b and parts.identifier_id_b = link_ba.identifier_id_a
)

select * from final
