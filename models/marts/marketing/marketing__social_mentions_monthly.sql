{#
    What people say about the brand on social networks, month by month: posts on X that mention it
    (int_activities__sentiment, platform social; the company's own staff and bots left out), how many
    people wrote them, and their VADER sentiment: positive, neutral and negative counts, the average
    score, and net sentiment = (positive − negative) / scored. Every month from the first mention to the
    last has a row, with zeros.
#}
with mentions as (
    select
        activity_month,
        member_id,
        sentiment_score,
        sentiment_label
    from {{ ref('int_activities__sentiment') }}
    where platform = 'social' and is_member_activity
),

bounds as (
    select
        min(activity_month) as first_month,
        max(activity_month) as last_month
    from mentions
),

months as (
    {{ month_spine('bounds') }}
),

counts as (
    select
        activity_month,
        count(*) as mentions,
        count(distinct member_id) as distinct_authors,
        count(sentiment_score) as scored_mentions,
        sum(case when sentiment_label = 'positive' then 1 else 0 end) as positive_mentions,
        sum(case when sentiment_label = 'neutral' then 1 else 0 end) as neutral_mentions,
        sum(case when sentiment_label = 'negative' then 1 else 0 end) as negative_mentions,
        avg(sentiment_score) as average_sentiment
    from mentions
    group by 1
),

final as (
    select
        months.month_start,
        cast(coalesce(counts.mentions, 0) as {{ dbt.type_bigint() }}) as mentions,
        cast(coalesce(counts.distinct_authors, 0) as {{ dbt.type_bigint() }}) as distinct_authors,
        cast(coalesce(counts.scored_mentions, 0) as {{ dbt.type_bigint() }}) as scored_mentions,
        cast(coalesce(counts.positive_mentions, 0) as {{ dbt.type_bigint() }}) as positive_mentions,
        cast(coalesce(counts.neutral_mentions, 0) as {{ dbt.type_bigint() }}) as neutral_mentions,
        cast(coalesce(counts.negative_mentions, 0) as {{ dbt.type_bigint() }}) as negative_mentions,
        {{ score_6dp('counts.average_sentiment') }} as average_sentiment,
        {{ safe_divide('counts.positive_mentions - counts.negative_mentions', 'counts.scored_mentions') }}
            as net_sentiment
    from months
    left join counts
        on months.month_start = counts.activity_month
),

with_completeness as (
    {{ with_period_completeness('final', 'month_start', 'month') }}
)

select * from with_completeness
