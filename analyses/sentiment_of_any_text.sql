-- The warehouse's sentiment score (VADER, macros/analyze/vader.sql) for any texts: a survey's free
-- answers, a support macro you are drafting. Put them in a table `texts_to_score (text_id, text)` in the
-- warehouse's file, then `dbt compile -s sentiment_of_any_text` and run the SQL it writes under
-- target/compiled/. Scores are the compound score (−1 to 1) and its label, as in
-- intermediate.int_activities__sentiment; the texts are scored as given (no code or link removal).
with texts as (
    select
        cast(text_id as {{ dbt.type_string() }}) as text_id,
        text
    from texts_to_score
),

{{ vader_sentiment_ctes('texts') }}

select
    texts.text_id,
    coalesce(scores.token_count, 0) as token_count,
    scores.compound,
    {{ sentiment_label('scores.compound') }} as sentiment_label
from texts
left join vader_scores as scores
    on texts.text_id = scores.text_id
order by 1
