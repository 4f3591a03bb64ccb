{#
    Every activity that carries text someone wrote — Slack and Discord messages and thread replies,
    Discourse posts, X posts, GitHub issue and pull request titles — with the conversation it belongs to and its text as prose: fenced and
    inline code, Slack's <…> markup and links removed (text_for_sentiment), a forum post's HTML as text.
    Sentiment, topics and trending terms all read this one model.
#}
{%- set text_type = dbt.type_string() -%}
{%- set branches = [] -%}

with

{% if source_enabled('slack') %}
    slack_texts as (
        select
            {{ dbt.concat(["'slack:message:'", 'message_id']) }} as activity_id,
            message_text as raw_text
        from {{ ref('stg_slack__messages') }}
    ),
    {%- do branches.append('slack_texts') %}
{% endif %}

{% if source_enabled('discord') %}
    discord_texts as (
        select
            {{ dbt.concat(["'discord:message:'", 'message_id']) }} as activity_id,
            content as raw_text
        from {{ ref('stg_discord__messages') }}
    ),
    {%- do branches.append('discord_texts') %}
{% endif %}

{% if source_enabled('discourse') %}
    discourse_texts as (
        select
            {{ dbt.concat(["'discourse:post:'", 'cast(post_id as ' ~ text_type ~ ')']) }} as activity_id,
            {{ html_to_text('cooked_html') }} as raw_text
        from {{ ref('stg_discourse__posts') }}
    ),
    {%- do branches.append('discourse_texts') %}
{% endif %}

{% if source_enabled('social') %}
    social_texts as (
        select
            {{ dbt.concat(["'social:x:'", 'tweet_id']) }} as activity_id,
            tweet_text as raw_text
        from {{ ref('stg_social__x_tweets') }}
    ),
    {%- do branches.append('social_texts') %}
{% endif %}

{% if source_enabled('github') %}
    github_texts as (
        -- An issue's or pull request's title (the export holds no bodies or comment texts).
        select
            {{ dbt.concat(["'github:issue:'", 'cast(issue_id as ' ~ text_type ~ ')']) }} as activity_id,
            title as raw_text
        from {{ ref('stg_github__issues') }}
    ),
    {%- do branches.append('github_texts') %}
{% endif %}

raw_texts as (
    {%- for branch in branches %}
        select
            activity_id,
            raw_text
        from {{ branch }}
        union all
    {%- endfor %}
    select
        cast(null as {{ text_type }}) as activity_id,
        cast(null as {{ text_type }}) as raw_text
    where 1 = 0
),

activities as (
    select
        activity_id,
        member_id,
        platform,
        activity_type,
        occurred_at,
        activity_month,
        is_member_activity
    from {{ ref('int_activities__unioned') }}
),

roots as (
    -- A reply's conversation is its root (int_community__interactions); reactions carry no text.
    select
        activity_id,
        root_activity_id
    from {{ ref('int_community__interactions') }}
    where interaction_type = 'reply' and root_activity_id is not null
),

final as (
    select
        activities.activity_id,
        coalesce(roots.root_activity_id, activities.activity_id) as conversation_id,
        activities.member_id,
        activities.platform,
        activities.activity_type,
        activities.occurred_at,
        activities.activity_month,
        activities.is_member_activity,
        {{ text_for_sentiment('raw_texts.raw_text') }} as text
    from activities
    inner join raw_texts
        on activities.activity_id = raw_texts.activity_id
    left join roots
        on activities.activity_id = roots.activity_id
)

select * from final
