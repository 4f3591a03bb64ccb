{#
    The sentiment of every activity that carries text someone wrote: Slack and Discord messages and thread
    replies, Discourse posts, X posts. VADER's compound score (macros/analyze/vader.sql) of the text after
    what is not prose is removed (text_for_sentiment): code, links, markup.
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

texts as (
    select
        activities.activity_id as text_id,
        {{ text_for_sentiment('raw_texts.raw_text') }} as text
    from activities
    inner join raw_texts
        on activities.activity_id = raw_texts.activity_id
),

{{ vader_sentiment_ctes('texts') }},

final as (
    select
        activities.activity_id,
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
