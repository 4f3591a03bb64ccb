{#
    The identity review queue: every pair of identifiers the resolver withheld, merged on weak evidence,
    or saw as likely the same without merging, with a confidence that the pair is one person, the
    evidence and the line to add to identity_links.csv (same person) or identity_splits.csv (not the
    same person). How candidates and confidences are chosen: int_identity__review_candidates.
#}
with candidates as (
    select * from {{ ref('int_identity__review_candidates') }}
),

final as (
    select
        review_id,
        review_reason,
        review_status,
        identifier_id_a,
        identifier_id_b,
        member_id_a,
        member_id_b,
        is_merged,
        confidence,
        evidence,
        accept_line,
        reject_line
    from candidates
)

select * from final
