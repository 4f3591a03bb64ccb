"""Atomic publication: the published warehouse changes only when a build passed, in one rename; a failed,
red or killed build leaves it as it was and says so; the warehouse it replaced is kept for rollback."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from community_warehouse import warehouse
from helpers import PROJECT_ROOT

pytestmark = pytest.mark.dbt

ANSWER = "select count(*), count(distinct display_name), max(last_active_at) from marts.dim_members"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_env(tmp_path: Path, raw: Path, published: Path) -> dict:
    """`warehouse build` writing only under tmp_path: its own build file, dbt target and log folders."""
    return {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "COMMUNITY_RAW_PATH": str(raw),
        "COMMUNITY_DUCKDB_PATH": str(tmp_path / "build.duckdb"),
        "COMMUNITY_WAREHOUSE_PATH": str(published),
        "DBT_TARGET_PATH": str(tmp_path / "target"),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
    }


def test_a_killed_or_failed_build_leaves_the_published_warehouse_as_it_was(tmp_path, demo_raw, demo_db):
    """A reader holds the published file while a build runs and is stopped mid-way (SIGTERM, as a scheduler
    sends): the build ran beside the reader, the reader's answers do not change, the file is byte-identical."""
    published = tmp_path / "community_warehouse.duckdb"
    warehouse.publish(demo_db, published)
    before = digest(published)
    reader = duckdb.connect(str(published), read_only=True)
    answer = reader.execute(ANSWER).fetchone()
    # The raw folder is a link, so the failing build below can lose it without changing any setting
    # (the same settings let dbt reuse the first run's parse).
    raw = tmp_path / "raw"
    raw.symlink_to(demo_raw)
    build = subprocess.Popen(
        [sys.executable, "-m", "community_warehouse.warehouse", "build"],
        cwd=PROJECT_ROOT,
        env=build_env(tmp_path, raw, published),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    seen = []
    deadline = time.monotonic() + 300
    for line in build.stdout:
        seen.append(line)
        # Stop it once models are being written (the hook and the first tables are done).
        if sum("OK created" in s for s in seen) >= 5 or time.monotonic() > deadline:
            break
    assert reader.execute(ANSWER).fetchone() == answer  # the build did not disturb a reader
    build.send_signal(signal.SIGTERM)
    rest, _ = build.communicate(timeout=120)
    output = "".join(seen) + rest
    assert sum("OK created" in s for s in seen) >= 5, output[-3000:]
    assert build.returncode == 130, output[-3000:]
    assert f"The published warehouse {published} is unchanged" in output
    assert reader.execute(ANSWER).fetchone() == answer
    reader.close()
    assert digest(published) == before
    with duckdb.connect(str(published), read_only=True) as fresh:
        assert fresh.execute(ANSWER).fetchone() == answer
    assert not warehouse.previous_db(published).exists(), "nothing was published, so nothing was replaced"

    # A build that fails (here: its raw folder is gone) publishes nothing either, and says so.
    raw.unlink()
    raw.symlink_to(tmp_path / "no_such_folder")
    out = subprocess.run(
        [sys.executable, "-m", "community_warehouse.warehouse", "build"],
        cwd=PROJECT_ROOT,
        env=build_env(tmp_path, raw, published),
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode != 0, out.stdout[-2000:]
    assert str(raw) in out.stdout
    assert "nothing was published" in out.stderr and f"{published} is unchanged" in out.stderr
    assert digest(published) == before


def test_publish_refuses_a_build_whose_tests_failed(tmp_path, demo_db):
    """`make publish` after a red `dbt build` of one's own: refused, naming the failure, unless --force."""
    target = tmp_path / "target"
    target.mkdir()
    (target / "run_results.json").write_text(
        json.dumps(
            {
                "results": [
                    {"unique_id": "model.community_warehouse.dim_members", "status": "success"},
                    {"unique_id": "test.community_warehouse.unique_dim_members_member_id", "status": "fail"},
                ]
            }
        )
    )
    published = tmp_path / "community_warehouse.duckdb"
    env = {
        **os.environ,
        "DBT_TARGET_PATH": str(target),
        "COMMUNITY_DUCKDB_PATH": str(demo_db),
        "COMMUNITY_WAREHOUSE_PATH": str(published),
    }
    command = [sys.executable, "-m", "community_warehouse.warehouse", "publish"]
    refused = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert refused.returncode == 2
    assert "1 failure(s), first test.community_warehouse.unique_dim_members_member_id" in refused.stderr
    assert not published.exists()
    forced = subprocess.run([*command, "--force"], env=env, capture_output=True, text=True, check=False)
    assert forced.returncode == 0, forced.stderr
    assert published.exists()


def test_the_replaced_warehouse_is_kept_and_rollback_restores_it(tmp_path, demo_db):
    published = tmp_path / "community_warehouse.duckdb"
    warehouse.publish(demo_db, published)
    first = digest(published)
    small = tmp_path / "small.duckdb"
    with duckdb.connect(str(small)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.only_one as select 1 as x")
    reader = duckdb.connect(str(published), read_only=True)
    answer = reader.execute(ANSWER).fetchone()
    assert warehouse.publish(small, published) == {"marts.only_one": 1}
    assert reader.execute(ANSWER).fetchone() == answer  # a reader keeps the file it opened
    reader.close()
    previous = warehouse.previous_db(published)
    assert digest(previous) == first
    second = digest(published)
    out = subprocess.run(
        [sys.executable, "-m", "community_warehouse.warehouse", "--db", str(published), "rollback"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert (digest(published), digest(previous)) == (first, second)
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute(ANSWER).fetchone() == answer


def test_each_department_gets_a_read_only_file_with_only_its_marts(demo_db, tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITY_PSEUDONYM_KEY", "a test key, sixteen+ chars")
    monkeypatch.setenv("DBT_TARGET_PATH", str(PROJECT_ROOT / "target"))
    out = tmp_path / "departments"
    written = {item["department"]: item for item in warehouse.publish_departments(demo_db, out)}
    with duckdb.connect(str(demo_db), read_only=True) as con:
        seed = con.execute(
            "select department, reads, personal_data_allowed from seeds.department_publications"
        ).fetchall()
    assert set(written) == {d for d, _, _ in seed} and len(seed) == 7
    grants = (out / "grants.sql").read_text().splitlines()
    for department, reads, allowed in seed:
        # The marts of each folder it reads, listed from the folder itself.
        expected = sorted(
            f"marts.{sql.stem}"
            for folder in reads.split()
            for sql in (PROJECT_ROOT / "models" / "marts" / folder).glob("*.sql")
        )
        path = out / f"{department}.duckdb"
        assert (path.stat().st_mode & 0o222) == 0, f"{path} is writable"
        with duckdb.connect(str(path), read_only=True) as con:
            tables = sorted(
                f"{s}.{t}"
                for s, t in con.execute("select table_schema, table_name from information_schema.tables").fetchall()
            )
            assert tables == expected
            assert "marts.identity__merge_review" not in tables
            for name in tables:
                table = name.split(".")[1]
                rows = con.execute(f"select count(*) from {name}").fetchone()[0]
                assert (
                    duckdb.execute(f"select count(*) from '{out / department / table}.parquet'").fetchone()[0] == rows
                )
                assert f"grant select on table {name} to {department}_team;" in grants
            if "core" in reads.split():
                emails = con.execute(
                    "select count(*) from marts.dim_members where regexp_matches(primary_email, '@')"
                ).fetchone()[0]
                assert (emails > 0) == allowed, department  # addresses only where the seed allows them
