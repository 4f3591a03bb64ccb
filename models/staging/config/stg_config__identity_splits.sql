{{ config_staging('identity_splits') }}
