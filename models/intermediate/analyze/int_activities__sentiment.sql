{#
    The sentiment of every activity that carries text someone wrote (int_activities__texts): VADER's
    compound score (macros/analyze/vader.sql) of the text after what is not prose was removed.
#}
with activities as (
    select
        activity_id,
        conversation_id,
        member_id,
        platform,
        activity_type,
        occurred_at,
        activity_month,
        is_member_activity
    from {{ ref('int_activities__texts') }}
),

texts as (
    select
        activity_id as text_id,
        text
    from {{ ref('int_activities__texts') }}
),

{{ vader_sentiment_ctes('texts') }},

final as (
    select
        activities.activity_id,
        activities.conversation_id,
        activities.member_id,
        activities.platform,
        activities.activity_type,
        activities.occurred_at,
        activities.activity_month,
        activities.is_member_activity,
        coalesce(scores.token_count, 0) as token_count,
        scores.compound as sentiment_score,
        {{ sentiment_label('scores.compound') }} as sentiment_label
    from activities
    inner join texts
        on activities.activity_id = texts.text_id
    left join vader_scores as scores
        on activities.activity_id = scores.text_id
)

select * from final
