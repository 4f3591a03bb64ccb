{{ config_staging('feedback_themes', {'priority': 'integer'}) }}
