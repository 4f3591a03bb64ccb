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
{%- set rank_key -%}
    concat(
        lpad(cast(coalesce({{ timestamp_to_epoch_seconds('first_seen_at') }}, 99999999999) + 100000000000 as {{ dbt.type_string() }}), 12, '0'),
        '|',
        identifier_id
    )
{%- endset -%}

{%- set nodes_sql -%}
    select {{ rank_key }} as node from {{ ref('int_identity__identifiers') }}
{%- endset -%}

{%- set edges_sql -%}
    select a.node as node_a, b.node as node_b
    from {{ ref('int_identity__edges') }} as edges
    inner join (select identifier_id, {{ rank_key }} as node from {{ ref('int_identity__identifiers') }}) as a
        on edges.identifier_id_a = a.identifier_id
    inner join (select identifier_id, {{ rank_key }} as node from {{ ref('int_identity__identifiers') }}) as b
        on edges.identifier_id_b = b.identifier_id
{%- endset -%}

{%- set components = connected_components(nodes_sql, edges_sql, this.identifier ~ '__cc') -%}

with identifiers as (
    select
        *,
        {{ rank_key }} as node
    from {{ ref('int_identity__identifiers') }}
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
        {{ surrogate_key([dbt.split_part('components.label', "'|'", 2)]) }} as member_id,
        {{ dbt.split_part('components.label', "'|'", 2) }} as founding_identifier_id,
        identifiers.is_account,
        identifiers.is_bot
    from identifiers
    inner join components
        on identifiers.node = components.node
)

select * from final
