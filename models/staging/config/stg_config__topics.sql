{{ config_staging('topics') }}
