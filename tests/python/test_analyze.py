"""Topics, trending terms and sentiment marts against what the demo generator planted (`_truth/manifest.json`).

The generator knows which phrase it wrote into each Slack message and that, in the summit month, half the
members' statements praise the summit while in every other month a tenth are complaints. These tests read
the raw export and the truth, never the models' own logic, and check that the marts show it.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict

import duckdb
import pytest

PUNCTUATION = re.compile(r"[!\"#$%&()*+,\-./:;<=>?@\[\]^_`{|}~]")
NOT_PROSE = (r"```[^`]*```", r"`[^`]*`", r"<[^>]*>", r"https?://[^ \t\n\r]+")


def as_words(text: str) -> str:
    """Lower case, accents dropped, punctuation (not the apostrophe) a space, wrapped in single spaces."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return " " + " ".join(PUNCTUATION.sub(" ", folded).split()) + " "


@pytest.fixture(scope="module")
def truth(demo_raw) -> dict:
    return json.loads((demo_raw / "_truth" / "manifest.json").read_text(encoding="utf-8"))["effects"]


@pytest.fixture(scope="module")
def slack_messages(demo_raw) -> list[dict]:
    """Every message of the raw Slack export with its channel: the files as the generator wrote them."""
    messages = []
    for day in sorted((demo_raw / "slack").glob("*/*.json")):
        for message in json.loads(day.read_text(encoding="utf-8")):
            messages.append({**message, "channel": day.parent.name})
    return messages


def query(db, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_campaign_lifts_sentiment_with_the_planted_sign(demo_db, truth):
    texts = truth["texts"]
    assert texts["sentiment_shift_during_vs_pre"] == "+" and texts["sentiment_shift_during_vs_post"] == "+"
    for campaign in truth["campaigns"]:
        periods = dict(
            query(
                demo_db,
                "select period, average_sentiment from marts.community__campaign_periods "
                f"where campaign_name = '{campaign['name']}'",
            )
        )
        print(campaign["name"], periods)
        assert periods["during"] > periods["pre"] and periods["during"] > periods["post"]


def test_the_planted_campaign_term_trends_first_in_its_month(demo_db, truth):
    term = truth["texts"]["trending_term_in_campaign_month"]
    for campaign in truth["campaigns"]:
        month = campaign["month"] + "-01"
        top = query(
            demo_db,
            "select term, lift from marts.community__trending_terms "
            f"where month_start = date '{month}' and trend_rank = 1",
        )
        assert top and top[0][0] == term, top
        before = query(
            demo_db,
            "select count(*) from marts.community__trending_terms "
            f"where term = '{term}' and month_start < date '{month}'",
        )
        assert before == [(0,)]


def test_slack_conversation_topics_match_the_raw_export(demo_db, demo_raw, slack_messages, truth):
    """Each Slack conversation's topics equal those found by a separate whole-word matcher over the raw export,
    and every thread starter has the topic of the phrase the generator wrote into it."""
    with (demo_raw / "config" / "topics.csv").open(encoding="utf-8") as fh:
        patterns = [(as_words(row["pattern"]), row["topic"]) for row in csv.DictReader(fh)]
    texts = dict(query(demo_db, "select activity_id, text is not null from intermediate.int_activities__texts"))
    with_text = {activity_id for activity_id, has_text in texts.items() if has_text}
    expected: dict[str, set[str]] = defaultdict(set)
    starters: dict[str, str] = {}
    for message in slack_messages:
        activity_id = f"slack:message:{message['channel']}/{message['ts']}"
        if activity_id not in with_text:
            continue
        # A reply's conversation is its thread; a reply whose parent is not an activity (a deleted parent's
        # tombstone) is its own, as int_activities__texts documents.
        root = f"slack:message:{message['channel']}/{message.get('thread_ts') or message['ts']}"
        conversation = root if root in texts else activity_id
        text = message.get("text") or ""
        if message.get("thread_ts") in (None, message["ts"]):
            starters[conversation] = text
        for pattern in NOT_PROSE:
            text = re.sub(pattern, " ", text)
        words = as_words(text)
        expected[conversation].update(topic for pattern, topic in patterns if pattern in words)
    found: dict[str, set[str]] = defaultdict(set)
    for conversation, topic in query(
        demo_db,
        "select conversation_id, topic from intermediate.int_community__conversation_topics "
        "where conversation_id like 'slack:%'",
    ):
        found[conversation].add(topic)
    expected = {conversation: topics for conversation, topics in expected.items() if topics}
    assert len(expected) > 5_000
    assert found == expected

    topic_of_phrase = truth["texts"]["topic_of_phrase"]
    planted = 0
    for conversation, text in starters.items():
        for phrase, topic in topic_of_phrase.items():
            if phrase in text:
                planted += 1
                assert topic in found[conversation], (conversation, text)
    assert planted > 5_000


def test_topics_monthly_adds_up_to_the_conversations(demo_db):
    """The mart's conversations per topic over all months are at least the topic's conversations (a
    conversation spanning two months counts in both), and no topic is counted in a month without texts."""
    rows = query(
        demo_db,
        """
        with per_topic as (
            select topic, count(*) as conversations
            from intermediate.int_community__conversation_topics as topics
            where exists (
                select 1 from intermediate.int_activities__texts as texts
                where texts.conversation_id = topics.conversation_id and texts.is_member_activity
            )
            group by 1
        )
        select per_topic.topic, per_topic.conversations, sum(mart.conversations)
        from per_topic
        inner join marts.community__topics_monthly as mart on per_topic.topic = mart.topic
        group by 1, 2
        """,
    )
    assert rows
    for topic, conversations, monthly in rows:
        assert monthly >= conversations, topic
