with base as (
    {{ staged_rows(ref('base_discourse__categories')) }}
),

final as (
    select
        category_id,
        category_name,
        category_slug,
        description,
        parent_category_id,
        topic_count,
        post_count,
        is_read_restricted
    from base
)

select * from final
