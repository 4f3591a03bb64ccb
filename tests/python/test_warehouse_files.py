"""The files users open: the published warehouse (old DuckDB clients), Parquet exports, query output, locks."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import duckdb
import pytest

from community_warehouse import warehouse
from helpers import PROJECT_ROOT

CLIENTS = PROJECT_ROOT / "tests" / "clients" / "requirements.txt"


@pytest.fixture(scope="session")
def old_clients() -> Path:
    """A scratch virtual environment with DuckDB 1.1 and pyarrow (tests/clients/requirements.txt)."""
    digest = hashlib.sha256(CLIENTS.read_bytes()).hexdigest()[:12]
    home = PROJECT_ROOT / "target" / f"old-clients-{digest}"
    python = home / "bin" / "python"
    if not (home / ".ready").exists():
        venv.create(home, with_pip=True, clear=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(CLIENTS)],
            check=True,
        )
        (home / ".ready").touch()
    return python


def run_in(python: Path, code: str) -> object:
    """Run `code` (which prints one JSON value) with `python`; return the value."""
    out = subprocess.run([str(python), "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def published(demo_db, tmp_path_factory) -> tuple[Path, dict[str, int]]:
    target = tmp_path_factory.mktemp("published") / "community_warehouse.duckdb"
    return target, warehouse.publish(demo_db, target)


def test_published_warehouse_opens_in_duckdb_1_1(published, old_clients, demo_db):
    path, counts = published
    # Every table of marts, intermediate and seeds is there, with the build's row counts.
    with duckdb.connect(str(demo_db), read_only=True) as con:
        expected = {
            f"{s}.{t}": con.execute(f'select count(*) from {s}."{t}"').fetchone()[0]
            for s, t in con.execute(
                "select table_schema, table_name from information_schema.tables "
                "where table_schema in ('marts', 'intermediate', 'seeds')"
            ).fetchall()
        }
    assert counts == expected
    assert any(name.startswith("marts.") for name in counts)
    assert "marts.fct_activities" in counts  # a view in the build, a table once published
    seen = run_in(
        old_clients,
        f"""
        import json, duckdb
        con = duckdb.connect({str(path)!r}, read_only=True)
        tables = con.execute("select table_schema, table_name from information_schema.tables").fetchall()
        counts = {{f"{{s}}.{{t}}": len(con.execute(f'select * from {{s}}."{{t}}"').fetchall()) for s, t in tables}}
        print(json.dumps({{"version": duckdb.__version__, "counts": counts}}))
        """,
    )
    assert seen["version"] == "1.1.3"
    assert seen["counts"] == expected
    # And the same values: one mart compared row by row through both clients.
    sql = "select * from marts.community__engagement_monthly order by month_start"
    with duckdb.connect(str(path), read_only=True) as con:
        new_rows = json.loads(json.dumps(con.execute(sql).fetchall(), default=str))
    old_rows = run_in(
        old_clients,
        f"""
        import json, duckdb
        print(json.dumps(duckdb.connect({str(path)!r}, read_only=True).execute({sql!r}).fetchall(), default=str))
        """,
    )
    assert old_rows == new_rows


def test_a_reader_never_blocks_publishing_and_keeps_its_snapshot(published, demo_db):
    path, counts = published
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(path)!r}, read_only=True)
            print(con.execute("select count(*) from marts.dim_members").fetchone()[0], flush=True)
            sys.stdin.readline()
            print(con.execute("select count(*) from marts.dim_members").fetchone()[0], flush=True)
            """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    before = int(reader.stdout.readline())
    assert warehouse.publish(demo_db, path) == counts  # swapped in while the reader holds the file
    after, _ = reader.communicate("\n", timeout=60)
    assert int(after) == before == counts["marts.dim_members"]
    assert not list(path.parent.glob(".*.tmp*"))  # no scratch file left behind


def test_a_held_build_file_fails_in_one_line_naming_the_process(tmp_path):
    db = tmp_path / "build.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('ok', flush=True); sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        out = subprocess.run(
            [sys.executable, "-m", "community_warehouse.warehouse", "build"],
            env={**os.environ, "COMMUNITY_DUCKDB_PATH": str(db)},
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        holder.communicate("\n", timeout=30)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert f"(PID {holder.pid})" in lines[0] and str(db) in lines[0]
    assert "Running with dbt" not in out.stdout  # dbt never started


def test_export_writes_every_mart_as_parquet_with_a_manifest(published, old_clients, tmp_path):
    path, counts = published
    out = tmp_path / "export"
    manifest = warehouse.export(path, out)
    marts = {k.removeprefix("marts."): v for k, v in counts.items() if k.startswith("marts.")}
    assert {m["name"]: m["rows"] for m in manifest["marts"]} == marts
    assert json.loads((out / "manifest.json").read_text()) == manifest
    assert manifest["data_as_of"] is not None
    assert manifest["last_complete_date"] < manifest["data_as_of"]  # the day before the latest record
    # DuckDB (this one) and pyarrow (the scratch environment) read every file, with the manifest's counts.
    with duckdb.connect() as con:
        for mart in manifest["marts"]:
            assert con.execute(f"select count(*) from '{out / mart['file']}'").fetchone()[0] == mart["rows"]
    seen = run_in(
        old_clients,
        f"""
        import json, pathlib, pyarrow.parquet as pq
        print(json.dumps({{p.stem: pq.read_table(p).num_rows for p in pathlib.Path({str(out)!r}).glob("*.parquet")}}))
        """,
    )
    assert seen == marts


def test_query_prints_csv_json_and_full_tables(published):
    path, _ = published
    sql = "select 'a,b' as label, 149860.6 as amount, null as nothing, 'x' || repeat('y', 300) as wide"
    rows = list(csv.reader(io.StringIO(warehouse.query(path, sql, "csv", None))))
    assert rows == [["label", "amount", "nothing", "wide"], ["a,b", "149860.6", "", "x" + "y" * 300]]
    assert json.loads(warehouse.query(path, sql, "json", None)) == [
        {"label": "a,b", "amount": "149860.6", "nothing": None, "wide": "x" + "y" * 300}
    ]
    table = warehouse.query(path, sql, "table", None)
    assert "x" + "y" * 300 in table and table.endswith("(1 row)")  # nothing truncated
    many = warehouse.query(path, "select * from range(500)", "csv", None)
    assert len(many.splitlines()) == 501


def test_query_errors_are_one_line(published):
    path, _ = published
    out = subprocess.run(
        [sys.executable, "-m", "community_warehouse.warehouse", "--db", str(path), "query", "select * from nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("error: Catalog Error"), out.stderr
    assert "Traceback" not in out.stderr
