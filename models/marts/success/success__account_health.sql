{#
    How healthy each paying account is at the end of each complete month, from five parts scored 0-100
    (higher is healthier) and shown beside the score:
      - engagement: members of the account active in the last three months, 100 × min(active, 3) / 3;
      - engagement trend: those active members against the three months before: more 100, as many 50,
        fewer 0;
      - sentiment: 50 + 50 × the average VADER score of the members' texts of the last three months
        (50 when they wrote nothing);
      - support: the members' Zendesk tickets of the last three months: none 100, one or two 60, more 20;
      - ARR trend: ARR against three months before: up 100, flat 70, down 20.
    health_score is the average of the five; baseline_score, the average of support and ARR trend only,
    is what a success team sees without the community. An account with no row three months back (new)
    counts as ARR up and engagement compared with none. Each month also says what followed: logo churn or
    contraction in the next three months (null until those months are complete).
#}
with as_of as (
    select
        {{ last_complete_month() }} as last_complete_month
    from {{ ref('int_calendar__as_of') }}
),

account_months as (
    select
        account_id,
        month_start,
        arr_usd,
        is_customer,
        contraction_arr_usd,
        churned_arr_usd,
        active_members_last_3_months
    from {{ ref('int_success__account_months') }}
),

member_accounts as (
    {{ primary_account_periods() }}
),

text_months as (
    -- Members' texts per account and month, by the account the member belonged to when writing.
    select
        member_accounts.account_id,
        sentiment.activity_month as month_start,
        sum(sentiment.sentiment_score) as sentiment_sum,
        count(sentiment.sentiment_score) as scored_texts
    from {{ ref('int_activities__sentiment') }} as sentiment
    inner join member_accounts
        on
            sentiment.member_id = member_accounts.member_id
            and {{ during_affiliation('sentiment.occurred_at', 'member_accounts') }}
    where sentiment.is_member_activity
    group by 1, 2
),

ticket_months as (
    select
        account_id,
        month_start,
        tickets
    from {{ ref('int_success__account_ticket_months') }}
),

customer_months as (
    select
        account_id,
        month_start,
        arr_usd,
        active_members_last_3_months,
        cast({{ dbt.dateadd('month', -2, 'month_start') }} as date) as window_start
    from account_months
    where is_customer
),

text_windows as (
    select
        customer_months.account_id,
        customer_months.month_start,
        sum(text_months.sentiment_sum) as sentiment_sum,
        sum(text_months.scored_texts) as scored_texts
    from customer_months
    inner join text_months
        on
            customer_months.account_id = text_months.account_id
            and customer_months.month_start >= text_months.month_start
            and customer_months.window_start <= text_months.month_start
    group by 1, 2
),

ticket_windows as (
    select
        customer_months.account_id,
        customer_months.month_start,
        sum(ticket_months.tickets) as tickets
    from customer_months
    inner join ticket_months
        on
            customer_months.account_id = ticket_months.account_id
            and customer_months.month_start >= ticket_months.month_start
            and customer_months.window_start <= ticket_months.month_start
    group by 1, 2
),

outcomes as (
    -- Logo churn or contraction in M+1..M+3.
    select
        customer_months.account_id,
        customer_months.month_start,
        max(case when later.churned_arr_usd > 0 then 1 else 0 end) as churned_next_3,
        max(case when later.contraction_arr_usd > 0 then 1 else 0 end) as contracted_next_3
    from customer_months
    inner join account_months as later
        on
            customer_months.account_id = later.account_id
            and customer_months.month_start < later.month_start
            and cast({{ dbt.dateadd('month', 3, 'customer_months.month_start') }} as date) >= later.month_start
    group by 1, 2
),

parts as (
    select
        customer_months.account_id,
        customer_months.month_start,
        customer_months.arr_usd,
        earlier.arr_usd as arr_usd_3_months_before,
        customer_months.active_members_last_3_months,
        coalesce(earlier.active_members_last_3_months, 0) as active_members_3_months_before,
        coalesce(ticket_windows.tickets, 0) as tickets_last_3_months,
        coalesce(text_windows.scored_texts, 0) as scored_texts_last_3_months,
        {{ score_6dp(safe_divide('text_windows.sentiment_sum', 'text_windows.scored_texts')) }} as average_sentiment,
        cast(least(customer_months.active_members_last_3_months, 3) as double) * 100 / 3 as engagement_part,
        case
            when customer_months.active_members_last_3_months > coalesce(earlier.active_members_last_3_months, 0)
                then 100.0
            when customer_months.active_members_last_3_months = coalesce(earlier.active_members_last_3_months, 0)
                then 50.0
            else 0.0
        end as engagement_trend_part,
        coalesce(
            50.0 + 50.0 * {{ score_6dp(safe_divide('text_windows.sentiment_sum', 'text_windows.scored_texts')) }}, 50.0
        ) as sentiment_part,
        case
            when coalesce(ticket_windows.tickets, 0) = 0 then 100.0
            when ticket_windows.tickets <= 2 then 60.0
            else 20.0
        end as support_part,
        case
            when earlier.arr_usd is null or customer_months.arr_usd > earlier.arr_usd then 100.0
            when customer_months.arr_usd = earlier.arr_usd then 70.0
            else 20.0
        end as arr_trend_part,
        case
            when cast({{ dbt.dateadd('month', 3, 'customer_months.month_start') }} as date) <= as_of.last_complete_month
                then outcomes.churned_next_3 = 1
        end as churned_next_3_months,
        case
            when cast({{ dbt.dateadd('month', 3, 'customer_months.month_start') }} as date) <= as_of.last_complete_month
                then outcomes.contracted_next_3 = 1
        end as contracted_next_3_months
    from customer_months
    cross join as_of
    left join account_months as earlier
        on
            customer_months.account_id = earlier.account_id
            and cast({{ dbt.dateadd('month', -3, 'customer_months.month_start') }} as date) = earlier.month_start
    left join text_windows
        on
            customer_months.account_id = text_windows.account_id
            and customer_months.month_start = text_windows.month_start
    left join ticket_windows
        on
            customer_months.account_id = ticket_windows.account_id
            and customer_months.month_start = ticket_windows.month_start
    left join outcomes
        on
            customer_months.account_id = outcomes.account_id
            and customer_months.month_start = outcomes.month_start
    where customer_months.month_start <= as_of.last_complete_month
),

final as (
    select
        account_id,
        month_start,
        {{ cents('arr_usd') }} as arr_usd,
        {{ cents('arr_usd_3_months_before') }} as arr_usd_3_months_before,
        cast(active_members_last_3_months as {{ dbt.type_bigint() }}) as active_members_last_3_months,
        cast(active_members_3_months_before as {{ dbt.type_bigint() }}) as active_members_3_months_before,
        cast(tickets_last_3_months as {{ dbt.type_bigint() }}) as tickets_last_3_months,
        cast(scored_texts_last_3_months as {{ dbt.type_bigint() }}) as scored_texts_last_3_months,
        average_sentiment,
        {{ score_6dp('engagement_part') }} as engagement_part,
        cast(engagement_trend_part as double) as engagement_trend_part,
        {{ score_6dp('sentiment_part') }} as sentiment_part,
        cast(support_part as double) as support_part,
        cast(arr_trend_part as double) as arr_trend_part,
        {{ score_6dp(
            '(engagement_part + engagement_trend_part + sentiment_part + support_part + arr_trend_part) / 5'
        ) }} as health_score,
        {{ score_6dp('(support_part + arr_trend_part) / 2') }} as baseline_score,
        churned_next_3_months,
        contracted_next_3_months
    from parts
)

select * from final
