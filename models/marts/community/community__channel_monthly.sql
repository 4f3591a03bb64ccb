{#
    Conversation activity per channel (a Slack or Discord channel, a forum category, a repository)
    and month, by members (staff and bots excluded; staff posts are counted apart). Only actions
    that post or answer content count (fct_activities content_kind / parent_kind); each channel
    has a row for every month from its first activity to the last month of the exports.
#}
with activities as (
    select
        member_id,
        platform,
        channel_name,
        activity_month,
        is_staff,
        is_bot,
        is_member_activity,
        content_kind is not null as is_post,
        content_kind is not null and parent_kind is null as is_root_post
    from {{ ref('int_activities__unioned') }}
    where
        (content_kind is not null or parent_kind is not null)
        and channel_name is not null
),

months as (
    select month_start
    from {{ ref('int_community__engagement_monthly') }}
    where platform = 'all'
),

member_activities as (
    select * from activities
    where is_member_activity
),

first_posts as (
    select
        member_id,
        platform,
        channel_name,
        min(activity_month) as first_post_month
    from member_activities
    where is_post
    group by 1, 2, 3
),

channels as (
    select
        platform,
        channel_name,
        min(activity_month) as first_month
    from activities
    group by 1, 2
),

member_counts as (
    select
        platform,
        channel_name,
        activity_month as month_start,
        sum(case when is_post then 1 else 0 end) as messages,
        sum(case when is_root_post then 1 else 0 end) as posts,
        sum(case when is_post and not is_root_post then 1 else 0 end) as replies,
        count(distinct member_id) as active_members
    from member_activities
    group by 1, 2, 3
),

staff_counts as (
    select
        platform,
        channel_name,
        activity_month as month_start,
        count(*) as staff_messages
    from activities
    where is_staff and not is_bot and is_post
    group by 1, 2, 3
),

new_posters as (
    select
        platform,
        channel_name,
        first_post_month as month_start,
        count(*) as new_posters
    from first_posts
    group by 1, 2, 3
),

grid as (
    select
        channels.platform,
        channels.channel_name,
        months.month_start
    from channels
    inner join months
        on channels.first_month <= months.month_start
),

final as (
    select
        grid.platform,
        grid.channel_name,
        grid.month_start,
        cast(coalesce(member_counts.messages, 0) as {{ dbt.type_bigint() }}) as messages,
        cast(coalesce(member_counts.posts, 0) as {{ dbt.type_bigint() }}) as posts,
        cast(coalesce(member_counts.replies, 0) as {{ dbt.type_bigint() }}) as replies,
        {{ safe_divide('member_counts.replies', 'member_counts.posts') }} as replies_per_post,
        cast(coalesce(member_counts.active_members, 0) as {{ dbt.type_bigint() }}) as active_members,
        cast(coalesce(new_posters.new_posters, 0) as {{ dbt.type_bigint() }}) as new_posters,
        cast(coalesce(staff_counts.staff_messages, 0) as {{ dbt.type_bigint() }}) as staff_messages
    from grid
    left join member_counts
        on
            grid.platform = member_counts.platform
            and grid.channel_name = member_counts.channel_name
            and grid.month_start = member_counts.month_start
    left join staff_counts
        on
            grid.platform = staff_counts.platform
            and grid.channel_name = staff_counts.channel_name
            and grid.month_start = staff_counts.month_start
    left join new_posters
        on
            grid.platform = new_posters.platform
            and grid.channel_name = new_posters.channel_name
            and grid.month_start = new_posters.month_start
),

with_completeness as (
    {{ with_period_completeness('final', 'month_start', 'month') }}
)

select * from with_completeness
