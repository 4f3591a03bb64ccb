"""Expectation suites, kept as code: one entry per mart, with the query that feeds it.

A mart added to the project adds its suite here. Expectations state what must hold for the table
to be usable by BI tools — columns and order, keys, ranges, relations between columns — and
complement the dbt tests rather than repeat the unit-tested formulas.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import great_expectations as gx
from great_expectations.expectations import Expectation


@dataclass(frozen=True)
class MartSuite:
    mart: str
    """Relation name `schema.table` in the warehouse."""
    query: str
    """What the suite validates; marts are small enough to load whole."""
    expectations: Callable[[], list[Expectation]]


ENGAGEMENT_COUNTS = [
    "new_members",
    "returning_members",
    "reactivated_members",
    "active_members",
    "churned_members",
]
ENGAGEMENT_COLUMNS = [
    "month_start",
    *ENGAGEMENT_COUNTS,
    "previous_active_members",
    "retention_rate",
    "average_daily_active_members",
    "stickiness",
    "contributors",
    "new_contributors",
    "activities",
    "contributions",
    "is_complete_period",
]


def _engagement_monthly() -> list[Expectation]:
    e = gx.expectations
    counts = [*ENGAGEMENT_COUNTS, "contributors", "new_contributors", "activities", "contributions"]
    # Churn is counted only in months the data covers completely; in an incomplete month it is null.
    always = [c for c in counts if c != "churned_members"]
    return [
        # The mart's columns in contract order, then the helpers the query appends.
        e.ExpectTableColumnsToMatchOrderedList(
            column_list=[*ENGAGEMENT_COLUMNS, "months_after_previous", "active_from_parts", "active_month_before"]
        ),
        e.ExpectTableRowCountToBeBetween(min_value=1),
        e.ExpectColumnValuesToBeUnique(column="month_start"),
        e.ExpectColumnValuesToBeIncreasing(column="month_start", strictly=True),
        *[e.ExpectColumnValuesToNotBeNull(column=c) for c in ["month_start", "is_complete_period", *always]],
        # Only the last months can be incomplete (the exports stop in them); every earlier one has its churn.
        e.ExpectColumnValuesToNotBeNull(column="churned_members", mostly=0.8),
        *[e.ExpectColumnValuesToBeBetween(column=c, min_value=0) for c in counts],
        e.ExpectColumnValuesToBeBetween(column="retention_rate", min_value=0, max_value=1),
        e.ExpectColumnValuesToBeBetween(column="stickiness", min_value=0, max_value=1),
        e.ExpectColumnPairValuesAToBeGreaterThanB(column_A="active_members", column_B="new_members", or_equal=True),
        e.ExpectColumnPairValuesAToBeGreaterThanB(column_A="activities", column_B="active_members", or_equal=True),
        # MAU is exactly new + returning + reactivated (the sum is computed in the query).
        e.ExpectColumnPairValuesToBeEqual(column_A="active_members", column_B="active_from_parts"),
        # The retention denominator is the month before's active members (null in the first month).
        e.ExpectColumnPairValuesToBeEqual(
            column_A="previous_active_members", column_B="active_month_before", ignore_row_if="either_value_is_missing"
        ),
        # Months are calendar months: consecutive rows are one month apart (checked in SQL below).
        e.ExpectColumnValuesToBeInSet(column="months_after_previous", value_set=[1], mostly=1.0),
    ]


WEIGHT_COLUMNS = (
    "first_touch_weight",
    "last_touch_weight",
    "linear_weight",
    "u_shaped_weight",
    "w_shaped_weight",
    "time_decay_weight",
)


def _shares(*columns: str) -> list[Expectation]:
    return [gx.expectations.ExpectColumnValuesToBeBetween(column=c, min_value=0, max_value=1) for c in columns]


def _keyed(key: list[str], non_negative: list[str]) -> list[Expectation]:
    """A mart that BI tools join on `key`: the key is complete and unique, counts are never negative."""
    e = gx.expectations
    unique = (
        e.ExpectColumnValuesToBeUnique(column=key[0])
        if len(key) == 1
        else e.ExpectCompoundColumnsToBeUnique(column_list=key)
    )
    return [
        e.ExpectTableRowCountToBeBetween(min_value=1),
        unique,
        *[e.ExpectColumnValuesToNotBeNull(column=c) for c in key],
        *[e.ExpectColumnValuesToBeBetween(column=c, min_value=0) for c in non_negative],
    ]


def _cohort_retention() -> list[Expectation]:
    e = gx.expectations
    return [
        *_keyed(["cohort_month", "month_start"], ["months_since_first_activity", "cohort_size", "active_members"]),
        *_shares("retention_share"),
        e.ExpectColumnPairValuesAToBeGreaterThanB(column_A="cohort_size", column_B="active_members", or_equal=True),
    ]


def _member_levels() -> list[Expectation]:
    e = gx.expectations
    return [
        *_keyed(["member_id"], ["love", "reach", "responders", "social_followers"]),
        e.ExpectColumnValuesToBeInSet(column="orbit_level", value_set=[1, 2, 3, 4]),
        e.ExpectColumnValuesToBeInSet(column="level_change", value_set=["up", "down", "same", "new"]),
        # A level pyramid: there are never more advocates than explorers.
        e.ExpectColumnMostCommonValueToBeInSet(column="orbit_level", value_set=[3, 4]),
    ]


def _responsiveness() -> list[Expectation]:
    e = gx.expectations
    return [
        *_keyed(["month_start", "platform"], ["questions", "answered_questions", "median_hours_to_first_response"]),
        *_shares("answered_share", "staff_answered_share", "community_answered_share"),
        e.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="p90_hours_to_first_response", column_B="median_hours_to_first_response", or_equal=True
        ),
    ]


def _simple(key: list[str], non_negative: list[str], shares: tuple[str, ...] = ()) -> Callable[[], list[Expectation]]:
    return lambda: [*_keyed(key, non_negative), *_shares(*shares)]


def _mart(name: str, expectations: Callable[[], list[Expectation]]) -> MartSuite:
    return MartSuite(mart=f"marts.{name}", query=f"select * from marts.{name}", expectations=expectations)


SUITES: tuple[MartSuite, ...] = (
    MartSuite(
        mart="marts.community__engagement_monthly",
        query="""
            select
                *,
                coalesce(
                    date_diff('month', lag(month_start) over (order by month_start), month_start), 1
                ) as months_after_previous,
                new_members + returning_members + reactivated_members as active_from_parts,
                lag(active_members) over (order by month_start) as active_month_before
            from marts.community__engagement_monthly
            order by month_start
        """,
        expectations=_engagement_monthly,
    ),
    _mart(
        "community__engagement_monthly_by_platform",
        _simple(["month_start", "platform"], ENGAGEMENT_COUNTS, ("retention_rate", "stickiness")),
    ),
    _mart("community__cohort_retention", _cohort_retention),
    _mart("community__member_levels", _member_levels),
    _mart("community__responsiveness_monthly", _responsiveness),
    _mart(
        "community__content_performance",
        _simple(["conversation_id"], ["replies", "reactions", "unique_participants", "hours_to_first_response"]),
    ),
    _mart(
        "community__channel_monthly",
        _simple(["platform", "channel_name", "month_start"], ["messages", "posts", "replies", "new_posters"]),
    ),
    _mart(
        "community__event_performance",
        _simple(["event_id"], ["registered", "attended", "no_shows", "opportunities_opened"], ("attendance_rate",)),
    ),
    _mart(
        "community__campaign_periods",
        _simple(["campaign_name", "period"], ["active_members", "new_members", "activities"]),
    ),
    _mart("community__advocates", _simple(["member_id"], ["love", "reach", "contributions"])),
    _mart("identity__merge_review", _simple(["review_id"], [], ("confidence",))),
    _mart(
        "marketing__attribution_touches",
        _simple(
            ["attribution_touch_id"],
            ["revenue", "touch_count", "days_before_conversion"],
            WEIGHT_COLUMNS,
        ),
    ),
    _mart(
        "marketing__channel_performance_monthly",
        _simple(
            ["month_start", "channel", "attribution_model"],
            ["attributed_leads", "attributed_deals_won", "attributed_revenue", "spend_usd"],
        ),
    ),
    _mart(
        "marketing__self_reported_vs_modeled",
        _simple(
            ["month_start", "channel"],
            ["new_customers", "self_reported_customers"],
            ("self_reported_share", "linear_share", "first_touch_share", "last_touch_share"),
        ),
    ),
    _mart(
        "sales__opportunity_community",
        _simple(["opportunity_id"], ["community_members", "active_members_in_window", "sales_cycle_days"]),
    ),
    _mart(
        "sales__pipeline_monthly",
        _simple(
            ["month_start", "is_community_influenced"],
            ["opportunities_created", "opportunities_closed", "opportunities_won", "won_amount"],
            ("win_rate",),
        ),
    ),
    _mart(
        "support__community_deflection_monthly",
        _simple(
            ["month_start"],
            [
                "support_questions",
                "community_answered_questions",
                "deflected_tickets",
                "tickets_created",
                "savings_usd",
            ],
            ("community_answered_share", "deflection_rate"),
        ),
    ),
    _mart(
        "success__account_monthly",
        _simple(
            ["account_id", "month_start"],
            [
                "arr_usd",
                "new_arr_usd",
                "expansion_arr_usd",
                "contraction_arr_usd",
                "churned_arr_usd",
                "community_members",
            ],
        ),
    ),
    _mart(
        "success__retention_summary",
        _simple(
            ["quarter_start", "segmentation", "segment"],
            ["opening_accounts", "opening_arr_usd", "closing_arr_usd", "customer_lifetime_value_usd"],
            ("gross_revenue_retention", "logo_churn_rate", "gross_margin"),
        ),
    ),
    _mart("product__feedback_items", _simple(["feedback_item_id"], ["account_arr_usd"])),
    _mart(
        "product__feedback_monthly",
        _simple(
            ["month_start", "theme"],
            ["items", "items_from_customers", "distinct_members", "distinct_accounts", "arr_represented_usd"],
        ),
    ),
    _mart("finance__community_roi", _simple(["quarter_start", "department"], ["cost_usd", "reported_count"])),
    _mart("finance__roi_assumptions", _simple(["var_name"], ["display_order"])),
)
