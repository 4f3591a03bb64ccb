with base as (
    {{ staged_rows(ref('base_discourse__topics')) }}
),

final as (
    select
        topic_id,
        title,
        category_id,
        user_id,
        created_at,
        last_posted_at,
        deleted_at,
        posts_count,
        view_count,
        like_count,
        is_closed,
        is_archived,
        deleted_at is not null as is_deleted,
        -- Private messages live in the same API but are not community activity.
        coalesce(archetype, 'regular') = 'private_message' as is_private_message,
        accepted_answer_post_number,
        accepted_answer_post_number is not null as has_accepted_answer
    from base
)

select * from final
