{#
    Why identifiers are one member: every edge inside every member that has more than one identifier,
    with the rule and source that made it. The edges of one member form a connected graph, so any two of
    its identifiers are joined by a chain of these rows; analyses/why_are_these_one_member.sql walks it.
    A view: it is read for one member at a time, and as a table it would copy every edge (a table in
    parity runs, which compare tables).
#}
{{ config(materialized='table' if var('parity_materialize_views', false) else 'view') }}
with edges as (
    select * from {{ ref('int_identity__edges') }}
),

member_map as (
    select
        identifier_id,
        member_id
    from {{ ref('int_identity__member_map') }}
),

final as (
    select
        map_a.member_id,
        edges.identifier_id_a,
        edges.identifier_id_b,
        edges.rule,
        edges.source_name,
        edges.evidence_count
    from edges
    inner join member_map as map_a
        on edges.identifier_id_a = map_a.identifier_id
)

select * from final
