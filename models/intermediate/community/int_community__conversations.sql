{#
    Every conversation the community starts — a chat message (with its thread), a forum topic, an
    issue or pull request — with what it drew: replies, participants, reactions, the first response
    by someone other than its author (CHAOSS time to first response; bots and reactions do not
    count as responses) and whether an answer was accepted. A conversation is a question when the
    seed question_spaces says so for its platform, type and channel.
#}
with activities as (
    select
        activity_id,
        member_id,
        platform,
        activity_type,
        channel_name,
        content_id,
        occurred_at,
        is_staff,
        is_bot
    from {{ ref('int_activities__unioned') }}
    where content_kind is not null and parent_kind is null
),

question_spaces as (
    select
        platform,
        activity_type,
        channel_name
    from {{ ref('stg_config__question_spaces') }}
),

interactions as (
    select * from {{ ref('int_community__interactions') }}
    where root_activity_id is not null and not is_bot
),

questions as (
    select distinct activities.activity_id
    from activities
    inner join question_spaces
        on
            activities.platform = question_spaces.platform
            and activities.activity_type = question_spaces.activity_type
            and (question_spaces.channel_name = '*' or activities.channel_name = question_spaces.channel_name)
),

counts as (
    select
        root_activity_id,
        sum(case when interaction_type = 'reply' then 1 else 0 end) as replies,
        sum(case when interaction_type = 'reaction' then 1 else 0 end) as reactions,
        count(distinct case when interaction_type = 'reply' and not is_by_root_author then member_id end)
            as other_repliers,
        max(case when interaction_type = 'answer_accepted' then 1 else 0 end) as has_accepted_answer
    from interactions
    group by 1
),

ranked_responses as (
    -- Replies by someone other than the author, earliest first (ties broken by id, so the pick is stable).
    -- A reply stamped before the conversation started (clock skew, imported history) is not a response.
    select
        interactions.root_activity_id,
        interactions.member_id,
        interactions.occurred_at,
        interactions.is_staff,
        row_number() over (
            partition by interactions.root_activity_id
            order by interactions.occurred_at, interactions.activity_id
        ) as response_rank
    from interactions
    inner join activities
        on interactions.root_activity_id = activities.activity_id
    where
        interactions.interaction_type = 'reply'
        and not interactions.is_by_root_author
        and interactions.member_id is not null
        and interactions.occurred_at >= activities.occurred_at
),

first_responses as (
    select * from ranked_responses
    where response_rank = 1
),

final as (
    select
        activities.activity_id as conversation_id,
        activities.platform,
        activities.activity_type,
        activities.channel_name,
        activities.content_id,
        activities.member_id,
        activities.is_staff,
        activities.is_bot,
        activities.occurred_at as started_at,
        {{ month_start('activities.occurred_at') }} as started_month,
        questions.activity_id is not null as is_question,
        cast(coalesce(counts.replies, 0) as {{ dbt.type_bigint() }}) as replies,
        cast(coalesce(counts.reactions, 0) as {{ dbt.type_bigint() }}) as reactions,
        -- The author and everyone who replied, once each.
        cast(
            coalesce(counts.other_repliers, 0) + case when activities.member_id is not null then 1 else 0 end
            as {{ dbt.type_bigint() }}
        ) as unique_participants,
        first_responses.occurred_at as first_response_at,
        first_responses.member_id as first_responder_member_id,
        first_responses.is_staff as is_first_response_by_staff,
        cast(
            {{ timestamp_to_epoch_seconds('first_responses.occurred_at') }}
            - {{ timestamp_to_epoch_seconds('activities.occurred_at') }} as double
        ) / 3600 as hours_to_first_response,
        coalesce(counts.has_accepted_answer, 0) = 1 as has_accepted_answer
    from activities
    left join questions
        on activities.activity_id = questions.activity_id
    left join counts
        on activities.activity_id = counts.root_activity_id
    left join first_responses
        on activities.activity_id = first_responses.root_activity_id
)

select * from final
