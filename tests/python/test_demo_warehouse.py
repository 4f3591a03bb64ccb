"""The demo build, checked against values computed independently from the raw files and `_truth/`."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from datetime import UTC, datetime

import duckdb
import pytest

pytestmark = pytest.mark.dbt

PERSON_SUBTYPES = {None, "thread_broadcast", "file_share", "file_comment", "me_message"}
INTERNAL_DOMAIN = "quarrylabs.io"


def month_of(ts: str) -> str:
    return datetime.fromtimestamp(float(ts), UTC).strftime("%Y-%m-01")


@pytest.fixture(scope="module")
def expected_engagement(demo_raw):
    """Monthly members computed from the Slack files: every non-bot, non-staff user is one member
    (in the demo, no two Slack accounts belong to one person, so identity resolution merges none)."""
    users = json.loads((demo_raw / "slack" / "users.json").read_text())
    excluded = {
        u["id"]
        for u in users
        if u["is_bot"]
        or u["is_admin"]
        or u["is_owner"]
        or u["profile"].get("email", "").lower().endswith("@" + INTERNAL_DOMAIN)
    }
    monthly: dict[str, set[str]] = defaultdict(set)
    activities: dict[str, int] = defaultdict(int)
    months_seen: set[str] = set()
    for path in (demo_raw / "slack").glob("*/*.json"):
        for m in json.loads(path.read_text()):
            author = m.get("user")
            is_post = m.get("subtype") in PERSON_SUBTYPES | {"bot_message"}
            if is_post:
                months_seen.add(month_of(m["ts"]))
            for r in m.get("reactions", []):
                for u in r["users"]:
                    months_seen.add(month_of(m["ts"]))
                    if u not in excluded:
                        monthly[month_of(m["ts"])].add(u)
                        activities[month_of(m["ts"])] += 1
            if not is_post or not author or m.get("bot_id") or author in excluded:
                continue
            monthly[month_of(m["ts"])].add(author)
            activities[month_of(m["ts"])] += 1
    first_month: dict[str, str] = {}
    for month in sorted(monthly):
        for user in monthly[month]:
            first_month.setdefault(user, month)
    new = defaultdict(int)
    for month in first_month.values():
        new[month] += 1
    return {m: (new[m], len(monthly[m]), activities[m]) for m in sorted(months_seen)}


def test_engagement_monthly_matches_the_raw_files(demo_db, expected_engagement):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        rows = con.execute(
            "select cast(month_start as varchar), new_members, active_members, activities "
            "from marts.community__engagement_monthly order by 1"
        ).fetchall()
    assert {m: (n, a, x) for m, n, a, x in rows} == expected_engagement
    # Every month of the 18-month window (2025-01 … 2026-06), plus at most the next one, where a thread
    # reply to a message of the window's last night can land.
    window = [f"{2025 + (i // 12)}-{i % 12 + 1:02d}-01" for i in range(18)]
    assert [m for m, *_ in rows][:18] == window
    assert len(rows) <= 19


def test_injected_campaign_shows_in_the_mart(demo_db, demo_raw):
    """The generator injects a summit month with 1.6x activity: it must be the busiest month."""
    manifest = json.loads((demo_raw / "_truth" / "manifest.json").read_text())
    campaign_month = manifest["effects"]["campaigns"][0]["month"] + "-01"
    with duckdb.connect(str(demo_db), read_only=True) as con:
        rows = dict(
            con.execute(
                "select cast(month_start as varchar), activities / active_members "
                "from marts.community__engagement_monthly"
            ).fetchall()
        )
    assert max(rows, key=rows.get) == campaign_month


def test_slack_to_hubspot_matches_are_right_and_complete(demo_db, demo_raw):
    """Precision: every match joins two identifiers of the same person (per _truth).
    Recall: every person whose Slack and (live) HubSpot address are the same mailbox is matched."""
    truth = list(csv.DictReader((demo_raw / "_truth" / "identities.csv").open()))
    person_of = {(t["source"], t["identifier"]): t["person_id"] for t in truth}
    deleted = set()
    latest: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader((demo_raw / "hubspot" / "contact.csv").open()):
        if row["id"] not in latest or row["_fivetran_synced"] > latest[row["id"]][0]:
            latest[row["id"]] = (row["_fivetran_synced"], row["_fivetran_deleted"])
    deleted = {cid for cid, (_, flag) in latest.items() if flag == "true"}

    with duckdb.connect(str(demo_db), read_only=True) as con:
        matches = con.execute(
            "select slack_user_id, cast(hubspot_contact_id as varchar) from "
            "intermediate.int_identity__slack_users where hubspot_contact_id is not null"
        ).fetchall()
    assert len(matches) > 100
    for slack_id, contact_id in matches:
        person = person_of[("slack", slack_id)]
        assert person and person == person_of[("hubspot", contact_id)], (slack_id, contact_id)

    slack_mailbox = {t["person_id"]: t["mailbox"] for t in truth if t["source"] == "slack" and t["kind"] == "person"}
    expected = {
        t["person_id"]
        for t in truth
        if t["source"] == "hubspot"
        and t["kind"] == "person"
        and t["identifier"] not in deleted
        and slack_mailbox.get(t["person_id"]) == t["mailbox"]
    }
    matched = {person_of[("slack", s)] for s, _ in matches}
    assert matched == expected


def test_role_addresses_bots_and_staff_never_become_members(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        assert con.execute(
            "select count(*) from intermediate.int_identity__slack_users "
            "where (is_role_address or is_bot) and hubspot_contact_id is not null"
        ).fetchone() == (0,)
        roles, staff, bots = con.execute(
            "select count(*) filter (where is_role_address), count(*) filter (where is_staff), "
            "count(*) filter (where is_bot) from intermediate.int_identity__slack_users"
        ).fetchone()
    assert roles >= 1 and staff >= 3 and bots >= 3
