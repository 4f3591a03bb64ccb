{#
    Is the risk lookup's probability a probability? Over every backtested as-of month, members grouped by
    their decile of predicted risk (1 = the riskiest tenth of that month): the average predicted
    probability beside the share that did go silent. A calibrated model has the two close in every decile.
#}
with members as (
    select * from {{ ref('community__member_risk') }}
    where is_churned is not null and churn_probability is not null
),

final as (
    select
        risk_decile,
        cast(count(*) as {{ dbt.type_bigint() }}) as members,
        cast(count(distinct as_of_month) as {{ dbt.type_bigint() }}) as as_of_months,
        {{ score_6dp('avg(churn_probability)') }} as average_predicted_probability,
        {{ safe_divide('sum(case when is_churned then 1 else 0 end)', 'count(*)') }} as observed_churn_rate
    from members
    group by 1
)

select * from final
