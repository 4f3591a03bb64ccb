{#
    Slack exports store reactions inside each message (emoji name and the users who used it), with no
    time of their own: `message_sent_at` is the only time the export knows.
#}
with base as (
    {{ staged_rows(ref('base_slack__messages')) }}
),

messages as (
    select
        {{ dbt.concat(['channel_name', "'/'", 'message_ts']) }} as message_id,
        channel_name,
        sent_at,
        reactions
    from base
),

per_emoji as (
    select
        message_id,
        channel_name,
        sent_at,
        {{ explode_array('reactions') }} as reaction
    from messages
),

per_user as (
    select
        message_id,
        channel_name,
        sent_at,
        reaction.name as emoji_name,
        {{ explode_array('reaction.users') }} as user_id
    from per_emoji
),

final as (
    select distinct
        {{ dbt.concat(['message_id', "'/'", 'emoji_name', "'/'", 'user_id']) }} as reaction_id,
        message_id,
        channel_name,
        emoji_name,
        user_id,
        sent_at as message_sent_at
    from per_user
    where user_id is not null and emoji_name is not null
)

select * from final
