with messages as (
    select * from {{ ref('stg_slack__messages') }}
    where not is_system_event
),

reactions as (
    select * from {{ ref('stg_slack__reactions') }}
),

slack_users as (
    select
        user_id,
        is_bot
    from {{ ref('stg_slack__users') }}
),

message_activities as (
    select
        {{ dbt.concat(["'slack:message:'", 'message_id']) }} as activity_id,
        case when is_thread_reply then 'thread_reply' else 'message' end as activity_type,
        user_id as slack_user_id,
        bot_id,
        channel_name,
        sent_at as occurred_at,
        message_id,
        parent_message_id,
        is_bot_message
    from messages
),

reaction_activities as (
    select
        {{ dbt.concat(["'slack:reaction:'", 'reaction_id']) }} as activity_id,
        'reaction' as activity_type,
        user_id as slack_user_id,
        cast(null as {{ dbt.type_string() }}) as bot_id,
        channel_name,
        message_sent_at as occurred_at,
        message_id,
        message_id as parent_message_id,
        false as is_bot_message
    from reactions
),

unioned as (
    select * from message_activities
    union all
    select * from reaction_activities
),

final as (
    -- The columns every int_activities__<source> shares (see union_source_models), then Slack's own.
    select
        unioned.activity_id,
        'slack' as platform,
        unioned.activity_type,
        case
            when unioned.slack_user_id is not null then {{ dbt.concat(["'slack_user:'", 'unioned.slack_user_id']) }}
        end as actor_identifier_id,
        unioned.channel_name,
        unioned.message_id as content_id,
        unioned.parent_message_id as parent_content_id,
        unioned.occurred_at,
        unioned.slack_user_id is null or unioned.is_bot_message or coalesce(slack_users.is_bot, false) as is_bot_actor,
        unioned.slack_user_id,
        unioned.bot_id
    from unioned
    left join slack_users
        on unioned.slack_user_id = slack_users.user_id
)

select * from final
