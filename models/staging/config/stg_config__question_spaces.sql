{{ config_staging('question_spaces') }}
