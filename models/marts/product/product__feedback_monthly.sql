{#
    Product feedback per month and theme: how many items, from how many members and accounts, and how
    much ARR the accounts behind them represent, and how they felt (average sentiment, negative items). Every theme of seed feedback_themes (and `other`) has a
    row for every month from the first item to the last, with zeros. Items by staff are not counted:
    feedback is what the community asks for.
#}
with items as (
    select
        item_month,
        theme,
        member_id,
        account_id,
        account_arr_usd,
        sentiment_score,
        sentiment_label
    from {{ ref('product__feedback_items') }}
    where not is_staff
),

themes as (
    select distinct theme from {{ ref('stg_config__feedback_themes') }}
    union
    select 'other' as theme
),

bounds as (
    select
        min(item_month) as first_month,
        max(item_month) as last_month
    from items
),

months as (
    {{ month_spine('bounds') }}
),

item_counts as (
    select
        item_month,
        theme,
        count(*) as items,
        sum(case when account_arr_usd > 0 then 1 else 0 end) as items_from_customers,
        count(distinct member_id) as distinct_members,
        count(distinct account_id) as distinct_accounts,
        sum(case when sentiment_label = 'negative' then 1 else 0 end) as negative_items,
        avg(sentiment_score) as average_sentiment
    from items
    group by 1, 2
),

account_arr as (
    -- Each account once per month and theme, however many items it gave (ARR is per account and month).
    select
        item_month,
        theme,
        account_id,
        max(account_arr_usd) as account_arr_usd
    from items
    where account_id is not null
    group by 1, 2, 3
),

arr_represented as (
    select
        item_month,
        theme,
        sum(account_arr_usd) as arr_represented_usd
    from account_arr
    group by 1, 2
),

final as (
    select
        months.month_start,
        themes.theme,
        cast(coalesce(item_counts.items, 0) as {{ dbt.type_bigint() }}) as items,
        cast(coalesce(item_counts.items_from_customers, 0) as {{ dbt.type_bigint() }}) as items_from_customers,
        cast(coalesce(item_counts.distinct_members, 0) as {{ dbt.type_bigint() }}) as distinct_members,
        cast(coalesce(item_counts.distinct_accounts, 0) as {{ dbt.type_bigint() }}) as distinct_accounts,
        {{ cents('cast(coalesce(arr_represented.arr_represented_usd, 0) as double)') }} as arr_represented_usd,
        cast(coalesce(item_counts.negative_items, 0) as {{ dbt.type_bigint() }}) as negative_items,
        {{ score_6dp('item_counts.average_sentiment') }} as average_sentiment
    from months
    cross join themes
    left join item_counts
        on
            months.month_start = item_counts.item_month
            and themes.theme = item_counts.theme
    left join arr_represented
        on
            months.month_start = arr_represented.item_month
            and themes.theme = arr_represented.theme
),

with_completeness as (
    {{ with_period_completeness('final', 'month_start', 'month') }}
)

select * from with_completeness
