{#
    How quickly and by whom the community's questions are answered, per month the question was asked
    and platform (CHAOSS time to first response). Questions are conversations that the seed
    question_spaces marks, asked by members (staff and bots excluded); a response is a reply by
    anyone other than the asker (bots excluded, reactions are not responses).
#}
with questions as (
    select * from {{ ref('int_community__conversations') }}
    where
        is_question
        and not is_staff
        and not is_bot
),

months as (
    select month_start
    from {{ ref('int_community__engagement_monthly') }}
    where platform = 'all'
),

platforms as (
    select distinct platform
    from questions
),

counted as (
    select
        platform,
        started_month as month_start,
        count(*) as questions,
        sum(case when first_response_at is not null then 1 else 0 end) as answered_questions,
        sum(case when is_first_response_by_staff then 1 else 0 end) as first_answered_by_staff,
        sum(case when not is_first_response_by_staff then 1 else 0 end) as first_answered_by_community,
        sum(case when has_accepted_answer then 1 else 0 end) as questions_with_accepted_answer
    from questions
    group by 1, 2
),

response_times as (
    select
        platform,
        started_month as month_start,
        percentile_cont(0.5) within group (order by hours_to_first_response) as median_hours_to_first_response,
        percentile_cont(0.9) within group (order by hours_to_first_response) as p90_hours_to_first_response
    from questions
    where first_response_at is not null
    group by 1, 2
),

final as (
    select
        months.month_start,
        platforms.platform,
        cast(coalesce(counted.questions, 0) as {{ dbt.type_bigint() }}) as questions,
        cast(coalesce(counted.answered_questions, 0) as {{ dbt.type_bigint() }}) as answered_questions,
        {{ safe_divide('counted.answered_questions', 'counted.questions') }} as answered_share,
        cast(response_times.median_hours_to_first_response as double) as median_hours_to_first_response,
        cast(response_times.p90_hours_to_first_response as double) as p90_hours_to_first_response,
        cast(coalesce(counted.first_answered_by_staff, 0) as {{ dbt.type_bigint() }}) as first_answered_by_staff,
        cast(coalesce(counted.first_answered_by_community, 0) as {{ dbt.type_bigint() }})
            as first_answered_by_community,
        {{ safe_divide('counted.first_answered_by_staff', 'counted.answered_questions') }} as staff_answered_share,
        {{ safe_divide('counted.first_answered_by_community', 'counted.answered_questions') }}
            as community_answered_share,
        cast(coalesce(counted.questions_with_accepted_answer, 0) as {{ dbt.type_bigint() }})
            as questions_with_accepted_answer
    from months
    cross join platforms
    left join counted
        on
            months.month_start = counted.month_start
            and platforms.platform = counted.platform
    left join response_times
        on
            months.month_start = response_times.month_start
            and platforms.platform = response_times.platform
),

with_completeness as (
    {{ with_period_completeness('final', 'month_start', 'month') }}
)

select * from with_completeness
