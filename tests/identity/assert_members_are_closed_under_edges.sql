-- The member map is a partition the edges respect: both ends of every edge belong to one member.
select
    edges.identifier_id_a,
    edges.identifier_id_b,
    map_a.member_id as member_a,
    map_b.member_id as member_b
from {{ ref('int_identity__edges') }} as edges
left join {{ ref('int_identity__member_map') }} as map_a
    on edges.identifier_id_a = map_a.identifier_id
left join {{ ref('int_identity__member_map') }} as map_b
    on edges.identifier_id_b = map_b.identifier_id
where map_a.member_id is null
    or map_b.member_id is null
    or map_a.member_id <> map_b.member_id
