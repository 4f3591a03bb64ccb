{#
    VADER sentiment (Hutto & Gilbert, 2014) in set-based SQL, rule for rule as the vaderSentiment 3.3.2
    package scores a text, so that both engines give the package's compound score: see DECISIONLOG.md,
    "Sentiment". The lexicons are seeds written from the package (community_warehouse/analyze/vader_seeds.py).

    vader_sentiment_ctes(texts) returns CTE definitions (to follow `with …,` in a model) that read the
    relation `texts` (text_id, text) and end in `vader_scores`: text_id, token_count, compound (rounded to
    4 places like the package; null for a text with no token).

    The steps, as in SentimentIntensityAnalyzer.polarity_scores:
      1. each emoji code point becomes its description (a space before it unless a space precedes);
      2. the text splits on whitespace; a token loses leading and trailing punctuation unless two or
         fewer characters would remain (so `:)` stays);
      3. each token's valence: 0 for a degree word and for "kind" before "of"; else its lexicon value,
         negated by a "no" up to three tokens before; raised by 0.733 in capitals when the text mixes
         capitals; then for each of the three tokens before it that is not itself in the lexicon, the
         degree word's scalar (×0.95, ×0.9 further back) and negation (×−0.74, "never so/this" ×1.25,
         "without doubt" unchanged); idioms; "least";
      4. before the first "but" ×0.5, after it ×1.5;
      5. the sum, moved away from 0 by 0.292 per "!" (at most 4) and for "??"/"???" 0.18 each (0.96 for
         more), normalised as s / sqrt(s² + 15).
#}

{% macro vader_sentiment_ctes(texts) -%}
    {%- set whitespace = ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000' -%}
    {%- set text_type = dbt.type_string() -%}
    vader_non_ascii as (
        -- Only texts with a character outside ASCII can hold an emoji.
        select text_id, text
        from {{ texts }}
        where {{ adapter.dispatch('has_non_ascii', 'community_warehouse')('text') }}
    ),

    vader_characters as (
        select
            text_id,
            {{ adapter.dispatch('explode_with_position', 'community_warehouse')(
                adapter.dispatch('code_points', 'community_warehouse')('text'), 'character', 'position') }}
        from vader_non_ascii
    ),

    vader_emoji_pieces as (
        -- Each emoji code point as its description, with a space before it unless it starts the text or follows
        -- a space (the package's prev_space; an emoji's description never ends in one).
        select
            characters.text_id,
            characters.position,
            case
                when characters.position = 0 or substr(texts.text, characters.position, 1) = ' '
                    then emoji.description
                else {{ dbt.concat(["' '", 'emoji.description']) }}
            end as piece
        from vader_characters as characters
        inner join {{ ref('vader_emoji') }} as emoji
            on characters.character = emoji.emoji
        inner join vader_non_ascii as texts
            on characters.text_id = texts.text_id
    ),

    vader_emoji_segments as (
        -- The text between the emoji before (or the start) and this one, then this emoji's piece: only texts
        -- with an emoji, and only their emoji, are ordered and joined again, not every character.
        select
            pieces.text_id,
            pieces.position,
            {{ dbt.concat([
                'substr(texts.text, coalesce(pieces.previous_position + 2, 1),'
                ~ ' pieces.position - coalesce(pieces.previous_position + 1, 0))',
                'pieces.piece'
            ]) }} as segment
        from (
            select
                text_id,
                position,
                piece,
                lag(position) over (partition by text_id order by position) as previous_position
            from vader_emoji_pieces
        ) as pieces
        inner join vader_non_ascii as texts
            on pieces.text_id = texts.text_id
    ),

    vader_emoji_joined as (
        select
            text_id,
            max(position) as last_position,
            {{ adapter.dispatch('ordered_concat', 'community_warehouse')('segment', 'position') }} as head
        from vader_emoji_segments
        group by text_id
    ),

    vader_emoji_texts as (
        select
            joined.text_id,
            {{ dbt.concat(['joined.head', 'substr(texts.text, joined.last_position + 2)']) }} as text
        from vader_emoji_joined as joined
        inner join vader_non_ascii as texts
            on joined.text_id = texts.text_id
    ),

    vader_texts as (
        select
            texts.text_id,
            {{ regexp_replace_all(
                'coalesce(replaced.text, texts.text)',
                "'^[" ~ whitespace ~ "]+|[" ~ whitespace ~ "]+$'",
                "''"
            ) }} as text
        from {{ texts }} as texts
        left join vader_emoji_texts as replaced
            on texts.text_id = replaced.text_id
    ),

    vader_raw_tokens as (
        select
            text_id,
            {{ adapter.dispatch('explode_with_position', 'community_warehouse')(
                adapter.dispatch('split_on_pattern', 'community_warehouse')('text', "'[" ~ whitespace ~ "]+'"),
                'raw_token', 'position') }}
        from vader_texts
        where text is not null and text <> ''
    ),

    vader_token_forms as (
        -- Each distinct token once (words repeat across texts, and the clean-up is the costly part): without
        -- leading and trailing punctuation unless two or fewer characters would remain, then its lexicon facts.
        select
            forms.raw_token,
            lower(forms.token) as word,
            -- Python's str.isupper(): every cased character upper case, and at least one
            forms.token = upper(forms.token) and forms.token <> lower(forms.token) as is_upper,
            lexicon.valence as lexicon_valence,
            boosters.scalar as booster_scalar,
            -- any token with "n't" negates (the apostrophe as chr(39): Spark reads '' in a literal as two literals)
            negations.word is not null or lower(forms.token) like {{ dbt.concat(["'%n'", 'chr(39)', "'t%'"]) }} as is_negation
        from (
            select
                raw_token,
                case
                    when length({{ adapter.dispatch('trim_punctuation', 'community_warehouse')('raw_token') }}) <= 2
                        then raw_token
                    else {{ adapter.dispatch('trim_punctuation', 'community_warehouse')('raw_token') }}
                end as token
            from (select distinct raw_token from vader_raw_tokens where raw_token <> '') as distinct_tokens
        ) as forms
        left join {{ ref('vader_lexicon') }} as lexicon
            on lower(forms.token) = lexicon.token
        left join {{ ref('vader_boosters') }} as boosters
            on lower(forms.token) = boosters.word
        left join {{ ref('vader_negations') }} as negations
            on lower(forms.token) = negations.word
    ),

    vader_token_facts as (
        select
            tokens.text_id,
            tokens.position,
            forms.word,
            forms.is_upper,
            forms.lexicon_valence,
            forms.booster_scalar,
            forms.is_negation
        from vader_raw_tokens as tokens
        inner join vader_token_forms as forms
            on tokens.raw_token = forms.raw_token
    ),

    vader_context as (
        select
            text_id,
            position,
            word,
            is_upper,
            lexicon_valence,
            booster_scalar,
            {%- for back in [1, 2, 3] %}
            lag(word, {{ back }}) over by_position as word_{{ back }},
            lag(lexicon_valence is not null, {{ back }}) over by_position as in_lexicon_{{ back }},
            lag(booster_scalar, {{ back }}) over by_position as booster_{{ back }},
            lag(is_upper, {{ back }}) over by_position as upper_{{ back }},
            lag(is_negation, {{ back }}) over by_position as negation_{{ back }},
            {%- endfor %}
            lead(word, 1) over by_position as next_word_1,
            lead(word, 2) over by_position as next_word_2,
            lead(lexicon_valence is not null, 1) over by_position as next_in_lexicon,
            -- The text mixes capitals: some tokens, not all, are upper case.
            sum(case when is_upper then 1 else 0 end) over by_text > 0
            and sum(case when is_upper then 1 else 0 end) over by_text < count(*) over by_text as is_cap_diff,
            min(case when word = 'but' then position end) over by_text as but_position
        from vader_token_facts
        window
            by_position as (partition by text_id order by position),
            by_text as (partition by text_id)
    ),

    vader_lexicon_valence as (
        -- Steps of sentiment_valence up to the words before: "no", then capitals.
        select
            *,
            case
                when booster_scalar is not null then null
                when word = 'kind' and next_word_1 = 'of' then null
                when lexicon_valence is null then null
                when word_1 = 'no' or word_2 = 'no' or (word_3 = 'no' and word_1 in ('or', 'nor'))
                    then lexicon_valence * -0.74
                when word = 'no' and next_word_1 is not null and next_in_lexicon then 0.0
                else lexicon_valence
            end as valence_0
        from vader_context
    ),

    vader_capitals as (
        select
            *,
            case
                when valence_0 is null then null
                when is_upper and is_cap_diff then
                    case when valence_0 > 0 then valence_0 + 0.733 else valence_0 - 0.733 end
                else valence_0
            end as valence_1
        from vader_lexicon_valence
    ),

    {%- for back in [1, 2, 3] %}
    {%- set before = 'valence_' ~ back %}
    {%- set after = 'valence_' ~ (back + 1) %}
    {%- set damping = {1: '', 2: ' * 0.95', 3: ' * 0.9'}[back] %}

    vader_before_{{ back }} as (
        -- The word {{ back }} before, when it is not itself in the lexicon: its degree scalar, then negation.
        select
            *,
            case
                when {{ before }} is null or word_{{ back }} is null or in_lexicon_{{ back }} then {{ before }}
                else {{ before }} + coalesce((
                    case when {{ before }} < 0 then -booster_{{ back }} else booster_{{ back }} end
                    + case
                        when upper_{{ back }} and is_cap_diff then case when {{ before }} > 0 then 0.733 else -0.733 end
                        else 0
                    end
                ){{ damping }}, 0)
            end as boosted_{{ back }}
        from {{ 'vader_capitals' if back == 1 else 'vader_negated_' ~ (back - 1) }}
    ),

    vader_negated_{{ back }} as (
        select
            *,
            case
                when boosted_{{ back }} is null or word_{{ back }} is null or in_lexicon_{{ back }} then boosted_{{ back }}
                {%- if back == 1 %}
                when negation_1 then boosted_1 * -0.74
                {%- elif back == 2 %}
                when word_2 = 'never' and word_1 in ('so', 'this') then boosted_2 * 1.25
                when word_2 = 'without' and word_1 = 'doubt' then boosted_2
                when negation_2 then boosted_2 * -0.74
                {%- else %}
                when (word_3 = 'never' and word_2 in ('so', 'this')) or word_1 in ('so', 'this') then boosted_3 * 1.25
                when word_3 = 'without' and (word_2 = 'doubt' or word_1 = 'doubt') then boosted_3
                when negation_3 then boosted_3 * -0.74
                {%- endif %}
                else boosted_{{ back }}
            end as {{ after if back < 3 else 'negated_3' }}
        from vader_before_{{ back }}
    ),
    {%- endfor %}

    {#- the tokens the idioms apply to: the else branch of valence_4 below -#}
    {%- set looks_back = 'context.negated_3 is not null and context.word_3 is not null and not context.in_lexicon_3' %}
    vader_idioms as (
        -- With a third word before that is not in the lexicon: the special cases and multi-word degree phrases.
        -- Only such tokens look an n-gram up (the join key of every other token is null and matches nothing).
        select
            context.*,
            case
                when context.negated_3 is null or context.word_3 is null or context.in_lexicon_3 then context.negated_3
                else coalesce(
                    forward_2.valence, forward_1.valence,
                    back_10.valence, back_210.valence, back_21.valence, back_321.valence, back_32.valence,
                    context.negated_3
                )
                + coalesce(phrase_321.scalar, 0) + coalesce(phrase_32.scalar, 0) + coalesce(phrase_21.scalar, 0)
            end as valence_4
        from vader_negated_3 as context
        {%- for alias, parts in [
            ('back_10', ['word_1', 'word']),
            ('back_210', ['word_2', 'word_1', 'word']),
            ('back_21', ['word_2', 'word_1']),
            ('back_321', ['word_3', 'word_2', 'word_1']),
            ('back_32', ['word_3', 'word_2']),
            ('forward_1', ['word', 'next_word_1']),
            ('forward_2', ['word', 'next_word_1', 'next_word_2']),
        ] %}
        left join {{ ref('vader_special_cases') }} as {{ alias }}
            on {{ alias }}.ngram = case when {{ looks_back }} then {{ vader_ngram(parts) }} end
        {%- endfor %}
        {%- for alias, parts in [
            ('phrase_321', ['word_3', 'word_2', 'word_1']),
            ('phrase_32', ['word_3', 'word_2']),
            ('phrase_21', ['word_2', 'word_1']),
        ] %}
        left join {{ ref('vader_boosters') }} as {{ alias }}
            on {{ alias }}.word = case when {{ looks_back }} then {{ vader_ngram(parts) }} end
        {%- endfor %}
    ),

    vader_least as (
        select
            text_id,
            position,
            word,
            but_position,
            case
                when valence_4 is null then 0.0
                when position > 1 and not in_lexicon_1 and word_1 = 'least'
                    then case when word_2 not in ('at', 'very') then valence_4 * -0.74 else valence_4 end
                when position = 1 and not in_lexicon_1 and word_1 = 'least' then valence_4 * -0.74
                else valence_4
            end as valence
        from vader_idioms
    ),

    vader_but as (
        select
            text_id,
            case
                when but_position is null or position = but_position then valence
                when position < but_position then valence * 0.5
                else valence * 1.5
            end as valence
        from vader_least
    ),

    vader_sums as (
        select
            text_id,
            count(*) as token_count,
            sum(valence) as valence_sum
        from vader_but
        group by text_id
    ),

    vader_emphasis as (
        select
            sums.text_id,
            sums.token_count,
            case
                when sums.valence_sum > 0 then sums.valence_sum + {{ vader_punctuation_emphasis('texts.text') }}
                when sums.valence_sum < 0 then sums.valence_sum - {{ vader_punctuation_emphasis('texts.text') }}
                else sums.valence_sum
            end as valence_sum
        from vader_sums as sums
        inner join vader_texts as texts
            on sums.text_id = texts.text_id
    ),

    vader_scores as (
        select
            text_id,
            token_count,
            round(valence_sum / sqrt(valence_sum * valence_sum + 15), 4) as compound
        from vader_emphasis
    )
{%- endmacro %}


{# Words joined by single spaces, to look an n-gram up; null when one is missing. #}
{% macro vader_ngram(parts) -%}
    {{ adapter.dispatch('vader_ngram', 'community_warehouse')(parts) }}
{%- endmacro %}

{% macro default__vader_ngram(parts) -%}
    concat({{ parts | join(", ' ', ") }})
{%- endmacro %}

{% macro duckdb__vader_ngram(parts) -%}
    {#- `||` is null when a part is (DuckDB's concat() skips nulls) -#}
    {{ parts | join(" || ' ' || ") }}
{%- endmacro %}


{# True when a text holds a character outside ASCII (more bytes than characters). #}
{% macro default__has_non_ascii(expr) -%}
    length({{ expr }}) <> octet_length({{ expr }})
{%- endmacro %}

{% macro duckdb__has_non_ascii(expr) -%}
    length({{ expr }}) <> strlen({{ expr }})
{%- endmacro %}


{# A text as an array of its code points (as Python iterates a str). #}
{% macro default__code_points(expr) -%}
    regexp_extract_all({{ expr }}, '(?s).', 0)
{%- endmacro %}

{% macro duckdb__code_points(expr) -%}
    string_split({{ expr }}, '')
{%- endmacro %}


{# Select-list items: one row per array element, with its 0-based position. #}
{% macro default__explode_with_position(array, value, position) -%}
    posexplode({{ array }}) as ({{ position }}, {{ value }})
{%- endmacro %}

{% macro duckdb__explode_with_position(array, value, position) -%}
    unnest({{ array }}) as {{ value }},
    generate_subscripts({{ array }}, 1) - 1 as {{ position }}
{%- endmacro %}


{# Aggregate: the pieces of a group concatenated in the order of `position`. #}
{% macro default__ordered_concat(piece, position) -%}
    array_join(transform(array_sort(collect_list(struct({{ position }}, {{ piece }}))), p -> p.{{ piece }}), '')
{%- endmacro %}

{% macro duckdb__ordered_concat(piece, position) -%}
    string_agg({{ piece }}, '' order by {{ position }})
{%- endmacro %}


{# Text split on a regular expression (no backslashes in it: Spark reads them as string escapes). #}
{% macro default__split_on_pattern(expr, pattern) -%}
    split({{ expr }}, {{ pattern }})
{%- endmacro %}

{% macro duckdb__split_on_pattern(expr, pattern) -%}
    regexp_split_to_array({{ expr }}, {{ pattern }})
{%- endmacro %}


{# A token without leading and trailing ASCII punctuation (Python's string.punctuation). #}
{% macro default__trim_punctuation(expr) -%}
    trim(both '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~' from {{ expr }})
{%- endmacro %}

{% macro duckdb__trim_punctuation(expr) -%}
    trim({{ expr }}, '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~')
{%- endmacro %}


{# "!" (up to 4, 0.292 each) and "?" (2 or 3: 0.18 each; more: 0.96) in a text. #}
{% macro vader_punctuation_emphasis(text) -%}
    (
        least(length({{ text }}) - length(replace({{ text }}, '!', '')), 4) * 0.292
        + case
            when length({{ text }}) - length(replace({{ text }}, '?', '')) > 3 then 0.96
            when length({{ text }}) - length(replace({{ text }}, '?', '')) > 1
                then (length({{ text }}) - length(replace({{ text }}, '?', ''))) * 0.18
            else 0
        end
    )
{%- endmacro %}


{#
    Text as VADER should read it: fenced and inline code, Slack's `<…>` markup (links, mentions, channel
    references) and bare URLs become spaces, since none of them is prose and a URL's `?` would count as
    emphasis. Null when nothing is left.
#}
{% macro text_for_sentiment(expr) -%}
    {%- set stripped = regexp_replace_all(expr, "'```[^`]*```'", "' '") -%}
    {%- set stripped = regexp_replace_all(stripped, "'`[^`]*`'", "' '") -%}
    {%- set stripped = regexp_replace_all(stripped, "'<[^>]*>'", "' '") -%}
    {%- set stripped = regexp_replace_all(stripped, "'https?://[^ \t\n\r]+'", "' '") -%}
    nullif(trim({{ stripped }}), '')
{%- endmacro %}


{# A forum post's cooked HTML as text: tags become spaces, the common entities their characters. #}
{% macro html_to_text(expr) -%}
    {%- set state = namespace(text=regexp_replace_all(expr, "'<[^>]+>'", "' '")) -%}
    {%- for entity, character in [('&quot;', "'\"'"), ('&#39;', 'chr(39)'), ('&#x27;', 'chr(39)'), ('&lt;', "'<'"), ('&gt;', "'>'"), ('&nbsp;', "' '"), ('&amp;', "'&'")] -%}
        {%- set state.text = "replace(" ~ state.text ~ ", '" ~ entity ~ "', " ~ character ~ ")" -%}
    {%- endfor -%}
    {{ state.text }}
{%- endmacro %}


{# VADER's usual cut-offs: positive from +0.05, negative from −0.05; `no_text` when nothing was scored. #}
{% macro sentiment_label(compound) -%}
    case
        when {{ compound }} is null then 'no_text'
        when {{ compound }} >= 0.05 then 'positive'
        when {{ compound }} <= -0.05 then 'negative'
        else 'neutral'
    end
{%- endmacro %}
