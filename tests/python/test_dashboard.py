"""The WIFM dashboard (community_warehouse/dashboard) in a real browser: Debian's chromium driven by Playwright.

Every page of the running Streamlit app and of the static HTML export is opened; the test waits for the
charts to draw, reads each headline number as shown and compares it with the mart, read here with SQL of
its own (EXPECTED); any page error or Streamlit exception fails it. Screenshots go to
target/dashboard-screenshots/ and each page's load time to target/dashboard-timings.json. A warehouse built
with every source but Slack switched off shows explanatory empty states, not a crash.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
import yaml

from community_warehouse import warehouse
from community_warehouse.dashboard.__main__ import streamlit_command
from community_warehouse.dashboard.pages import PAGES, marts_read
from community_warehouse.dashboard.render import format_value
from helpers import PROJECT_ROOT, only_sources, run_dbt

SHOTS = PROJECT_ROOT / "target" / "dashboard-screenshots"
TIMINGS = PROJECT_ROOT / "target" / "dashboard-timings.json"

LAST_MONTH = "where is_complete_period order by month_start desc limit 1"
LAST_QUARTER = "where is_complete_period order by quarter_start desc limit 1"
# (page, headline label) -> SQL for the number the page should show, and how it is rounded on screen.
EXPECTED: dict[tuple[str, str], str] = {
    ("overview", "Active members"): f"select active_members from marts.community__engagement_monthly {LAST_MONTH}",
    ("overview", "Influenced pipeline"): "select pipeline_amount from marts.sales__pipeline_monthly"
    " where is_community_influenced and is_complete_period order by month_start desc limit 1",
    ("overview", "Deflected tickets"): "select deflected_tickets from marts.support__community_deflection_monthly"
    f" {LAST_MONTH}",
    ("overview", "Feedback items"): "select sum(items) from marts.product__feedback_monthly group by month_start,"
    " is_complete_period having is_complete_period order by month_start desc limit 1",
    ("overview", "NRR with members"): "select net_revenue_retention from marts.success__retention_summary"
    " where segmentation = 'community_members' and segment = 'with_members' and is_complete_period"
    " order by quarter_start desc limit 1",
    ("overview", "Community ROI"): "select (value_usd - cost_usd) / cost_usd from marts.finance__community_roi"
    " where department = 'total' and is_complete_period order by quarter_start desc limit 1",
    ("community", "Active members"): f"select active_members from marts.community__engagement_monthly {LAST_MONTH}",
    ("community", "New members"): f"select new_members from marts.community__engagement_monthly {LAST_MONTH}",
    ("community", "Member retention"): "select returning_members / previous_active_members"
    f" from marts.community__engagement_monthly {LAST_MONTH}",
    ("community", "Stickiness (DAU/MAU)"): f"select stickiness from marts.community__engagement_monthly {LAST_MONTH}",
    ("marketing", "Community revenue (linear)"): "select attributed_revenue"
    " from marts.marketing__channel_performance_monthly where channel = 'community' and attribution_model = 'linear'"
    " and is_complete_period order by month_start desc limit 1",
    ("marketing", "Community leads (linear)"): "select attributed_leads"
    " from marts.marketing__channel_performance_monthly where channel = 'community' and attribution_model = 'linear'"
    " and is_complete_period order by month_start desc limit 1",
    ("marketing", "Self-reported: community"): "select self_reported_customers / new_customers"
    " from marts.marketing__self_reported_vs_modeled where channel = 'community' and is_complete_period"
    " order by month_start desc limit 1",
    ("marketing", "Social mentions"): f"select mentions from marts.marketing__social_mentions_monthly {LAST_MONTH}",
    ("sales", "Influenced pipeline"): "select pipeline_amount from marts.sales__pipeline_monthly"
    " where is_community_influenced and is_complete_period order by month_start desc limit 1",
    ("sales", "Influenced won amount"): "select won_amount from marts.sales__pipeline_monthly"
    " where is_community_influenced and is_complete_period order by month_start desc limit 1",
    (
        "sales",
        "Win rate, influenced",
    ): "select opportunities_won / opportunities_closed from marts.sales__pipeline_monthly"
    " where is_community_influenced and is_complete_period and opportunities_closed > 0"
    " order by month_start desc limit 1",
    ("sales", "Win rate, not influenced"): "select opportunities_won / opportunities_closed"
    " from marts.sales__pipeline_monthly where not is_community_influenced and is_complete_period"
    " and opportunities_closed > 0 order by month_start desc limit 1",
    ("support", "Deflected tickets"): "select deflected_tickets from marts.support__community_deflection_monthly"
    f" {LAST_MONTH}",
    ("support", "Support savings"): f"select savings_usd from marts.support__community_deflection_monthly {LAST_MONTH}",
    ("support", "Answered by the community"): "select community_answered_share"
    f" from marts.support__community_deflection_monthly {LAST_MONTH}",
    ("support", "Unanswered questions"): "select unanswered_questions"
    f" from marts.support__community_deflection_monthly {LAST_MONTH}",
    ("product", "Feedback items"): "select sum(items) from marts.product__feedback_monthly group by month_start,"
    " is_complete_period having is_complete_period order by month_start desc limit 1",
    ("product", "Items from customers"): "select sum(items_from_customers) from marts.product__feedback_monthly"
    " group by month_start, is_complete_period having is_complete_period order by month_start desc limit 1",
    ("success", "NRR with members"): "select closing_arr_usd / opening_arr_usd"
    " from marts.success__retention_summary where segmentation = 'community_members' and segment = 'with_members'"
    " and is_complete_period order by quarter_start desc limit 1",
    ("success", "NRR without members"): "select closing_arr_usd / opening_arr_usd"
    " from marts.success__retention_summary where segmentation = 'community_members'"
    " and segment = 'without_members' and is_complete_period order by quarter_start desc limit 1",
    ("success", "GRR, all accounts"): "select retained_arr_usd / opening_arr_usd from marts.success__retention_summary"
    " where segmentation = 'all' and is_complete_period order by quarter_start desc limit 1",
    ("success", "Logo churn, all accounts"): "select churned_accounts / opening_accounts"
    " from marts.success__retention_summary where segmentation = 'all' and is_complete_period"
    " order by quarter_start desc limit 1",
    ("finance", "Community value"): "select value_usd from marts.finance__community_roi where department = 'total'"
    " and is_complete_period order by quarter_start desc limit 1",
    ("finance", "Community cost"): "select cost_usd from marts.finance__community_roi where department = 'total'"
    " and is_complete_period order by quarter_start desc limit 1",
    ("finance", "Community ROI"): "select (value_usd - cost_usd) / cost_usd from marts.finance__community_roi"
    " where department = 'total' and is_complete_period order by quarter_start desc limit 1",
}


def _shown_number(text: str) -> float | None:
    """A number as the page shows it (1,234 · $87,800 · 57.1% · 28.8) as a float; None for '—'."""
    text = text.strip()
    if text == "—":
        return None
    share = text.endswith("%")
    value = float(text.replace("$", "").replace(",", "").replace("%", ""))
    return value / 100 if share else value


# Half the last shown digit: what rounding for display may move a number.
ROUNDING = {"count": 0.5, "number": 0.05, "usd": 0.5, "share": 0.0005}


def _expected(con, page: str, label: str) -> float | None:
    rows = con.execute(EXPECTED[(page, label)]).fetchall()
    return None if not rows or rows[0][0] is None else float(rows[0][0])


def _check_headlines(page_key: str, shown: dict[str, str], db: Path) -> list[str]:
    """Mismatches between the numbers on a page and the marts (empty when all agree)."""
    page = next(p for p in PAGES if p.key == page_key)
    problems = []
    with duckdb.connect(str(db), read_only=True) as con:
        for headline in page.headlines:
            if headline.label not in shown:
                problems.append(f"{headline.label!r} is not on the page (shown: {sorted(shown)})")
                continue
            got = _shown_number(shown[headline.label])
            want = _expected(con, page_key, headline.label)
            if (got is None) != (want is None) or (
                got is not None and abs(got - want) > ROUNDING[headline.kind] + 1e-9
            ):
                problems.append(f"{headline.label}: shown {shown[headline.label]!r}, the mart says {want}")
    return problems


def test_every_headline_has_an_expectation():
    labels = {(page.key, h.label) for page in PAGES for h in page.headlines}
    assert labels == set(EXPECTED), f"unchecked: {labels - set(EXPECTED)}; stale: {set(EXPECTED) - labels}"


def test_number_formats():
    assert format_value(1234.4, "count") == "1,234"
    assert format_value(28.75, "number") == "28.8"
    assert format_value(87800.0, "usd") == "$87,800"
    assert format_value(0.57142, "share") == "57.1%"
    assert format_value(-0.4619, "share") == "-46.2%"
    assert format_value(None, "share") == "—"
    assert _shown_number("$87,800") == 87800.0
    assert _shown_number("-46.2%") == pytest.approx(-0.462)


def test_exposures_declare_what_each_page_reads():
    """models/marts/report/_report__exposures.yml lists, per page, exactly the marts its SQL reads."""
    declared = yaml.safe_load((PROJECT_ROOT / "models/marts/report/_report__exposures.yml").read_text())["exposures"]
    by_name = {e["name"]: {ref.removeprefix("ref('").removesuffix("')") for ref in e["depends_on"]} for e in declared}
    assert set(by_name) == {f"dashboard_{page.key}" for page in PAGES}
    for page in PAGES:
        assert by_name[f"dashboard_{page.key}"] == marts_read(page), page.key


# --- the browser -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("chromium is not installed: `make install-browser` (Debian: apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def _dashboard(db: Path, log: Path):
    """The app served on `db` (as `make dashboard` serves it) until the block ends."""
    port = _free_port()
    env = {**os.environ, "COMMUNITY_WAREHOUSE_PATH": str(db)}
    with log.open("w") as out:
        server = subprocess.Popen(streamlit_command(port), env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as reply:
                        if reply.read() == b"ok":
                            break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the dashboard did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.3)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=30)


def _open(browser, url: str, errors: list[str]):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("pageerror", lambda error: errors.append(f"{url}: {error}"))
    page.goto(url)
    return page


def _streamlit_page(browser, base: str, key: str, charts: int, errors: list[str]):
    """A page opened and drawn: its metrics shown, `charts` charts rendered, Streamlit done running."""
    started = time.perf_counter()
    page = _open(browser, f"{base}/{'' if key == 'overview' else key}", errors)
    page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
    if charts:
        page.wait_for_function(
            f"document.querySelectorAll(\"[data-testid='stVegaLiteChart'] canvas, "
            f"[data-testid='stVegaLiteChart'] svg.marks\").length >= {charts}",
            timeout=60_000,
        )
    # The script has finished when the status widget no longer says it is running.
    page.wait_for_function("!document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=60_000)
    return page, time.perf_counter() - started


def _exported_metrics(page) -> dict[str, str]:
    return {
        m.query_selector(".label").inner_text().strip(): m.query_selector(".value").inner_text().strip()
        for m in page.query_selector_all(".metric")
    }


def _navigation(page) -> list[str]:
    return [a.inner_text().strip() for a in page.query_selector_all("[data-testid='stSidebarNav'] a")]


def _metrics(page) -> dict[str, str]:
    shown = {}
    for metric in page.query_selector_all("[data-testid='stMetric']"):
        label = metric.query_selector("[data-testid='stMetricLabel']").inner_text().strip()
        shown[label] = metric.query_selector("[data-testid='stMetricValue']").inner_text().strip()
    return shown


def _charts_with_data(db: Path, page) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return sum(1 for chart in page.charts if con.execute(chart.sql).fetchall())


@pytest.fixture(scope="module")
def demo_copy(demo_db, tmp_path_factory) -> Path:
    """The demo warehouse as the dashboard reads it: a published copy (the app holds it open read-only)."""
    path = tmp_path_factory.mktemp("dashboard") / "community_warehouse.duckdb"
    shutil.copyfile(demo_db, path)
    return path


def test_every_page_of_the_app_shows_the_marts(browser, demo_copy, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    timings, problems = {}, []
    with _dashboard(demo_copy, tmp_path / "streamlit.log") as base:
        for spec in PAGES:
            page, seconds = _streamlit_page(browser, base, spec.key, _charts_with_data(demo_copy, spec), errors)
            timings[spec.key] = round(seconds, 2)
            if spec.key == "overview":
                assert _navigation(page) == [p.title for p in PAGES]
            exceptions = [e.inner_text() for e in page.query_selector_all("[data-testid='stException']")]
            problems += [f"{spec.key}: {text[:500]}" for text in exceptions]
            problems += [f"{spec.key}: {p}" for p in _check_headlines(spec.key, _metrics(page), demo_copy)]
            page.screenshot(path=str(SHOTS / f"app-{spec.key}.png"), full_page=True)
            page.close()
    _record_timings("app", timings)
    assert not errors, errors
    assert not problems, "\n".join(problems)


def test_every_page_of_the_html_export_shows_the_marts(browser, demo_copy, tmp_path):
    out = tmp_path / "export"
    run = _export(demo_copy, out)
    assert run.returncode == 0, run.stderr
    SHOTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    timings, problems = {}, []
    for spec in PAGES:
        file = out / f"{spec.key}.html"
        text = file.read_text()
        assert "<script" not in text and "http" not in text.split("</style>")[0], f"{file} is not self-contained"
        started = time.perf_counter()
        page = _open(browser, file.as_uri(), errors)
        charts = _charts_with_data(demo_copy, spec)
        page.wait_for_function(f"document.querySelectorAll('.chart svg').length >= {charts}", timeout=30_000)
        timings[spec.key] = round(time.perf_counter() - started, 2)
        shown = _exported_metrics(page)
        problems += [f"{spec.key}: {p}" for p in _check_headlines(spec.key, shown, demo_copy)]
        page.screenshot(path=str(SHOTS / f"export-{spec.key}.png"), full_page=True)
        page.close()
    _record_timings("export", timings)
    assert not errors, errors
    assert not problems, "\n".join(problems)


def _export(db: Path, out: Path) -> subprocess.CompletedProcess:
    """`make dashboard-export` on `db`, into `out`."""
    return subprocess.run(
        [str(PROJECT_ROOT / ".venv/bin/python"), "-m", "community_warehouse.dashboard", "export", "--out", str(out)],
        env={**os.environ, "COMMUNITY_WAREHOUSE_PATH": str(db)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def _record_timings(kind: str, timings: dict[str, float]) -> None:
    recorded = json.loads(TIMINGS.read_text()) if TIMINGS.exists() else {}
    recorded[kind] = timings
    TIMINGS.write_text(json.dumps(recorded, indent=2))


@pytest.fixture(scope="module")
def slack_only_db(demo_raw, tmp_path_factory) -> Path:
    """The demo exports built with every source but Slack switched off, as a Slack-only user would."""
    return run_dbt(["build"], demo_raw, tmp_path_factory.mktemp("slack_only"), vars_=only_sources("slack")).ok().db


def test_switched_off_sources_show_empty_states(browser, slack_only_db, tmp_path):
    """Sales, marketing and success have no source left (no CRM, web or billing): each of their pages explains
    what it needs, and no page crashes. Support keeps Slack's support questions; community keeps Slack."""
    errors: list[str] = []
    with _dashboard(slack_only_db, tmp_path / "streamlit.log") as base:
        for key in ("overview", "community", "sales", "support", "product", "success", "finance", "marketing"):
            spec = next(p for p in PAGES if p.key == key)
            page, _ = _streamlit_page(browser, base, key, _charts_with_data(slack_only_db, spec), errors)
            exceptions = [e.inner_text()[:500] for e in page.query_selector_all("[data-testid='stException']")]
            assert not exceptions, f"{key}: {exceptions}"
            alerts = " ".join(a.inner_text() for a in page.query_selector_all("[data-testid='stAlert']"))
            if key in ("sales", "marketing", "success"):
                assert "No data yet" in alerts and spec.needs in alerts, f"{key}: no empty state ({alerts[:300]})"
            page.screenshot(path=str(SHOTS / f"slack-only-{key}.png"), full_page=True)
            page.close()
        # The community page still shows Slack's numbers.
        page, _ = _streamlit_page(browser, base, "community", 1, errors)
        assert _metrics(page)["Active members"] not in ("—", "0")
        page.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def department_files(demo_db, tmp_path_factory) -> Path:
    """Every department's own file, as `make publish-departments` writes them (all but sales pseudonymised)."""
    out = tmp_path_factory.mktemp("departments")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COMMUNITY_PSEUDONYM_KEY", "a test key, sixteen+ chars")
        patch.setenv("DBT_TARGET_PATH", str(PROJECT_ROOT / "target"))
        warehouse.publish_departments(demo_db, out)
    return out


OTHER_THAN_COMMUNITY = "Overview, Marketing, Sales, Support, Product, Success, Finance"


def test_a_departments_own_file_serves_its_page(browser, department_files, demo_db, tmp_path):
    """The community team's file (pseudonymised; its marts and the target planner only) serves the community
    page with the whole warehouse's numbers and targets; the pages it cannot show are left out and named."""
    db = department_files / "community.duckdb"
    spec = next(p for p in PAGES if p.key == "community")
    errors: list[str] = []
    with _dashboard(db, tmp_path / "streamlit.log") as base:
        page, _ = _streamlit_page(browser, base, "", _charts_with_data(db, spec), errors)
        # One page: Streamlit shows no navigation at all (the whole warehouse's app lists all eight).
        assert _navigation(page) == []
        assert page.query_selector("h1").inner_text().strip() == "Community"
        sidebar = page.query_selector("[data-testid='stSidebar']").inner_text()
        assert f"Not in this file: {OTHER_THAN_COMMUNITY}" in sidebar
        assert not page.query_selector_all("[data-testid='stException']")
        alerts = " ".join(a.inner_text() for a in page.query_selector_all("[data-testid='stAlert']"))
        assert "no targets" not in alerts, alerts[:300]
        problems = _check_headlines("community", _metrics(page), demo_db)
        page.screenshot(path=str(SHOTS / "department-community.png"), full_page=True)
        page.close()
    assert not errors, errors
    assert not problems, "\n".join(problems)


def test_a_departments_own_file_exports_its_page(browser, department_files, demo_db, tmp_path):
    db = department_files / "community.duckdb"
    out = tmp_path / "export"
    run = _export(db, out)
    assert run.returncode == 0, run.stderr
    assert sorted(f.name for f in out.iterdir()) == ["community.html", "index.html"]
    assert f"left out, their marts are not in community.duckdb: {OTHER_THAN_COMMUNITY}" in run.stdout
    index = (out / "index.html").read_text()
    assert index.count("community.duckdb holds no") == 7 and "which the finance page reads" in index
    text = (out / "community.html").read_text()
    assert 'href="marketing.html"' not in text, "the navigation links a page that was not written"
    # The advocates list shows pseudonyms, not names: the top advocate's name is in the whole warehouse only.
    top = "select display_name from marts.community__advocates order by reach_rank limit 1"
    with duckdb.connect(str(demo_db), read_only=True) as con:
        name = con.execute(top).fetchone()[0]
    with duckdb.connect(str(db), read_only=True) as con:
        pseudonym = con.execute(top).fetchone()[0]
    assert name != pseudonym and html.escape(name) not in text and pseudonym in text
    errors: list[str] = []
    page = _open(browser, (out / "community.html").as_uri(), errors)
    shown = _exported_metrics(page)
    page.close()
    assert not errors, errors
    assert not _check_headlines("community", shown, demo_db)


def test_a_file_without_any_pages_marts_is_refused_by_the_export(tmp_path):
    db = tmp_path / "other.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema marts; create table marts.report__targets_vs_actuals (department varchar)")
    run = _export(db, tmp_path)
    assert run.returncode == 2 and f"{db} holds the marts of no dashboard page" in run.stderr, run.stderr
    assert "left out, their marts are not in other.duckdb: Overview, Community" in run.stdout


def test_a_file_without_any_pages_marts_lists_every_page_with_what_it_lacks(browser, tmp_path):
    """An old or foreign file: the app lists all eight pages, and each names the marts it lacks, no crash."""
    db = tmp_path / "other.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema marts; create table marts.report__targets_vs_actuals (department varchar)")
    errors: list[str] = []
    with _dashboard(db, tmp_path / "streamlit.log") as base:
        page = _open(browser, f"{base}/finance", errors)
        page.wait_for_selector("[data-testid='stAlert']", timeout=60_000)
        page.wait_for_function("!document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=60_000)
        assert _navigation(page) == [p.title for p in PAGES]
        alert = page.query_selector("[data-testid='stAlert']").inner_text()
        assert "other.duckdb holds no finance__community_roi, finance__roi_assumptions" in alert, alert
        assert not page.query_selector_all("[data-testid='stException']")
        page.close()
    assert not errors, errors


def test_the_app_shows_a_new_publication_without_a_restart(browser, demo_db, tmp_path):
    """`make build` publishes by swapping a new file in under the same name while the app serves: the next
    page opened shows the new file's numbers, not the replaced file's."""
    published = tmp_path / "community_warehouse.duckdb"
    warehouse.publish(demo_db, published, schemas=("marts",), keep=False)
    rebuilt = tmp_path / "build.duckdb"
    shutil.copyfile(demo_db, rebuilt)
    with duckdb.connect(str(rebuilt)) as con:
        con.execute("update marts.community__engagement_monthly set active_members = active_members + 1000")
    with duckdb.connect(str(demo_db), read_only=True) as con:
        before = _expected(con, "community", "Active members")
    errors: list[str] = []
    with _dashboard(published, tmp_path / "streamlit.log") as base:
        page, _ = _streamlit_page(browser, base, "community", 0, errors)
        assert _shown_number(_metrics(page)["Active members"]) == before
        page.close()
        warehouse.publish(rebuilt, published, schemas=("marts",), keep=False)
        page, _ = _streamlit_page(browser, base, "community", 0, errors)
        assert _shown_number(_metrics(page)["Active members"]) == before + 1000
        page.close()
    assert not errors, errors
