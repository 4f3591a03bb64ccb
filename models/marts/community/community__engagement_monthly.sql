with activities as (
    {% if var('using_slack', true) %}
        select
            member_id,
            occurred_at,
            is_bot,
            is_staff
        from {{ ref('int_activities__slack') }}
    {% else %}
        select
            cast(null as {{ dbt.type_string() }}) as member_id,
            cast(null as {{ dbt.type_timestamp() }}) as occurred_at,
            false as is_bot,
            false as is_staff
        where 1 = 0
    {% endif %}
),

bounds as (
    -- The months the exports cover: from the first to the last activity of anyone, bots and staff included.
    select
        {{ month_start('min(occurred_at)') }} as first_month,
        {{ month_start('max(occurred_at)') }} as last_month
    from activities
),

months as (
    {{ month_spine('bounds') }}
),

member_months as (
    select
        member_id,
        {{ month_start('occurred_at') }} as month_start,
        count(*) as activities
    from activities
    where not is_bot and not is_staff
    group by 1, 2
),

first_months as (
    select
        member_id,
        min(month_start) as first_month_start
    from member_months
    group by 1
),

monthly as (
    select
        member_months.month_start,
        count(*) as active_members,
        sum(case when member_months.month_start = first_months.first_month_start then 1 else 0 end) as new_members,
        sum(member_months.activities) as activities
    from member_months
    inner join first_months
        on member_months.member_id = first_months.member_id
    group by 1
),

final as (
    select
        months.month_start,
        cast(coalesce(monthly.new_members, 0) as {{ dbt.type_bigint() }}) as new_members,
        cast(coalesce(monthly.active_members, 0) as {{ dbt.type_bigint() }}) as active_members,
        cast(coalesce(monthly.activities, 0) as {{ dbt.type_bigint() }}) as activities
    from months
    left join monthly
        on months.month_start = monthly.month_start
)

select * from final
