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
