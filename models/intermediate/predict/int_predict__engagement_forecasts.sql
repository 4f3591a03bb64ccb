{#
    Forecasts of active and new members per platform (and all), made at the end of every complete month
    (the origin) for the three months after it, with the forecasts of two baselines beside them and what
    then happened. The method is a straight line fitted by least squares to the origin's last
    community_forecast_window_months months (x = month number, y = the count), extended h months ahead,
    floored at 0, with the ordinary least-squares 95 % prediction interval:
        ŷ ± 1.96 × s × √(1 + 1/n + (x − x̄)² / Sxx),  s² = Σ(y − a − b·x)² / (n − 2).
    Baselines: seasonal naive (the value twelve months before the target month) and naive (the value at
    the origin). A line needs community_forecast_min_months months of history. Only complete months are
    used.
#}
{%- set window_months = number_var('community_forecast_window_months', 12, min_value=3, max_value=36, integer=true) -%}
{%- set min_months = number_var('community_forecast_min_months', 6, min_value=3, max_value=36, integer=true) -%}

with as_of as (
    select
        {{ last_complete_month() }} as last_complete_month
    from {{ ref('int_calendar__as_of') }}
),

engagement as (
    select
        engagement.platform,
        engagement.month_start,
        engagement.active_members,
        engagement.new_members
    from {{ ref('int_community__engagement_monthly') }} as engagement
    cross join as_of
    where engagement.month_start <= as_of.last_complete_month
),

first_month as (
    select min(month_start) as first_month from engagement
),

series as (
    select
        engagement.platform,
        'active_members' as metric,
        engagement.month_start,
        {{ dbt.datediff('first_month.first_month', 'engagement.month_start', 'month') }} as month_number, -- noqa: LT05
        cast(engagement.active_members as double) as observed_value
    from engagement
    cross join first_month
    union all
    select
        engagement.platform,
        'new_members' as metric,
        engagement.month_start,
        {{ dbt.datediff('first_month.first_month', 'engagement.month_start', 'month') }} as month_number, -- noqa: LT05
        cast(engagement.new_members as double) as observed_value
    from engagement
    cross join first_month
),

fit_windows as (
    -- Each origin with the months of its fitting window.
    select
        origins.platform,
        origins.metric,
        origins.month_start as origin_month,
        origins.month_number as origin_number,
        history.month_number,
        history.observed_value
    from series as origins
    inner join series as history
        on
            origins.platform = history.platform
            and origins.metric = history.metric
            and origins.month_number >= history.month_number
            and origins.month_number - {{ window_months - 1 }} <= history.month_number
),

sums as (
    select
        platform,
        metric,
        origin_month,
        max(origin_number) as origin_number,
        count(*) as n,
        avg(cast(month_number as double)) as mean_x,
        avg(observed_value) as mean_y
    from fit_windows
    group by 1, 2, 3
    having count(*) >= {{ min_months }}
),

lines as (
    select
        sums.platform,
        sums.metric,
        sums.origin_month,
        sums.origin_number,
        sums.n,
        sums.mean_x,
        sums.mean_y,
        sum((fit_windows.month_number - sums.mean_x) * (fit_windows.month_number - sums.mean_x)) as sxx,
        sum((fit_windows.month_number - sums.mean_x) * (fit_windows.observed_value - sums.mean_y)) as sxy,
        sum((fit_windows.month_number - sums.mean_x) * (fit_windows.observed_value - sums.mean_y))
        / sum((fit_windows.month_number - sums.mean_x) * (fit_windows.month_number - sums.mean_x)) as slope
    from sums
    inner join fit_windows
        on
            sums.platform = fit_windows.platform
            and sums.metric = fit_windows.metric
            and sums.origin_month = fit_windows.origin_month
    group by 1, 2, 3, 4, 5, 6, 7
),

residuals as (
    select
        lines.platform,
        lines.metric,
        lines.origin_month,
        sum(
            (fit_windows.observed_value - lines.mean_y - lines.slope * (fit_windows.month_number - lines.mean_x))
            * (fit_windows.observed_value - lines.mean_y - lines.slope * (fit_windows.month_number - lines.mean_x))
        ) as sse
    from lines
    inner join fit_windows
        on
            lines.platform = fit_windows.platform
            and lines.metric = fit_windows.metric
            and lines.origin_month = fit_windows.origin_month
    group by 1, 2, 3
),

horizons as (
    select 1 as horizon
    union all
    select 2 as horizon
    union all
    select 3 as horizon
),

forecasts as (
    select
        lines.platform,
        lines.metric,
        lines.origin_month,
        horizons.horizon,
        cast({{ dbt.dateadd('month', 'horizons.horizon', 'lines.origin_month') }} as date) as target_month,
        lines.mean_y + lines.slope * (lines.origin_number + horizons.horizon - lines.mean_x) as line_value,
        1.96 * sqrt(residuals.sse / (lines.n - 2)) * sqrt(
            1 + 1.0 / lines.n
            + (lines.origin_number + horizons.horizon - lines.mean_x)
            * (lines.origin_number + horizons.horizon - lines.mean_x) / lines.sxx
        ) as half_width
    from lines
    inner join residuals
        on
            lines.platform = residuals.platform
            and lines.metric = residuals.metric
            and lines.origin_month = residuals.origin_month
    cross join horizons
),

final as (
    select
        forecasts.platform,
        forecasts.metric,
        forecasts.origin_month,
        cast(forecasts.horizon as int) as horizon,
        forecasts.target_month,
        {{ score_6dp('greatest(forecasts.line_value, 0)') }} as forecast,
        {{ score_6dp('greatest(forecasts.line_value - forecasts.half_width, 0)') }} as lower_bound,
        {{ score_6dp('greatest(forecasts.line_value + forecasts.half_width, 0)') }} as upper_bound,
        seasonal.observed_value as seasonal_naive_forecast,
        origin.observed_value as naive_forecast,
        actual.observed_value as actual
    from forecasts
    inner join series as origin
        on
            forecasts.platform = origin.platform
            and forecasts.metric = origin.metric
            and forecasts.origin_month = origin.month_start
    left join series as seasonal
        on
            forecasts.platform = seasonal.platform
            and forecasts.metric = seasonal.metric
            and cast({{ dbt.dateadd('month', -12, 'forecasts.target_month') }} as date) = seasonal.month_start
    left join series as actual
        on
            forecasts.platform = actual.platform
            and forecasts.metric = actual.metric
            and forecasts.target_month = actual.month_start
)

select * from final
