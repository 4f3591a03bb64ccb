"""Helpers shared by the tests: paths, and running dbt in isolation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


def run_dbt(args: list[str], raw: Path, work: Path, vars_: dict | None = None, env: dict | None = None) -> DbtResult:
    """Run dbt on this project against `raw`, writing only under `work` (its own DuckDB file and target/)."""
    work.mkdir(parents=True, exist_ok=True)
    db = work / "warehouse.duckdb"
    full_env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "COMMUNITY_RAW_PATH": str(raw),
        "COMMUNITY_DUCKDB_PATH": str(db),
        "COMMUNITY_TARGET": "dev",
        **(env or {}),
    }
    cmd = [str(BIN / "dbt"), *args, "--target-path", str(work / "target"), "--log-path", str(work / "logs")]
    if vars_:
        cmd += ["--vars", json.dumps(vars_)]
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT, env=full_env, capture_output=True, text=True, timeout=900)
    return DbtResult(proc.returncode, proc.stdout + proc.stderr, db)


def all_sources() -> list[str]:
    """The sources the project can switch off, from the `using_<source>` vars in dbt_project.yml."""
    import yaml

    project_vars = yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text())["vars"]
    return sorted(k.removeprefix("using_") for k in project_vars if k.startswith("using_"))


def only_sources(*keep: str) -> dict:
    """dbt vars that switch off every source but `keep`."""
    return {f"using_{s}": False for s in all_sources() if s not in keep}
