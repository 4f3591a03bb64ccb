"""What the app and the HTML export share: reading the warehouse, formatting numbers, building charts.

Numbers are formatted, never recomputed: a share is the mart's share shown as a percentage.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import duckdb
import pandas as pd

from community_warehouse.dashboard.pages import PAGES, Chart, Headline, Page, marts_read

EMPTY_TEXT = "No data yet"


class WarehouseMissing(RuntimeError):
    """The warehouse file does not exist (nothing built or published yet)."""


class MartMissing(RuntimeError):
    """A mart the page reads is not in the warehouse (a warehouse built by an older version)."""


@dataclass
class Warehouse:
    """The published warehouse, opened read-only (BI tools may hold it open too)."""

    path: Path

    def __post_init__(self) -> None:
        if not self.path.is_file():
            raise WarehouseMissing(
                f"{self.path} does not exist: run `make build` first (or set COMMUNITY_WAREHOUSE_PATH to a "
                "published warehouse)"
            )
        self._con = duckdb.connect(str(self.path), read_only=True)

    def frame(self, sql: str, params: list | None = None) -> pd.DataFrame:
        # One cursor per query: Streamlit serves sessions from several threads.
        cursor = self._con.cursor()
        try:
            return cursor.execute(sql, params or []).df()
        except duckdb.CatalogException as error:
            missing = re.search(r"Table with name (\w+) does not exist", str(error))
            name = missing.group(1) if missing else "a mart"
            raise MartMissing(
                f"{name} is not in {self.path}: rebuild and publish the warehouse (`make build`)"
            ) from error
        finally:
            cursor.close()

    def marts(self) -> set[str]:
        """The marts this file holds: all of them in the published warehouse, one department's in a file from
        `make publish-departments`."""
        held = self.frame("select table_name from information_schema.tables where table_schema = 'marts'")
        return set(held["table_name"])

    def pages(self) -> tuple[list[Page], list[Page]]:
        """The pages this file can show (it holds every mart they read) and those it cannot."""
        held = self.marts()
        return (
            [page for page in PAGES if marts_read(page) <= held],
            [page for page in PAGES if not marts_read(page) <= held],
        )

    def missing_marts(self, page: Page) -> list[str]:
        """The marts `page` reads that this file does not hold."""
        return sorted(marts_read(page) - self.marts())

    def missing_text(self, page: Page) -> str | None:
        """Why `page` cannot be shown from this file (the marts it lacks and where they are); None if it can."""
        missing = self.missing_marts(page)
        if not missing:
            return None
        return (
            f"{self.path.name} holds no {', '.join(missing)}, which the {page.title.lower()} page reads. A "
            "department's file from `make publish-departments` holds only the marts that department reads; "
            "`make build` publishes the whole warehouse."
        )

    def headline(self, headline: Headline) -> tuple[float | None, str | None]:
        """The headline's value and the period it is for; (None, None) when the mart has no such row."""
        frame = self.frame(headline.sql)
        if frame.empty:
            return None, None
        value, period = frame.iloc[0, 0], frame.iloc[0, 1]
        return _plain(value), (None if pd.isna(period) else str(period))

    def close(self) -> None:
        self._con.close()


def _plain(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return None
    return float(value)


def format_value(value: float | None, kind: str) -> str:
    """A headline as people read it: 1,234 · 12.5 · $12,345 · 81.2% · 3.4 h · 51 days; '—' when unknown."""
    if value is None:
        return "—"
    if kind == "count":
        return f"{value:,.0f}"
    if kind == "number":
        return f"{value:,.1f}"
    if kind == "usd":
        return f"${value:,.0f}"
    if kind == "share":
        return f"{value * 100:,.1f}%"
    if kind == "hours":
        return f"{value:,.1f} h"
    if kind == "days":
        return f"{value:,.0f} days"
    raise ValueError(f"unknown headline kind {kind!r}")


def build_chart(frame: pd.DataFrame, chart: Chart) -> alt.Chart:
    """A line or bar chart of long rows (x, series, y), one colour per series."""
    x, series, y = frame.columns[:3]
    data = frame.rename(columns={x: "period", series: "series", y: "value"})
    mark = alt.Chart(data).mark_line(point=True) if chart.mark == "line" else alt.Chart(data).mark_bar()
    x_encoding = (
        alt.X("period:T", title=None, axis=alt.Axis(format="%b %Y"))
        if chart.x_type == "temporal"
        else alt.X("period:N", title=None)
    )
    return (
        mark.encode(
            x=x_encoding,
            y=alt.Y("value:Q", title=chart.y_title),
            color=alt.Color("series:N", title=None),
            tooltip=[
                alt.Tooltip("period:T", title="Period"),
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("value:Q", title=chart.y_title, format=",.4~f"),
            ],
        )
        .properties(title=chart.title, height=260, width="container")
        .configure_title(anchor="start")
    )


def _decimal(value: float) -> str:
    """A decimal as listed: 4 significant digits below 1,000, whole numbers above; blank when null."""
    if pd.isna(value):
        return ""
    return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"


def display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A list as shown: timestamps to the minute, floats to 4 significant decimals, nulls blank."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d %H:%M").str.removesuffix(" 00:00")
        elif pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].map(_decimal)
    return shown.astype(object).where(shown.notna(), "")
