{#
    Every var that feeds a number in the department ROI marts, checked, with its default, unit, the
    department it serves and what it means. One list, read by the marts that use the values and by
    finance__roi_assumptions, which publishes it, so a value in a mart and the value shown to the
    reader cannot disagree. `value` is a number, a boolean, a word, or none (unset).
#}
{% macro roi_assumptions() -%}
    {%- set attribution_models = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay'] -%}
    {%- set monthly_support_cost = none if var('support_monthly_cost_usd', none) is none
        else number_var('support_monthly_cost_usd', 0, min_value=0) -%}
    {%- set value_per_feedback_item = none if var('finance_value_per_feedback_item_usd', none) is none
        else number_var('finance_value_per_feedback_item_usd', 0, min_value=0) -%}
    {{- return([
        {'name': 'finance_attribution_model', 'department': 'marketing', 'unit': 'attribution model',
         'default': 'linear',
         'value': choice_var('finance_attribution_model', 'linear', attribution_models),
         'meaning': 'Multi-touch model whose community-channel share of won-deal revenue is the marketing value'},
        {'name': 'attribution_lookback_days', 'department': 'marketing', 'unit': 'days', 'default': 90,
         'value': number_var('attribution_lookback_days', 90, min_value=1, max_value=3650, integer=true),
         'meaning': 'Touches up to this many days before a conversion are credited'},
        {'name': 'sales_influence_days_before', 'department': 'sales', 'unit': 'days', 'default': 90,
         'value': number_var('sales_influence_days_before', 90, min_value=0, max_value=3650, integer=true),
         'meaning': 'A member at the account active from this many days before an opportunity opened to its close influences it'},
        {'name': 'finance_include_influenced_revenue', 'department': 'sales', 'unit': 'true/false', 'default': false,
         'value': boolean_var('finance_include_influenced_revenue', false),
         'meaning': 'Count community-influenced won revenue in the total; a deal both influenced and attributed then counts once, at its full amount'},
        {'name': 'support_deflection_rate', 'department': 'support', 'unit': 'share', 'default': 0.25,
         'value': number_var('support_deflection_rate', 0.25, min_value=0, max_value=1),
         'meaning': 'Share of community-answered support questions that would otherwise have become a ticket'},
        {'name': 'support_cost_per_ticket_usd', 'department': 'support', 'unit': 'USD', 'default': 25,
         'value': number_var('support_cost_per_ticket_usd', 25, min_value=0),
         'meaning': 'Fully loaded cost of one support ticket, used unless support_monthly_cost_usd is set'},
        {'name': 'support_monthly_cost_usd', 'department': 'support', 'unit': 'USD per month', 'default': none,
         'value': monthly_support_cost,
         'meaning': 'Monthly cost of the support team; when set, the cost of a ticket is this divided by the month Zendesk tickets'},
        {'name': 'support_first_response_sla_hours', 'department': 'support', 'unit': 'hours', 'default': 24,
         'value': number_var('support_first_response_sla_hours', 24, min_value=0),
         'meaning': 'A support question answered within this many hours counts as answered within the SLA (reported, not valued)'},
        {'name': 'success_gross_margin', 'department': 'success', 'unit': 'share', 'default': 0.8,
         'value': number_var('success_gross_margin', 0.8, min_value=0, max_value=1),
         'meaning': 'Gross margin on subscription revenue, in the customer lifetime value estimate'},
        {'name': 'finance_success_segmentation', 'department': 'success', 'unit': 'segmentation', 'default': 'community_members',
         'value': choice_var('finance_success_segmentation', 'community_members', ['community_members', 'active_members']),
         'meaning': 'Which split of success__retention_summary the success value compares: accounts with community members, or with members active in the last three months'},
        {'name': 'finance_value_per_feedback_item_usd', 'department': 'product', 'unit': 'USD per item', 'default': none,
         'value': value_per_feedback_item,
         'meaning': 'Dollar value of one product feedback item; unset, product feedback is reported as a count and adds nothing to the total'},
        {'name': 'finance_community_campaign_keyword', 'department': 'community', 'unit': 'keyword', 'default': 'community',
         'value': keyword_var('finance_community_campaign_keyword', 'community'),
         'meaning': 'A paid campaign whose name contains this word (any case) is community spend and a community cost'},
    ]) -}}
{%- endmacro %}


{# The checked value of one assumption, by name. #}
{% macro roi_assumption(name) -%}
    {%- for assumption in roi_assumptions() -%}
        {%- if assumption.name == name -%}{{- return(assumption.value) -}}{%- endif -%}
    {%- endfor -%}
    {{- exceptions.raise_compiler_error("roi_assumption: no assumption named " ~ name) -}}
{%- endmacro %}


{# An assumption's value as the text finance__roi_assumptions shows: unset, true/false, 25 (not 25.0), 0.25. #}
{% macro roi_assumption_text(value) -%}
    {%- if value is none -%}unset
    {%- elif value is boolean -%}{{ value | string | lower }}
    {%- elif value is number and value == (value | int) -%}{{ value | int }}
    {%- else -%}{{ value }}
    {%- endif -%}
{%- endmacro %}
