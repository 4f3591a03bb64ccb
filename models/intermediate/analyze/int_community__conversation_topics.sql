{#
    The topics of every conversation: each topic of config topics.csv one of whose patterns some text of
    the conversation (its first message or any reply) contains as whole words (matching_patterns, mode
    every). A conversation can have several topics, or none (then it has no row).
#}
with texts as (
    select
        activity_id,
        conversation_id,
        text
    from {{ ref('int_activities__texts') }}
),

text_topics as (
    {{ matching_patterns(
        'texts', ['activity_id', 'conversation_id'], 'text',
        ref('stg_config__topics'), 'pattern', 'topic', mode='every', whole_words=true
    ) }}
),

final as (
    select
        conversation_id,
        topic,
        count(*) as matching_texts
    from text_topics
    group by 1, 2
)

select * from final
