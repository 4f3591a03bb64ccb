"""The department ROI marts (support, success, finance) on the demo build, checked against values computed
independently from the raw exports and against the effects the generator injected (`_truth/manifest.json`)."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from datetime import datetime

import duckdb
import pytest

pytestmark = pytest.mark.dbt

INTERVALS_PER_YEAR = {"month": 12, "year": 1}


def _next_month(month: str) -> str:
    year, m = int(month[:4]), int(month[5:7])
    return f"{year + 1:04d}-01-01" if m == 12 else f"{year:04d}-{m + 1:02d}-01"


def test_arr_matches_the_stripe_export(demo_db, demo_raw):
    """Total ARR at every month end, from Stripe's subscriptions.csv: subscriptions that started before the
    next month and had not ended by then, amount × quantity × intervals per year (all in USD in the demo)."""
    with (demo_raw / "billing" / "subscriptions.csv").open(newline="", encoding="utf-8-sig") as f:
        subs = list(csv.DictReader(f))
    assert {s["Currency"] for s in subs} == {"usd"}
    with duckdb.connect(str(demo_db), read_only=True) as con:
        mart = dict(
            con.execute(
                "select strftime(month_start, '%Y-%m-%d'), sum(arr_usd) from marts.success__account_monthly group by 1"
            ).fetchall()
        )
    months = sorted(mart)
    assert len(months) >= 12
    for month in months:
        boundary = datetime.fromisoformat(_next_month(month))
        expected = 0.0
        for s in subs:
            started = datetime.fromisoformat(s["Start (UTC)"])
            ended = datetime.fromisoformat(s["Ended At (UTC)"]) if s["Ended At (UTC)"] else None
            if started < boundary and (ended is None or ended >= boundary):
                expected += float(s["Amount"]) * int(s["Quantity"]) * INTERVALS_PER_YEAR[s["Interval"]]
        assert mart[month] == pytest.approx(expected), month


def test_members_accounts_retain_better(demo_db, demo_raw):
    """The generator gives subscriptions of companies with community members a lower monthly churn hazard
    (0.018 against 0.035). Over every quarter of success__retention_summary, accounts with community members
    lose fewer logos and keep more revenue (net) than accounts without."""
    effects = json.loads((demo_raw / "_truth" / "manifest.json").read_text())["effects"]["commerce"]
    assert effects["monthly_churn_hazard_member_company"] < effects["monthly_churn_hazard_non_member_company"]
    with duckdb.connect(str(demo_db), read_only=True) as con:
        pooled = {
            segment: (accounts, churned, opening, closing)
            for segment, accounts, churned, opening, closing in con.execute(
                "select segment, sum(opening_accounts), sum(churned_accounts), sum(opening_arr_usd), "
                "sum(closing_arr_usd) from marts.success__retention_summary "
                "where segmentation = 'community_members' group by 1"
            ).fetchall()
        }
    with_members, without = pooled["with_members"], pooled["without_members"]
    assert with_members[0] >= 50 and without[0] >= 20, pooled
    assert with_members[1] / with_members[0] < without[1] / without[0]  # logo churn
    assert with_members[3] / with_members[2] > without[3] / without[2]  # net revenue retention


def test_members_accounts_file_fewer_tickets_per_dollar(demo_db, demo_raw):
    """The generator files 0.65 times as many tickets for subscriptions of companies with members. Those
    accounts are larger (more people, more seats), so the fair comparison is per dollar of ARR: over the whole
    window, accounts with community members file fewer tickets per $100k of ARR."""
    effects = json.loads((demo_raw / "_truth" / "manifest.json").read_text())["effects"]["commerce"]
    assert effects["ticket_rate_multiplier_member_company"] < 1
    with duckdb.connect(str(demo_db), read_only=True) as con:
        member_tickets, other_tickets = con.execute(
            "select sum(member_account_tickets), sum(non_member_account_tickets) "
            "from marts.support__community_deflection_monthly"
        ).fetchone()
        arr = dict(
            con.execute(
                "select community_members > 0, sum(arr_usd) from marts.success__account_monthly "
                "where is_customer group by 1"
            ).fetchall()
        )
    assert member_tickets >= 50 and other_tickets >= 5
    assert member_tickets / arr[True] < other_tickets / arr[False]


def test_deflection_follows_the_conversations(demo_db):
    """Community-answered support questions recomputed from int_community__conversations and the seed."""
    with duckdb.connect(str(demo_db), read_only=True) as con:
        expected = dict(
            con.execute(
                "select strftime(c.started_month, '%Y-%m-%d'), count(*) "
                "from intermediate.int_community__conversations c "
                "join staging.stg_config__support_spaces s "
                "on c.platform = s.platform and c.channel_name = s.channel_name "
                "where c.is_question and c.member_id is not null and not c.is_staff and not c.is_bot "
                "and c.first_response_at is not null and not c.is_first_response_by_staff group by 1"
            ).fetchall()
        )
        mart = {
            month: (answered, deflected, savings, rate, cost)
            for month, answered, deflected, savings, rate, cost in con.execute(
                "select strftime(month_start, '%Y-%m-%d'), community_answered_questions, deflected_tickets, "
                "savings_usd, deflection_rate, cost_per_ticket_usd from marts.support__community_deflection_monthly"
            ).fetchall()
        }
    assert sum(expected.values()) >= 100
    for month, (answered, deflected, savings, rate, cost) in mart.items():
        assert answered == expected.get(month, 0), month
        assert (rate, cost) == (0.25, 25.0)
        assert deflected == pytest.approx(answered * 0.25)
        assert savings == pytest.approx(answered * 0.25 * 25)


def test_roi_total_adds_the_rows_in_the_total(demo_db, demo_raw):
    """With the default vars, the total is marketing + support + success (sales and product are reported, not
    added), its cost is the community row's, and the cost sheet's part of it matches the raw file."""
    with (demo_raw / "costs" / "community_costs.csv").open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    usd_per_unit = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CAD": 0.73}  # seeds/currency_rates.csv
    sheet: dict[str, float] = defaultdict(float)
    for r in rows:
        amount = r["amount"].replace(",", "").strip()
        if not amount.replace(".", "", 1).isdigit() or len(r["month"]) != 7:
            continue  # an amount "TBD", a month "Q3": quarantined by staging, not a cost
        quarter = f"{r['month'][:4]}-{(int(r['month'][5:7]) - 1) // 3 * 3 + 1:02d}-01"
        sheet[quarter] += float(amount) * usd_per_unit[r["currency"].strip().upper()]
    with duckdb.connect(str(demo_db), read_only=True) as con:
        roi = {
            (q, d): (value, cost, in_total)
            for q, d, value, cost, in_total in con.execute(
                "select strftime(quarter_start, '%Y-%m-%d'), department, value_usd, cost_usd, is_value_in_total "
                "from marts.finance__community_roi"
            ).fetchall()
        }
        paid = dict(
            con.execute(
                "select strftime(date_trunc('quarter', month_start), '%Y-%m-%d'), sum(cost_usd) "
                "from intermediate.int_finance__community_costs where cost_source != 'cost_sheet' group by 1"
            ).fetchall()
        )
    quarters = sorted({q for q, _ in roi})
    assert len(quarters) >= 5
    for q in quarters:
        parts = [roi[(q, d)] for d in ("marketing", "support", "success")]
        assert not roi[(q, "sales")][2] and not roi[(q, "product")][2]
        total_value, total_cost, _ = roi[(q, "total")]
        assert total_value == pytest.approx(sum(v or 0 for v, _, _ in parts)), q
        assert total_cost == pytest.approx(roi[(q, "community")][1])
        assert total_cost == pytest.approx(sheet.get(q, 0) + paid.get(q, 0)), q
    assert sum(paid.values()) > 0  # the LinkedIn campaigns named "Community …" are community costs
