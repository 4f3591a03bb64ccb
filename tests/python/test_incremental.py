"""Raw files parsed once: a build after new exports arrive equals a build from scratch.

The exports start as the demo's minus its last week of Slack day files and Discourse topics, with an
older HubSpot contact export (fewer rows, one name different), an earlier Slack day file missing its last
message, and one stray Slack day file. A build runs; then the missing files arrive, the contact export and
the day file are replaced and the stray file is deleted, and a second build parses only the new and
changed files of multi-file tables (and reads one-file exports afresh). Every staging, intermediate and
mart relation must then equal the warehouse `make test` built from the demo exports in one go
(`--full-refresh` semantics: no raw table existed), and the raw tables must hold exactly the records of
the files present.
"""

from __future__ import annotations

import csv
import json
import re
import shutil

import duckdb
import pytest

from community_warehouse.generate.writers.slack import is_day_file
from faults import record_fault
from helpers import run_dbt

pytestmark = pytest.mark.dbt

#: Models and seeds only: the data tests ran in the main build, on the same data.
BUILD = ["build", "--exclude-resource-type", "test", "unit_test"]


def _last_days(files, days):
    dates = sorted({f.stem for f in files})
    return set(dates[-days:])


def _relations(con, catalog):
    return con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_catalog = ? and table_schema in ('staging', 'intermediate', 'marts') order by 1, 2",
        [catalog],
    ).fetchall()


def _fingerprint(con, catalog, schema, table):
    """Row count and an order-free hash of the rows, doubles rounded to 6 places (sums may differ in the last bit)."""
    columns = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_catalog = ? and table_schema = ? and table_name = ? order by ordinal_position",
        [catalog, schema, table],
    ).fetchall()
    select = ", ".join(
        f'round("{name}", 6)' if kind in ("DOUBLE", "FLOAT") or kind.startswith("DECIMAL") else f'"{name}"'
        for name, kind in columns
    )
    return con.execute(
        f'select count(*), sum(hash(x)) from (select {select} from {catalog}."{schema}"."{table}") x'
    ).fetchone()


@pytest.fixture(scope="module")
def incremental_build(demo_raw, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("incremental")
    raw = tmp / "raw"
    shutil.copytree(demo_raw, raw, ignore=shutil.ignore_patterns("_truth"))
    held = tmp / "held"

    # Hold back the last 7 days of Slack day files and the 10 highest-numbered Discourse topics.
    slack_days = sorted(raw.glob("slack/*/*.json"))
    late = _last_days([f for f in slack_days if is_day_file(f)], 7)
    topics = sorted(raw.glob("discourse/topics/*.json"), key=lambda f: int(f.stem))[-10:]
    moved = [f for f in slack_days if f.stem in late] + topics
    for f in moved:
        target = held / f.relative_to(raw)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(f, target)

    # An older contact export: 40 fewer rows, and one contact's first name since corrected.
    contacts = raw / "hubspot" / "contact.csv"
    shutil.copy2(contacts, held / "contact.csv")
    with contacts.open(newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    rows = rows[:-40]
    rows[0]["property_firstname"] = "Formerly"
    with contacts.open("w", newline="") as f:
        writer = csv.DictWriter(f, fields)
        writer.writeheader()
        writer.writerows(rows)

    # An earlier day file as first exported, before its last message was written.
    edited = next(f for f in slack_days if f.exists() and len(json.loads(f.read_text())) > 1)
    shutil.copy2(edited, held / "edited.json")
    edited.write_text(json.dumps(json.loads(edited.read_text())[:-1]))

    # A day file that a later export no longer has.
    channel = next(p for p in (raw / "slack").iterdir() if p.is_dir())
    stray = channel / "2020-01-01.json"
    stray.write_text(
        json.dumps([{"type": "message", "user": "U_STRAY", "text": "gone later", "ts": "1577872800.000100"}])
    )

    first = run_dbt(BUILD, raw, tmp / "work").ok()

    for f in moved:
        shutil.move(held / f.relative_to(raw), f)
    shutil.copy2(held / "contact.csv", contacts)
    shutil.copy2(held / "edited.json", edited)
    stray.unlink()
    second = run_dbt(BUILD, raw, tmp / "work").ok()
    return {"raw": raw, "first": first, "second": second, "moved": len(moved), "db": second.db}


def test_second_build_parses_only_the_changed_files(incremental_build):
    out = incremental_build["second"].output
    slack_moved = incremental_build["moved"] - 10
    assert f"new or changed files parsed: messages {slack_moved + 1} (1 gone)" in out, out[:3000]
    assert "topics 10" in out
    # Multi-file tables whose files did not change are not parsed again; one-file exports (the contact
    # CSV) are views over their file, read afresh by every build.
    assert re.search(r"discord \(\d+ files; no file new or changed\)", out), out[:3000]
    assert re.search(r"hubspot \(\d+ files\)", out), out[:3000]


def test_incremental_build_equals_a_build_from_scratch(incremental_build, demo_db):
    with duckdb.connect() as con:
        con.execute("attach ? as incremental (read_only)", [str(incremental_build["db"])])
        con.execute("attach ? as scratch (read_only)", [str(demo_db)])
        relations = _relations(con, "scratch")
        assert len(relations) > 150
        assert _relations(con, "incremental") == relations
        differ = [
            f"{schema}.{table}"
            for schema, table in relations
            if _fingerprint(con, "incremental", schema, table) != _fingerprint(con, "scratch", schema, table)
        ]
    record_fault(
        "re-delivered, late and removed files; the same exports built twice",
        "staged",
        "staged" if differ == [] else "silent",
        f"{len(relations)} relations identical" if differ == [] else f"differ: {differ[:5]}",
    )
    assert differ == []


def test_raw_tables_hold_exactly_the_files_present(incremental_build):
    raw = incremental_build["raw"]
    with duckdb.connect(str(incremental_build["db"]), read_only=True) as con:
        listed = con.execute("select file_name from raw_slack.messages__files order by 1").fetchall()
        in_table = con.execute("select distinct _file_name from raw_slack.messages order by 1").fetchall()
        stray = con.execute(
            "select count(*) from raw_slack.messages where _file_name like '%2020-01-01.json'"
        ).fetchone()
    on_disk = sorted(str(f.relative_to(raw)) for f in raw.glob("slack/*/*.json"))
    assert [r[0] for r in listed] == on_disk
    assert {r[0] for r in in_table} <= set(on_disk)
    assert stray == (0,)
