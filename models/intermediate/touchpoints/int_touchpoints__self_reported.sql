{#
    What people said brought them ("How did you hear about us?"): the custom question of the event
    registration form, the HubSpot contact property and the billing sign-up survey. Each answer is
    normalized (normalize_free_text) and mapped to a channel by the first matching pattern of the seed
    self_reported_channel_patterns; an answer nothing matches, or a blank one, is `unknown`.
#}
with answers as (
    {% if source_enabled('events') %}
        select
            'events' as answer_source,
            {{ dbt.concat(["'event_guest:'", 'guest_id']) }} as identifier_id,
            registered_at as answered_at,
            heard_about_us as answer
        from {{ ref('stg_events__guests') }}
        where heard_about_us is not null
        union all
    {% endif %}
    {% if source_enabled('hubspot') %}
        select
            'hubspot' as answer_source,
            {{ dbt.concat(["'hubspot_contact:'", 'cast(contact_id as ' ~ dbt.type_string() ~ ')']) }} as identifier_id,
            created_at as answered_at,
            heard_about_us as answer
        from {{ ref('stg_hubspot__contacts') }}
        where heard_about_us is not null and not is_deleted
        union all
    {% endif %}
    {% if source_enabled('billing') %}
        select
            'billing' as answer_source,
            {{ dbt.concat(["'billing_customer:'", 'customer_id']) }} as identifier_id,
            created_at as answered_at,
            heard_about_us as answer
        from {{ ref('stg_billing__customers') }}
        where heard_about_us is not null
        union all
    {% endif %}
    select
        cast(null as {{ dbt.type_string() }}) as answer_source,
        cast(null as {{ dbt.type_string() }}) as identifier_id,
        cast(null as {{ dbt.type_timestamp() }}) as answered_at,
        cast(null as {{ dbt.type_string() }}) as answer
    where 1 = 0
),

normalized as (
    select
        *,
        {{ normalize_free_text('answer') }} as answer_normalized
    from answers
),

matched as (
    {{ matching_patterns(
        'normalized', ['answer_source', 'identifier_id'], 'answer',
        ref('self_reported_channel_patterns'), 'pattern', 'channel', priority_column='priority'
    ) }}
),

final as (
    select
        {{ dbt.concat(['normalized.answer_source', "':'", 'normalized.identifier_id']) }} as answer_id,
        normalized.answer_source,
        normalized.identifier_id,
        member_map.member_id,
        normalized.answered_at,
        normalized.answer,
        normalized.answer_normalized,
        coalesce(matched.channel, 'unknown') as channel
    from normalized
    left join matched
        on
            normalized.identifier_id = matched.identifier_id
            and normalized.answer_source = matched.answer_source
    left join {{ ref('int_identity__member_map') }} as member_map
        on normalized.identifier_id = member_map.identifier_id
)

select * from final
