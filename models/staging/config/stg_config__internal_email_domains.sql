{{ config_staging('internal_email_domains') }}
