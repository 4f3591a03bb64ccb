{{ config_staging('targets', {'period_start': 'date', 'target_value': 'double'}) }}
