{#
    Each community campaign (seed community_campaigns) against the same number of days before and
    after it: pre = the days just before, during = the campaign's own days, post = the days just
    after. Members (staff and bots excluded) active and new in each period, their activities, social
    mentions, web sessions whose links carry the campaign's utm_campaign, and the sentiment of the
    texts members wrote (int_activities__sentiment).
#}
with campaigns as (
    select
        campaign_name,
        lower(trim(utm_campaign)) as utm_campaign,
        starts_on,
        ends_on,
        {{ dbt.datediff('starts_on', 'ends_on', 'day') }} + 1 as campaign_days -- noqa: LT05
    from (
        select
            campaign_name,
            utm_campaign,
            cast(starts_on as date) as starts_on,
            cast(ends_on as date) as ends_on
        from {{ ref('stg_config__community_campaigns') }}
    ) as typed
),

periods as (
    select
        campaign_name,
        utm_campaign,
        campaign_days,
        'pre' as period,
        1 as period_order,
        cast({{ dbt.dateadd('day', '-campaign_days', 'starts_on') }} as date) as period_start,
        cast({{ dbt.dateadd('day', -1, 'starts_on') }} as date) as period_end
    from campaigns
    union all
    select
        campaign_name,
        utm_campaign,
        campaign_days,
        'during' as period,
        2 as period_order,
        starts_on as period_start,
        ends_on as period_end
    from campaigns
    union all
    select
        campaign_name,
        utm_campaign,
        campaign_days,
        'post' as period,
        3 as period_order,
        cast({{ dbt.dateadd('day', 1, 'ends_on') }} as date) as period_start,
        cast({{ dbt.dateadd('day', 'campaign_days', 'ends_on') }} as date) as period_end
    from campaigns
),

member_activities as (
    select
        member_id,
        activity_type,
        cast(occurred_at as date) as activity_date
    from {{ ref('int_activities__unioned') }}
    where is_member_activity
),

first_activity_dates as (
    select
        member_id,
        min(activity_date) as first_activity_date
    from member_activities
    group by 1
),

activity_counts as (
    select
        periods.campaign_name,
        periods.period,
        count(distinct member_activities.member_id) as active_members,
        count(*) as activities,
        sum(case when member_activities.activity_type = 'social_mention' then 1 else 0 end) as social_mentions
    from periods
    inner join member_activities
        on member_activities.activity_date between periods.period_start and periods.period_end
    group by 1, 2
),

new_member_counts as (
    select
        periods.campaign_name,
        periods.period,
        count(*) as new_members
    from periods
    inner join first_activity_dates
        on first_activity_dates.first_activity_date between periods.period_start and periods.period_end
    group by 1, 2
),

sentiment_counts as (
    -- Members' texts written in the period (UTC days), by their VADER score.
    select
        periods.campaign_name,
        periods.period,
        count(sentiment.sentiment_score) as scored_texts,
        avg(sentiment.sentiment_score) as average_sentiment,
        sum(case when sentiment.sentiment_label = 'positive' then 1 else 0 end) as positive_texts,
        sum(case when sentiment.sentiment_label = 'negative' then 1 else 0 end) as negative_texts
    from periods
    inner join {{ ref('int_activities__sentiment') }} as sentiment
        on cast(sentiment.occurred_at as date) between periods.period_start and periods.period_end
    where sentiment.is_member_activity and sentiment.sentiment_score is not null
    group by 1, 2
),

web_sessions as (
    {% if source_enabled('web') %}
    -- A session is a visitor's (anonymous id's) day with a page view carrying the campaign's utm_campaign.
        select
            periods.campaign_name,
            periods.period,
            count(distinct {{ dbt.concat(['page_views.anonymous_id', "'|'", 'cast(page_views.viewed_at as date)']) }})
                as campaign_web_sessions
        from periods
        inner join {{ ref('stg_web__page_views') }} as page_views
            on
                lower(trim(page_views.utm_campaign)) = periods.utm_campaign
                and cast(page_views.viewed_at as date) between periods.period_start and periods.period_end
        group by 1, 2
    {% else %}
    select
        cast(null as {{ dbt.type_string() }}) as campaign_name,
        cast(null as {{ dbt.type_string() }}) as period,
        cast(null as {{ dbt.type_bigint() }}) as campaign_web_sessions
    where 1 = 0
    {% endif %}
),

final as (
    select
        periods.campaign_name,
        periods.period,
        cast(periods.period_order as int) as period_order,
        periods.period_start,
        periods.period_end,
        cast(periods.campaign_days as {{ dbt.type_bigint() }}) as period_days,
        cast(coalesce(activity_counts.active_members, 0) as {{ dbt.type_bigint() }}) as active_members,
        cast(coalesce(new_member_counts.new_members, 0) as {{ dbt.type_bigint() }}) as new_members,
        cast(coalesce(activity_counts.activities, 0) as {{ dbt.type_bigint() }}) as activities,
        cast(coalesce(activity_counts.social_mentions, 0) as {{ dbt.type_bigint() }}) as social_mentions,
        cast(coalesce(web_sessions.campaign_web_sessions, 0) as {{ dbt.type_bigint() }}) as campaign_web_sessions,
        cast(coalesce(sentiment_counts.scored_texts, 0) as {{ dbt.type_bigint() }}) as scored_texts,
        {{ score_6dp('sentiment_counts.average_sentiment') }} as average_sentiment,
        {{ safe_divide('sentiment_counts.positive_texts', 'sentiment_counts.scored_texts') }} as positive_text_share,
        {{ safe_divide('sentiment_counts.negative_texts', 'sentiment_counts.scored_texts') }} as negative_text_share
    from periods
    left join activity_counts
        on
            periods.campaign_name = activity_counts.campaign_name
            and periods.period = activity_counts.period
    left join new_member_counts
        on
            periods.campaign_name = new_member_counts.campaign_name
            and periods.period = new_member_counts.period
    left join web_sessions
        on
            periods.campaign_name = web_sessions.campaign_name
            and periods.period = web_sessions.period
    left join sentiment_counts
        on
            periods.campaign_name = sentiment_counts.campaign_name
            and periods.period = sentiment_counts.period
)

select * from final
