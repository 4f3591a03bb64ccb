{{
    config(
        post_hook="{{ drop_component_scratch(this.identifier ~ '__cc') }}"
    )
}}
{#
    Every identifier's member: the connected components of int_identity__edges (see the
    connected_components macro). A member's id is minted from its founding identifier — the one seen
    first (ties: the smaller identifier id) — so it does not change when data is added, unless the
    member merges with another, and then the older member's id wins.
#}
{#- Nodes are identifier numbers (first-seen order), so the smallest number in a component is its
    founding identifier and joins run on integers. -#}
{%- set nodes_sql -%}
    select identifier_number as node from {{ ref('int_identity__identifiers') }}
{%- endset -%}

{%- set edges_sql -%}
    select
        a.identifier_number as node_a,
        b.identifier_number as node_b
    from {{ ref('int_identity__edges') }} as edges
    inner join {{ ref('int_identity__identifiers') }} as a
        on edges.identifier_id_a = a.identifier_id
    inner join {{ ref('int_identity__identifiers') }} as b
        on edges.identifier_id_b = b.identifier_id
{%- endset -%}

{%- set components = connected_components(nodes_sql, edges_sql, this.identifier ~ '__cc') -%}

with identifiers as (
    select * from {{ ref('int_identity__identifiers') }}
),

components as (
    select
        node,
        label
    from {{ components }}
),

founders as (
    -- One row per member: its id is hashed once per member, not once per identifier.
    select
        labels.label,
        identifiers.identifier_id as founding_identifier_id,
        {{ surrogate_key(['identifiers.identifier_id']) }} as member_id
    from (select distinct label from components) as labels
    inner join identifiers
        on labels.label = identifiers.identifier_number
),

final as (
    select
        identifiers.identifier_id,
        identifiers.identifier_type,
        identifiers.identifier_value,
        founders.member_id,
        founders.founding_identifier_id,
        -- What members' profiles are built from, carried so that int_members__profile reads one table.
        identifiers.is_account,
        identifiers.is_bot,
        identifiers.is_role_address,
        identifiers.source_count,
        identifiers.display_name,
        identifiers.first_seen_at,
        identifiers.last_seen_at
    from identifiers
    inner join components
        on identifiers.identifier_number = components.node
    inner join founders
        on components.label = founders.label
)

select * from final
