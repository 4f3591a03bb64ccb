{#
    Discourse actions (REST API): topics created, reply posts, and answers accepted (credited to the
    answer's author, at the time of the post). Deleted topics and posts, private messages and system
    posts (small actions) are not community activity.
#}
{%- set text_type = dbt.type_string() %}
with topics as (
    select * from {{ ref('stg_discourse__topics') }}
    where not is_deleted and not is_private_message
),

posts as (
    select * from {{ ref('stg_discourse__posts') }}
    where not is_deleted and not is_system_event
),

categories as (
    select
        category_id,
        category_name
    from {{ ref('stg_discourse__categories') }}
),

visible_posts as (
    select
        posts.*,
        topics.category_id
    from posts
    inner join topics
        on posts.topic_id = topics.topic_id
),

unioned as (
    select
        {{ dbt.concat(["'discourse:topic:'", 'topic_id']) }} as activity_id,
        'topic_created' as activity_type,
        user_id,
        category_id,
        created_at as occurred_at,
        cast(topic_id as {{ dbt.type_string() }}) as content_id,
        cast(null as {{ dbt.type_string() }}) as parent_content_id
    from topics
    union all
    select
        {{ dbt.concat(["'discourse:post:'", 'post_id']) }} as activity_id,
        'post' as activity_type,
        user_id,
        category_id,
        created_at as occurred_at,
        cast(post_id as {{ dbt.type_string() }}) as content_id,
        cast(topic_id as {{ dbt.type_string() }}) as parent_content_id
    from visible_posts
    where not is_topic_starter
    union all
    select
        {{ dbt.concat(["'discourse:accepted:'", 'post_id']) }} as activity_id,
        'answer_accepted' as activity_type,
        user_id,
        category_id,
        created_at as occurred_at,
        cast(post_id as {{ dbt.type_string() }}) as content_id,
        cast(topic_id as {{ dbt.type_string() }}) as parent_content_id
    from visible_posts
    where is_accepted_answer
),

final as (
    select
        unioned.activity_id,
        'discourse' as platform,
        unioned.activity_type,
        {{ dbt.concat(["'discourse_user:'", 'cast(unioned.user_id as ' ~ text_type ~ ')']) }} as actor_identifier_id,
        categories.category_name as channel_name,
        unioned.content_id,
        unioned.parent_content_id,
        unioned.occurred_at,
        cast(unioned.user_id as {{ dbt.type_bigint() }}) < 1 as is_bot_actor
    from unioned
    left join categories
        on unioned.category_id = categories.category_id
    where unioned.user_id is not null
)

select * from final
