{#
    What new customers say brought them beside what the attribution models credit, per month and
    channel. New customers are won deals (marketing__attribution_touches, conversion deal_won); a deal's
    self-reported channel is the earliest answer to "How did you hear about us?" given by a member at its
    account up to the deal's close (int_touchpoints__self_reported), else `unknown`. The gap is the
    self-reported share minus the share the reference model (`attribution_reference_model`, linear)
    credits: for the community channel, the "dark social" the models cannot see.
#}
{%- set models = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay'] -%}
{%- set reference = var('attribution_reference_model', 'linear') -%}
{%- if reference not in models -%}
    {{ exceptions.raise_compiler_error(
        "The var `attribution_reference_model` is " ~ (reference | tojson) ~ "; it must be one of "
        ~ (models | join(', ')) ~ ". Set it in dbt_project.yml under `vars:`."
    ) }}
{%- endif -%}

with deals as (
    select
        conversion_id,
        conversion_month,
        converted_at,
        account_id,
        channel,
        first_touch_weight,
        last_touch_weight,
        linear_weight,
        u_shaped_weight,
        w_shaped_weight,
        time_decay_weight
    from {{ ref('marketing__attribution_touches') }}
    where conversion_type = 'deal_won'
),

deal_list as (
    select distinct
        conversion_id,
        conversion_month,
        converted_at,
        account_id
    from deals
),

answers as (
    select
        deal_list.conversion_id,
        self_reported.channel,
        row_number() over (
            partition by deal_list.conversion_id
            order by self_reported.answered_at, self_reported.answer_id
        ) as answer_rank
    from deal_list
    inner join {{ ref('int_crm__member_accounts') }} as member_accounts
        on deal_list.account_id = member_accounts.account_id
    inner join {{ ref('int_touchpoints__self_reported') }} as self_reported
        on member_accounts.member_id = self_reported.member_id
    where self_reported.answered_at <= deal_list.converted_at
),

self_reported as (
    select
        deal_list.conversion_month as month_start,
        coalesce(answers.channel, 'unknown') as channel,
        count(*) as self_reported_customers
    from deal_list
    left join answers
        on
            deal_list.conversion_id = answers.conversion_id
            and answers.answer_rank = 1
    group by 1, 2
),

modeled as (
    select
        conversion_month as month_start,
        channel,
        {% for model in models %}
            sum({{ model }}_weight) as {{ model }}_customers{% if not loop.last %},{% endif %}
        {% endfor %}
    from deals
    group by 1, 2
),

monthly_customers as (
    select
        conversion_month as month_start,
        count(*) as new_customers
    from deal_list
    group by 1
),

keys as (
    select
        month_start,
        channel
    from self_reported
    union
    select
        month_start,
        channel
    from modeled
),

final as (
    select
        keys.month_start,
        keys.channel,
        cast(monthly_customers.new_customers as {{ dbt.type_bigint() }}) as new_customers,
        cast(coalesce(self_reported.self_reported_customers, 0) as {{ dbt.type_bigint() }}) as self_reported_customers,
        {{ safe_divide('coalesce(self_reported.self_reported_customers, 0)', 'monthly_customers.new_customers') }}
            as self_reported_share,
        {% for model in models %}
            {{ safe_divide('coalesce(modeled.' ~ model ~ '_customers, 0)', 'monthly_customers.new_customers') }}
                as {{ model }}_share,
        {% endfor %}
        '{{ reference }}' as reference_model,
        {{ safe_divide('coalesce(self_reported.self_reported_customers, 0)', 'monthly_customers.new_customers') }}
        - {{ safe_divide('coalesce(modeled.' ~ reference ~ '_customers, 0)', 'monthly_customers.new_customers') }}
            as self_reported_minus_modeled_share
    from keys
    inner join monthly_customers
        on keys.month_start = monthly_customers.month_start
    left join self_reported
        on
            keys.month_start = self_reported.month_start
            and keys.channel = self_reported.channel
    left join modeled
        on
            keys.month_start = modeled.month_start
            and keys.channel = modeled.channel
),

with_completeness as (
    {{ with_period_completeness('final', 'month_start', 'month') }}
)

select * from with_completeness
