{{ config_staging('identity_links') }}
