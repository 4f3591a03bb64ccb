{#
    Every piece of product feedback the community gives in the spaces of seed feedback_spaces: Slack and
    Discord messages that start a thread in a feedback channel (thread replies, joins and other system
    events, and bots' messages are not items), Discourse topics in a feedback category, GitHub issues
    (not pull requests) with a feedback label. Each item gets its author (the member of the activity
    that created the content in fct_activities), the author's account and its ARR that month, a theme
    (first pattern of seed feedback_themes, by priority, that the text contains; `other` when none) and
    a status (closed, acknowledged by a staff reply, or open), and the VADER sentiment of its text
    (macros/analyze/vader.sql, after code and links were removed).
#}
{%- set text_type = dbt.type_string() -%}

with spaces as (
    select
        platform,
        space_kind,
        space_name,
        lower(trim(space_name)) as space_key
    from {{ ref('stg_config__feedback_spaces') }}
),

{% if source_enabled('github') %}
    github_feedback_labels as (
        -- An issue with two feedback labels is one item, under the first label by name.
        select
            issue_labels.issue_id,
            min(labels.label_name) as label_name
        from {{ ref('stg_github__issue_labels') }} as issue_labels
        inner join {{ ref('stg_github__labels') }} as labels
            on issue_labels.label_id = labels.label_id
        inner join spaces
            on
                spaces.platform = 'github'
                and spaces.space_kind = 'label'
                and lower(trim(labels.label_name)) = spaces.space_key
        group by 1
    ),
{% endif %}

candidates as (
    {% if source_enabled('slack') %}
        select
            'slack' as platform,
            messages.message_id as content_id,
            'message' as content_kind,
            messages.channel_name as space_name,
            messages.sent_at as created_at,
            messages.message_text as item_text,
            false as is_closed
        from {{ ref('stg_slack__messages') }} as messages
        inner join spaces
            on
                spaces.platform = 'slack'
                and spaces.space_kind = 'channel'
                and lower(trim(messages.channel_name)) = spaces.space_key
        where
            not messages.is_system_event
            and not messages.is_thread_reply
            and not messages.is_bot_message
        union all
    {% endif %}
    {% if source_enabled('discord') %}
        select
            'discord' as platform,
            messages.message_id as content_id,
            'message' as content_kind,
            channels.channel_name as space_name,
            messages.sent_at as created_at,
            messages.content as item_text,
            false as is_closed
        from {{ ref('stg_discord__messages') }} as messages
        inner join {{ ref('stg_discord__channels') }} as channels
            on messages.channel_id = channels.channel_id
        inner join spaces
            on
                spaces.platform = 'discord'
                and spaces.space_kind = 'channel'
                and lower(trim(channels.channel_name)) = spaces.space_key
        where
            not messages.is_system_event
            and not messages.is_reply
            and not coalesce(messages.is_bot_message, false)
        union all
    {% endif %}
    {% if source_enabled('discourse') %}
        select
            'discourse' as platform,
            cast(topics.topic_id as {{ text_type }}) as content_id,
            'topic' as content_kind,
            categories.category_name as space_name,
            topics.created_at,
            topics.title as item_text,
            coalesce(topics.is_closed, false) or coalesce(topics.is_archived, false) as is_closed
        from {{ ref('stg_discourse__topics') }} as topics
        inner join {{ ref('stg_discourse__categories') }} as categories
            on topics.category_id = categories.category_id
        inner join spaces
            on
                spaces.platform = 'discourse'
                and spaces.space_kind = 'category'
                and lower(trim(categories.category_name)) = spaces.space_key
        where
            not topics.is_deleted
            and not topics.is_private_message
        union all
    {% endif %}
    {% if source_enabled('github') %}
        select
            'github' as platform,
            cast(issues.issue_id as {{ text_type }}) as content_id,
            'issue' as content_kind,
            feedback_labels.label_name as space_name,
            issues.created_at,
            issues.title as item_text,
            coalesce(issues.state = 'closed', false) as is_closed
        from {{ ref('stg_github__issues') }} as issues
        inner join github_feedback_labels as feedback_labels
            on issues.issue_id = feedback_labels.issue_id
        where not issues.is_pull_request
        union all
    {% endif %}
    select
        cast(null as {{ text_type }}) as platform,
        cast(null as {{ text_type }}) as content_id,
        cast(null as {{ text_type }}) as content_kind,
        cast(null as {{ text_type }}) as space_name,
        cast(null as {{ dbt.type_timestamp() }}) as created_at,
        cast(null as {{ text_type }}) as item_text,
        cast(null as {{ dbt.type_boolean() }}) as is_closed
    where 1 = 0
),

activities as (
    select
        member_id,
        platform,
        content_id,
        content_kind,
        parent_content_id,
        parent_kind,
        is_staff,
        is_bot
    from {{ ref('int_activities__unioned') }}
),

authors as (
    -- The activity that created the content (a message, a topic, an issue), not a reply to it.
    select
        platform,
        content_id,
        content_kind,
        max(member_id) as member_id,
        max(case when is_staff then 1 else 0 end) = 1 as is_staff,
        max(case when is_bot then 1 else 0 end) = 1 as is_bot
    from activities
    where content_kind is not null and parent_kind is null
    group by 1, 2, 3
),

items as (
    select
        candidates.*,
        authors.member_id,
        coalesce(authors.is_staff, false) as is_staff
    from candidates
    left join authors
        on
            candidates.platform = authors.platform
            and candidates.content_id = authors.content_id
            and candidates.content_kind = authors.content_kind
    where not coalesce(authors.is_bot, false)
),

acknowledgements as (
    -- Whether a staff member other than the author replied (a thread reply, a forum post, an issue
    -- comment; reactions are not replies). One flag per item, inner-joined below: with a left join to a
    -- list of replied items, Spark 3.5 marked every item acknowledged when that list was empty.
    select
        items.platform,
        items.content_id,
        max(
            case
                when
                    replies.content_kind is not null
                    and replies.is_staff
                    and not replies.is_bot
                    and (items.member_id is null or replies.member_id <> items.member_id)
                    then 1
                else 0
            end
        ) = 1 as has_staff_reply
    from items
    left join activities as replies
        on
            items.platform = replies.platform
            and items.content_kind = replies.parent_kind
            and items.content_id = replies.parent_content_id
    group by 1, 2
),

matched as (
    {{ matching_patterns(
        'items', ['platform', 'content_id'], 'item_text',
        ref('stg_config__feedback_themes'), 'pattern', 'theme', priority_column='priority'
    ) }}
),

item_texts as (
    select
        {{ dbt.concat(['platform', "':'", 'content_id']) }} as text_id,
        {{ text_for_sentiment('item_text') }} as text
    from items
),

{{ vader_sentiment_ctes('item_texts') }},

member_accounts as (
    -- The author's CRM account when the item was written, or their own billing account when they pay as an individual.
    {{ primary_account_periods() }}
),

account_months as (
    select
        account_id,
        month_start,
        arr_usd
    from {{ ref('int_success__account_months') }}
),

final as (
    select
        {{ dbt.concat(['items.platform', "':'", 'items.content_id']) }} as feedback_item_id,
        items.platform,
        spaces.space_kind,
        items.space_name,
        items.content_id,
        items.created_at,
        {{ month_start('items.created_at') }} as item_month,
        items.member_id,
        items.is_staff,
        member_accounts.account_id,
        case
            when member_accounts.account_id is not null then {{ cents('coalesce(account_months.arr_usd, 0)') }}
        end as account_arr_usd,
        {{ spreadsheet_safe_text('items.item_text') }} as item_text,
        coalesce(matched.theme, 'other') as theme,
        case
            when items.is_closed then 'closed'
            when acknowledgements.has_staff_reply then 'acknowledged'
            else 'open'
        end as status,
        scores.compound as sentiment_score,
        {{ sentiment_label('scores.compound') }} as sentiment_label
    from items
    inner join spaces
        on
            items.platform = spaces.platform
            and lower(trim(items.space_name)) = spaces.space_key
    left join matched
        on
            items.platform = matched.platform
            and items.content_id = matched.content_id
    inner join acknowledgements
        on
            items.platform = acknowledgements.platform
            and items.content_id = acknowledgements.content_id
    left join vader_scores as scores
        on {{ dbt.concat(['items.platform', "':'", 'items.content_id']) }} = scores.text_id
    left join member_accounts
        on items.member_id = member_accounts.member_id
            and {{ during_affiliation('items.created_at', 'member_accounts') }}
    left join account_months
        on
            member_accounts.account_id = account_months.account_id
            and {{ month_start('items.created_at') }} = account_months.month_start
)

select * from final
