-- Why are two identifiers one member? The chain of edges between them, with the rule of each link.
-- Runs on DuckDB (`make query` or the duckdb CLI on community_warehouse.duckdb); set the two
-- identifiers below (`<type>:<value>`, as in intermediate.int_identity__identifiers).
with recursive
params as (
    select
        'slack_user:U13H6ZCSM8K' as from_identifier,
        'hubspot_contact:10040650' as to_identifier
),

member_edges as (
    select
        merge_audit.identifier_id_a as node,
        merge_audit.identifier_id_b as neighbour,
        merge_audit.rule,
        merge_audit.source_name
    from {{ ref('int_identity__merge_audit') }} as merge_audit
    inner join {{ ref('int_identity__member_map') }} as member_map
        on merge_audit.member_id = member_map.member_id
    inner join params on member_map.identifier_id = params.from_identifier
    union all
    select
        merge_audit.identifier_id_b,
        merge_audit.identifier_id_a,
        merge_audit.rule,
        merge_audit.source_name
    from {{ ref('int_identity__merge_audit') }} as merge_audit
    inner join {{ ref('int_identity__member_map') }} as member_map
        on merge_audit.member_id = member_map.member_id
    inner join params on member_map.identifier_id = params.from_identifier
),

walk (node, visited, path, hops) as (
    select
        params.from_identifier as node,
        [params.from_identifier] as visited,
        params.from_identifier as path,
        0 as hops
    from params
    union all
    select
        member_edges.neighbour,
        list_append(walk.visited, member_edges.neighbour),
        walk.path || '  —' || member_edges.rule || ' (' || member_edges.source_name || ')→  '
        || member_edges.neighbour,
        walk.hops + 1
    from walk
    inner join member_edges on walk.node = member_edges.node
    where walk.hops < 8 and not list_contains(walk.visited, member_edges.neighbour)
)

select
    walk.hops,
    walk.path
from walk
inner join params on walk.node = params.to_identifier
order by 1
limit 1
