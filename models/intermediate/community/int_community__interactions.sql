{#
    Every response to someone's content: a thread reply or reaction to a message, a forum post in a
    topic, a comment or review on an issue or pull request, an accepted answer. Each is matched to the
    content it answers through the kinds of seed activity_weights (in fct_activities) (`parent_kind` of the response =
    `content_kind` of the parent, on the same platform), which gives the parent's author and the
    conversation's root. Responses whose parent is not in the exports keep a null parent.
#}
with activities as (
    select
        activity_id,
        member_id,
        platform,
        activity_type,
        channel_name,
        content_id,
        parent_content_id,
        occurred_at,
        is_staff,
        is_bot,
        content_kind,
        parent_kind
    from {{ ref('int_activities__unioned') }}
    where content_kind is not null or parent_kind is not null
),

contents as (
    -- What can be answered: one row per piece of content, keyed by platform, kind and id.
    select
        activity_id,
        member_id,
        platform,
        content_kind,
        content_id,
        parent_kind,
        parent_content_id
    from activities
    where content_kind is not null
),

responses as (
    select * from activities
    where parent_kind is not null
),

final as (
    select
        responses.activity_id,
        responses.platform,
        responses.activity_type,
        case when responses.content_kind is not null then 'reply' else responses.activity_type end
            as interaction_type,
        responses.member_id,
        responses.is_staff,
        responses.is_bot,
        responses.channel_name,
        responses.occurred_at,
        parents.activity_id as parent_activity_id,
        parents.member_id as parent_member_id,
        -- The conversation's root: the parent itself when it starts one, else the parent's own parent
        -- (a reaction to a thread reply belongs to the thread).
        case
            when parents.parent_kind is null then parents.activity_id
            else roots.activity_id
        end as root_activity_id,
        case
            when parents.parent_kind is null then parents.member_id
            else roots.member_id
        end as root_member_id,
        coalesce(responses.member_id = parents.member_id, false) as is_own_content,
        coalesce(
            responses.member_id = case when parents.parent_kind is null then parents.member_id else roots.member_id end,
            false
        ) as is_by_root_author
    from responses
    left join contents as parents
        on
            responses.platform = parents.platform
            and responses.parent_kind = parents.content_kind
            and responses.parent_content_id = parents.content_id
    left join contents as roots
        on
            parents.platform = roots.platform
            and parents.parent_kind = roots.content_kind
            and parents.parent_content_id = roots.content_id
)

select * from final
