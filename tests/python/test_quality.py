"""The Great Expectations checkpoint passes good marts and fails — loudly — on bad or broken ones."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from community_warehouse.quality.checkpoint import run, validate_frame
from community_warehouse.quality.suites import ENGAGEMENT_COLUMNS, SUITES

ENGAGEMENT = next(s for s in SUITES if s.mart == "marts.community__engagement_monthly")


def frame(rows):
    """Rows of (month, new, returning, reactivated, churned, activities); the rest follows from them."""
    records = []
    previous = None
    for month, new, returning, reactivated, churned, activities in rows:
        active = new + returning + reactivated
        records.append(
            {
                "month_start": month,
                "new_members": new,
                "returning_members": returning,
                "reactivated_members": reactivated,
                "active_members": active,
                "churned_members": churned,
                "previous_active_members": previous,
                "retention_rate": 0.5,
                "average_daily_active_members": active / 30,
                "stickiness": 1 / 30,
                "contributors": active,
                "new_contributors": new,
                "activities": activities,
                "contributions": activities,
                "is_complete_period": True,
            }
        )
        previous = active
    df = pd.DataFrame(records, columns=ENGAGEMENT_COLUMNS)
    df["months_after_previous"] = 1
    df["active_from_parts"] = df.new_members + df.returning_members + df.reactivated_members
    df["active_month_before"] = df.active_members.shift(1)
    return df


GOOD = [(date(2025, 1, 1), 2, 0, 0, 0, 5), (date(2025, 2, 1), 0, 1, 0, 1, 1), (date(2025, 3, 1), 1, 1, 1, 0, 9)]


def test_a_good_mart_passes():
    outcome, described = validate_frame(ENGAGEMENT, frame(GOOD))
    assert outcome.ok and outcome.evaluated >= 10
    assert described["success"] is True


def test_a_broken_rule_fails():
    bad = frame(GOOD)
    bad.loc[2, "new_members"] = 4  # more new members than active ones
    outcome, _ = validate_frame(ENGAGEMENT, bad)
    assert not outcome.ok and not outcome.errored
    assert any("expect_column_pair_values_a_to_be_greater_than_b" in f for f in outcome.failed)


def test_a_wrong_retention_denominator_fails():
    bad = frame(GOOD)
    bad.loc[2, "previous_active_members"] = 7  # the month before had 1 active member
    outcome, _ = validate_frame(ENGAGEMENT, bad)
    assert not outcome.ok and any("expect_column_pair_values_to_be_equal" in f for f in outcome.failed)


def test_an_expectation_that_errors_fails_the_run():
    """A missing column makes GX raise inside the expectation; that must not pass silently."""
    broken = frame(GOOD).drop(columns=["activities"])
    outcome, _ = validate_frame(ENGAGEMENT, broken)
    assert not outcome.ok
    assert outcome.errored, "errors inside expectations must be reported as errors"


@pytest.mark.dbt
def test_checkpoint_on_the_demo_build_writes_json(demo_db, tmp_path):
    outcomes = run(demo_db, tmp_path)
    assert all(o.ok for o in outcomes), [(o.mart, o.failed, o.errored) for o in outcomes]
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert {s["mart"] for s in summary} == {s.mart for s in SUITES}
    assert (tmp_path / "marts.community__engagement_monthly.json").exists()
