-- How much does the community's ROI rest on the support deflection rate, an assumption nobody measured?
-- The total per quarter recomputed with other rates: support savings scale with the rate, every other
-- value stays. Compile with `dbt compile --select roi_sensitivity_to_deflection_rate` and run the SQL
-- from target/compiled/, or set `support_deflection_rate` and rebuild to change the marts themselves.
with roi as (
    select * from {{ ref('finance__community_roi') }}
),

assumed as (
    select cast(var_value as double) as deflection_rate
    from {{ ref('finance__roi_assumptions') }}
    where var_name = 'support_deflection_rate'
),

alternatives as (
    select cast(0.1 as double) as deflection_rate
    union all
    select cast(0.25 as double) as deflection_rate
    union all
    select cast(0.5 as double) as deflection_rate
),

quarters as (
    select
        quarter_start,
        max(case when department = 'total' then value_usd end) as total_value_usd,
        max(case when department = 'total' then cost_usd end) as cost_usd,
        max(case when department = 'support' then value_usd end) as support_value_usd
    from roi
    group by 1
),

recomputed as (
    select
        quarters.quarter_start,
        alternatives.deflection_rate,
        quarters.cost_usd,
        quarters.total_value_usd - quarters.support_value_usd
        + quarters.support_value_usd * alternatives.deflection_rate / nullif(assumed.deflection_rate, 0)
            as total_value_usd
    from quarters
    cross join assumed
    cross join alternatives
)

select
    quarter_start,
    deflection_rate,
    total_value_usd,
    cost_usd,
    (total_value_usd - cost_usd) / nullif(cost_usd, 0) as roi
from recomputed
order by 1, 2
