"""A real Slack export (shared/fixtures/slack_export, from hfaran/slack-export-viewer), alone in a raw folder.

As a new user would: a folder holding only a Slack export, `dbt build` with no vars, one run. The other 13
sources are found absent and switched off, and the community marts match counts taken from the files.
"""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from datetime import UTC, datetime

import duckdb
import pytest

from helpers import FIXTURES, PROJECT_ROOT, all_sources, run_dbt

pytestmark = pytest.mark.dbt

PERSON_SUBTYPES = {None, "thread_broadcast", "file_share", "file_comment", "me_message"}


def expected_from_files():
    """Counts computed straight from the export's JSON files, independently of the SQL."""
    root = FIXTURES / "slack_export"
    users = json.loads((root / "users.json").read_text())
    bots = {u["id"] for u in users if u.get("is_bot") or u.get("is_app_user")}
    staff = {u["id"] for u in users if u.get("is_admin") or u.get("is_owner")}
    messages, reactions = [], []
    for path in sorted(root.glob("*/*.json")):
        for m in json.loads(path.read_text()):
            messages.append(m)
            for r in m.get("reactions", []):
                reactions += [(m["ts"], u) for u in r["users"]]
    monthly: dict[str, set[str]] = defaultdict(set)
    activities = defaultdict(int)
    for m in messages:
        author = m.get("user") or m.get("comment", {}).get("user")
        if m.get("subtype") in PERSON_SUBTYPES | {"bot_message"}:
            monthly.setdefault(datetime.fromtimestamp(float(m["ts"]), UTC).strftime("%Y-%m-01"), set())
        # Old exports write "bot_id": null on people's file shares: only a non-null bot_id means a bot.
        if m.get("subtype") not in PERSON_SUBTYPES or not author or m.get("bot_id"):
            continue
        if author in bots or author in staff:
            continue
        month = datetime.fromtimestamp(float(m["ts"]), UTC).strftime("%Y-%m-01")
        monthly[month].add(author)
        activities[month] += 1
    for ts, user in reactions:
        if user not in bots and user not in staff:
            month = datetime.fromtimestamp(float(ts), UTC).strftime("%Y-%m-01")
            monthly[month].add(user)
            activities[month] += 1
    return users, messages, reactions, monthly, activities


def test_real_slack_export_builds_and_counts_match(slack_fixture_raw, tmp_path):
    # The user's own configuration, started from the template as the README says: one campaign of theirs.
    config = slack_fixture_raw / "config"
    shutil.copytree(PROJECT_ROOT / "config_template", config)
    (config / "community_campaigns.csv").write_text(
        "campaign_name,utm_campaign,starts_on,ends_on,description\nLaunch week,launch,2016-03-01,2016-03-07,ours\n"
    )
    result = run_dbt(["build"], slack_fixture_raw, tmp_path / "work").ok()
    assert "config/: community_campaigns, feedback_spaces, feedback_themes, identity_links" in result.output
    # The build says what it found and what it switched off, and what each source held.
    assert "found (1): slack (20 files)" in result.output
    others = [s for s in all_sources() if s != "slack"]
    switched = next(line for line in result.output.splitlines() if "no folder, so switched off (13): " in line)
    assert sorted(switched.split("(13): ")[1].split("  [")[0].split(", ")) == others
    assert "slack: 164 records, 0 quarantined, 0 duplicates" in result.output  # 4 users + 2 channels + 158
    users, messages, reactions, monthly, activities = expected_from_files()
    # Read off the files by hand as well: 4 users, 2 channels, 158 records in 17 day files, 1 reaction.
    assert (len(users), len(messages), len(reactions)) == (4, 158, 1)

    with duckdb.connect(str(result.db), read_only=True) as con:

        def one(sql):
            return con.execute(sql).fetchone()

        assert one("select count(*) from staging.stg_slack__users") == (4,)
        assert one("select count(*) from staging.stg_slack__channels") == (2,)
        assert one("select count(*), count(distinct _file_name) from staging.stg_slack__messages") == (
            158,
            17,
        )
        assert one("select count(*) from staging.stg_slack__reactions") == (1,)
        assert one("select count(*) from staging.stg_quarantine__records") == (0,)
        # 8 channel joins and 3 bot_add events are system events; 94 bot posts are bot messages.
        assert one(
            "select count(*) filter (where is_system_event), count(*) filter (where message_subtype = "
            "'bot_message') from staging.stg_slack__messages"
        ) == (11, 94)
        assert one("select min(sent_at) from staging.stg_slack__messages") == (datetime(2016, 1, 15, 5, 55, 18, 2),)
        mart = con.execute(
            "select cast(month_start as varchar), active_members, activities "
            "from marts.community__engagement_monthly order by 1"
        ).fetchall()
        # Only the user's configuration applies: their campaign, none of the demo's; no question spaces.
        campaigns = con.execute("select distinct campaign_name from marts.community__campaign_periods").fetchall()
        questions = one("select count(*) from intermediate.int_community__conversations where is_question")
    assert campaigns == [("Launch week",)]
    assert questions == (0,)
    assert mart == [(m, len(monthly[m]), activities[m]) for m in sorted(monthly)]
    # February only has bot posts: it appears, with zero members.
    assert mart[1] == ("2016-02-01", 0, 0)
