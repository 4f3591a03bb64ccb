"""Helpers shared by the tests: paths, and running dbt in isolation."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from community_warehouse import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"
BIN = Path(sys.executable).parent
DEMO_ARGS = {"seed": 42, "members": 2000, "months": 18}  # the Makefile's DEMO_ARGS


@dataclass
class DbtResult:
    returncode: int
    output: str
    db: Path

    def ok(self) -> DbtResult:
        assert self.returncode == 0, f"dbt failed:\n{self.output[-6000:]}"
        return self


#: A parse of the project with no vars and the tests' profile, reused by later runs with no vars.
_parse_cache: dict[str, Path] = {}
_parse_lock = threading.Lock()


def run_dbt(
    args: list[str],
    raw: Path,
    work: Path,
    vars_: dict | None = None,
    env: dict | None = None,
    artifacts: bool = False,
) -> DbtResult:
    """Run dbt on this project against `raw`, writing only under `work` (its own DuckDB file and target/).

    dbt runs in `work` with the DuckDB file named relatively (`warehouse.duckdb`), so every run has the
    same profile; runs with no vars then start from the first one's parse (dbt's partial parsing checks
    the project files, the vars and the profile, all equal) instead of parsing the project again (~20 s).

    A `build` leaves out the unit tests unless `args` name them: they test the logic on fixed rows, so
    they give the same result on any exports, and `make test`'s own build runs every one of them.

    dbt's JSON artifacts (manifest, run results, sources) are written only when `artifacts` asks for them:
    the tests read the warehouse and dbt's output, and writing the 5 MB manifest costs about 1.5 s a run.
    """
    work.mkdir(parents=True, exist_ok=True)
    db = work / "warehouse.duckdb"
    full_env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "COMMUNITY_RAW_PATH": str(raw),
        "COMMUNITY_DUCKDB_PATH": db.name,
        "COMMUNITY_TARGET": "dev",
        **(env or {}),
    }
    target = work / "target"
    cmd = [str(BIN / "dbt"), *args, "--project-dir", str(PROJECT_ROOT)]
    if args[:1] == ["build"] and not any("unit" in a for a in args):
        cmd += ["--exclude-resource-type", "unit_test"]
    # The debug log file costs about a tenth of a small build's CPU; stdout (kept below) says what failed.
    cmd += ["--target-path", str(target), "--log-path", str(work / "logs"), "--log-level-file", "warn"]
    if not artifacts:
        cmd += ["--no-write-json"]
    if vars_:
        cmd += ["--vars", json.dumps(vars_)]
    key = json.dumps({k: full_env.get(k) for k in ("COMMUNITY_DUCKDB_ATTACH", "COMMUNITY_THREADS")}, sort_keys=True)
    reusable = not vars_
    with _parse_lock:
        cached = _parse_cache.get(key) if reusable else None
    if cached is not None and cached.exists() and cached != target / "partial_parse.msgpack":
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target / "partial_parse.msgpack")
    proc = subprocess.run(cmd, cwd=work, env=full_env, capture_output=True, text=True, timeout=900)
    parsed = target / "partial_parse.msgpack"
    if reusable and cached is None and parsed.exists():
        with _parse_lock:
            _parse_cache.setdefault(key, parsed)
    return DbtResult(proc.returncode, proc.stdout + proc.stderr, db)


def copy_warehouse(db: Path, work: Path) -> Path:
    """A copy of a built warehouse as `work`'s DuckDB file, for a run that refreshes part of it as a user would."""
    work.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db, work / "warehouse.duckdb")
    return work


def all_sources() -> list[str]:
    """The sources the project can switch off, from the `using_<source>` vars in dbt_project.yml."""
    import yaml

    project_vars = yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text())["vars"]
    return sorted(k.removeprefix("using_") for k in project_vars if k.startswith("using_"))


def only_sources(*keep: str) -> dict:
    """dbt vars that switch off every source but `keep`."""
    return {f"using_{s}": False for s in all_sources() if s not in keep}
