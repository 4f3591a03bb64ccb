{#
    Each member's account today: the current period of int_crm__member_affiliations (the evidence and
    its order are described there). Members with no evidence of an account have no row.
#}
with affiliations as (
    select * from {{ ref('int_crm__member_affiliations') }}
),

final as (
    select
        member_id,
        account_id,
        match_rule
    from affiliations
    where is_current
)

select * from final
