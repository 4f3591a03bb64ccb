with base as (
    {{ staged_rows(ref('base_discourse__posts')) }}
),

actions as (
    select
        post_id,
        {{ explode_array('actions_summary') }} as post_action
    from base
),

likes as (
    -- Post action type 2 is a like (Discourse's PostActionType.types[:like]).
    select
        post_id,
        sum({{ dbt.safe_cast('post_action.count', dbt.type_int()) }}) as like_count
    from actions
    where post_action.id = '2'
    group by 1
),

final as (
    select
        base.post_id,
        base.topic_id,
        base.user_id,
        base.username,
        base.created_at,
        base.updated_at,
        base.deleted_at,
        base.post_number,
        base.reply_to_post_number,
        base.post_type,
        base.cooked_html,
        coalesce(likes.like_count, 0) as like_count,
        base.post_number = 1 as is_topic_starter,
        base.is_accepted_answer,
        base.deleted_at is not null or base.is_user_deleted as is_deleted,
        base.is_hidden,
        -- Post types: 1 regular, 2 moderator action, 3 small action (e.g. "closed this topic"), 4 whisper.
        coalesce(base.post_type, 1) <> 1 as is_system_event
    from base
    left join likes
        on base.post_id = likes.post_id
)

select * from final
