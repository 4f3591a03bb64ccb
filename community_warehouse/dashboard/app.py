"""The WIFM dashboard: `make dashboard` (Streamlit) on the published warehouse.

One page per department and an overview, each from community_warehouse/dashboard/pages.py: what the
department gains, its headline numbers and targets, trends, and the lists it acts on. The warehouse is
$COMMUNITY_WAREHOUSE_PATH (default: community_warehouse.duckdb, published by `make build`), read-only.
"""

from __future__ import annotations

import streamlit as st

from community_warehouse.dashboard.pages import PAGES, TARGETS_SQL, Page
from community_warehouse.dashboard.render import (
    EMPTY_TEXT,
    MartMissing,
    Warehouse,
    WarehouseMissing,
    build_chart,
    display_frame,
    format_value,
)
from community_warehouse.warehouse import published_db


def _empty(what: str, page: Page) -> None:
    st.info(f"**{EMPTY_TEXT}: {what}.** {page.needs}", icon=":material/info:")


def render(page: Page, warehouse: Warehouse | WarehouseMissing) -> None:
    st.title(page.title)
    st.markdown(f"**What's in it for {page.audience}:** {page.gains}")
    if isinstance(warehouse, WarehouseMissing):
        st.error(str(warehouse))
        return
    missing = warehouse.missing_text(page)
    if missing:
        st.error(missing)
        return
    try:
        _headlines(warehouse, page)
        _targets(warehouse, page)
        for chart in page.charts:
            frame = warehouse.frame(chart.sql)
            if frame.empty:
                st.subheader(chart.title)
                _empty(chart.title.lower(), page)
            else:
                st.altair_chart(build_chart(frame, chart), use_container_width=True)
        for listing in page.listings:
            st.subheader(listing.title)
            frame = warehouse.frame(listing.sql)
            if frame.empty:
                _empty(listing.title.lower(), page)
            else:
                st.dataframe(display_frame(frame), hide_index=True, use_container_width=True)
            st.caption(listing.caption)
    except MartMissing as error:
        st.error(str(error))


def _headlines(warehouse: Warehouse, page: Page) -> None:
    columns = st.columns(len(page.headlines))
    values = [warehouse.headline(headline) for headline in page.headlines]
    for column, headline, (value, period) in zip(columns, page.headlines, values, strict=True):
        with column:
            st.metric(headline.label, format_value(value, headline.kind), help=headline.help, border=True)
            st.caption(period or "no complete period yet")
    if all(value is None for value, _ in values):
        _empty("no headline number has a complete period", page)


def _targets(warehouse: Warehouse, page: Page) -> None:
    st.subheader("Targets")
    frame = warehouse.frame(TARGETS_SQL, [page.targets_department])
    if frame.empty:
        st.info(f"**{EMPTY_TEXT}:** {page.no_targets}.", icon=":material/flag:")
        return
    st.dataframe(display_frame(frame), hide_index=True, use_container_width=True)
    st.caption(
        "report__targets_vs_actuals: attainment is actual / target; the projection runs the current period's "
        "rate to its end."
    )


def _page_function(page: Page, warehouse: Warehouse | WarehouseMissing):
    def show() -> None:
        render(page, warehouse)

    show.__name__ = f"page_{page.key}"
    return show


def main() -> None:
    st.set_page_config(page_title="Community warehouse", page_icon=":material/groups:", layout="wide")
    # Opened for this run and closed after it, not cached: `make build` publishes by swapping a new file in
    # under the same name, and a connection kept open would go on reading the file it replaced.
    try:
        warehouse: Warehouse | WarehouseMissing = Warehouse(published_db())
        shown, left_out = warehouse.pages()
    except WarehouseMissing as error:
        warehouse, shown, left_out = error, [], []
    try:
        # A department's file shows that department's pages; a file that can show none lists every page, each
        # saying what it lacks.
        shown = shown or list(PAGES)
        navigation = st.navigation(
            [
                st.Page(_page_function(page, warehouse), title=page.title, url_path=page.key, default=page is shown[0])
                for page in shown
            ]
        )
        st.sidebar.caption(f"Warehouse: {published_db()}")
        if left_out and len(shown) < len(PAGES):
            st.sidebar.caption(
                f"Not in this file: {', '.join(page.title for page in left_out)} (it holds only some marts; "
                "`make build` publishes them all)."
            )
        navigation.run()
    finally:
        if isinstance(warehouse, Warehouse):
            warehouse.close()


main()
