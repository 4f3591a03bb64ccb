{#
    Reactions, unnested from the messages that carry them: emoji and reacting users. The export records
    who reacted but not when; `message_sent_at` is the only time it knows. Exports that list no users
    (older exporter versions) give no rows here.
#}
with base as (
    {{ staged_rows(ref('base_discord__messages')) }}
),

per_emoji as (
    select
        message_id,
        channel_id,
        sent_at,
        {{ explode_array('reactions') }} as reaction
    from base
),

per_user as (
    select
        message_id,
        channel_id,
        sent_at,
        coalesce(nullif(reaction.emoji.code, ''), reaction.emoji.name) as emoji_code,
        reaction.emoji.name as emoji_name,
        {{ explode_array('reaction.users') }} as reactor
    from per_emoji
),

final as (
    select distinct
        {{ dbt.concat(['message_id', "'/'", 'emoji_code', "'/'", 'reactor.id']) }} as reaction_id,
        message_id,
        channel_id,
        emoji_code,
        emoji_name,
        reactor.id as user_id,
        coalesce({{ dbt.safe_cast('reactor.isBot', dbt.type_boolean()) }}, false) as is_bot,
        sent_at as message_sent_at
    from per_user
    where reactor.id is not null and emoji_code is not null
)

select * from final
