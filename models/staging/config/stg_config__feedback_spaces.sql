{{ config_staging('feedback_spaces') }}
