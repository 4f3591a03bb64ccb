{#
    Community health per platform (and all platforms together) and quarter, CHAOSS metrics scored as
    LFX Insights' health score v1 scores them (frontend/docs/metrics/health-score.md of
    linuxfoundation/insights). Contributions are activities seed activity_weights marks as contributions,
    by people (bots left out, staff counted: employees contribute too). Measured here:
      - Contributor Absence Factor: the fewest contributors making at least half of the contributions;
      - Elephant Factor: the same over organizations (a contributor's primary account when contributing;
        contributions of people without one are left out of it);
      - active contributors; quarter-over-quarter retention (last quarter's contributors who contributed
        again); median hours to first response of conversations started (CHAOSS);
      - GitHub: new pull requests per month, average days to close an issue, average days to merge a
        pull request; active days in the quarter's last 30 days; social mentions per month.
    Each metric scores 0–5 against five cut points (vars, LFX's values by default). A category scores
    25 × points / (5 × metrics measured); the score is 100 × the categories' points / (25 × categories
    measured): Contributors, Popularity (social mentions, on `all` and `social` only) and Development;
    Security & Best Practices (OpenSSF baseline) is never measured here and always re-scaled away.
    Bands: community_health_band_cuts. Lifecycle: inert (no contribution), active (contributors up by
    more than community_health_lifecycle_change against the quarter before, or a first quarter),
    declining (down by more than it), stable.
#}
{%- set dependency_cuts = number_list_var('community_health_contributor_dependency_cuts', [2, 3, 5, 7, 10], 5) -%}
{%- set organization_cuts = number_list_var('community_health_organization_dependency_cuts', [2, 3, 4, 6, 8], 5) -%}
{%- set contributors_cuts = number_list_var('community_health_active_contributors_cuts', [2, 4, 7, 11, 21], 5) -%}
{%- set retention_cuts = number_list_var('community_health_retention_cuts', [0.1, 0.3, 0.5, 0.65, 0.8], 5) -%}
{%- set mentions_cuts = number_list_var('community_health_social_mentions_cuts', [5, 10, 25, 50, 100], 5) -%}
{%- set pull_request_cuts = number_list_var('community_health_new_pull_requests_cuts', [2, 4, 8, 16, 31], 5) -%}
{%- set resolution_cuts = number_list_var(
    'community_health_issue_resolution_days_cuts', [61, 45, 30, 15, 7], 5, descending=true
) -%}
{%- set merge_cuts = number_list_var(
    'community_health_merge_lead_time_days_cuts', [31, 21, 15, 7, 3], 5, descending=true
) -%}
{%- set active_days_cuts = number_list_var('community_health_active_days_cuts', [6, 11, 16, 21, 27], 5) -%}
{%- set band_cuts = number_list_var('community_health_band_cuts', [20, 40, 60, 80], 4) -%}
{%- set lifecycle_change = number_var('community_health_lifecycle_change', 0.25, min_value=0, max_value=10) -%}

with activities as (
    select
        platform,
        member_id,
        activity_type,
        occurred_at,
        cast({{ dbt.date_trunc('quarter', 'occurred_at') }} as date) as quarter_start,
        is_contribution
    from {{ ref('int_activities__unioned') }}
    where not is_bot and member_id is not null
),

contributions as (
    select
        platform,
        member_id,
        occurred_at,
        quarter_start
    from activities
    where is_contribution
    union all
    select
        'all' as platform,
        member_id,
        occurred_at,
        quarter_start
    from activities
    where is_contribution
),

member_accounts as (
    {{ primary_account_periods() }}
),

contributor_counts as (
    select
        platform,
        quarter_start,
        member_id,
        count(*) as contributions
    from contributions
    group by 1, 2, 3
),

organization_counts as (
    select
        contributions.platform,
        contributions.quarter_start,
        member_accounts.account_id,
        count(*) as contributions
    from contributions
    inner join member_accounts
        on
            contributions.member_id = member_accounts.member_id
            and {{ during_affiliation('contributions.occurred_at', 'member_accounts') }}
    group by 1, 2, 3
),

absence_factors as (
    -- A contributor is needed while the contributions of those ranked above are under half the total.
    select
        platform,
        quarter_start,
        sum(case when 2 * coalesce(contributions_before, 0) < total_contributions then 1 else 0 end)
            as contributor_absence_factor,
        count(*) as active_contributors,
        max(total_contributions) as contributions
    from (
        select
            platform,
            quarter_start,
            sum(contributions) over (
                partition by platform, quarter_start
                order by contributions desc, member_id asc
                rows between unbounded preceding and 1 preceding
            ) as contributions_before,
            sum(contributions) over (partition by platform, quarter_start) as total_contributions
        from contributor_counts
    ) as ranked
    group by 1, 2
),

elephant_factors as (
    select
        platform,
        quarter_start,
        sum(case when 2 * coalesce(contributions_before, 0) < total_contributions then 1 else 0 end)
            as elephant_factor
    from (
        select
            platform,
            quarter_start,
            sum(contributions) over (
                partition by platform, quarter_start
                order by contributions desc, account_id asc
                rows between unbounded preceding and 1 preceding
            ) as contributions_before,
            sum(contributions) over (partition by platform, quarter_start) as total_contributions
        from organization_counts
    ) as ranked
    group by 1, 2
),

retention as (
    select
        previous.platform,
        cast({{ dbt.dateadd('month', 3, 'previous.quarter_start') }} as date) as quarter_start,
        count(*) as previous_contributors,
        count(current_quarter.member_id) as retained_contributors
    from contributor_counts as previous
    left join contributor_counts as current_quarter
        on
            previous.platform = current_quarter.platform
            and previous.member_id = current_quarter.member_id
            and cast({{ dbt.dateadd('month', 3, 'previous.quarter_start') }} as date) = current_quarter.quarter_start
    group by 1, 2
),

active_days as (
    -- Days with a contribution in the quarter's last 30 days.
    select
        platform,
        quarter_start,
        count(distinct cast(occurred_at as date)) as active_days_last_30
    from contributions
    where
        cast(occurred_at as date)
        >= cast({{ dbt.dateadd('day', -30, dbt.dateadd('month', 3, 'quarter_start')) }} as date)
    group by 1, 2
),

first_responses as (
    select
        platform,
        quarter_start,
        percentile_cont(0.5) within group (order by hours_to_first_response) as median_hours_to_first_response
    from (
        select
            platform,
            cast({{ dbt.date_trunc('quarter', 'started_at') }} as date) as quarter_start,
            hours_to_first_response
        from {{ ref('int_community__conversations') }}
        where not is_bot
        union all
        select
            'all' as platform,
            cast({{ dbt.date_trunc('quarter', 'started_at') }} as date) as quarter_start,
            hours_to_first_response
        from {{ ref('int_community__conversations') }}
        where not is_bot
    ) as conversations
    group by 1, 2
),

social_mentions as (
    select
        quarter_start,
        count(*) as social_mentions
    from activities
    where activity_type = 'social_mention'
    group by 1
),

github as (
    {% if source_enabled('github') %}
        select
            quarter_start,
            sum(new_pull_requests) as new_pull_requests,
            avg(issue_days_to_close) as average_issue_resolution_days,
            avg(pull_request_days_to_merge) as average_merge_lead_time_days
        from (
            select
                cast({{ dbt.date_trunc('quarter', 'created_at') }} as date) as quarter_start,
                case when is_pull_request then 1 else 0 end as new_pull_requests,
                cast(null as double) as issue_days_to_close,
                cast(null as double) as pull_request_days_to_merge
            from {{ ref('stg_github__issues') }}
            union all
            select
                cast({{ dbt.date_trunc('quarter', 'closed_at') }} as date) as quarter_start,
                0 as new_pull_requests,
                cast(
                    {{ timestamp_to_epoch_seconds('closed_at') }} - {{ timestamp_to_epoch_seconds('created_at') }}
                    as double
                ) / 86400 as issue_days_to_close,
                cast(null as double) as pull_request_days_to_merge
            from {{ ref('stg_github__issues') }}
            where not is_pull_request and closed_at is not null and closed_at >= created_at
            union all
            select
                cast({{ dbt.date_trunc('quarter', 'merged.merged_at') }} as date) as quarter_start,
                0 as new_pull_requests,
                cast(null as double) as issue_days_to_close,
                cast(
                    {{ timestamp_to_epoch_seconds('merged.merged_at') }}
                    - {{ timestamp_to_epoch_seconds('issues.created_at') }} as double
                ) / 86400 as pull_request_days_to_merge
            from {{ ref('stg_github__merged_pull_requests') }} as merged
            inner join {{ ref('stg_github__issues') }} as issues
                on merged.issue_id = issues.issue_id
            where merged.merged_at >= issues.created_at
        ) as github_events
        group by 1
    {% else %}
        select
            cast(null as date) as quarter_start,
            cast(null as {{ dbt.type_bigint() }}) as new_pull_requests,
            cast(null as double) as average_issue_resolution_days,
            cast(null as double) as average_merge_lead_time_days
        where 1 = 0
    {% endif %}
),

platform_bounds as (
    select
        platform,
        min(quarter_start) as first_quarter
    from contributions
    group by 1
),

last_quarter as (
    select max(quarter_start) as last_quarter from activities
),

quarter_bounds as (
    select
        min(platform_bounds.first_quarter) as first_month,
        max(last_quarter.last_quarter) as last_month
    from platform_bounds
    cross join last_quarter
),

months as (
    {{ month_spine('quarter_bounds') }}
),

quarters as (
    -- Every quarter from each platform's first contribution to the data's last quarter.
    select
        platform_bounds.platform,
        months.month_start as quarter_start
    from platform_bounds
    inner join months
        on platform_bounds.first_quarter <= months.month_start
    where extract(month from months.month_start) in (1, 4, 7, 10)
),

measured as (
    select
        quarters.platform,
        quarters.quarter_start,
        coalesce(absence_factors.contributions, 0) as contributions,
        coalesce(absence_factors.active_contributors, 0) as active_contributors,
        absence_factors.contributor_absence_factor,
        elephant_factors.elephant_factor,
        retention.previous_contributors,
        {{ safe_divide('retention.retained_contributors', 'retention.previous_contributors') }}
            as contributor_retention_rate,
        first_responses.median_hours_to_first_response,
        case when quarters.platform in ('github', 'all') then cast(github.new_pull_requests as double) / 3 end
            as new_pull_requests_per_month,
        case
            when quarters.platform in ('github', 'all') then {{ score_6dp('github.average_issue_resolution_days') }}
        end as average_issue_resolution_days,
        case
            when quarters.platform in ('github', 'all') then {{ score_6dp('github.average_merge_lead_time_days') }}
        end as average_merge_lead_time_days,
        coalesce(active_days.active_days_last_30, 0) as active_days_last_30,
        case
            when quarters.platform in ('social', 'all')
                then cast(coalesce(social_mentions.social_mentions, 0) as double) / 3
        end as social_mentions_per_month,
        lag(coalesce(absence_factors.active_contributors, 0)) over (
            partition by quarters.platform order by quarters.quarter_start
        ) as previous_active_contributors
    from quarters
    left join absence_factors
        on
            quarters.platform = absence_factors.platform
            and quarters.quarter_start = absence_factors.quarter_start
    left join elephant_factors
        on
            quarters.platform = elephant_factors.platform
            and quarters.quarter_start = elephant_factors.quarter_start
    left join retention
        on
            quarters.platform = retention.platform
            and quarters.quarter_start = retention.quarter_start
    left join first_responses
        on
            quarters.platform = first_responses.platform
            and quarters.quarter_start = first_responses.quarter_start
    left join github
        on quarters.quarter_start = github.quarter_start
    left join active_days
        on
            quarters.platform = active_days.platform
            and quarters.quarter_start = active_days.quarter_start
    left join social_mentions
        on quarters.quarter_start = social_mentions.quarter_start
),

points as (
    select
        *,
        {{ health_points('coalesce(contributor_absence_factor, 0)', dependency_cuts) }}
            as contributor_dependency_points,
        {{ health_points('elephant_factor', organization_cuts) }} as organization_dependency_points,
        {{ health_points('active_contributors', contributors_cuts) }} as active_contributors_points,
        {{ health_points('contributor_retention_rate', retention_cuts) }} as retention_points,
        {{ health_points('social_mentions_per_month', mentions_cuts) }} as social_mentions_points,
        {{ health_points('new_pull_requests_per_month', pull_request_cuts) }} as new_pull_requests_points,
        {{ health_points('average_issue_resolution_days', resolution_cuts, higher_is_better=false) }}
            as issue_resolution_points,
        {{ health_points('average_merge_lead_time_days', merge_cuts, higher_is_better=false) }}
            as merge_lead_time_points,
        {{ health_points('active_days_last_30', active_days_cuts) }} as active_days_points
    from measured
),

categories as (
    select
        *,
        {{ health_category([
            'contributor_dependency_points', 'organization_dependency_points',
            'active_contributors_points', 'retention_points'
        ]) }} as contributors_category_points,
        {{ health_category(['social_mentions_points']) }} as popularity_category_points,
        {{ health_category([
            'new_pull_requests_points', 'issue_resolution_points',
            'merge_lead_time_points', 'active_days_points'
        ]) }} as development_category_points
    from points
),

scored as (
    select
        *,
        100.0 * (
            coalesce(contributors_category_points, 0)
            + coalesce(popularity_category_points, 0)
            + coalesce(development_category_points, 0)
        ) / (
            25.0 * (
                case when contributors_category_points is null then 0 else 1 end
                + case when popularity_category_points is null then 0 else 1 end
                + case when development_category_points is null then 0 else 1 end
            )
        ) as health_score
    from categories
),

final as (
    select
        platform,
        quarter_start,
        cast(contributions as {{ dbt.type_bigint() }}) as contributions,
        cast(active_contributors as {{ dbt.type_bigint() }}) as active_contributors,
        cast(contributor_absence_factor as int) as contributor_absence_factor,
        cast(elephant_factor as int) as elephant_factor,
        contributor_retention_rate,
        median_hours_to_first_response,
        new_pull_requests_per_month,
        average_issue_resolution_days,
        average_merge_lead_time_days,
        cast(active_days_last_30 as int) as active_days_last_30,
        social_mentions_per_month,
        cast(contributor_dependency_points as int) as contributor_dependency_points,
        cast(organization_dependency_points as int) as organization_dependency_points,
        cast(active_contributors_points as int) as active_contributors_points,
        cast(retention_points as int) as retention_points,
        cast(social_mentions_points as int) as social_mentions_points,
        cast(new_pull_requests_points as int) as new_pull_requests_points,
        cast(issue_resolution_points as int) as issue_resolution_points,
        cast(merge_lead_time_points as int) as merge_lead_time_points,
        cast(active_days_points as int) as active_days_points,
        {{ score_6dp('contributors_category_points') }} as contributors_category_points,
        {{ score_6dp('popularity_category_points') }} as popularity_category_points,
        {{ score_6dp('development_category_points') }} as development_category_points,
        {{ score_6dp('health_score') }} as health_score,
        case
            when health_score > {{ band_cuts[3] }} then 'excellent'
            when health_score >= {{ band_cuts[2] }} then 'healthy'
            when health_score >= {{ band_cuts[1] }} then 'stable'
            when health_score >= {{ band_cuts[0] }} then 'unsteady'
            else 'critical'
        end as health_band,
        case
            when active_contributors = 0 then 'inert'
            when previous_active_contributors is null or previous_active_contributors = 0 then 'active'
            when active_contributors > (1 + {{ lifecycle_change }}) * previous_active_contributors then 'active'
            when active_contributors < (1 - {{ lifecycle_change }}) * previous_active_contributors then 'declining'
            else 'stable'
        end as lifecycle
    from scored
),

with_completeness as (
    {{ with_period_completeness('final', 'quarter_start', 'quarter') }}
)

select * from with_completeness
