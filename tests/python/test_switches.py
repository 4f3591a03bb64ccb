"""Every source can be switched off (`using_<source>: false`) and the whole project still builds and tests."""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from helpers import all_sources, run_dbt

pytestmark = pytest.mark.dbt


@pytest.fixture(scope="module")
def switch_off_builds(demo_raw, tmp_path_factory) -> dict[str, Future]:
    """One full `dbt build` per switched-off source, each in its own folder and DuckDB file.

    dbt spends most of a build in its single Python thread, so the builds run side by side, one per core:
    on two cores the fifteen builds take about half as long as one after another. Unit tests are left out:
    they run on their own fixtures, not on the exports, and a unit test whose model reads a switched-off
    source is disabled with it, so the main build has already run every one that could run here.
    """
    base = tmp_path_factory.mktemp("switches")
    pool = ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1))
    futures = {
        source: pool.submit(
            run_dbt, ["build", "--exclude", "test_type:unit"], demo_raw, base / source, {f"using_{source}": False}
        )
        for source in all_sources()
    }
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


@pytest.mark.parametrize("source", all_sources())
def test_project_builds_with_a_source_switched_off(source, switch_off_builds):
    result = switch_off_builds[source].result().ok()
    assert "WARNING" not in result.output.replace("WARN=0", ""), result.output[-3000:]


def test_every_base_model_feeds_the_quarantine(demo_db):
    """The registry in macros/staging/base_model_registry.sql lists every base model."""
    import json

    from helpers import PROJECT_ROOT

    manifest = json.loads((PROJECT_ROOT / "target" / "manifest.json").read_text())
    base_models = {
        n["name"] for n in manifest["nodes"].values() if n["resource_type"] == "model" and n["name"].startswith("base_")
    }
    quarantine = next(n for n in manifest["nodes"].values() if n["name"] == "stg_quarantine__records")
    feeding = {uid.split(".")[-1] for uid in quarantine["depends_on"]["nodes"]}
    assert base_models and base_models <= feeding, sorted(base_models - feeding)
