{#
    Multi-touch attribution: every conversion beside each touch of its people inside the lookback window
    (`attribution_lookback_days`, 90, up to and including the conversion), with the weight each model
    gives that touch. Touches are ordered by time, ties by touch id, so every model is deterministic.
    A conversion with no touch in the window keeps one row, credited to the channel `unattributed`.
    The formulas are in the doc blocks of models/marts/marketing/_marketing__docs.md.
#}
{%- set lookback_days = number_var('attribution_lookback_days', 90, min_value=1, max_value=3650, integer=true) -%}
{%- set half_life_days = number_var('attribution_time_decay_half_life_days', 7, min_value=0.001, max_value=3650) -%}

with conversions as (
    select * from {{ ref('int_touchpoints__conversions') }}
),

touches as (
    select * from {{ ref('int_touchpoints__touches') }}
),

conversion_people as (
    -- Whose touches count: the person who became a lead, or every member at the account of an
    -- opportunity or deal.
    select
        conversion_id,
        member_id
    from conversions
    where member_id is not null
    union all
    select
        conversions.conversion_id,
        member_accounts.member_id
    from conversions
    inner join {{ ref('int_crm__member_accounts') }} as member_accounts
        on conversions.account_id = member_accounts.account_id
    where conversions.member_id is null
),

eligible as (
    select
        conversion_people.conversion_id,
        touches.touch_id,
        touches.member_id,
        touches.touched_at,
        touches.touch_type,
        touches.channel,
        touches.campaign
    from conversion_people
    inner join conversions
        on conversion_people.conversion_id = conversions.conversion_id
    inner join touches
        on conversion_people.member_id = touches.member_id
    where
        touches.touched_at <= conversions.converted_at
        and touches.touched_at >= {{ dbt.dateadd('day', -lookback_days, 'conversions.converted_at') }}
),

ranked as (
    select
        eligible.*,
        conversions.converted_at,
        conversions.lead_created_at,
        conversions.opportunity_created_at,
        row_number() over (
            partition by eligible.conversion_id order by eligible.touched_at, eligible.touch_id
        ) as touch_number,
        count(*) over (partition by eligible.conversion_id) as touch_count,
        cast(
            {{ timestamp_to_epoch_seconds('conversions.converted_at') }}
            - {{ timestamp_to_epoch_seconds('eligible.touched_at') }} as double
        ) / 86400 as days_before_conversion
    from eligible
    inner join conversions
        on eligible.conversion_id = conversions.conversion_id
),

keyed as (
    -- The W-shape's key touches: the first, the last at or before lead creation and the last at or
    -- before opportunity creation (each falls back to the first touch when no touch precedes it).
    select
        *,
        coalesce(
            max(case when touched_at <= lead_created_at then touch_number end)
                over (partition by conversion_id),
            1
        ) as lead_key_number,
        coalesce(
            max(case when touched_at <= opportunity_created_at then touch_number end)
                over (partition by conversion_id),
            1
        ) as opportunity_key_number,
        power(cast(2 as double), -days_before_conversion / cast({{ half_life_days }} as double)) as decay_factor
    from ranked
),

counted as (
    select
        *,
        case when touch_number = 1 then 1 else 0 end
        + case when touch_number = lead_key_number then 1 else 0 end
        + case when touch_number = opportunity_key_number then 1 else 0 end as key_roles,
        1
        + case when lead_key_number != 1 then 1 else 0 end
        + case when opportunity_key_number not in (1, lead_key_number) then 1 else 0 end as key_touches,
        sum(decay_factor) over (partition by conversion_id) as decay_total
    from keyed
),

weighted as (
    select
        conversion_id,
        touch_id,
        member_id,
        touched_at,
        touch_type,
        channel,
        campaign,
        touch_number,
        touch_count,
        days_before_conversion,
        -- Weights are doubles throughout: a decimal literal divided on Spark keeps six decimals.
        case when touch_number = 1 then 1 else 0 end as first_touch_weight,
        case when touch_number = touch_count then 1 else 0 end as last_touch_weight,
        1 / cast(touch_count as double) as linear_weight,
        case
            when touch_count = 1 then cast(1 as double)
            when touch_count = 2 then cast(0.5 as double)
            when touch_number = 1 or touch_number = touch_count then cast(0.4 as double)
            else cast(0.2 as double) / (touch_count - 2)
        end as u_shaped_weight,
        -- In tenths, so that key roles add up exactly: 3 tenths a role, plus a share of the last tenth.
        (
            3 * key_roles
            + case
                when key_roles = 0 then 1 / cast(touch_count - key_touches as double)
                when touch_count = key_touches then 1 / cast(key_touches as double)
                else 0
            end
        ) / 10 as w_shaped_weight,
        decay_factor / decay_total as time_decay_weight
    from counted
),

attributed as (
    select distinct conversion_id
    from eligible
),

unattributed as (
    select
        conversions.conversion_id,
        cast(null as {{ dbt.type_string() }}) as touch_id,
        cast(null as {{ dbt.type_string() }}) as member_id,
        cast(null as {{ dbt.type_timestamp() }}) as touched_at,
        cast(null as {{ dbt.type_string() }}) as touch_type,
        'unattributed' as channel,
        cast(null as {{ dbt.type_string() }}) as campaign,
        1 as touch_number,
        0 as touch_count,
        cast(null as double) as days_before_conversion,
        1 as first_touch_weight,
        1 as last_touch_weight,
        cast(1 as double) as linear_weight,
        cast(1 as double) as u_shaped_weight,
        cast(1 as double) as w_shaped_weight,
        cast(1 as double) as time_decay_weight
    from conversions
    left join attributed
        on conversions.conversion_id = attributed.conversion_id
    where attributed.conversion_id is null
),

credited as (
    select * from weighted
    union all
    select * from unattributed
),

final as (
    select
        {{ dbt.concat(['conversions.conversion_id', "':'", "coalesce(credited.touch_id, 'unattributed')"]) }}
            as attribution_touch_id,
        conversions.conversion_id,
        conversions.conversion_type,
        conversions.converted_at,
        {{ month_start('conversions.converted_at') }} as conversion_month,
        {{ cents('conversions.revenue') }} as revenue,
        conversions.account_id,
        conversions.opportunity_id,
        credited.touch_id,
        credited.touch_type,
        credited.member_id,
        credited.touched_at,
        credited.channel,
        credited.campaign,
        cast(credited.touch_number as {{ dbt.type_bigint() }}) as touch_number,
        cast(credited.touch_count as {{ dbt.type_bigint() }}) as touch_count,
        credited.days_before_conversion,
        cast(credited.first_touch_weight as double) as first_touch_weight,
        cast(credited.last_touch_weight as double) as last_touch_weight,
        cast(credited.linear_weight as double) as linear_weight,
        cast(credited.u_shaped_weight as double) as u_shaped_weight,
        -- The W-shape needs the lead and the opportunity: it is defined for won deals only.
        case
            when conversions.conversion_type = 'deal_won' then cast(credited.w_shaped_weight as double)
        end as w_shaped_weight,
        cast(credited.time_decay_weight as double) as time_decay_weight
    from credited
    inner join conversions
        on credited.conversion_id = conversions.conversion_id
)

select * from final
