"""Sources switched off (`using_<source>: false`) in any mix: the whole project still builds and tests.

Which mixes: a covering design rather than one build per source. Give each of the 14 sources its own
3-element subset of six builds; a build switches off the sources whose subset holds it. No subset contains
another, so for every ordered pair of sources (X, Y) some build has X off while Y is on: the mix where a
placeholder branch of X meets the real rows of Y (a union with mismatched types, a join on a missing
column). Six builds is the fewest that can do this for 14 sources (Sperner: five builds give at most
C(5, 2) = 10 such subsets), against 14 for one-off-at-a-time, which also covered X off only with
everything else on. Every source is off in three builds; each build switches off seven sources.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import combinations, permutations
from math import comb

import pytest

from helpers import all_sources, run_dbt

pytestmark = pytest.mark.dbt


def switch_off_mixes(sources: list[str]) -> dict[str, list[str]]:
    """Build name -> the sources it switches off (see the module docstring)."""
    builds = next(b for b in range(1, 64) if comb(b, b // 2) >= len(sources))
    counts = [0] * builds
    subsets = []
    for _ in sources:
        # The unused half-size subset whose builds switch off the fewest sources so far (first on ties),
        # so every build switches off about as many sources as every other.
        best = min(
            (c for c in combinations(range(builds), builds // 2) if c not in subsets),
            key=lambda c: sum(counts[b] for b in c),
        )
        subsets.append(best)
        for b in best:
            counts[b] += 1
    return {f"build{b}": [s for s, subset in zip(sources, subsets, strict=True) if b in subset] for b in range(builds)}


def test_the_mixes_cover_every_source_and_every_pair():
    sources = all_sources()
    mixes = list(switch_off_mixes(sources).values())
    assert len(mixes) == 6 and len(sources) == 14
    assert all(sum(s in off for off in mixes) == 3 for s in sources)
    assert sorted(len(off) for off in mixes) == [7] * 6
    for x, y in permutations(sources, 2):
        assert any(x in off and y not in off for off in mixes), (x, y)
    assert all(off and len(off) < len(sources) for off in mixes)  # never none, never all


@pytest.fixture(scope="module")
def switch_off_builds(demo_raw, tmp_path_factory) -> dict[str, Future]:
    """One full `dbt build` per mix, each in its own folder and DuckDB file.

    dbt spends most of a build in its single Python thread, so the builds run side by side, one per core.
    Unit tests are left out: they run on their own fixtures, not on the exports, and a unit test whose
    model reads a switched-off source is disabled with it, so the main build has already run every one
    that could run here.
    """
    base = tmp_path_factory.mktemp("switches")
    pool = ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1))
    futures = {
        name: pool.submit(
            run_dbt,
            ["build", "--exclude", "test_type:unit"],
            demo_raw,
            base / name,
            {f"using_{s}": False for s in off},
        )
        for name, off in switch_off_mixes(all_sources()).items()
    }
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


@pytest.mark.parametrize("mix", list(switch_off_mixes(all_sources())))
def test_project_builds_with_sources_switched_off(mix, switch_off_builds):
    result = switch_off_builds[mix].result().ok()
    assert "WARNING" not in result.output.replace("WARN=0", ""), result.output[-3000:]
    off = switch_off_mixes(all_sources())[mix]
    assert f"switched off with using_<source>: false ({len(off)}): " in result.output


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
