"""`python -m community_warehouse.quality`: validate the marts with Great Expectations.

Reads each mart through a read-only DuckDB connection into pandas and validates it with GX's pandas
datasource. (GX's SQL datasource on DuckDB reports every expectation as failed with a swallowed
`MetricResolutionError`; see DECISIONLOG.md.) An expectation that *errors* — a missing column, a
metric GX cannot compute — fails the run just like one that fails: results are checked for
`exception_info`, not only for `success`. Results are written as JSON under `target/gx/`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from community_warehouse import PROJECT_ROOT
from community_warehouse.quality.suites import SUITES, MartSuite

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@dataclass
class SuiteOutcome:
    mart: str
    rows: int
    evaluated: int
    failed: list[str] = field(default_factory=list)
    errored: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.errored


def _errors(result: dict) -> list[str]:
    """Every raised exception GX recorded for one expectation result, however deeply nested."""
    found: list[str] = []

    def walk(info: object) -> None:
        if isinstance(info, dict):
            if info.get("raised_exception"):
                found.append(str(info.get("exception_message") or info.get("exception_traceback", ""))[:500])
            for value in info.values():
                if isinstance(value, dict):
                    walk(value)

    walk(result.get("exception_info") or {})
    return found


def validate_frame(suite: MartSuite, frame: pd.DataFrame) -> tuple[SuiteOutcome, dict]:
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    name = suite.mart.replace(".", "__")
    source = context.data_sources.add_or_update_pandas(name="warehouse")
    asset = source.add_dataframe_asset(name=name)
    batch = asset.add_batch_definition_whole_dataframe("whole_table")
    expectation_suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=suite.expectations()))
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name=name, data=batch, suite=expectation_suite)
    )
    checkpoint = context.checkpoints.add(gx.Checkpoint(name=f"checkpoint__{name}", validation_definitions=[validation]))
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    described = result.describe_dict()

    outcome = SuiteOutcome(mart=suite.mart, rows=len(frame), evaluated=0)
    for run_result in result.run_results.values():
        for r in run_result.results:
            r_dict = r.to_json_dict()
            config = r_dict.get("expectation_config", {})
            label = f"{config.get('type')}({json.dumps(config.get('kwargs', {}), default=str, sort_keys=True)})"
            outcome.evaluated += 1
            errors = _errors(r_dict)
            if errors:
                outcome.errored.append(f"{label}: {errors[0]}")
            elif not r_dict.get("success"):
                outcome.failed.append(label)
    return outcome, described


def run(db_path: Path, out_dir: Path, suites: tuple[MartSuite, ...] = SUITES) -> list[SuiteOutcome]:
    if not db_path.exists():
        raise FileNotFoundError(f"warehouse {db_path} not found: run `make build` (or dbt build) first")
    out_dir.mkdir(parents=True, exist_ok=True)
    outcomes = []
    with duckdb.connect(str(db_path), read_only=True) as con:
        for suite in suites:
            frame = con.sql(suite.query).df()
            outcome, described = validate_frame(suite, frame)
            outcomes.append(outcome)
            report = {
                "mart": suite.mart,
                "rows": outcome.rows,
                "success": outcome.ok,
                "failed": outcome.failed,
                "errored": outcome.errored,
                "checkpoint_result": described,
            }
            (out_dir / f"{suite.mart}.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    summary = [
        {
            "mart": o.mart,
            "rows": o.rows,
            "expectations": o.evaluated,
            "failed": o.failed,
            "errored": o.errored,
            "success": o.ok,
        }
        for o in outcomes
    ]
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m community_warehouse.quality",
        description="Validate the marts with the suites in community_warehouse/quality/suites.py.",
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=Path(
            os.environ.get("COMMUNITY_DUCKDB_PATH", PROJECT_ROOT / "target" / "community_warehouse.build.duckdb")
        ),
        help="DuckDB warehouse to read (default: $COMMUNITY_DUCKDB_PATH or target/community_warehouse.build.duckdb)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=PROJECT_ROOT / "target" / "gx",
        help="folder for the JSON results (default: target/gx)",
    )
    args = parser.parse_args(argv)
    try:
        outcomes = run(args.db, args.out)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    width = max(len(o.mart) for o in outcomes)
    for o in outcomes:
        status = "PASS" if o.ok else ("ERROR" if o.errored else "FAIL")
        print(f"{status:5}  {o.mart:{width}}  {o.rows:>8,} rows  {o.evaluated} expectations")
        for line in o.failed:
            print(f"       failed:  {line}")
        for line in o.errored:
            print(f"       errored: {line}")
    print(f"results: {args.out}/summary.json")
    return 0 if all(o.ok for o in outcomes) else 1
