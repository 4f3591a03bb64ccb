"""Sentiment: the SQL implementation of VADER (macros/analyze/vader.sql) against the rules worked out by hand
and against the reference implementation, the vaderSentiment package, on hand-built, real and demo texts.

The SQL is the analysis `sentiment_of_any_text`, compiled by dbt and run on a table of texts next to the
VADER seeds; the demo comparison reads intermediate.int_activities__sentiment from the demo warehouse.
"""

from __future__ import annotations

import json
import math
import re

import duckdb
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from helpers import FIXTURES, run_dbt

REFERENCE = SentimentIntensityAnalyzer()


def norm(total: float) -> float:
    """VADER's normalisation, rounded as the package rounds the compound score."""
    return round(total / math.sqrt(total * total + 15), 4)


# Lexicon values used below, as vader_lexicon.txt gives them.
GOOD, BAD, GREAT, NO, TEARS, JOY, LOL = 1.9, -2.5, 3.1, -1.2, -0.9, 2.8, 1.8

#: (rule, text, compound worked out by hand).
RULES = [
    ("a lexicon word", "The book was good", norm(GOOD)),
    ("no lexicon word scores 0", "the meeting is on tuesday", 0.0),
    ("negation one word before", "The book was not good", norm(GOOD * -0.74)),
    ("negation by a contraction", "it isn't good", norm(GOOD * -0.74)),
    ("negation three words before", "not at all good", norm(GOOD * -0.74)),
    ("'no' before a lexicon word is 0 itself and negates it", "no good", norm(GOOD * -0.74)),
    ("booster", "The book was very good", norm(GOOD + 0.293)),
    ("dampener", "The book was slightly good", norm(GOOD - 0.293)),
    ("booster two words back, ×0.95", "very much good", norm(GOOD + 0.293 * 0.95)),
    ("booster before a negative word lowers it", "very bad", norm(BAD - 0.293)),
    ("capitals when the text mixes them", "The book was GOOD", norm(GOOD + 0.733)),
    ("capitals everywhere are no emphasis", "THE BOOK WAS GOOD", norm(GOOD)),
    ("'but': before ×0.5, after ×1.5", "good but bad", norm(GOOD * 0.5 + BAD * 1.5)),
    ("exclamation marks, 0.292 each", "good!!", norm(GOOD + 2 * 0.292)),
    ("exclamation marks count up to 4", "good!!!!!!", norm(GOOD + 4 * 0.292)),
    ("question marks, 2 or 3: 0.18 each", "good??", norm(GOOD + 2 * 0.18)),
    ("one question mark adds nothing", "good?", norm(GOOD)),
    ("emphasis moves a negative sum down", "bad!!", norm(BAD - 2 * 0.292)),
    ("emoji become their description", "lol 😂", norm(LOL + TEARS + JOY)),
    ("emoticons are tokens", "great :)", None),
    ("'never so': 'so' boosts, then ×1.25 twice", "it was never so good", norm((GOOD + 0.293) * 1.25 * 1.25)),
    ("'kind of' dampens with three words before", "it was kind of good", norm(GOOD - 0.293)),
    ("'least' negates", "least good", norm(GOOD * -0.74)),
    ("'at least' does not", "at least good", norm(GOOD)),
    ("special phrase replaces the valence", "that show is the bomb", None),
    ("punctuation is stripped from words", "good, GREAT... (bad)", None),
    ("an empty text has no score", "   ", None),
]


@pytest.fixture(scope="module")
def score(tmp_path_factory, slack_fixture_raw_module):
    """A function scoring texts with the compiled analysis, on a DuckDB file holding the VADER seeds."""
    work = tmp_path_factory.mktemp("sentiment")
    selector = "vader_lexicon vader_emoji vader_boosters vader_negations vader_special_cases"
    run_dbt(["seed", "--select", selector], slack_fixture_raw_module, work).ok()
    run_dbt(["compile", "--select", "sentiment_of_any_text"], slack_fixture_raw_module, work).ok()
    sql = next((work / "target" / "compiled").rglob("sentiment_of_any_text.sql")).read_text()

    def scored(texts: list[str | None]) -> list[float | None]:
        with duckdb.connect(str(work / "warehouse.duckdb")) as con:
            con.execute("create or replace table texts_to_score (text_id varchar, text varchar)")
            con.executemany("insert into texts_to_score values (?, ?)", [(f"{i:06d}", t) for i, t in enumerate(texts)])
            return [row[2] for row in con.execute(sql).fetchall()]

    return scored


@pytest.fixture(scope="module")
def slack_fixture_raw_module(tmp_path_factory):
    import shutil

    raw = tmp_path_factory.mktemp("raw")
    shutil.copytree(FIXTURES / "slack_export", raw / "slack")
    return raw


def reference(text: str | None) -> float | None:
    """The package's compound score; None where the project scores nothing (no token)."""
    if text is None or not text.split():
        return None
    return REFERENCE.polarity_scores(text)["compound"]


def test_each_rule_gives_the_hand_computed_score_and_the_package_agrees(score):
    got = score([text for _, text, _ in RULES])
    for (rule, text, expected), value in zip(RULES, got, strict=True):
        if expected is not None:
            assert value == pytest.approx(expected, abs=1e-4), rule
        assert value == pytest.approx(reference(text), abs=1e-4) if value is not None else reference(text) is None, rule


ADVERSARIAL = [
    "I don't think this is bad at all, honestly it's GREAT!!!",
    "Not bad. Not bad at all.",
    "Kinda sux tbh :( but whatever",
    "The docs are NOT helpful and the API is broken???",
    "🎉🎉 shipped it 🚀 thanks everyone ❤️",
    "thanks!💯",
    "c'est vraiment génial, merci beaucoup",  # French: scored as VADER scores it (see DECISIONLOG)
    "これは素晴らしいです",  # Japanese: no lexicon word, 0
    "yeah right, as if that ever works",
    "without doubt the best release",
    "it is the shit",
    "least helpful answer ever",
    "at least it isn't a horrible book",
    "very very very good",
    "I'm never this happy",
    "good\u00a0day\u3000great",  # no-break and ideographic spaces split words, as str.split() does
    "(-: :-) ;) :D XD",
    "SO GOOD but so bad",
    "fine... whatever...",
    "!!!???",
    "sort of okay but kind of meh, not great not terrible",
    # Emoji replaced inside text: alone, first, last, between letters, after accents, in runs, after spaces
    "😂",
    "good😂bad",
    "café 😂😂 naïve 😡 ok 👍",
    "é😂é😂é",
    "   😂  lol 😍",
    "fine 👍🏽👎",
]


def test_hand_built_adversarial_texts_agree_with_the_package(score):
    got = score(ADVERSARIAL)
    differ = [
        (text, value, reference(text))
        for text, value in zip(ADVERSARIAL, got, strict=True)
        if (value is None) != (reference(text) is None) or (value is not None and abs(value - reference(text)) > 1e-4)
    ]
    assert differ == []


def _slack_fixture_texts() -> list[str]:
    texts = []
    for path in sorted((FIXTURES / "slack_export").rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, list):
            texts += [m["text"] for m in data if isinstance(m, dict) and isinstance(m.get("text"), str)]
    return texts


def _discourse_fixture_texts() -> list[str]:
    """Posts' cooked HTML as text, the way the model reads it (html_to_text)."""
    texts = []
    for path in sorted((FIXTURES / "discourse_api").glob("*.json")):
        found = re.findall(r'"cooked":\s*"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"))
        for cooked in found:
            html = json.loads(f'"{cooked}"')
            text = re.sub(r"<[^>]+>", " ", html)
            for entity, character in [("&quot;", '"'), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">")]:
                text = text.replace(entity, character)
            texts.append(text.replace("&nbsp;", " ").replace("&amp;", "&"))
    return texts


def agreement(values, texts) -> tuple[float, float, int]:
    """(share with the package's label, share within 0.05 of its compound, texts); prints the shares and the
    share equal to the package's score (within 1e-4)."""
    labels = same = exact = 0
    for value, text in zip(values, texts, strict=True):
        ref = reference(text)
        if ref is None or value is None:
            labels += (ref is None) == (value is None)
            same += (ref is None) == (value is None)
            exact += (ref is None) == (value is None)
            continue
        labels += _label(ref) == _label(value)
        same += abs(ref - value) <= 0.05
        exact += abs(ref - value) <= 1e-4
    n = len(texts)
    print(f"{n} texts: label agreement {labels / n:.1%}, compound within 0.05 {same / n:.1%}, equal {exact / n:.1%}")
    return labels / n, same / n, n


def _label(compound: float) -> str:
    return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"


@pytest.mark.parametrize("name", ["slack_export", "discourse_api"])
def test_real_texts_agree_with_the_package(score, name):
    texts = _slack_fixture_texts() if name == "slack_export" else _discourse_fixture_texts()
    assert len(texts) >= 10
    print(name, end=": ")
    labels, close, _ = agreement(score(texts), texts)
    assert labels >= 0.97 and close >= 0.95


def test_demo_texts_agree_with_the_package(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        rows = con.execute(
            """
            select sentiment.sentiment_score, texts.text
            from intermediate.int_activities__sentiment as sentiment
            inner join (
                select 'slack:message:' || message_id as activity_id, message_text as text
                from staging.stg_slack__messages
                union all
                select 'discord:message:' || message_id, content from staging.stg_discord__messages
                union all
                select 'social:x:' || tweet_id, tweet_text from staging.stg_social__x_tweets
                union all
                select 'github:issue:' || issue_id, title from staging.stg_github__issues
            ) as texts
                on sentiment.activity_id = texts.activity_id
            """
        ).fetchall()
    # The model scores text without code, Slack markup and links (text_for_sentiment); so does this.
    cleaned = []
    for _, text in rows:
        for pattern in (r"```[^`]*```", r"`[^`]*`", r"<[^>]*>", r"https?://[^ \t\n\r]+"):
            text = re.sub(pattern, " ", text or "")
        cleaned.append(text.strip(" ") or None)
    print("demo", end=": ")
    labels, close, n = agreement([value for value, _ in rows], cleaned)
    assert n > 10_000
    assert labels >= 0.97 and close >= 0.95
