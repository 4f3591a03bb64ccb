"""The semantic layer (models/marts/semantic): every MetricFlow metric, queried through MetricFlow's engine on
the demo warehouse, equals what its mart publishes.

The expected side is SQL on the marts written here: a mart's own published column where the mart has one
(active_members, retention_rate, answered_share, win_rate, CAC, ROAS, GRR, NRR, ROI …), so a ratio metric is
checked against the rate the mart computed itself, not against the same division done twice. Quarters and
sums over a dimension are checked against plain SQL sums and averages of the monthly rows, and the quarterly
active members against the target planner's actuals (report__targets_vs_actuals), computed by another model.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import duckdb
import pytest

from community_warehouse.semantic import open_engine, query
from helpers import PROJECT_ROOT, copy_warehouse, run_dbt

BY_CHANNEL_MODEL = ["metric_time__month", "channel_model_month__channel", "channel_model_month__attribution_model"]
BY_INFLUENCE = ["metric_time__month", "pipeline_month__is_community_influenced"]

# metric -> (group-by names, SQL on the marts returning the same group-by columns then the value)
CASES: dict[str, tuple[list[str], str]] = {
    # Community
    "community_active_members": (
        ["metric_time__month"],
        "select month_start, active_members from marts.community__engagement_monthly",
    ),
    "community_new_members": (
        ["metric_time__month"],
        "select month_start, new_members from marts.community__engagement_monthly",
    ),
    "community_returning_members": (
        ["metric_time__month"],
        "select month_start, returning_members from marts.community__engagement_monthly",
    ),
    "community_reactivated_members": (
        ["metric_time__month"],
        "select month_start, reactivated_members from marts.community__engagement_monthly",
    ),
    "community_churned_members": (
        ["metric_time__month"],
        "select month_start, churned_members from marts.community__engagement_monthly",
    ),
    "community_retention": (
        ["metric_time__month"],
        "select month_start, retention_rate from marts.community__engagement_monthly",
    ),
    "community_retained_members": (
        ["metric_time__month"],
        "select month_start, case when is_complete_period then returning_members end"
        " from marts.community__engagement_monthly",
    ),
    "community_retention_base_members": (
        ["metric_time__month"],
        "select month_start, case when is_complete_period then previous_active_members end"
        " from marts.community__engagement_monthly",
    ),
    "community_stickiness": (
        ["metric_time__month"],
        "select month_start, stickiness from marts.community__engagement_monthly",
    ),
    "community_average_daily_active_members": (
        ["metric_time__month"],
        "select month_start, average_daily_active_members from marts.community__engagement_monthly",
    ),
    "community_active_members_total": (
        ["metric_time__quarter"],
        "select date_trunc('quarter', month_start)::date, sum(active_members)"
        " from marts.community__engagement_monthly group by 1",
    ),
    "community_questions": (
        ["metric_time__month", "community_platform_month__platform"],
        "select month_start, platform, questions from marts.community__responsiveness_monthly",
    ),
    "community_answered_questions": (
        ["metric_time__month", "community_platform_month__platform"],
        "select month_start, platform, answered_questions from marts.community__responsiveness_monthly",
    ),
    "community_answered_share": (
        ["metric_time__month", "community_platform_month__platform"],
        "select month_start, platform, answered_share from marts.community__responsiveness_monthly",
    ),
    "community_median_hours_to_first_response": (
        ["metric_time__month", "conversation__platform"],
        "select month_start, platform, median_hours_to_first_response from marts.community__responsiveness_monthly",
    ),
    # Marketing
    "marketing_attributed_leads": (
        BY_CHANNEL_MODEL,
        "select month_start, channel, attribution_model, attributed_leads"
        " from marts.marketing__channel_performance_monthly",
    ),
    "marketing_attributed_opportunities": (
        BY_CHANNEL_MODEL,
        "select month_start, channel, attribution_model, attributed_opportunities"
        " from marts.marketing__channel_performance_monthly",
    ),
    "marketing_attributed_deals_won": (
        BY_CHANNEL_MODEL,
        "select month_start, channel, attribution_model, attributed_deals_won"
        " from marts.marketing__channel_performance_monthly",
    ),
    "marketing_attributed_revenue": (
        BY_CHANNEL_MODEL,
        "select month_start, channel, attribution_model, attributed_revenue"
        " from marts.marketing__channel_performance_monthly",
    ),
    "marketing_spend": (
        BY_CHANNEL_MODEL,
        "select month_start, channel, attribution_model, spend_usd from marts.marketing__channel_performance_monthly",
    ),
    "marketing_paid_spend": (
        BY_CHANNEL_MODEL,
        "select month_start, channel, attribution_model, nullif(spend_usd, 0)"
        " from marts.marketing__channel_performance_monthly",
    ),
    "marketing_cac": (
        BY_CHANNEL_MODEL,
        "select month_start, channel, attribution_model, customer_acquisition_cost_usd"
        " from marts.marketing__channel_performance_monthly",
    ),
    "marketing_roas": (
        BY_CHANNEL_MODEL,
        # The mart divides unrounded revenue, MetricFlow the published cents: half a cent over the spend apart.
        "select month_start, channel, attribution_model, return_on_ad_spend, 0.0051 / nullif(spend_usd, 0)"
        " from marts.marketing__channel_performance_monthly",
    ),
    "marketing_new_customers": (
        ["metric_time__month", "self_reported_channel_month__channel"],
        "select month_start, channel, new_customers from marts.marketing__self_reported_vs_modeled",
    ),
    "marketing_self_reported_customers": (
        ["metric_time__month", "self_reported_channel_month__channel"],
        "select month_start, channel, self_reported_customers from marts.marketing__self_reported_vs_modeled",
    ),
    "marketing_self_reported_share": (
        ["metric_time__month", "self_reported_channel_month__channel"],
        "select month_start, channel, self_reported_share from marts.marketing__self_reported_vs_modeled",
    ),
    # Sales
    "sales_pipeline": (
        BY_INFLUENCE,
        "select month_start, is_community_influenced, pipeline_amount from marts.sales__pipeline_monthly",
    ),
    "sales_influenced_pipeline": (
        ["metric_time__quarter"],
        "select date_trunc('quarter', month_start)::date, sum(pipeline_amount) from marts.sales__pipeline_monthly"
        " where is_community_influenced group by 1",
    ),
    "sales_won_amount": (
        BY_INFLUENCE,
        "select month_start, is_community_influenced, won_amount from marts.sales__pipeline_monthly",
    ),
    "sales_opportunities_won": (
        BY_INFLUENCE,
        "select month_start, is_community_influenced, opportunities_won from marts.sales__pipeline_monthly",
    ),
    "sales_opportunities_closed": (
        BY_INFLUENCE,
        "select month_start, is_community_influenced, opportunities_closed from marts.sales__pipeline_monthly",
    ),
    "sales_win_rate": (
        BY_INFLUENCE,
        "select month_start, is_community_influenced, win_rate from marts.sales__pipeline_monthly",
    ),
    "sales_median_cycle_days": (
        ["metric_time__month", "opportunity__is_community_influenced"],
        "select month_start, is_community_influenced, median_sales_cycle_days from marts.sales__pipeline_monthly",
    ),
    # Support
    "support_deflected_tickets": (
        ["metric_time__month"],
        "select month_start, deflected_tickets from marts.support__community_deflection_monthly",
    ),
    "support_savings": (
        ["metric_time__month"],
        "select month_start, savings_usd from marts.support__community_deflection_monthly",
    ),
    # Product
    "product_feedback_items": (
        ["metric_time__month", "feedback_theme_month__theme"],
        "select month_start, theme, items from marts.product__feedback_monthly",
    ),
    "product_arr_represented": (
        ["metric_time__month", "feedback_theme_month__theme"],
        "select month_start, theme, arr_represented_usd from marts.product__feedback_monthly",
    ),
    # Success
    **{
        metric: (
            [
                "metric_time__quarter",
                "retention_segment_quarter__segmentation",
                "retention_segment_quarter__segment",
            ],
            f"select quarter_start, segmentation, segment, {column} from marts.success__retention_summary",
        )
        for metric, column in {
            "success_grr": "gross_revenue_retention",
            "success_nrr": "net_revenue_retention",
            "success_logo_churn": "logo_churn_rate",
            "success_opening_arr": "case when is_complete_period then opening_arr_usd end",
            "success_retained_arr": "case when is_complete_period then retained_arr_usd end",
            "success_closing_arr": "case when is_complete_period then closing_arr_usd end",
            "success_opening_accounts": "case when is_complete_period then opening_accounts end",
            "success_churned_accounts": "case when is_complete_period then churned_accounts end",
        }.items()
    },
    # Finance
    "finance_value": (
        ["metric_time__quarter", "roi_department_quarter__department"],
        "select quarter_start, department, value_usd from marts.finance__community_roi",
    ),
    "finance_cost": (
        ["metric_time__quarter", "roi_department_quarter__department"],
        "select quarter_start, department, cost_usd from marts.finance__community_roi",
    ),
    "finance_roi": (
        ["metric_time__quarter", "roi_department_quarter__department"],
        "select quarter_start, department, roi from marts.finance__community_roi",
    ),
}

# The marts round money to cents (CAC) and publish fractional attributed deals to 6 places, or compute from
# unrounded parts what MetricFlow computes from the published cents (ROI): (relative, absolute) tolerance.
TOLERANCE = {"marketing_cac": (1e-6, 0.0051), "finance_roi": (1e-6, 1e-6)}
# Checks whose SQL returns a last column more: the absolute tolerance of that row.
ROW_TOLERANCE = {"marketing_roas"}


@pytest.fixture(scope="module")
def semantic(demo_db, demo_raw, tmp_path_factory, monkeypatch_module):
    """MetricFlow's engine on a copy of the demo warehouse (dbt-duckdb opens its file read-write), with a
    semantic manifest naming the copy's database: `make test`'s own (written by its dbt build of the same
    file name), else one dbt parses here for the copy."""
    work = tmp_path_factory.mktemp("semantic")
    built = PROJECT_ROOT / "target" / "semantic_manifest.json"
    if built.exists() and _database_of(built) == demo_db.stem:
        manifest = built
        copy = work / demo_db.name
        shutil.copyfile(demo_db, copy)
    else:
        copy_warehouse(demo_db, work)
        run_dbt(["parse"], demo_raw, work, artifacts=True).ok()
        manifest = work / "target" / "semantic_manifest.json"
        copy = work / "warehouse.duckdb"
    monkeypatch_module.setenv("COMMUNITY_DUCKDB_PATH", str(copy))
    engine = open_engine(manifest)
    # The expected side reads the original: the engine's open connection holds the copy.
    return engine, manifest, demo_db


def _database_of(manifest: Path) -> str | None:
    models = json.loads(manifest.read_text())["semantic_models"]
    return models[0]["node_relation"]["database"] if models else None


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _same(metric: str, got, expected, row_tolerance=None) -> bool:
    if got is None or expected is None:
        return got is None and expected is None
    rel, absolute = TOLERANCE.get(metric, (1e-9, row_tolerance or 1e-9))
    return math.isclose(float(got), float(expected), rel_tol=rel, abs_tol=absolute)


def test_every_metric_has_a_check(semantic):
    _, manifest, _ = semantic
    metrics = {m["name"] for m in json.loads(manifest.read_text())["metrics"]}
    assert metrics == set(CASES), f"without a check: {metrics - set(CASES)}; stale checks: {set(CASES) - metrics}"


@pytest.mark.parametrize("metric", sorted(CASES))
def test_metric_equals_its_mart(semantic, metric):
    engine, _, db = semantic
    group_by, sql = CASES[metric]
    rows = query(engine, [metric], group_by)
    got = {tuple(row[g] for g in group_by): row[metric] for row in rows}
    with duckdb.connect(str(db), read_only=True) as con:
        fetched = con.sql(sql).fetchall()
    tolerances = {}
    if metric in ROW_TOLERANCE:
        tolerances = {tuple(row[:-2]): row[-1] for row in fetched}
        fetched = [row[:-1] for row in fetched]
    expected = {tuple(row[:-1]): row[-1] for row in fetched}
    assert expected, f"{metric}: the mart has no rows on the demo, so nothing is checked"
    # MetricFlow leaves out groups whose measure is null in every row; the mart keeps them as null.
    missing = {k for k in expected if k not in got and expected[k] is not None}
    assert not missing, f"{metric}: MetricFlow has no row for {sorted(missing)[:3]}"
    differ = {
        k: (got[k], v) for k, v in expected.items() if k in got and not _same(metric, got[k], v, tolerances.get(k))
    }
    assert not differ, f"{metric}: MetricFlow vs mart differ at {len(differ)} keys, e.g. {list(differ.items())[:3]}"
    extra = sorted(set(got) - set(expected))
    assert not extra, f"{metric}: MetricFlow rows the mart lacks: {extra[:3]}"


def test_quarterly_active_members_equal_the_target_planner(semantic):
    """A quarter of community_active_members is the average month: what report__targets_vs_actuals says."""
    engine, _, db = semantic
    rows = query(engine, ["community_active_members"], ["metric_time__quarter"])
    got = {row["metric_time__quarter"]: row["community_active_members"] for row in rows}
    with duckdb.connect(str(db), read_only=True) as con:
        planned = con.sql(
            "select period_start, actual_value, is_complete_period from marts.report__targets_vs_actuals"
            " where department = 'community' and metric = 'active_members' and period_grain = 'quarter'"
        ).fetchall()
    complete = [(start, actual) for start, actual, is_complete in planned if is_complete]
    assert complete, "the demo targets name no complete quarter of active members"
    for start, actual in complete:
        assert math.isclose(got[start], actual, rel_tol=1e-9), (start, got[start], actual)
