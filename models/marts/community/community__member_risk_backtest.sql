{#
    How well each way of ranking members by risk predicted who went silent, month by month: the
    calibrated lookup of community__member_risk and two baselines, days since the last activity
    (recency) and Common Room's "recently inactive" rule. For every as-of month whose two following
    months are complete and in which the lookup had history to learn from:
      - AUC: the chance a member who went silent is ranked above one who stayed (ties count half),
        from average ranks: (sum of silent members' ranks − n₊(n₊ + 1)/2) / (n₊ × n₋);
      - precision and recall in the top tenth by score (ties in order of member id).
#}
with members as (
    select * from {{ ref('community__member_risk') }}
    where is_churned is not null and churn_probability is not null
),

scores as (
    select
        as_of_month,
        member_id,
        'risk_lookup' as risk_model,
        churn_probability as score,
        is_churned
    from members
    union all
    select
        as_of_month,
        member_id,
        'recency' as risk_model,
        cast(days_since_last_activity as double) as score,
        is_churned
    from members
    union all
    select
        as_of_month,
        member_id,
        'recently_inactive_rule' as risk_model,
        case when is_recently_inactive then 1.0 else 0.0 end as score,
        is_churned
    from members
),

ranked as (
    select
        as_of_month,
        risk_model,
        is_churned,
        {{ average_rank('as_of_month, risk_model', 'score') }} as average_rank,
        row_number() over (partition by as_of_month, risk_model order by score desc, member_id asc) as risk_order,
        count(*) over (partition by as_of_month, risk_model) as members
    from scores
),

final as (
    select
        as_of_month,
        risk_model,
        cast(count(*) as {{ dbt.type_bigint() }}) as members,
        cast(sum(case when is_churned then 1 else 0 end) as {{ dbt.type_bigint() }}) as churned_members,
        {{ safe_divide('sum(case when is_churned then 1 else 0 end)', 'count(*)') }} as churn_rate,
        {{ auc('is_churned', 'average_rank') }} as auc,
        cast(max(ceil(members / 10.0)) as {{ dbt.type_bigint() }}) as top_k,
        {{ safe_divide(
            'sum(case when is_churned and risk_order <= ceil(members / 10.0) then 1 else 0 end)',
            'max(ceil(members / 10.0))'
        ) }} as precision_at_top_k,
        {{ safe_divide(
            'sum(case when is_churned and risk_order <= ceil(members / 10.0) then 1 else 0 end)',
            'sum(case when is_churned then 1 else 0 end)'
        ) }} as recall_at_top_k
    from ranked
    group by 1, 2
)

select * from final
