{#
    Support tickets per account and month: each Zendesk ticket counts at the account its requester
    belonged to when the ticket was opened (the requester's member in the identity graph, at their primary
    account of that moment in int_success__account_members). A ticket whose requester is no member, or a
    member with no account at that moment, counts at no account. Read by the support deflection mart (ticket
    rates of accounts with and without community members) and the account health score (support part).
#}

with tickets as (
    {% if source_enabled('zendesk') %}
        select
            created_at,
            {{ month_start('created_at') }} as month_start,
            {{ dbt.concat(["'zendesk_user:'", dbt.cast('requester_user_id', dbt.type_string())]) }}
                as requester_identifier_id
        from {{ ref('stg_zendesk__tickets') }}
    {% else %}
    select
        cast(null as {{ dbt.type_timestamp() }}) as created_at,
        cast(null as date) as month_start,
        cast(null as {{ dbt.type_string() }}) as requester_identifier_id
    where 1 = 0
    {% endif %}
),

member_map as (
    select
        identifier_id,
        member_id
    from {{ ref('int_identity__member_map') }}
),

member_accounts as (
    {{ primary_account_periods() }}
),

final as (
    select
        member_accounts.account_id,
        tickets.month_start,
        cast(count(*) as {{ dbt.type_bigint() }}) as tickets
    from tickets
    inner join member_map
        on tickets.requester_identifier_id = member_map.identifier_id
    inner join member_accounts
        on
            member_map.member_id = member_accounts.member_id
            and {{ during_affiliation('tickets.created_at', 'member_accounts') }}
    group by 1, 2
)

select * from final
