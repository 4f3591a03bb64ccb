"""Source freshness: every source with a load time has thresholds, and they judge the exports' age."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from community_warehouse.generate import GeneratorConfig, generate
from helpers import run_dbt

pytestmark = pytest.mark.dbt


def freshness(raw, work):
    result = run_dbt(["source", "freshness"], raw, work, artifacts=True)
    results = json.loads((work / "target" / "sources.json").read_text())["results"]
    return result, {r["unique_id"].split(".", 2)[2]: r["status"] for r in results}


def test_exports_loaded_just_now_are_fresh(tmp_path):
    # The window runs to the end of next month, so the latest load of every table (Segment's last page
    # view, Fivetran's sync after the window) is after now, on whatever day of the month the test runs.
    # (With the window ending this month, the last page view falls on the 28th or before, more than a day
    # old on the 30th: a warning that depended on the calendar.)
    next_month = (date.today().replace(day=1) + timedelta(days=32)).replace(day=1)
    raw = tmp_path / "raw"
    # Large enough that every table has rows (an empty table has no load time, which dbt reports as stale).
    generate(GeneratorConfig(out=raw, seed=5, members=1500, months=6, end_month=next_month))
    result, status = freshness(raw, tmp_path / "work")
    assert result.returncode == 0, result.output[-3000:]
    # Fivetran tables (via _fivetran_synced) and Segment (via received_at) are checked.
    assert {"hubspot.contact", "salesforce.opportunity", "zendesk.ticket", "web.pages"} <= set(status)
    assert set(status.values()) == {"pass"}


def test_stale_exports_are_reported(demo_raw, tmp_path):
    """The demo window ends in mid-2026: long past the error threshold of every checked source."""
    result, status = freshness(demo_raw, tmp_path / "work")
    assert result.returncode != 0
    assert status and set(status.values()) == {"error"}
