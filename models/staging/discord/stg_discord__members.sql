{#
    Discord users as the export shows them: every author and every reacting user, with the most recent
    name and nickname seen. The export has no e-mails; identity resolution links Discord users through
    other evidence.
#}
with base as (
    {{ staged_rows(ref('base_discord__messages')) }}
),

authors as (
    select
        author_id as user_id,
        author_username as username,
        author_nickname as nickname,
        author_is_bot as is_bot,
        sent_at
    from base
),

reaction_emoji as (
    select
        sent_at,
        {{ explode_array('reactions') }} as reaction
    from base
),

reaction_users as (
    select
        sent_at,
        {{ explode_array('reaction.users') }} as reactor
    from reaction_emoji
),

reactors as (
    select
        reactor.id as user_id,
        reactor.name as username,
        nullif(trim(reactor.nickname), '') as nickname,
        coalesce({{ dbt.safe_cast('reactor.isBot', dbt.type_boolean()) }}, false) as is_bot,
        sent_at
    from reaction_users
),

seen as (
    select * from authors
    union all
    select * from reactors
),

ranked as (
    select
        *,
        row_number() over (partition by user_id order by sent_at desc, username asc) as _recency,
        min(sent_at) over (partition by user_id) as first_seen_at,
        max(sent_at) over (partition by user_id) as last_seen_at
    from seen
    where user_id is not null
),

final as (
    select
        user_id,
        username,
        nickname,
        is_bot,
        first_seen_at,
        last_seen_at
    from ranked
    where _recency = 1
)

select * from final
