{#
    How good the engagement forecasts have been: every forecast int_predict__engagement_forecasts made at
    a past month end whose target month is now complete, scored against what happened, beside the seasonal
    naive (twelve months before) and naive (last value) baselines. Every model is scored on the same
    forecasts: those whose target month has a seasonal naive value and an actual above 0. MAPE = average of
    |actual − forecast| / actual; coverage = share of actuals inside the trend line's 95 % interval.
#}
with evaluated as (
    select *
    from {{ ref('int_predict__engagement_forecasts') }}
    where actual is not null and actual > 0 and seasonal_naive_forecast is not null
),

errors as (
    select
        platform,
        metric,
        horizon,
        'trend_line' as forecast_model,
        abs(actual - forecast) / actual as absolute_percentage_error,
        case when actual between lower_bound and upper_bound then 1 else 0 end as is_covered
    from evaluated
    union all
    select
        platform,
        metric,
        horizon,
        'seasonal_naive' as forecast_model,
        abs(actual - seasonal_naive_forecast) / actual as absolute_percentage_error,
        cast(null as int) as is_covered
    from evaluated
    union all
    select
        platform,
        metric,
        horizon,
        'naive' as forecast_model,
        abs(actual - naive_forecast) / actual as absolute_percentage_error,
        cast(null as int) as is_covered
    from evaluated
),

final as (
    select
        platform,
        metric,
        cast(horizon as int) as horizon,
        forecast_model,
        cast(count(*) as {{ dbt.type_bigint() }}) as forecasts,
        {{ score_6dp('avg(absolute_percentage_error)') }} as mape,
        avg(cast(is_covered as double)) as interval_coverage
    from errors
    group by 1, 2, 3, 4
)

select * from final
