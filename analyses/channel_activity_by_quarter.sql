{{ config(enabled=var('using_slack', true)) }}

-- Which Slack channels carry the community? Active members and activities per channel and quarter,
-- bots and staff excluded. Compile with `dbt compile --select channel_activity_by_quarter` and run the
-- SQL from target/compiled/ in any client, or copy the pattern.
with activities as (
    select * from {{ ref('int_activities__slack') }}
    where not is_bot and not is_staff
)

select
    channel_name,
    cast({{ dbt.date_trunc('quarter', 'occurred_at') }} as date) as quarter_start,
    count(distinct member_id) as active_members,
    count(*) as activities,
    count(case when activity_type = 'thread_reply' then 1 end) as thread_replies
from activities
group by 1, 2
order by 2 desc, 3 desc
