{{ config(enabled=source_enabled('web')) }}

{#
    Segment page views grouped into sessions: a visitor's (anonymous id's) page views with no gap longer
    than `attribution_session_timeout_minutes` (30). The landing page view carries the session's UTM tags
    and referrer, which the seed channel_rules turn into a channel: the first rule (lowest priority)
    whose medium, source and referrer domain match (`*` matches anything), else `referral` when another
    site sent the visitor, else `direct`. The visitor is a member when an identify call linked the
    anonymous id to a person (int_identity__member_map).
#}
{%- set text = dbt.type_string() -%}
{%- set timeout_minutes = number_var(
    'attribution_session_timeout_minutes', 30, min_value=1, max_value=1440, integer=true
) -%}

with page_views as (
    select
        page_view_id,
        anonymous_id,
        viewed_at,
        lower(trim(utm_source)) as utm_source,
        lower(trim(utm_medium)) as utm_medium,
        nullif(trim(utm_campaign), '') as utm_campaign,
        regexp_replace(
            lower(regexp_extract(referrer, '^[A-Za-z]+://([^/:?#]+)', 1)), '^www[.]', ''
        ) as referrer_domain
    from {{ ref('stg_web__page_views') }}
    where anonymous_id is not null and viewed_at is not null
),

sequenced as (
    select
        *,
        lag(viewed_at) over (partition by anonymous_id order by viewed_at, page_view_id) as previous_viewed_at
    from page_views
),

flagged as (
    select
        *,
        case
            when
                previous_viewed_at is null
                or viewed_at > {{ dbt.dateadd('minute', timeout_minutes, 'previous_viewed_at') }}
                then 1
            else 0
        end as is_session_start
    from sequenced
),

numbered as (
    select
        *,
        sum(is_session_start) over (
            partition by anonymous_id
            order by viewed_at, page_view_id
            rows between unbounded preceding and current row
        ) as session_number
    from flagged
),

sessions as (
    select
        anonymous_id,
        session_number,
        min(viewed_at) as started_at,
        max(viewed_at) as ended_at,
        count(*) as page_views
    from numbered
    group by 1, 2
),

landings as (
    select * from numbered
    where is_session_start = 1
),

channel_rules as (
    select
        priority,
        lower(utm_medium) as utm_medium,
        lower(utm_source) as utm_source,
        lower(referrer_domain) as referrer_domain,
        channel
    from {{ ref('channel_rules') }}
),

matched as (
    select
        landings.anonymous_id,
        landings.session_number,
        channel_rules.channel,
        row_number() over (
            partition by landings.anonymous_id, landings.session_number
            order by channel_rules.priority, channel_rules.channel
        ) as rule_rank
    from landings
    inner join channel_rules
        on
            (channel_rules.utm_medium = '*' or landings.utm_medium = channel_rules.utm_medium)
            and (channel_rules.utm_source = '*' or landings.utm_source = channel_rules.utm_source)
            and (
                channel_rules.referrer_domain = '*'
                or landings.referrer_domain = channel_rules.referrer_domain
                or landings.referrer_domain like {{ dbt.concat(["'%.'", 'channel_rules.referrer_domain']) }}
            )
),

member_map as (
    select
        identifier_id,
        member_id
    from {{ ref('int_identity__member_map') }}
),

final as (
    select
        {{ dbt.concat(["'web:'", 'landings.anonymous_id', "':'", 'cast(landings.session_number as ' ~ text ~ ')']) }}
            as session_id,
        landings.anonymous_id,
        member_map.member_id,
        sessions.started_at,
        sessions.ended_at,
        cast(sessions.page_views as {{ dbt.type_bigint() }}) as page_views,
        landings.utm_source,
        landings.utm_medium,
        landings.utm_campaign,
        landings.referrer_domain,
        coalesce(
            matched.channel,
            case when landings.referrer_domain is not null and landings.referrer_domain != '' then 'referral' end,
            'direct'
        ) as channel
    from landings
    inner join sessions
        on
            landings.anonymous_id = sessions.anonymous_id
            and landings.session_number = sessions.session_number
    left join matched
        on
            landings.anonymous_id = matched.anonymous_id
            and landings.session_number = matched.session_number
            and matched.rule_rank = 1
    left join member_map
        on {{ dbt.concat(["'web_anonymous_id:'", 'landings.anonymous_id']) }} = member_map.identifier_id
)

select * from final
