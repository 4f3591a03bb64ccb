-- Which channels carry the community? Active members and activities per platform, channel (a Slack or
-- Discord channel, a forum category, a repository) and quarter, staff and bots excluded. Compile with
-- `dbt compile --select channel_activity_by_quarter` and run the SQL from target/compiled/ in any
-- client, or copy the pattern. community__channel_monthly has the monthly figures as a mart.
with activities as (
    select * from {{ ref('fct_activities') }}
    where
        member_id is not null
        and not is_bot
        and not is_staff
)

select
    platform,
    channel_name,
    cast({{ dbt.date_trunc('quarter', 'occurred_at') }} as date) as quarter_start,
    count(distinct member_id) as active_members,
    count(*) as activities,
    count(case when parent_kind is not null and content_kind is not null then 1 end) as replies
from activities
group by 1, 2, 3
order by 3 desc, 4 desc
