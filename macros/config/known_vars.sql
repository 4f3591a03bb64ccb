{#
    The vars this project reads: every key of `vars:` in dbt_project.yml (a pytest checks that the two
    lists agree). A var passed with --vars that is not one of them stops the build before anything
    runs, with the closest known name: a misspelled var would otherwise be ignored without a word.
#}
{% macro known_vars() %}
    {{ return([
        'strict_sources',
        'using_slack', 'using_discord', 'using_discourse', 'using_github', 'using_social', 'using_hubspot',
        'using_salesforce', 'using_zendesk', 'using_billing', 'using_costs', 'using_web', 'using_google_ads',
        'using_linkedin_ads', 'using_events',
        'hubspot_database', 'hubspot_schema', 'salesforce_database', 'salesforce_schema', 'zendesk_database',
        'zendesk_schema', 'github_database', 'github_schema', 'google_ads_database', 'google_ads_schema',
        'linkedin_ads_database', 'linkedin_ads_schema', 'web_database', 'web_schema',
        'earliest_valid_date', 'latest_valid_date',
        'as_of_date', 'community_as_of_date', 'community_love_window_days', 'community_orbit_level_1_min_love',
        'community_orbit_level_2_min_love', 'community_orbit_level_3_min_love', 'community_advocates_top_reach',
        'community_event_activity_window_days', 'community_event_pipeline_window_days', 'community_time_zone',
        'community_trending_min_mentions', 'community_trending_baseline_months', 'community_risk_smoothing',
        'community_risk_min_training_months',
        'community_health_contributor_dependency_cuts', 'community_health_organization_dependency_cuts',
        'community_health_active_contributors_cuts', 'community_health_retention_cuts',
        'community_health_social_mentions_cuts', 'community_health_new_pull_requests_cuts',
        'community_health_issue_resolution_days_cuts', 'community_health_merge_lead_time_days_cuts',
        'community_health_active_days_cuts', 'community_health_band_cuts', 'community_health_lifecycle_change', 'community_forecast_window_months', 'community_forecast_min_months',
        'attribution_session_timeout_minutes', 'attribution_lookback_days', 'attribution_time_decay_half_life_days',
        'attribution_reference_model', 'sales_influence_days_before',
        'support_deflection_rate', 'support_cost_per_ticket_usd', 'support_monthly_cost_usd',
        'support_first_response_sla_hours', 'success_gross_margin', 'finance_attribution_model',
        'finance_include_influenced_revenue', 'finance_success_segmentation', 'finance_value_per_feedback_item_usd',
        'finance_community_campaign_keyword',
        'parity_materialize_views',
    ]) }}
{% endmacro %}


{# Stops the build when --vars names a var this project does not read. #}
{% macro check_known_vars() %}
    {%- set given = invocation_args_dict.get('vars') or {} -%}
    {%- if given is string -%}
        {%- set given = fromyaml(given) or {} -%}
    {%- endif -%}
    {%- set known = known_vars() -%}
    {%- for name in given if name not in known -%}
        {%- set closest = closest_name(name, known) -%}
        {{ exceptions.raise_compiler_error(
            "Unknown var `" ~ name ~ "`"
            ~ ((": did you mean `" ~ closest ~ "`?") if closest else ".")
            ~ " Known vars (dbt_project.yml, `vars:`): " ~ (known | join(', ')) ~ "."
        ) }}
    {%- endfor -%}
{% endmacro %}


{# The candidate at the smallest edit distance from `name`, if it is close enough to be a typo. #}
{% macro closest_name(name, candidates) %}
    {%- set best = namespace(name=none, distance=999) -%}
    {%- for candidate in candidates -%}
        {%- set distance = edit_distance(name, candidate) -%}
        {%- if distance < best.distance -%}
            {%- set best.name = candidate -%}
            {%- set best.distance = distance -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(best.name if best.distance <= [3, (name | length) // 3] | max else none) }}
{% endmacro %}


{# Levenshtein distance (insertions, deletions, substitutions), one row of the table at a time. #}
{% macro edit_distance(a, b) %}
    {%- set state = namespace(previous=range((b | length) + 1) | list) -%}
    {%- for i in range(1, (a | length) + 1) -%}
        {%- set row = namespace(values=[i]) -%}
        {%- for j in range(1, (b | length) + 1) -%}
            {%- set cost = 0 if a[i - 1] == b[j - 1] else 1 -%}
            {%- set row.values = row.values + [[state.previous[j] + 1, row.values[j - 1] + 1, state.previous[j - 1] + cost] | min] -%}
        {%- endfor -%}
        {%- set state.previous = row.values -%}
    {%- endfor -%}
    {{ return(state.previous[b | length]) }}
{% endmacro %}
