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
