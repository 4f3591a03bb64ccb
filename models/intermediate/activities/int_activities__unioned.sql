{#
    Every community action on every platform, attributed to a member: the per-platform
    int_activities__<source> models (union_source_models), their actor resolved to a member through the
    identity graph, weighted by the activity_weights seed. Staff and bot actions are kept and flagged;
    `is_member_activity` marks what community metrics count (a member's own action, not staff, not a bot),
    so models below filter on one column. fct_activities publishes it; models read this one.
#}
{%- set columns = [
    ['activity_id', dbt.type_string()],
    ['platform', dbt.type_string()],
    ['activity_type', dbt.type_string()],
    ['actor_identifier_id', dbt.type_string()],
    ['channel_name', dbt.type_string()],
    ['content_id', dbt.type_string()],
    ['parent_content_id', dbt.type_string()],
    ['occurred_at', dbt.type_timestamp()],
    ['is_bot_actor', dbt.type_boolean()],
] -%}
{%- set platforms = ['slack', 'discord', 'discourse', 'github', 'events', 'social'] -%}

with unioned as (
    {{ union_source_models('int_activities__', platforms, columns) }}
),

member_map as (
    select
        identifier_id,
        member_id
    from {{ ref('int_identity__member_map') }}
),

members as (
    select
        member_id,
        is_staff,
        is_bot
    from {{ ref('int_members__profile') }}
),

weights as (
    select * from {{ ref('activity_weights') }}
),

attributed as (
    select
        unioned.activity_id,
        member_map.member_id,
        unioned.actor_identifier_id,
        unioned.platform,
        unioned.activity_type,
        unioned.channel_name,
        unioned.content_id,
        unioned.parent_content_id,
        unioned.occurred_at,
        {{ month_start('unioned.occurred_at') }} as activity_month,
        cast(weights.weight as double) as weight,
        weights.is_contribution,
        -- The seed writes `none` rather than an empty cell (dbt-spark loads an empty seed cell as text).
        nullif(weights.content_kind, 'none') as content_kind,
        nullif(weights.parent_kind, 'none') as parent_kind,
        coalesce(members.is_staff, false) as is_staff,
        coalesce(unioned.is_bot_actor, false)
        or coalesce(members.is_bot, false)
        or member_map.member_id is null as is_bot
    from unioned
    left join member_map
        on unioned.actor_identifier_id = member_map.identifier_id
    left join members
        on member_map.member_id = members.member_id
    inner join weights
        on unioned.activity_type = weights.activity_type
    where unioned.occurred_at is not null
),

final as (
    select
        attributed.*,
        attributed.member_id is not null and not attributed.is_staff and not attributed.is_bot as is_member_activity
    from attributed
)

select * from final
