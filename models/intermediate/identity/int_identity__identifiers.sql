{#
    Every identifier seen anywhere: accounts (slack_user, discord_user, hubspot_contact, …) and what
    their records state (email, github_login, discord_username, x_handle). `identifier_id` is
    `<type>:<value>`, the key the edges and the member map use.
#}
with claims as (
    select * from {{ ref('int_identity__claims') }}
),

role_local_parts as (
    select local_part from {{ ref('role_email_local_parts') }}
),

sightings as (
    -- An account is seen by its own record; a stated identifier by each record that states it.
    select
        identifier_type,
        identifier_value,
        source_name,
        display_name,
        is_bot,
        first_seen_at,
        last_seen_at,
        true as is_account
    from claims
    union all
    select
        stated_type as identifier_type,
        stated_value as identifier_value,
        source_name,
        cast(null as {{ dbt.type_string() }}) as display_name,
        false as is_bot,
        first_seen_at,
        last_seen_at,
        false as is_account
    from claims
    where stated_value is not null
),

grouped as (
    select
        identifier_type,
        identifier_value,
        -- Distinct sources as a sum of per-source flags: a distinct count would take a pass of its own
        -- over the 14M sightings at 1M members (any name outside the list counts once).
        (
            {%- for source_name in base_models_by_source() %}
                max(case when source_name = '{{ source_name }}' then 1 else 0 end) +
            {%- endfor %}
            max(case when source_name not in ('{{ base_models_by_source() | join("', '") }}') then 1 else 0 end)  -- noqa: LT05
        ) as source_count,
        max(display_name) as display_name,
        max(case when is_bot then 1 else 0 end) = 1 as is_bot,
        max(case when is_account then 1 else 0 end) = 1 as is_account,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at
    from sightings
    group by 1, 2
),

final as (
    select
        concat(grouped.identifier_type, ':', grouped.identifier_value) as identifier_id,
        -- A compact key in first-seen order (ties: by id): the identity graph's node number.
        row_number() over (
            order by grouped.first_seen_at nulls last, grouped.identifier_type, grouped.identifier_value
        ) as identifier_number,
        grouped.identifier_type,
        grouped.identifier_value,
        grouped.source_count,
        grouped.display_name,
        grouped.is_bot,
        grouped.is_account,
        grouped.identifier_type = 'email' and role_local_parts.local_part is not null as is_role_address,
        grouped.first_seen_at,
        grouped.last_seen_at
    from grouped
    left join role_local_parts
        on grouped.identifier_type = 'email'
            and {{ email_local_part('grouped.identifier_value') }} = role_local_parts.local_part
)

select * from final
