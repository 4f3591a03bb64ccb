{#
    True when a moment falls in an affiliation period (int_crm__member_affiliations,
    int_success__account_members): from valid_from (inclusive; null = since ever) to valid_to
    (exclusive; null = still). `relation` is the alias of the periods' relation.
#}
{% macro during_affiliation(moment, relation) -%}
    ({{ relation }}.valid_from is null or {{ moment }} >= {{ relation }}.valid_from)
    and ({{ relation }}.valid_to is null or {{ moment }} < {{ relation }}.valid_to)
{%- endmacro %}


{#
    True when an affiliation period overlaps the half-open interval [start, end): a member counted at an
    account for a month belonged to it at some time in that month.
#}
{% macro affiliation_overlaps(start, end, relation) -%}
    ({{ relation }}.valid_from is null or {{ relation }}.valid_from < {{ end }})
    and ({{ relation }}.valid_to is null or {{ relation }}.valid_to > {{ start }})
{%- endmacro %}


{#
    The import CTE of a model that needs each member's one account at a moment (a ticket, a question, a
    feedback item): every member's primary-account periods (int_success__account_members), to join on
    member_id and during_affiliation(moment, '<the CTE's name>').
#}
{% macro primary_account_periods() -%}
    select
        member_id,
        account_id,
        valid_from,
        valid_to
    from {{ ref('int_success__account_members') }}
    where is_primary_account
{%- endmacro %}
