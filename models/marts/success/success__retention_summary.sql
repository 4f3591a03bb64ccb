{#
    Revenue retention per calendar quarter, for paying accounts with and without community members,
    under two segmentations, and for all of them. The cohort of a quarter is every account paying at
    the end of the month before it (opening ARR); its ARR at the end of the quarter's last month is the
    closing ARR. Segmentation `community_members`: at least one of the account's people had taken part
    in the community before the quarter began. Segmentation `active_members`: at least one took part in
    the three months before the quarter began.
#}
{%- set gross_margin = roi_assumption('success_gross_margin') -%}

with account_months as (
    select * from {{ ref('int_success__account_months') }}
),

last_month as (
    select max(month_start) as month_start
    from account_months
),

quarters as (
    -- Every quarter whose last month the export covers, with its opening and closing months.
    select distinct
        cast({{ dbt.date_trunc('quarter', 'account_months.month_start') }} as date) as quarter_start
    from account_months
),

quarter_bounds as (
    select
        quarters.quarter_start,
        cast({{ dbt.dateadd('month', -1, 'quarters.quarter_start') }} as date) as opening_month,
        cast({{ dbt.dateadd('month', 2, 'quarters.quarter_start') }} as date) as closing_month
    from quarters
    cross join last_month
    where {{ dbt.dateadd('month', 2, 'quarters.quarter_start') }} <= last_month.month_start
),

cohort as (
    select
        quarter_bounds.quarter_start,
        opening.account_id,
        opening.community_members > 0 as has_community_members,
        opening.active_members_last_3_months > 0 as has_active_members,
        opening.arr_usd as opening_arr_usd,
        coalesce(closing.arr_usd, 0) as closing_arr_usd
    from quarter_bounds
    inner join account_months as opening
        on
            quarter_bounds.opening_month = opening.month_start
            and opening.arr_usd > 0
    left join account_months as closing
        on
            opening.account_id = closing.account_id
            and quarter_bounds.closing_month = closing.month_start
),

segmented as (
    select
        quarter_start,
        'community_members' as segmentation,
        case when has_community_members then 'with_members' else 'without_members' end as segment,
        account_id,
        opening_arr_usd,
        closing_arr_usd
    from cohort
    union all
    select
        quarter_start,
        'active_members' as segmentation,
        case when has_active_members then 'with_members' else 'without_members' end as segment,
        account_id,
        opening_arr_usd,
        closing_arr_usd
    from cohort
    union all
    select
        quarter_start,
        'all' as segmentation,
        'all' as segment,
        account_id,
        opening_arr_usd,
        closing_arr_usd
    from cohort
),

aggregated as (
    select
        quarter_start,
        segmentation,
        segment,
        count(*) as opening_accounts,
        sum(case when closing_arr_usd = 0 then 1 else 0 end) as churned_accounts,
        sum(opening_arr_usd) as opening_arr_usd,
        sum(case when closing_arr_usd < opening_arr_usd then closing_arr_usd else opening_arr_usd end)
            as retained_arr_usd,
        sum(closing_arr_usd) as closing_arr_usd
    from segmented
    group by 1, 2, 3
),

rates as (
    select
        *,
        {{ safe_divide('retained_arr_usd', 'opening_arr_usd') }} as gross_revenue_retention,
        {{ safe_divide('closing_arr_usd', 'opening_arr_usd') }} as net_revenue_retention,
        {{ safe_divide('churned_accounts', 'opening_accounts') }} as logo_churn_rate,
        {{ safe_divide('opening_arr_usd', 'opening_accounts') }} as average_arr_usd
    from aggregated
),

final as (
    select
        quarter_start,
        segmentation,
        segment,
        cast(opening_accounts as {{ dbt.type_bigint() }}) as opening_accounts,
        cast(churned_accounts as {{ dbt.type_bigint() }}) as churned_accounts,
        cast(opening_arr_usd as double) as opening_arr_usd,
        cast(retained_arr_usd as double) as retained_arr_usd,
        cast(closing_arr_usd as double) as closing_arr_usd,
        gross_revenue_retention,
        net_revenue_retention,
        logo_churn_rate,
        average_arr_usd,
        cast(average_arr_usd / 12.0 as double) as average_monthly_revenue_usd,
        -- The quarter's logo churn as a constant monthly rate: 1 - (1 - quarterly)^(1/3).
        cast(1 - power(1 - logo_churn_rate, cast(1 as double) / 3) as double) as monthly_logo_churn_rate,
        cast({{ gross_margin }} as double) as gross_margin,
        case
            when logo_churn_rate > 0
                then average_arr_usd / 12.0 * {{ gross_margin }}
                    / (1 - power(1 - logo_churn_rate, cast(1 as double) / 3))
        end as customer_lifetime_value_usd
    from rates
),

with_completeness as (
    {{ with_period_completeness('final', 'quarter_start', 'quarter') }}
),

-- A quarter the data does not cover completely has churned "so far": its rates are not published.
published as (
    select
        quarter_start,
        segmentation,
        segment,
        opening_accounts,
        churned_accounts,
        {{ cents('opening_arr_usd') }} as opening_arr_usd,
        {{ cents('retained_arr_usd') }} as retained_arr_usd,
        {{ cents('closing_arr_usd') }} as closing_arr_usd,
        case when is_complete_period then gross_revenue_retention end as gross_revenue_retention,
        case when is_complete_period then net_revenue_retention end as net_revenue_retention,
        case when is_complete_period then logo_churn_rate end as logo_churn_rate,
        {{ cents('average_arr_usd') }} as average_arr_usd,
        {{ cents('average_monthly_revenue_usd') }} as average_monthly_revenue_usd,
        case when is_complete_period then monthly_logo_churn_rate end as monthly_logo_churn_rate,
        gross_margin,
        case when is_complete_period then {{ cents('customer_lifetime_value_usd') }} end as customer_lifetime_value_usd,
        is_complete_period
    from with_completeness
)

select * from published
