-- The identity review queue as a work list: open rows, the most doubtful first (confidence nearest 0.5),
-- at most 50, with the two members' names and the lines to paste. Append `accept_line` to
-- config/identity_links.csv or `reject_line` to config/identity_splits.csv, then build again; the row's
-- review_status turns to accepted or rejected. Runs on both engines.
with queue as (
    select * from {{ ref('identity__merge_review') }}
    where review_status = 'open'
),

members as (
    select
        member_id,
        display_name
    from {{ ref('dim_members') }}
),

final as (
    select
        queue.review_reason,
        queue.confidence,
        queue.evidence,
        member_a.display_name as name_a,
        member_b.display_name as name_b,
        queue.accept_line,
        queue.reject_line,
        abs(queue.confidence - 0.5) as doubt_rank
    from queue
    left join members as member_a
        on queue.member_id_a = member_a.member_id
    left join members as member_b
        on queue.member_id_b = member_b.member_id
)

select * from final
order by 8 asc, 1 asc, 6 asc
limit 50
