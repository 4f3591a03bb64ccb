{{ config_staging('support_spaces') }}
