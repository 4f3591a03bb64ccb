{#
    Who is slipping away: for every member active in the last three months, at the end of each complete
    month, the probability that they are not active at all in the next two months. The model is a
    calibrated lookup: members fall into cells by days since their last activity (0-6, 7-13, 14-29,
    30-59, 60 or more), active months of the last three (1-3), tenure (new < 3 months, established < 12, veteran) and whether they contributed;
    a cell's probability is the share of its members who went silent in the history known at the time
    (as-of months up to M-2, whose two following months are complete), shrunk toward the overall share
    with community_risk_smoothing pseudo-members:
        p = (silent in cell + k × overall share) / (members in cell + k).
    Until community_risk_min_training_months as-of months of outcomes exist, there is no probability.
    Beside it, two baselines the backtest compares it with: days since the last activity, and Common
    Room's "recently inactive" rule (in the top quarter by activity of the last three months, then silent
    for 7 to 28 days).
#}
{%- set smoothing = number_var('community_risk_smoothing', 20, min_value=0, max_value=10000) -%}
{%- set min_training_months = number_var(
    'community_risk_min_training_months', 3, min_value=1, max_value=60, integer=true
) -%}

with members as (
    select
        *,
        {{ dbt.concat([
            "case when days_since_last_activity < 7 then 'd00-06' when days_since_last_activity < 14 then 'd07-13'"
            ~ " when days_since_last_activity < 30 then 'd14-29' when days_since_last_activity < 60 then 'd30-59'"
            ~ " else 'd60+' end",
            "'|'",
            'cast(active_months_last_3 as ' ~ dbt.type_string() ~ ')', "'|'",
            "case when tenure_months < 3 then 'new' when tenure_months < 12 then 'established' else 'veteran' end",
            "'|'",
            "case when contributions_last_3 > 0 then 'contributor' else 'participant' end"
        ]) }} as risk_cell
    from {{ ref('int_predict__member_months') }}
),

cell_months as (
    select
        as_of_month,
        risk_cell,
        count(*) as members,
        sum(case when is_churned then 1 else 0 end) as churned
    from members
    where is_churned is not null
    group by 1, 2
),

scoring_months as (
    select distinct
        as_of_month,
        cast({{ dbt.dateadd('month', -2, 'as_of_month') }} as date) as last_training_month
    from members
),

training as (
    -- What was known at the end of each scoring month M: outcomes of as-of months up to M-2.
    select
        scoring_months.as_of_month,
        cell_months.risk_cell,
        sum(cell_months.members) as members,
        sum(cell_months.churned) as churned
    from scoring_months
    inner join cell_months
        on scoring_months.last_training_month >= cell_months.as_of_month
    group by 1, 2
),

priors as (
    -- The overall share, and how many as-of months of outcomes the lookup has learnt from.
    select
        scoring_months.as_of_month,
        sum(cell_months.churned) as churned,
        sum(cell_months.members) as members,
        count(distinct cell_months.as_of_month) as training_months
    from scoring_months
    inner join cell_months
        on scoring_months.last_training_month >= cell_months.as_of_month
    group by 1
),

scored as (
    select
        members.as_of_month,
        members.member_id,
        members.months_since_active,
        members.active_months_last_3,
        members.activities_last_3,
        members.contributions_last_3,
        members.tenure_months,
        members.days_since_last_activity,
        members.risk_cell,
        cast(coalesce(training.members, 0) as {{ dbt.type_bigint() }}) as cell_training_members,
        -- Rounded to 6 places, so both engines rank members the same (the last bits of a double differ).
        case
            when priors.training_months >= {{ min_training_months }}
                then {{ score_6dp(
                    '(coalesce(training.churned, 0) + ' ~ smoothing ~ ' * cast(priors.churned as double) / priors.members)'
                    ~ ' / (coalesce(training.members, 0) + ' ~ smoothing ~ ')'
                ) }}
        end as churn_probability,
        members.activity_quartile = 1 and members.days_since_last_activity between 7 and 28 as is_recently_inactive,
        members.is_churned
    from members
    left join training
        on
            members.as_of_month = training.as_of_month
            and members.risk_cell = training.risk_cell
    left join priors
        on members.as_of_month = priors.as_of_month
),

deciles as (
    select
        *,
        cast(ntile(10) over (
            partition by as_of_month, churn_probability is null
            order by churn_probability desc, member_id asc
        ) as int) as probability_decile
    from scored
),

final as (
    select
        as_of_month,
        member_id,
        months_since_active,
        active_months_last_3,
        activities_last_3,
        contributions_last_3,
        tenure_months,
        days_since_last_activity,
        risk_cell,
        cell_training_members,
        churn_probability,
        case when churn_probability is not null then probability_decile end as risk_decile,
        is_recently_inactive,
        is_churned
    from deciles
)

select * from final
