{#
    The day spine MetricFlow joins metrics to (its `metric_time`): every day from 2000-01-01 to
    2054-10-03 (20,000 days). Portable: digits cross-joined, no generate_series (absent on Spark).
#}
with offsets as (
    select
        ones.digit
        + 10 * tens.digit
        + 100 * hundreds.digit
        + 1000 * thousands.digit
        + 10000 * ten_thousands.digit as day_offset
    from {{ _digits() }} as ones
    cross join {{ _digits() }} as tens
    cross join {{ _digits() }} as hundreds
    cross join {{ _digits() }} as thousands
    cross join {{ _digits() }} as ten_thousands
),

final as (
    select cast({{ dbt.dateadd('day', 'day_offset', "cast('2000-01-01' as date)") }} as date) as date_day
    from offsets
    where day_offset < 20000
)

select * from final
