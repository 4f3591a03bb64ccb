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

final as (
    select
        identifiers.identifier_id,
        identifiers.identifier_type,
        identifiers.identifier_value,
        {{ surrogate_key(['founders.identifier_id']) }} as member_id,
        founders.identifier_id as founding_identifier_id,
        identifiers.is_account,
        identifiers.is_bot
    from identifiers
    inner join components
        on identifiers.identifier_number = components.node
    inner join identifiers as founders
        on components.label = founders.identifier_number
)

select * from final
