{#
    Active and new members for the next three months, per platform and for all platforms: the trend line
    of int_predict__engagement_forecasts made at the end of the last complete month, with its 95 %
    prediction interval. How good such forecasts have been is in community__engagement_forecast_backtest.
#}
with as_of as (
    select max(origin_month) as origin_month from {{ ref('int_predict__engagement_forecasts') }}
),

forecasts as (
    select forecasts.*
    from {{ ref('int_predict__engagement_forecasts') }} as forecasts
    inner join as_of
        on forecasts.origin_month = as_of.origin_month
),

final as (
    select
        platform,
        target_month as forecast_month,
        cast(max(horizon) as int) as horizon,
        max(origin_month) as origin_month,
        max(case when metric = 'active_members' then forecast end) as active_members_forecast,
        max(case when metric = 'active_members' then lower_bound end) as active_members_lower,
        max(case when metric = 'active_members' then upper_bound end) as active_members_upper,
        max(case when metric = 'new_members' then forecast end) as new_members_forecast,
        max(case when metric = 'new_members' then lower_bound end) as new_members_lower,
        max(case when metric = 'new_members' then upper_bound end) as new_members_upper
    from forecasts
    group by 1, 2
)

select * from final
