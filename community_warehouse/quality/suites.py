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


def _engagement_monthly() -> list[Expectation]:
    e = gx.expectations
    counts = ["new_members", "active_members", "activities"]
    return [
        # The mart's columns in contract order, then the helper the query appends.
        e.ExpectTableColumnsToMatchOrderedList(column_list=["month_start", *counts, "months_after_previous"]),
        e.ExpectTableRowCountToBeBetween(min_value=1),
        e.ExpectColumnValuesToBeUnique(column="month_start"),
        e.ExpectColumnValuesToBeIncreasing(column="month_start", strictly=True),
        *[e.ExpectColumnValuesToNotBeNull(column=c) for c in ["month_start", *counts]],
        *[e.ExpectColumnValuesToBeBetween(column=c, min_value=0) for c in counts],
        e.ExpectColumnPairValuesAToBeGreaterThanB(column_A="active_members", column_B="new_members", or_equal=True),
        e.ExpectColumnPairValuesAToBeGreaterThanB(column_A="activities", column_B="active_members", or_equal=True),
        # Months are calendar months: consecutive rows are one month apart (checked in SQL below).
        e.ExpectColumnValuesToBeInSet(column="months_after_previous", value_set=[1], mostly=1.0),
    ]


SUITES: tuple[MartSuite, ...] = (
    MartSuite(
        mart="marts.community__engagement_monthly",
        query="""
            select
                *,
                coalesce(
                    date_diff('month', lag(month_start) over (order by month_start), month_start), 1
                ) as months_after_previous
            from marts.community__engagement_monthly
            order by month_start
        """,
        expectations=_engagement_monthly,
    ),
)
