"""The demo build, checked against values computed independently from the raw files and `_truth/`."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from datetime import UTC, date, datetime

import duckdb
import pandas as pd
import pytest

pytestmark = pytest.mark.dbt

PERSON_SUBTYPES = {None, "thread_broadcast", "file_share", "file_comment", "me_message"}
INTERNAL_DOMAIN = "quarrylabs.io"


def month_of(ts: str) -> str:
    return datetime.fromtimestamp(float(ts), UTC).strftime("%Y-%m-01")


@pytest.fixture(scope="module")
def expected_slack_engagement(demo_raw):
    """Monthly Slack members computed from the Slack files: every non-bot, non-staff user is one member
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
    for path in (demo_raw / "slack").glob("*/*.json"):
        for m in json.loads(path.read_text()):
            author = m.get("user")
            is_post = m.get("subtype") in PERSON_SUBTYPES | {"bot_message"}
            for r in m.get("reactions", []):
                for u in r["users"]:
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
    return {m: (new[m], len(monthly[m]), activities[m]) for m in sorted(monthly)}


def test_slack_engagement_matches_the_raw_files(demo_db, expected_slack_engagement):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        rows = con.execute(
            "select cast(month_start as varchar), new_members, active_members, activities "
            "from marts.community__engagement_monthly_by_platform where platform = 'slack' and active_members > 0 "
            "order by 1"
        ).fetchall()
    assert {m: (n, a, x) for m, n, a, x in rows} == expected_slack_engagement


def add_month(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def engagement_by_hand(rows) -> dict[tuple[str, date], dict]:
    """The engagement definitions applied in Python to (member, platform, day, is_contribution) rows."""
    months: dict[tuple[str, str], set[date]] = defaultdict(set)
    days: dict[tuple[str, date], set[tuple[str, date]]] = defaultdict(set)
    activities: dict[tuple[str, date], int] = defaultdict(int)
    contributed: dict[tuple[str, str], set[date]] = defaultdict(set)
    for member, platform, day, is_contribution in rows:
        month = day.replace(day=1)
        for scope in ("all", platform):
            months[(member, scope)].add(month)
            days[(scope, month)].add((member, day))
            activities[(scope, month)] += 1
            if is_contribution:
                contributed[(member, scope)].add(month)
    result: dict[tuple[str, date], dict] = defaultdict(lambda: defaultdict(float))
    for (member, scope), active in months.items():
        first_contribution = min(contributed[(member, scope)], default=None)
        for month in active:
            counts = result[(scope, month)]
            counts["active_members"] += 1
            before = [m for m in active if m < month]
            if not before:
                counts["new_members"] += 1
            elif add_month(month, -1) in active:
                counts["returning_members"] += 1
            else:
                counts["reactivated_members"] += 1
            if add_month(month, 1) not in active:
                result[(scope, add_month(month, 1))]["churned_members"] += 1
            if month in contributed[(member, scope)]:
                counts["contributors"] += 1
            if month == first_contribution:
                counts["new_contributors"] += 1
    for key, member_days in days.items():
        result[key]["member_days"] = len(member_days)
        result[key]["activities"] = activities[key]
    return result


def test_engagement_marts_match_the_definitions(demo_db, demo_raw):
    """Both engagement marts, recomputed in Python from fct_activities with the written definitions.

    The demo simulates whole months up to the window's last month; its exports then run a few hours into
    the next month (events that day). That month is incomplete: its churn and retention are null.
    """
    window = json.loads((demo_raw / "_truth" / "manifest.json").read_text())["window"]
    last_complete_month = date.fromisoformat(window["last_month"])
    with duckdb.connect(str(demo_db), read_only=True) as con:
        rows = con.execute(
            "select member_id, platform, cast(occurred_at as date), is_contribution from marts.fct_activities "
            "where member_id is not null and not is_staff and not is_bot"
        ).fetchall()
        mart = con.execute(
            "select 'all' as platform, * from marts.community__engagement_monthly "
            "union all by name select * from marts.community__engagement_monthly_by_platform"
        ).df()
    expected = engagement_by_hand(rows)
    columns = ["new_members", "returning_members", "reactivated_members", "active_members", "churned_members"]
    columns += ["contributors", "new_contributors", "activities"]
    checked = 0
    for row in mart.to_dict("records"):
        scope = row["platform"]
        month = row["month_start"].date() if hasattr(row["month_start"], "date") else row["month_start"]
        want = expected.get((scope, month), {})
        complete = month <= last_complete_month
        assert row["is_complete_period"] == complete, (scope, month)
        for column in columns:
            if column == "churned_members" and not complete:
                assert row[column] is None or pd.isna(row[column]), (scope, month, column)
                assert row["retention_rate"] is None or pd.isna(row["retention_rate"]), (scope, month)
                continue
            assert row[column] == want.get(column, 0), (scope, month, column)
        days_in_month = (add_month(month, 1) - month).days
        assert row["average_daily_active_members"] == pytest.approx(want.get("member_days", 0) / days_in_month)
        checked += 1
    assert checked == len(mart) > 20
    assert not mart[mart["month_start"].dt.date > last_complete_month].empty  # the incomplete month is there
    # Every month with member activity is in the marts (the spine has no gaps).
    assert {(s, m) for (s, m), c in expected.items() if c.get("active_members")} <= {
        (r["platform"], r["month_start"].date()) for r in mart.to_dict("records")
    }


def test_injected_campaign_shows_in_the_marts(demo_db, demo_raw):
    """The generator's summit month lifts activity (x1.6) and brings lapsed members back (x3): it is the
    busiest month per member, the month with the most reactivated members, and its campaign period beats
    the periods before and after it."""
    manifest = json.loads((demo_raw / "_truth" / "manifest.json").read_text())
    campaign_month = manifest["effects"]["campaigns"][0]["month"] + "-01"
    with duckdb.connect(str(demo_db), read_only=True) as con:
        per_member = dict(
            con.execute(
                "select cast(month_start as varchar), activities / active_members "
                "from marts.community__engagement_monthly where active_members > 0"
            ).fetchall()
        )
        reactivated = dict(
            con.execute(
                "select cast(month_start as varchar), reactivated_members from marts.community__engagement_monthly"
            ).fetchall()
        )
        periods = {
            period: (active, activities, sessions)
            for period, active, activities, sessions in con.execute(
                "select period, active_members, activities, campaign_web_sessions "
                "from marts.community__campaign_periods"
            ).fetchall()
        }
    assert max(per_member, key=per_member.get) == campaign_month
    assert max(reactivated, key=reactivated.get) == campaign_month
    assert periods["during"][0] > max(periods["pre"][0], periods["post"][0])
    assert periods["during"][1] > max(periods["pre"][1], periods["post"][1])
    assert periods["during"][2] > 0 == periods["pre"][2]


def test_slack_users_and_hubspot_contacts_merge_when_one_person(demo_db, demo_raw):
    """Precision: a Slack user and a HubSpot contact in one member are one person (per _truth).
    Recall: every person whose Slack and (live) HubSpot address are the same mailbox is one member."""
    truth = list(csv.DictReader((demo_raw / "_truth" / "identities.csv").open()))
    person_of = {(t["source"], t["identifier"]): t["person_id"] for t in truth}
    latest: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader((demo_raw / "hubspot" / "contact.csv").open()):
        if row["id"] not in latest or row["_fivetran_synced"] > latest[row["id"]][0]:
            latest[row["id"]] = (row["_fivetran_synced"], row["_fivetran_deleted"])
    deleted = {cid for cid, (_, flag) in latest.items() if flag == "true"}

    with duckdb.connect(str(demo_db), read_only=True) as con:
        matches = con.execute(
            "select split_part(s.identifier_id, ':', 2), split_part(h.identifier_id, ':', 2) "
            "from intermediate.int_identity__member_map as s "
            "inner join intermediate.int_identity__member_map as h on s.member_id = h.member_id "
            "where s.identifier_id like 'slack_user:%' and h.identifier_id like 'hubspot_contact:%'"
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
    assert expected <= matched


def test_slack_bots_stay_alone_and_never_count_as_members(demo_db, demo_raw):
    users = json.loads((demo_raw / "slack" / "users.json").read_text())
    bots = {u["id"] for u in users if u["is_bot"]}
    assert len(bots) >= 3
    with duckdb.connect(str(demo_db), read_only=True) as con:
        sizes = dict(
            con.execute(
                "select split_part(m.identifier_id, ':', 2), count(*) from intermediate.int_identity__member_map as m "
                "inner join intermediate.int_identity__member_map as other on m.member_id = other.member_id "
                "where m.identifier_id like 'slack_user:%' group by 1"
            ).fetchall()
        )
        counted = con.execute(
            "select count(*) from marts.fct_activities where not is_bot and split_part(actor_identifier_id, ':', 2) in "
            "(select unnest(?))",
            [sorted(bots)],
        ).fetchone()[0]
    assert all(sizes[b] == 1 for b in bots if b in sizes)
    assert counted == 0


def test_injected_win_rate_effect_shows_in_the_pipeline(demo_db, demo_raw):
    """The generator makes companies with community members win more of their opportunities: over the
    whole window, the community-influenced win rate of sales__pipeline_monthly is the higher one."""
    effects = json.loads((demo_raw / "_truth" / "manifest.json").read_text())["effects"]["commerce"]
    assert effects["win_rate_member_company"] > effects["win_rate_non_member_company"]
    with duckdb.connect(str(demo_db), read_only=True) as con:
        rates = dict(
            con.execute(
                "select is_community_influenced, sum(opportunities_won) / sum(opportunities_closed) "
                "from marts.sales__pipeline_monthly group by 1"
            ).fetchall()
        )
        closed = con.execute("select sum(opportunities_closed) from marts.sales__pipeline_monthly").fetchone()[0]
    assert closed >= 30
    assert rates[True] > rates[False]
