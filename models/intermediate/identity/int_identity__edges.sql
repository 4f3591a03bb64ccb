{#
    The identity graph's edges: one row per pair of identifiers and the rule that links them. Built
    from the claims int_identity__claim_decisions lets link (no bots, role addresses, shared devices, or
    identifiers claimed under conflicting names) and the curated links, minus
      - curated splits: the pair's direct evidence, and every identifier that vouches for both sides
        (the shared address or device), is cut; a curated link for a split pair is ignored.
    Pairs are stored once, smaller identifier first.
#}
with claims as (
    select * from {{ ref('int_identity__claims') }}
),

decisions as (
    select * from {{ ref('int_identity__claim_decisions') }}
),

links as (
    select * from {{ ref('stg_config__identity_links') }}
),

splits as (
    {{ curated_identifier_pairs('stg_config__identity_splits') }}
),

claimed as (
    select
        from_identifier_id,
        to_identifier_id,
        rule,
        source_name
    from decisions
    where decision = 'links'
),

curated_ends as (
    select
        identifier_type_a as identifier_type,
        trim(identifier_value_a) as identifier_value
    from links
    union
    select
        identifier_type_b as identifier_type,
        trim(identifier_value_b) as identifier_value
    from links
),

known as (
    -- The curated ends the exports hold, as an account or as a stated identifier (the seed is small:
    -- the claims are only probed for its rows).
    select concat(curated_ends.identifier_type, ':', curated_ends.identifier_value) as identifier_id
    from curated_ends
    inner join claims
        on curated_ends.identifier_type = claims.identifier_type
            and curated_ends.identifier_value = claims.identifier_value
    union
    select concat(curated_ends.identifier_type, ':', curated_ends.identifier_value)
    from curated_ends
    inner join claims
        on curated_ends.identifier_type = claims.stated_type
            and curated_ends.identifier_value = claims.stated_value
),

curated as (
    -- Only links between identifiers the exports hold: a seed row about someone not (yet) seen is inert.
    select
        concat(links.identifier_type_a, ':', trim(links.identifier_value_a)) as from_identifier_id,
        concat(links.identifier_type_b, ':', trim(links.identifier_value_b)) as to_identifier_id,
        'curated_link' as rule,
        'identity_links' as source_name
    from links
    inner join known as known_a
        on concat(links.identifier_type_a, ':', trim(links.identifier_value_a)) = known_a.identifier_id
    inner join known as known_b
        on concat(links.identifier_type_b, ':', trim(links.identifier_value_b)) = known_b.identifier_id
),

candidate as (
    select
        least(from_identifier_id, to_identifier_id) as identifier_id_a,
        greatest(from_identifier_id, to_identifier_id) as identifier_id_b,
        rule,
        source_name
    from claimed
    union all
    select
        least(from_identifier_id, to_identifier_id) as identifier_id_a,
        greatest(from_identifier_id, to_identifier_id) as identifier_id_b,
        rule,
        source_name
    from curated
),

split_pairs as (
    select
        least(identifier_id_a, identifier_id_b) as identifier_id_a,
        greatest(identifier_id_a, identifier_id_b) as identifier_id_b
    from splits
),

candidate_directed as (
    select
        identifier_id_a as node,
        identifier_id_b as neighbour
    from candidate
    union all
    select
        identifier_id_b,
        identifier_id_a
    from candidate
),

vouching as (
    -- Identifiers adjacent to both sides of a split (the shared mailbox, the shared laptop's id).
    select distinct side_a.neighbour as identifier_id
    from splits
    inner join candidate_directed as side_a
        on splits.identifier_id_a = side_a.node
    inner join candidate_directed as side_b
        on splits.identifier_id_b = side_b.node
            and side_a.neighbour = side_b.neighbour
),

final as (
    select
        candidate.identifier_id_a,
        candidate.identifier_id_b,
        candidate.rule,
        min(candidate.source_name) as source_name,
        count(*) as evidence_count
    from candidate
    left join split_pairs
        on candidate.identifier_id_a = split_pairs.identifier_id_a
            and candidate.identifier_id_b = split_pairs.identifier_id_b
    left join vouching as vouching_a
        on candidate.identifier_id_a = vouching_a.identifier_id
    left join vouching as vouching_b
        on candidate.identifier_id_b = vouching_b.identifier_id
    where split_pairs.identifier_id_a is null
        and vouching_a.identifier_id is null
        and vouching_b.identifier_id is null
        and candidate.identifier_id_a <> candidate.identifier_id_b
    group by 1, 2, 3
)

select * from final
