{{ config_staging('community_campaigns', {'starts_on': 'date', 'ends_on': 'date'}) }}
