{#
    Which patterns of a list a text contains: the one shared matcher behind product feedback themes,
    self-reported channels and conversation topics. A select statement (use it as a CTE's body)
    returning `key_columns` and `label_column`:
      - mode='first': the label of the first pattern, by `priority_column` (then by pattern), that the
        text contains: one row per text that matched anything;
      - mode='every': every label some pattern of which the text contains: one row per text and label.
    Both sides are compared after normalize_free_text (lower case, accents removed, whitespace runs one
    space). With whole_words, punctuation counts as a space and a pattern must start and end at a word
    boundary ("api" matches "the API." but not "rapid"); without, a pattern matches anywhere ("upgrad"
    matches "upgrading"). Blank patterns never match. With whole_words, one-word patterns are joined
    to the texts' distinct words (a hash join, fast on millions of texts) and only patterns of several
    words are searched with position(), a nested-loop join; without, every pattern is (fine for the
    tens of patterns and thousands of answers such lists hold).
#}
{% macro matching_patterns(texts, key_columns, text_column, patterns, pattern_column, label_column, priority_column=none, mode='first', whole_words=false) -%}
    {%- if mode not in ('first', 'every') -%}
        {{ exceptions.raise_compiler_error("matching_patterns: mode must be 'first' or 'every', not '" ~ mode ~ "'") }}
    {%- endif -%}
    {%- set keys = [key_columns] if key_columns is string else key_columns -%}
    {%- set priority = priority_column if priority_column else '0' -%}
    {%- if mode == 'first' %}
    select
        {%- for key in keys %}
        ranked.{{ key }},
        {%- endfor %}
        ranked.{{ label_column }}
    from (
        select
            {%- for key in keys %}
            matches.{{ key }},
            {%- endfor %}
            matches.label as {{ label_column }},
            row_number() over (
                partition by {% for key in keys %}matches.{{ key }}{{ ', ' if not loop.last }}{% endfor %}
                order by matches.priority, matches.pattern
            ) as pattern_rank
        from (
    {%- else %}
    select distinct
        {%- for key in keys %}
        matches.{{ key }},
        {%- endfor %}
        matches.label as {{ label_column }}
    from (
    {%- endif %}
        {%- if whole_words %}
            -- One-word patterns: a hash join on the text's distinct words.
            select
                {%- for key in keys %}
                match_words.{{ key }},
                {%- endfor %}
                match_patterns.label,
                match_patterns.priority,
                match_patterns.pattern
            from (
                select
                    {%- for key in keys %}
                    {{ key }},
                    {%- endfor %}
                    {{ explode_array(array_distinct(split_to_array(text_as_words(text_column), ' '))) }} as word
                from {{ texts }}
                where {{ text_column }} is not null
            ) as match_words
            inner join (
                select
                    {{ priority }} as priority,
                    {{ text_as_words(pattern_column) }} as pattern,
                    {{ label_column }} as label
                from {{ patterns }}
            ) as match_patterns
                on match_words.word = match_patterns.pattern
            where {{ dbt.position("' '", 'match_patterns.pattern') }} = 0 and match_patterns.pattern != ''
            union all
            -- Patterns of several words: found between spaces in the text wrapped in spaces.
        {%- endif %}
            select
                {%- for key in keys %}
                match_texts.{{ key }},
                {%- endfor %}
                match_patterns.label,
                match_patterns.priority,
                match_patterns.pattern
            from (
                select
                    {%- for key in keys %}
                    {{ key }},
                    {%- endfor %}
                    {{ pattern_match_form(text_column, whole_words) }} as match_text
                from {{ texts }}
                where {{ text_column }} is not null
            ) as match_texts
            inner join (
                select
                    {{ priority }} as priority,
                    {{ pattern_match_form(pattern_column, whole_words) }} as pattern,
                    {{ label_column }} as label
                from {{ patterns }}
                where
                    trim(coalesce({{ pattern_column }}, '')) != ''
                    {%- if whole_words %}
                    and {{ dbt.position("' '", text_as_words(pattern_column)) }} > 0
                    {%- endif %}
            ) as match_patterns
                on {{ dbt.position('match_patterns.pattern', 'match_texts.match_text') }} > 0
    {%- if mode == 'first' %}
        ) as matches
    ) as ranked
    where ranked.pattern_rank = 1
    {%- else %}
    ) as matches
    {%- endif %}
{%- endmacro %}


{#
    A text as matching_patterns compares it. With whole_words: text_as_words wrapped in spaces, so " api "
    is found only as a word.
#}
{% macro pattern_match_form(expr, whole_words) -%}
    {%- if whole_words -%}
        {{ dbt.concat(["' '", text_as_words(expr), "' '"]) }}
    {%- else -%}
        {{ normalize_free_text(expr) }}
    {%- endif -%}
{%- endmacro %}


{#
    A text as words separated by single spaces: normalize_free_text after ASCII punctuation (the
    apostrophe aside, so "don't" stays one word) became spaces.
#}
{% macro text_as_words(expr) -%}
    {%- set punctuation = '!"#$%&()*+,-./:;<=>?@[]^_`{|}~' -%}
    {{ normalize_free_text("translate(" ~ expr ~ ", '" ~ punctuation ~ "', '" ~ (' ' * punctuation | length) ~ "')") }}
{%- endmacro %}
