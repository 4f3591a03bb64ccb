{#
    Terms on the rise: the words and two-word phrases of members' texts (int_activities__texts) whose
    share of texts rose most in a month against the months before it, so a community manager sees themes
    nobody configured. Texts are tokenized as matching_patterns reads them (lower case, accents and
    punctuation removed); stopwords (seed stopwords, every language's list) are left out, alone and as
    either half of a phrase, and so are one-letter tokens and tokens without a Latin letter.
    lift = (texts with the term this month / texts this month)
         / ((texts with the term in the baseline months + 1) / (texts in the baseline months + 1)),
    the +1 keeping a term new this month finite. A term is listed in a month when at least
    community_trending_min_mentions texts by at least two members hold it.
#}
{%- set min_mentions = number_var('community_trending_min_mentions', 5, min_value=1, integer=true) -%}
{%- set baseline_months = number_var(
    'community_trending_baseline_months', 3, min_value=1, max_value=24, integer=true
) -%}

with texts as (
    select
        activity_id,
        member_id,
        activity_month,
        {{ split_to_array(text_as_words('text'), ' ') }} as words
    from {{ ref('int_activities__texts') }}
    where is_member_activity and text is not null
),

stopwords as (
    select distinct word from {{ ref('stopwords') }}
),

single_words as (
    select
        activity_id,
        member_id,
        activity_month,
        {{ explode_array(array_distinct('words')) }} as term
    from texts
),

word_pairs as (
    select
        activity_id,
        member_id,
        activity_month,
        {{ explode_array(array_distinct(adjacent_pairs('words'))) }} as term
    from texts
),

keepable_words as (
    -- Each distinct word once (the tests below cost most when run on every word of every text): at least two
    -- characters, a Latin letter among them, not a stopword.
    select distinct_words.word
    from (
        select distinct word
        from (select {{ explode_array('words') }} as word from texts) as all_words
    ) as distinct_words
    left join stopwords
        on distinct_words.word = stopwords.word
    where
        stopwords.word is null
        and length(distinct_words.word) >= 2
        and translate(distinct_words.word, 'abcdefghijklmnopqrstuvwxyz', '') != distinct_words.word
),

kept_words as (
    select
        single_words.activity_id,
        single_words.member_id,
        single_words.activity_month,
        single_words.term,
        1 as term_words
    from single_words
    inner join keepable_words
        on single_words.term = keepable_words.word
),

pair_halves as (
    select
        activity_id,
        member_id,
        activity_month,
        term,
        substr(term, 1, {{ dbt.position("' '", 'term') }} - 1) as first_word,
        substr(term, {{ dbt.position("' '", 'term') }} + 1) as second_word
    from word_pairs
),

kept_pairs as (
    select
        pair_halves.activity_id,
        pair_halves.member_id,
        pair_halves.activity_month,
        pair_halves.term,
        2 as term_words
    from pair_halves
    inner join keepable_words as first_kept
        on pair_halves.first_word = first_kept.word
    inner join keepable_words as second_kept
        on pair_halves.second_word = second_kept.word
),

kept_terms as (
    select * from kept_words
    union all
    select * from kept_pairs
),

term_months as (
    -- A text holds each term once (the arrays were made distinct), so a count of rows counts texts.
    -- Two members at least: the first and the last member id differ (counted exactly below, for the
    -- few terms that qualify, since a distinct count over every term of every text costs most).
    select
        activity_month,
        term,
        min(term_words) as term_words,
        count(*) as mentions,
        min(member_id) != max(member_id) as has_two_members
    from kept_terms
    group by 1, 2
),

month_texts as (
    select
        activity_month,
        count(*) as texts
    from texts
    group by 1
),

qualifying as (
    select
        activity_month,
        term,
        term_words,
        mentions
    from term_months
    where mentions >= {{ min_mentions }} and has_two_members
),

qualifying_members as (
    select
        qualifying.activity_month,
        qualifying.term,
        count(distinct kept_terms.member_id) as distinct_members
    from qualifying
    inner join kept_terms
        on
            qualifying.activity_month = kept_terms.activity_month
            and qualifying.term = kept_terms.term
    group by 1, 2
),

candidates as (
    select
        qualifying.activity_month,
        qualifying.term,
        qualifying.term_words,
        qualifying.mentions,
        qualifying_members.distinct_members,
        month_texts.texts,
        cast({{ dbt.dateadd('month', -baseline_months, 'qualifying.activity_month') }} as date) as baseline_start
    from qualifying
    inner join qualifying_members
        on
            qualifying.activity_month = qualifying_members.activity_month
            and qualifying.term = qualifying_members.term
    inner join month_texts
        on qualifying.activity_month = month_texts.activity_month
),

baseline_texts as (
    select
        candidate_months.activity_month,
        count(month_texts.activity_month) as baseline_months,
        coalesce(sum(month_texts.texts), 0) as baseline_texts
    from (
        select distinct
            activity_month,
            cast({{ dbt.dateadd('month', -baseline_months, 'activity_month') }} as date) as baseline_start
        from candidates
    ) as candidate_months
    left join month_texts
        on
            candidate_months.activity_month > month_texts.activity_month
            and candidate_months.baseline_start <= month_texts.activity_month
    group by 1
),

baseline_mentions as (
    select
        candidates.activity_month,
        candidates.term,
        sum(term_months.mentions) as baseline_mentions
    from candidates
    inner join term_months
        on
            candidates.term = term_months.term
            and candidates.baseline_start <= term_months.activity_month
            and candidates.activity_month > term_months.activity_month
    group by 1, 2
),

scored as (
    select
        candidates.activity_month as month_start,
        candidates.term,
        cast(candidates.term_words as int) as term_words,
        cast(candidates.mentions as {{ dbt.type_bigint() }}) as mentions,
        cast(candidates.distinct_members as {{ dbt.type_bigint() }}) as distinct_members,
        cast(candidates.texts as {{ dbt.type_bigint() }}) as month_texts,
        cast(coalesce(baseline_mentions.baseline_mentions, 0) as {{ dbt.type_bigint() }}) as baseline_mentions,
        cast(baseline_texts.baseline_texts as {{ dbt.type_bigint() }}) as baseline_texts,
        cast(baseline_texts.baseline_months as int) as baseline_months,
        -- Rounded to 6 places so both engines rank ties alike.
        case
            when baseline_texts.baseline_texts > 0
                then {{ score_6dp(
                    '(cast(candidates.mentions as double) / candidates.texts)'
                    ~ ' / ((coalesce(baseline_mentions.baseline_mentions, 0) + 1.0) / (baseline_texts.baseline_texts + 1.0))'
                ) }}
        end as lift
    from candidates
    inner join baseline_texts
        on candidates.activity_month = baseline_texts.activity_month
    left join baseline_mentions
        on
            candidates.activity_month = baseline_mentions.activity_month
            and candidates.term = baseline_mentions.term
),

final as (
    select
        month_start,
        term,
        term_words,
        mentions,
        distinct_members,
        month_texts,
        {{ safe_divide('mentions', 'month_texts') }} as share_of_texts,
        baseline_months,
        baseline_mentions,
        baseline_texts,
        lift,
        cast(row_number() over (
            partition by month_start
            order by case when lift is null then 1 else 0 end asc, lift desc, mentions desc, term asc
        ) as int) as trend_rank
    from scored
)

select * from final
