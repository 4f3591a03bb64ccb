{#
    Does the community say which customers are about to leave? Over every account-month whose next three
    months are complete, how well a low score ranked the accounts that then churned (logo churn) or
    shrank (churn or contraction): the health score with its community parts, beside the baseline score
    without them (support and ARR trend only). AUC from average ranks (macros/predict/backtest.sql); the
    share of events caught in the lowest-scored tenth; event rates in the lowest and the other tenths.
#}
with account_months as (
    select * from {{ ref('success__account_health') }}
    where churned_next_3_months is not null
),

scores as (
    select
        'health_score' as risk_model,
        account_id,
        month_start,
        100 - health_score as risk,
        churned_next_3_months as churned,
        churned_next_3_months or contracted_next_3_months as churned_or_contracted
    from account_months
    union all
    select
        'baseline_without_community' as risk_model,
        account_id,
        month_start,
        100 - baseline_score as risk,
        churned_next_3_months as churned,
        churned_next_3_months or contracted_next_3_months as churned_or_contracted
    from account_months
),

outcomes as (
    select
        risk_model,
        'logo_churn' as outcome,
        account_id,
        month_start,
        risk,
        churned as is_event
    from scores
    union all
    select
        risk_model,
        'churn_or_contraction' as outcome,
        account_id,
        month_start,
        risk,
        churned_or_contracted as is_event
    from scores
),

ranked as (
    select
        risk_model,
        outcome,
        is_event,
        {{ average_rank('risk_model, outcome', 'risk') }} as average_rank,
        row_number() over (
            partition by risk_model, outcome order by risk desc, month_start asc, account_id asc
        ) as risk_order,
        count(*) over (partition by risk_model, outcome) as account_months
    from outcomes
),

final as (
    select
        risk_model,
        outcome,
        cast(count(*) as {{ dbt.type_bigint() }}) as account_months,
        cast(sum(case when is_event then 1 else 0 end) as {{ dbt.type_bigint() }}) as events,
        {{ auc('is_event', 'average_rank') }} as auc,
        {{ safe_divide(
            'sum(case when is_event and risk_order <= ceil(account_months / 10.0) then 1 else 0 end)',
            'sum(case when is_event then 1 else 0 end)'
        ) }} as recall_in_riskiest_tenth,
        {{ safe_divide(
            'sum(case when is_event and risk_order <= ceil(account_months / 10.0) then 1 else 0 end)',
            'sum(case when risk_order <= ceil(account_months / 10.0) then 1 else 0 end)'
        ) }} as event_rate_in_riskiest_tenth,
        {{ safe_divide(
            'sum(case when is_event and risk_order > ceil(account_months / 10.0) then 1 else 0 end)',
            'sum(case when risk_order > ceil(account_months / 10.0) then 1 else 0 end)'
        ) }} as event_rate_elsewhere
    from ranked
    group by 1, 2
)

select * from final
