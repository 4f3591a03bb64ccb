{#
    Every attribution model's weights add up to 1 for every conversion (within 1e-9: they are doubles),
    and the W-shape's for every won deal. A conversion whose weights do not is returned with its sums.
#}
select
    conversion_id,
    conversion_type,
    sum(first_touch_weight) as first_touch,
    sum(last_touch_weight) as last_touch,
    sum(linear_weight) as linear_sum,
    sum(u_shaped_weight) as u_shaped,
    sum(w_shaped_weight) as w_shaped,
    sum(time_decay_weight) as time_decay
from {{ ref('marketing__attribution_touches') }}
group by 1, 2
having
    abs(sum(first_touch_weight) - 1) > 1e-9
    or abs(sum(last_touch_weight) - 1) > 1e-9
    or abs(sum(linear_weight) - 1) > 1e-9
    or abs(sum(u_shaped_weight) - 1) > 1e-9
    or abs(sum(time_decay_weight) - 1) > 1e-9
    or (conversion_type = 'deal_won' and abs(sum(w_shaped_weight) - 1) > 1e-9)
    or (conversion_type != 'deal_won' and sum(w_shaped_weight) is not null)
