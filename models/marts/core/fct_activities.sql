{#
    Every community action on every platform, attributed to a member (int_activities__unioned, published
    as is). Staff and bot actions are kept and flagged; `is_member_activity` marks what community metrics
    count. A view: the activities are stored once, in the intermediate table (a table in parity runs,
    which compare tables).
#}
{{ config(materialized='table' if var('parity_materialize_views', false) else 'view') }}

select
    activity_id,
    member_id,
    actor_identifier_id,
    platform,
    activity_type,
    channel_name,
    content_id,
    parent_content_id,
    occurred_at,
    activity_month,
    weight,
    is_contribution,
    content_kind,
    parent_kind,
    is_staff,
    is_bot,
    is_member_activity
from {{ ref('int_activities__unioned') }}
