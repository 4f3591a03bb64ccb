{#
    What the community talks about, per topic (config topics.csv) and month: the conversations of the
    topic (int_community__conversation_topics) members wrote in that month, their messages, the members
    and accounts who wrote them, the share of those members whose account paid that month, the average
    sentiment of the messages, and the change in conversations against the month before. Every topic
    has a row for every month from the first text to the last, with zeros. Staff and bots are left out.
#}
with texts as (
    select
        texts.activity_id,
        texts.conversation_id,
        texts.member_id,
        texts.occurred_at,
        texts.activity_month,
        sentiment.sentiment_score
    from {{ ref('int_activities__texts') }} as texts
    inner join {{ ref('int_activities__sentiment') }} as sentiment
        on texts.activity_id = sentiment.activity_id
    where texts.is_member_activity
),

topics as (
    select distinct topic from {{ ref('stg_config__topics') }}
),

bounds as (
    select
        min(activity_month) as first_month,
        max(activity_month) as last_month
    from texts
),

months as (
    {{ month_spine('bounds') }}
),

member_accounts as (
    {{ primary_account_periods() }}
),

topic_texts as (
    select
        conversation_topics.topic,
        texts.activity_month,
        texts.conversation_id,
        texts.member_id,
        texts.sentiment_score,
        member_accounts.account_id,
        coalesce(account_months.arr_usd, 0) > 0 as is_customer
    from texts
    inner join {{ ref('int_community__conversation_topics') }} as conversation_topics
        on texts.conversation_id = conversation_topics.conversation_id
    left join member_accounts
        on
            texts.member_id = member_accounts.member_id
            and {{ during_affiliation('texts.occurred_at', 'member_accounts') }}
    left join {{ ref('int_success__account_months') }} as account_months
        on
            member_accounts.account_id = account_months.account_id
            and texts.activity_month = account_months.month_start
),

member_status as (
    -- A member counts as a customer in a month when any account they wrote from that month paid.
    select
        topic,
        activity_month,
        member_id,
        max(case when is_customer then 1 else 0 end) as is_customer
    from topic_texts
    where member_id is not null
    group by 1, 2, 3
),

customer_members as (
    select
        topic,
        activity_month,
        sum(is_customer) as customer_members
    from member_status
    group by 1, 2
),

counts as (
    select
        topic,
        activity_month,
        count(distinct conversation_id) as conversations,
        count(*) as messages,
        count(distinct member_id) as distinct_members,
        count(distinct account_id) as distinct_accounts,
        count(sentiment_score) as scored_messages,
        avg(sentiment_score) as average_sentiment
    from topic_texts
    group by 1, 2
),

filled as (
    select
        months.month_start,
        topics.topic,
        cast(coalesce(counts.conversations, 0) as {{ dbt.type_bigint() }}) as conversations,
        cast(coalesce(counts.messages, 0) as {{ dbt.type_bigint() }}) as messages,
        cast(coalesce(counts.distinct_members, 0) as {{ dbt.type_bigint() }}) as distinct_members,
        cast(coalesce(counts.distinct_accounts, 0) as {{ dbt.type_bigint() }}) as distinct_accounts,
        {{ safe_divide('customer_members.customer_members', 'counts.distinct_members') }} as customer_member_share,
        cast(coalesce(counts.scored_messages, 0) as {{ dbt.type_bigint() }}) as scored_messages,
        {{ score_6dp('counts.average_sentiment') }} as average_sentiment
    from months
    cross join topics
    left join counts
        on
            months.month_start = counts.activity_month
            and topics.topic = counts.topic
    left join customer_members
        on
            months.month_start = customer_members.activity_month
            and topics.topic = customer_members.topic
),

final as (
    select
        month_start,
        topic,
        conversations,
        messages,
        distinct_members,
        distinct_accounts,
        customer_member_share,
        scored_messages,
        average_sentiment,
        conversations - lag(conversations) over (partition by topic order by month_start) as conversations_change,
        {{ safe_divide(
            'conversations - lag(conversations) over (partition by topic order by month_start)',
            'lag(conversations) over (partition by topic order by month_start)'
        ) }} as conversations_change_share
    from filled
)

select * from final
