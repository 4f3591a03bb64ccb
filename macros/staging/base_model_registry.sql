{#
    Every base model, by source: the quarantine model unions the rejected rows of those whose source is
    switched on (`using_<source>`). A source's entities are added here when its staging is written; a
    pytest test fails if a base model is missing from this list.
#}
{% macro base_models_by_source() %}
    {{ return({
        'slack': ['users', 'channels', 'messages'],
        'discord': ['channel_exports', 'messages'],
        'discourse': ['users', 'topics', 'posts', 'categories'],
        'github': ['user', 'repository', 'issue', 'pull_request', 'issue_comment', 'pull_request_review', 'label',
                   'issue_label', 'issue_merged'],
        'social': ['x_tweets', 'x_users'],
        'hubspot': ['contact', 'company', 'deal', 'deal_company', 'deal_contact', 'deal_pipeline',
                    'deal_pipeline_stage', 'contact_form_submission', 'email_campaign', 'email_event'],
        'salesforce': ['account', 'contact', 'lead', 'opportunity', 'opportunity_history', 'user'],
        'zendesk': ['organization', 'user', 'ticket', 'ticket_comment'],
        'billing': ['customers', 'subscriptions'],
        'costs': ['community_costs'],
        'web': ['pages', 'identifies'],
        'google_ads': ['campaign_history', 'campaign_stats'],
        'linkedin_ads': ['campaign_history', 'ad_analytics_by_campaign'],
        'events': ['events', 'guests'],
    }) }}
{% endmacro %}
