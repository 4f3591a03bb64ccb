"""The dashboard as static HTML files, one per page, for sharing by e-mail: `make dashboard-export`.

Each page is one self-contained file: the same specs as the app (pages.py), charts drawn to inline SVG by
vl-convert (no script, no CDN, nothing fetched when opened), lists as HTML tables. Every text from the
warehouse is HTML-escaped.
"""

from __future__ import annotations

import html
import time
from collections.abc import Sequence
from pathlib import Path

import vl_convert

from community_warehouse.dashboard.pages import PAGES, TARGETS_SQL, Page
from community_warehouse.dashboard.render import (
    EMPTY_TEXT,
    Warehouse,
    build_chart,
    display_frame,
    format_value,
)

STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2rem auto; max-width: 1200px;
       color: #262730; padding: 0 1rem; }
nav a { margin-right: 1rem; }
nav a.current { font-weight: bold; }
.metrics { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
.metric { border: 1px solid #ddd; border-radius: .5rem; padding: .75rem 1rem; min-width: 12rem; }
.metric .label { font-size: .9rem; }
.metric .value { font-size: 2rem; }
.metric .period { font-size: .8rem; color: #777; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
.empty { background: #eef4fc; border-radius: .5rem; padding: .75rem 1rem; }
.caption { color: #777; font-size: .85rem; }
.chart svg { max-width: 100%; height: auto; }
"""


def export(warehouse: Warehouse, out: Path) -> tuple[dict[str, float], list[Page]]:
    """Write <page>.html into `out` for every page the warehouse holds the marts of (a department's file:
    that department's pages), and index.html; return the seconds each page took and the pages left out."""
    out.mkdir(parents=True, exist_ok=True)
    pages, left_out = warehouse.pages()
    timings = {}
    for page in pages:
        started = time.perf_counter()
        (out / f"{page.key}.html").write_text(page_html(warehouse, page, pages), encoding="utf-8")
        timings[page.key] = round(time.perf_counter() - started, 3)
    index = "".join(f'<li><a href="{p.key}.html">{html.escape(p.title)}</a></li>' for p in pages)
    not_here = "".join(f"<li>{html.escape(warehouse.missing_text(p) or '')}</li>" for p in left_out)
    (out / "index.html").write_text(
        _document(
            "Community warehouse",
            f"<h1>Community warehouse</h1><ul>{index}</ul>"
            + (f'<h2>Not in this file</h2><ul class="caption">{not_here}</ul>' if left_out else ""),
        ),
        encoding="utf-8",
    )
    return timings, left_out


def page_html(warehouse: Warehouse, page: Page, pages: Sequence[Page] = PAGES) -> str:
    """One page as a self-contained HTML document; `pages`: those the navigation links to."""
    esc = html.escape
    nav = " ".join(
        f'<a href="{p.key}.html"{" class=current" if p.key == page.key else ""}>{esc(p.title)}</a>' for p in pages
    )
    parts = [f"<nav>{nav}</nav>", f"<h1>{esc(page.title)}</h1>"]
    parts.append(f"<p><b>What's in it for {esc(page.audience)}:</b> {esc(page.gains)}</p>")
    cards = []
    for headline in page.headlines:
        value, period = warehouse.headline(headline)
        cards.append(
            f'<div class="metric" data-label="{esc(headline.label)}" title="{esc(headline.help)}">'
            f'<div class="label">{esc(headline.label)}</div>'
            f'<div class="value">{esc(format_value(value, headline.kind))}</div>'
            f'<div class="period">{esc(period or "no complete period yet")}</div></div>'
        )
    parts.append(f'<div class="metrics">{"".join(cards)}</div>')
    parts.append("<h2>Targets</h2>")
    targets = warehouse.frame(TARGETS_SQL, [page.targets_department])
    if targets.empty:
        parts.append(f'<div class="empty"><b>{EMPTY_TEXT}:</b> {esc(page.no_targets)}.</div>')
    else:
        parts.append(_table(targets))
    for chart in page.charts:
        frame = warehouse.frame(chart.sql)
        if frame.empty:
            parts.append(f"<h3>{esc(chart.title)}</h3>" + _empty(chart.title.lower(), page.needs))
        else:
            svg = vl_convert.vegalite_to_svg(build_chart(frame, chart).properties(width=1000).to_dict())
            parts.append(f'<div class="chart" data-title="{esc(chart.title)}">{svg}</div>')
    for listing in page.listings:
        parts.append(f"<h2>{esc(listing.title)}</h2>")
        frame = warehouse.frame(listing.sql)
        parts.append(_empty(listing.title.lower(), page.needs) if frame.empty else _table(frame))
        parts.append(f'<p class="caption">{esc(listing.caption)}</p>')
    return _document(f"{page.title} · Community warehouse", "\n".join(parts))


def _table(frame) -> str:
    return display_frame(frame).to_html(index=False, escape=True, border=0)


def _empty(what: str, needs: str) -> str:
    return f'<div class="empty"><b>{EMPTY_TEXT}: {html.escape(what)}.</b> {html.escape(needs)}</div>'


def _document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>{body}</body></html>"
    )
