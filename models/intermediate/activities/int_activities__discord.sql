{# Discord actions (DiscordChatExporter): messages, replies and reactions, by Discord user. #}
with messages as (
    select * from {{ ref('stg_discord__messages') }}
    where not is_system_event
),

reactions as (
    select * from {{ ref('stg_discord__reactions') }}
),

channels as (
    select
        channel_id,
        channel_name
    from {{ ref('stg_discord__channels') }}
),

unioned as (
    select
        {{ dbt.concat(["'discord:message:'", 'message_id']) }} as activity_id,
        case when is_reply then 'thread_reply' else 'message' end as activity_type,
        author_id as user_id,
        channel_id,
        sent_at as occurred_at,
        message_id as content_id,
        parent_message_id as parent_content_id,
        is_bot_message as is_bot_actor
    from messages
    union all
    select
        {{ dbt.concat(["'discord:reaction:'", 'reaction_id']) }} as activity_id,
        'reaction' as activity_type,
        user_id,
        channel_id,
        message_sent_at as occurred_at,
        message_id as content_id,
        message_id as parent_content_id,
        is_bot as is_bot_actor
    from reactions
),

final as (
    select
        unioned.activity_id,
        'discord' as platform,
        unioned.activity_type,
        {{ dbt.concat(["'discord_user:'", 'unioned.user_id']) }} as actor_identifier_id,
        channels.channel_name,
        unioned.content_id,
        unioned.parent_content_id,
        unioned.occurred_at,
        coalesce(unioned.is_bot_actor, false) as is_bot_actor
    from unioned
    left join channels
        on unioned.channel_id = channels.channel_id
)

select * from final
