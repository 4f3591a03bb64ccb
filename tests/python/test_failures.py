"""A build on missing or malformed exports stops with a message that names the path and the fix."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from faults import record_fault
from helpers import run_dbt

pytestmark = pytest.mark.dbt


def test_missing_raw_folder_names_the_path_and_the_fix(tmp_path):
    missing = tmp_path / "no_such_folder"
    result = run_dbt(["build"], missing, tmp_path / "work")
    assert result.returncode != 0
    assert str(missing) in result.output
    assert "make demo-data" in result.output
    assert "COMMUNITY_RAW_PATH" in result.output
    record_fault("raw folder missing", "loud", "loud", "names the path and COMMUNITY_RAW_PATH")


def test_missing_source_file_names_the_file_and_the_switch(tmp_path, demo_raw):
    """A source folder that exists but lacks one of its tables is a broken export, not a switched-off source."""
    raw = tmp_path / "raw"
    shutil.copytree(demo_raw / "slack", raw / "slack")
    shutil.copytree(demo_raw / "hubspot", raw / "hubspot")
    (raw / "hubspot" / "deal.csv").unlink()
    result = run_dbt(["build"], raw, tmp_path / "work")
    assert result.returncode != 0
    match = re.search(r"no file matches (\S+)\.", result.output)
    assert match, result.output[-2000:]
    assert Path(match.group(1)) == raw / "hubspot" / "deal.csv"
    assert '"using_hubspot": false' in result.output
    record_fault("one table of a source missing", "loud", "loud", "names the file and the switch")


def test_missing_required_column_names_file_and_column(tmp_path, demo_raw):
    raw = tmp_path / "raw"
    shutil.copytree(demo_raw, raw, ignore=shutil.ignore_patterns("_truth"))
    with (
        (demo_raw / "hubspot" / "contact.csv").open() as src,
        (raw / "hubspot" / "contact.csv").open("w") as dst,
    ):
        reader = csv.DictReader(src)
        fields = [f for f in reader.fieldnames if f != "property_email"]
        writer = csv.DictWriter(dst, fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(reader)
    result = run_dbt(["build"], raw, tmp_path / "work")
    assert result.returncode != 0
    assert "hubspot/contact.csv" in result.output
    assert "has no column `property_email`" in result.output
    record_fault("required column removed", "loud", "loud", "names the file and the column")


def test_optional_columns_may_be_missing(tmp_path, demo_raw):
    """A portal without some optional properties still builds: those columns read as nulls."""
    raw = tmp_path / "raw"
    shutil.copytree(demo_raw, raw, ignore=shutil.ignore_patterns("_truth"))
    path = raw / "hubspot" / "contact.csv"
    rows = list(csv.DictReader(path.open()))
    keep = [f for f in rows[0] if f not in {"property_jobtitle", "property_country", "property_lifecyclestage"}]
    with path.open("w") as fh:
        writer = csv.DictWriter(fh, keep, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    result = run_dbt(["build", "--select", "+stg_hubspot__contacts"], raw, tmp_path / "work").ok()
    import duckdb

    with duckdb.connect(str(result.db), read_only=True) as con:
        assert (
            con.execute(
                "select count(*), count(job_title), count(email) from staging.stg_hubspot__contacts"
            ).fetchone()[1]
            == 0
        )


def test_raw_path_with_a_quote_is_rejected(tmp_path):
    bad = tmp_path / "it's here"
    bad.mkdir()
    result = run_dbt(["build"], bad, tmp_path / "work")
    assert result.returncode != 0
    assert "is not allowed in the raw folder path" in result.output
    record_fault("raw folder path with a quote", "loud", "loud", "names the character")


def test_relative_raw_path_under_a_folder_with_a_quote_is_rejected(tmp_path, demo_raw):
    """A relative COMMUNITY_RAW_PATH is made absolute with the folder dbt runs in, which reaches SQL too."""
    work = tmp_path / "it's here"
    work.mkdir()
    (work / "raw").symlink_to(demo_raw)
    result = run_dbt(["build"], demo_raw, work, env={"COMMUNITY_RAW_PATH": "raw", "PWD": str(work)})
    assert result.returncode != 0
    assert (
        f'The raw folder "{work}/raw" (COMMUNITY_RAW_PATH "raw", relative to the folder dbt runs in)' in result.output
    )
    assert "Set COMMUNITY_RAW_PATH to an absolute path without it" in result.output
    record_fault("working folder with a quote, relative raw path", "loud", "loud", "names the folder and the fix")


def _add_column(path: Path, header: str, value: str) -> int:
    """Append a column to a CSV export, written as a CSV writer quotes it; returns the data rows."""
    with path.open(newline="") as fh:
        rows = list(csv.reader(fh))
    with path.open("w", newline="") as fh:
        csv.writer(fh).writerows([[*rows[0], header], *[[*row, value] for row in rows[1:]]])
    return len(rows) - 1


def test_hostile_header_names_stay_data(tmp_path, demo_raw):
    """A header name is data: one holding quotes, a comma or SQL is kept as a field of the raw record and
    never ends the identifier it is quoted as. One-file exports (a view over the file) and many-file ones
    (parsed into a table) are read by different branches; both are covered."""
    raw = tmp_path / "raw"
    shutil.copytree(demo_raw, raw, ignore=shutil.ignore_patterns("_truth"))
    company = 'evil", 1 as "x'
    guest = 'q`, (select 42) as "z'
    companies = _add_column(raw / "hubspot" / "company.csv", company, "v1")
    first_guests = sorted((raw / "events" / "guests").glob("*.csv"))[0]
    guests_in_file = _add_column(first_guests, guest, "v2")
    result = run_dbt(["run", "--select", "base_hubspot__company", "base_events__guests"], raw, tmp_path / "work")
    assert result.returncode == 0, result.output[-3000:]
    import duckdb

    with duckdb.connect(str(result.db), read_only=True) as con:
        assert con.execute("select count(*) from raw_hubspot.company").fetchone()[0] == companies
        assert con.execute(
            "select count(*) from raw_hubspot.company where struct_extract(_raw_record, ?) = 'v1'", [company]
        ).fetchone() == (companies,)
        assert con.execute("select count(*) from staging.base_hubspot__company").fetchone()[0] == companies
        assert con.execute(
            "select count(*) from raw_events.guests where json_extract_string(_raw_record, ?) = 'v2'",
            ["$." + json.dumps(guest)],
        ).fetchone() == (guests_in_file,)
    record_fault("SQL-looking header names (quotes, comma, subquery)", "staged", "staged", "kept as data")


def _rewrite_column(path: Path, column: str, keep_header: bool, value: str = "") -> None:
    """Blank a CSV column's values (keep_header) or drop the column altogether."""
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = [f for f in rows[0] if keep_header or f != column]
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows([dict(r, **{column: value}) if keep_header else r for r in rows])


def test_a_column_that_empties_or_disappears_since_the_previous_build_is_reported(tmp_path, demo_raw):
    """The probe renamed HubSpot's associated-company column: 340 values became nulls, 319 members lost their
    account, and every test passed. Against the previous build's profile, an emptied column warns, and a
    vanished one stops a strict build naming the file and the column."""
    raw = tmp_path / "raw"
    shutil.copytree(demo_raw, raw, ignore=shutil.ignore_patterns("_truth"))
    contacts = raw / "hubspot" / "contact.csv"
    select = ["run", "--select", "base_hubspot__contact"]
    first = run_dbt(select, raw, tmp_path / "work").ok()
    assert "WARNING Raw exports" not in first.output
    _rewrite_column(contacts, "property_associatedcompanyid", keep_header=True)
    emptied = run_dbt(select, raw, tmp_path / "work").ok()
    assert (
        "WARNING Raw exports: hubspot/contact.csv: column `property_associatedcompanyid` was filled in "
        in emptied.output
    )
    assert "of rows and now in 0%" in emptied.output
    _rewrite_column(contacts, "property_associatedcompanyid", keep_header=False)
    strict = run_dbt(select, raw, tmp_path / "work", vars_={"strict_sources": True})
    assert strict.returncode != 0
    assert "hubspot/contact.csv: column `property_associatedcompanyid` is gone (the previous build had it)" in (
        strict.output
    )
    assert "Strict mode stops here." in strict.output
    record_fault("optional column emptied since the last build", "loud", "loud", "warning naming file and column")
    record_fault("optional column renamed since the last build", "loud", "loud", "strict mode stops, naming both")


def test_a_key_that_new_day_files_stop_filling_is_reported(tmp_path, demo_raw):
    """Day files arrive in every build. When the new ones stop filling a key the earlier ones filled (an
    exporter that renamed Slack's `user` to `user_id`), the build warns naming the key (strict mode stops, as
    for a one-file CSV: the same check)."""
    raw = tmp_path / "raw"
    shutil.copytree(demo_raw / "slack", raw / "slack")
    select = ["run", "--select", "base_slack__messages"]
    first = run_dbt(select, raw, tmp_path / "work").ok()
    assert "WARNING Raw exports" not in first.output
    renamed = [
        {"type": "message", "user_id": f"U{n:08d}", "text": f"message {n}", "ts": f"1768100000.{n:06d}"}
        for n in range(300)
    ]
    (raw / "slack" / "general" / "2026-01-11.json").write_text(json.dumps(renamed))
    second = run_dbt(select, raw, tmp_path / "work").ok()
    assert (
        "WARNING Raw exports: slack/*/*.json (the files new in this build): column `user` was filled in "
        in second.output
    )
    assert "of rows and now in 0%" in second.output
    record_fault("JSON key renamed in new day files", "loud", "loud", "warning naming the files and the key")


def test_a_ragged_csv_row_is_named_as_such(tmp_path, demo_raw):
    """A row with more fields than the header made DuckDB read the header as one column, and the build said
    "no column `id`". It now says a row is ragged, with the file and how to find it."""
    raw = tmp_path / "raw"
    shutil.copytree(demo_raw, raw, ignore=shutil.ignore_patterns("_truth"))
    deals = raw / "hubspot" / "deal.csv"
    lines = deals.read_text().splitlines()
    lines.insert(3, lines[3] + ",an,unquoted,extra")
    deals.write_text("\n".join(lines) + "\n")
    result = run_dbt(["run", "--select", "base_hubspot__deal"], raw, tmp_path / "work")
    assert result.returncode != 0
    assert f"Raw export {raw}/hubspot/deal.csv (source `hubspot.deal`) could not be split into columns" in result.output
    assert "some row has more or fewer fields than the header" in result.output
    record_fault("CSV row with more fields than the header", "loud", "loud", "names the file and how to find the row")
