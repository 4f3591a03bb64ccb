{#
    Splits win: no pair named in identity_splits ends up as one member. The edges model cuts the
    pair's direct evidence and what vouches for both sides; a row here means a longer chain still
    joins them — add a split for the link in that chain (int_identity__merge_audit shows it).
#}
select
    splits.identifier_type_a,
    splits.identifier_value_a,
    splits.identifier_type_b,
    splits.identifier_value_b,
    map_a.member_id
from {{ ref('stg_config__identity_splits') }} as splits
inner join {{ ref('int_identity__member_map') }} as map_a
    on concat(splits.identifier_type_a, ':', trim(splits.identifier_value_a)) = map_a.identifier_id
inner join {{ ref('int_identity__member_map') }} as map_b
    on concat(splits.identifier_type_b, ':', trim(splits.identifier_value_b)) = map_b.identifier_id
where map_a.member_id = map_b.member_id
