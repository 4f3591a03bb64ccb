{#
    Every community action on every platform, attributed to a member. Staff and bot actions are kept
    and flagged (marts decide whether to count them). Weights and the contribution flag come from the
    activity_weights seed.
#}
{%- set platforms = [] -%}
{%- for platform in ['discord', 'discourse', 'github', 'events', 'social'] -%}
    {%- if source_enabled(platform) -%}{%- do platforms.append(platform) -%}{%- endif -%}
{%- endfor -%}

with slack as (
    {% if source_enabled('slack') %}
        select
            activity_id,
            platform,
            activity_type,
            case when slack_user_id is not null then {{ dbt.concat(["'slack_user:'", 'slack_user_id']) }} end
                as actor_identifier_id,
            channel_name,
            message_id as content_id,
            parent_message_id as parent_content_id,
            occurred_at,
            is_bot as is_bot_actor
        from {{ ref('int_activities__slack') }}
    {% else %}
    select
        cast(null as {{ dbt.type_string() }}) as activity_id,
        cast(null as {{ dbt.type_string() }}) as platform,
        cast(null as {{ dbt.type_string() }}) as activity_type,
        cast(null as {{ dbt.type_string() }}) as actor_identifier_id,
        cast(null as {{ dbt.type_string() }}) as channel_name,
        cast(null as {{ dbt.type_string() }}) as content_id,
        cast(null as {{ dbt.type_string() }}) as parent_content_id,
        cast(null as {{ dbt.type_timestamp() }}) as occurred_at,
        cast(null as {{ dbt.type_boolean() }}) as is_bot_actor
    where 1 = 0
    {% endif %}
),

unioned as (
    select * from slack
    {% for platform in platforms %}
        union all
        select
            activity_id,
            platform,
            activity_type,
            actor_identifier_id,
            channel_name,
            content_id,
            parent_content_id,
            occurred_at,
            is_bot_actor
        from {{ ref('int_activities__' ~ platform) }}
    {% endfor %}
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

final as (
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
)

select * from final
