"""`python -m community_warehouse.parity`: the same project on DuckDB and on Spark must give the same data.

    python -m community_warehouse.parity run        # build on both engines, compare every model, self-check
    python -m community_warehouse.parity compare --duckdb FILE --spark-warehouse DIR --manifest FILE

Both builds materialize staging views as tables (var `parity_materialize_views`) so that every model,
not only tables, is compared. Spark writes parquet under its warehouse folder; DuckDB reads those files
directly, so the comparison runs in DuckDB with no Spark session:

* row counts must be equal;
* with a key (the model's `unique` or `unique_combination_of_columns` test) that is unique on both
  sides, rows are joined on it: every key must be on both sides, and every column equal — numbers
  within |a - b| <= 1e-9 + 1e-9 * |b|, everything else exactly (timestamps to the microsecond, UTC);
* without one, the two tables must be equal as multisets of rows (numbers rounded to 9 decimals).

`_raw_record` is not compared: it is the record as each engine renders JSON, kept for quarantined rows.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from community_warehouse import PROJECT_ROOT
from community_warehouse.measure import Measured, run_measured
from community_warehouse.preflight import missing_exports

ABS_TOL = 1e-9
REL_TOL = 1e-9
EXCLUDED_COLUMNS = {"_raw_record"}
NUMERIC = ("DOUBLE", "FLOAT", "REAL", "DECIMAL", "NUMERIC")
INTEGER = (
    "TINYINT",
    "SMALLINT",
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "UTINYINT",
    "USMALLINT",
    "UINTEGER",
    "UBIGINT",
)


@dataclass
class Relation:
    schema: str
    name: str
    kind: str
    key: list[str] | None

    @property
    def label(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass
class Comparison:
    relation: Relation
    rows_duckdb: int | None = None
    rows_spark: int | None = None
    method: str = ""
    columns: int = 0
    mismatched_rows: int = 0
    mismatched_columns: dict[str, int] = field(default_factory=dict)
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem and self.mismatched_rows == 0 and self.rows_duckdb == self.rows_spark


def relations_from_manifest(manifest: dict) -> list[Relation]:
    """Every model and seed of the project, with a key taken from its uniqueness tests."""
    project = manifest["metadata"].get("project_name")
    keys: dict[str, list[str]] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test" or not node.get("attached_node"):
            continue
        meta = node.get("test_metadata") or {}
        kwargs = meta.get("kwargs", {})
        if meta.get("name") == "unique" and kwargs.get("column_name"):
            keys.setdefault(node["attached_node"], [kwargs["column_name"]])
        elif meta.get("name") == "unique_combination_of_columns":
            columns = kwargs.get("combination_of_columns") or kwargs.get("arguments", {}).get("combination_of_columns")
            if columns and node["attached_node"] not in keys:
                keys[node["attached_node"]] = list(columns)
    out = []
    for uid, node in sorted(manifest["nodes"].items()):
        if node["resource_type"] not in ("model", "seed") or node["package_name"] != project:
            continue
        if not node["config"].get("enabled", True) or node["config"].get("materialized") == "ephemeral":
            continue
        kind = node["resource_type"] if node["resource_type"] == "seed" else node["config"]["materialized"]
        out.append(Relation(node["schema"], node["alias"], kind, keys.get(uid)))
    layers = {"seeds": 0, "staging": 1, "intermediate": 2, "marts": 3}
    return sorted(out, key=lambda r: (layers.get(r.schema, 9), r.name))


def _normalize(column: str, duck_type: str) -> str:
    quoted = f'"{column}"'
    upper = duck_type.upper()
    if upper.startswith("TIMESTAMP"):
        return f"cast({quoted} as timestamp) as {quoted}"
    if upper.startswith(NUMERIC):
        return f"cast({quoted} as double) as {quoted}"
    if upper.startswith(INTEGER):
        return f"cast({quoted} as hugeint) as {quoted}"
    return quoted


def _is_numeric(duck_type: str) -> bool:
    return duck_type.upper().startswith(NUMERIC)


def compare_relation(con: duckdb.DuckDBPyConnection, relation: Relation, spark_warehouse: Path) -> Comparison:
    result = Comparison(relation)
    files = spark_warehouse / f"{relation.schema}.db" / relation.name
    if not files.is_dir() or not list(files.glob("*.parquet")):
        result.problem = f"no Spark output at {files}"
        return result
    try:
        duck_cols = con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_catalog = 'wh' and table_schema = ? and table_name = ? order by ordinal_position",
            [relation.schema, relation.name],
        ).fetchall()
    except duckdb.Error as exc:
        result.problem = str(exc)
        return result
    if not duck_cols:
        result.problem = "missing from the DuckDB build"
        return result
    spark_cols = {r[0] for r in con.execute(f"describe select * from read_parquet('{files}/*.parquet')").fetchall()}
    names = [c for c, _ in duck_cols]
    if set(names) != spark_cols:
        only_duck, only_spark = sorted(set(names) - spark_cols), sorted(spark_cols - set(names))
        result.problem = f"columns differ: only DuckDB {only_duck}, only Spark {only_spark}"
        return result
    compared = [(c, t) for c, t in duck_cols if c not in EXCLUDED_COLUMNS]
    result.columns = len(compared)
    select = ", ".join(_normalize(c, t) for c, t in compared)
    con.execute(f'create or replace temp view l as select {select} from wh."{relation.schema}"."{relation.name}"')
    con.execute(f"create or replace temp view r as select {select} from read_parquet('{files}/*.parquet')")
    # `__present` tells which side a joined row exists on (a key column may itself be null).
    con.execute("create or replace temp view lp as select *, true as __present from l")
    con.execute("create or replace temp view rp as select *, true as __present from r")
    result.rows_duckdb = con.execute("select count(*) from l").fetchone()[0]
    result.rows_spark = con.execute("select count(*) from r").fetchone()[0]

    key = relation.key
    key_list = ", ".join(f'"{k}"' for k in key or [])
    if key and all(
        con.execute(f"select count(*) = count(distinct ({key_list})) from {side}").fetchone()[0] for side in ("l", "r")
    ):
        result.method = "key: " + ", ".join(key)
        on = " and ".join(f'l."{k}" is not distinct from r."{k}"' for k in key)
        checks = []
        for c, t in compared:
            if c in key:
                continue
            if _is_numeric(t):
                same = (
                    f'((l."{c}" is null and r."{c}" is null) or '
                    f'abs(l."{c}" - r."{c}") <= {ABS_TOL} + {REL_TOL} * abs(r."{c}"))'
                )
            else:
                same = f'(l."{c}" is not distinct from r."{c}")'
            checks.append((c, same))
        counts = [
            "count(*) filter (where l.__present is null) as only_spark",
            "count(*) filter (where r.__present is null) as only_duckdb",
        ]
        both = "l.__present and r.__present"
        counts += [f'count(*) filter (where {both} and not coalesce({same}, false)) as "{c}"' for c, same in checks]
        any_diff = " or ".join(f"not coalesce({same}, false)" for _, same in checks) or "false"
        row = con.execute(
            f"select {', '.join(counts)}, count(*) filter (where {any_diff} or l.__present is null "
            f"or r.__present is null) from lp as l full outer join rp as r on {on}"
        ).fetchone()
        labels = ["only_spark", "only_duckdb"] + [c for c, _ in checks]
        result.mismatched_columns = {label: n for label, n in zip(labels, row[:-1], strict=True) if n}
        result.mismatched_rows = row[-1]
    else:
        result.method = "multiset of rows"
        rounded = ", ".join(f'round("{c}", 9) as "{c}"' if _is_numeric(t) else f'"{c}"' for c, t in compared)
        result.mismatched_rows = con.execute(
            f"select count(*) from ((select {rounded} from l except all select {rounded} from r) "
            f"union all (select {rounded} from r except all select {rounded} from l))"
        ).fetchone()[0]
    return result


def compare(duckdb_path: Path, spark_warehouse: Path, relations: list[Relation]) -> list[Comparison]:
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    con.execute(f"attach '{duckdb_path}' as wh (read_only)")
    try:
        return [compare_relation(con, r, spark_warehouse) for r in relations]
    finally:
        con.close()


def print_table(results: list[Comparison]) -> None:
    width = max(len(r.relation.label) for r in results)
    header = [
        "model".ljust(width),
        "kind ",
        "rows duckdb",
        "rows spark",
        "cols",
        "differing rows",
        "result  compared by",
    ]
    print("  ".join(header))
    for r in results:
        status = "MATCH" if r.ok else "DIFF"
        fmt = lambda n: "-" if n is None else f"{n:,}"  # noqa: E731
        cells = [
            r.relation.label.ljust(width),
            r.relation.kind[:5].ljust(5),
            fmt(r.rows_duckdb).rjust(11),
            fmt(r.rows_spark).rjust(10),
            f"{r.columns:>4}",
            f"{r.mismatched_rows:>14,}",
            f"{status:<6}  {r.method}",
        ]
        print("  ".join(cells))
        if r.problem:
            print(f"    problem: {r.problem}")
        for column, n in r.mismatched_columns.items():
            print(f"    {column}: {n:,} rows differ")


def self_check(duckdb_path: Path, spark_warehouse: Path, relations: list[Relation]) -> str:
    """Change one value in a copy of Spark's output of a mart; the comparison must then report it."""
    con = duckdb.connect()
    marts = [r for r in relations if r.schema == "marts"]
    target = marts[0] if marts else relations[-1]
    files = spark_warehouse / f"{target.schema}.db" / target.name
    columns = con.execute(f"describe select * from read_parquet('{files}/*.parquet')").fetchall()
    candidates = [c for c, t, *_ in columns if c not in (target.key or []) and c not in EXCLUDED_COLUMNS]
    column = next(
        (c for c, t, *_ in columns if c in candidates and t.upper().startswith(INTEGER + NUMERIC)),
        candidates[0],
    )
    col_type = dict((c, t) for c, t, *_ in columns)[column]
    change = f'"{column}" + 1' if col_type.upper().startswith(INTEGER + NUMERIC) else f"\"{column}\" || '~'"
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / f"{target.schema}.db" / target.name
        copy.mkdir(parents=True)
        con.execute(
            f'copy (select * replace (case when row_number() over () = 1 then {change} else "{column}" end '
            f"as \"{column}\") from read_parquet('{files}/*.parquet')) "
            f"to '{copy}/part-0.parquet' (format parquet)"
        )
        con.close()
        perturbed = compare(duckdb_path, Path(tmp), [target])[0]
    if perturbed.ok:
        raise AssertionError(f"self-check failed: changing one value of {target.label}.{column} went unnoticed")
    return (
        f"self-check: one value of {target.label}.{column} changed in a copy of Spark's output -> "
        f"comparison reports {perturbed.mismatched_rows} differing row(s), as it must"
    )


def _dbt(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "dbt"), *args]


def run(raw: Path, work: Path) -> int:
    raw = raw.resolve()
    work = work.resolve()
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    vars_ = json.dumps({"parity_materialize_views": True})
    # Data tests are left out of both builds: `make test` runs them on the same code and data, and equal
    # outputs on both engines carry their verdict over to Spark. Unit tests stay on Spark: their fixtures
    # reach cases the demo data does not, and they are where engines disagree on edge cases.
    no_data_tests = ("--exclude", "test_type:data")
    # DuckDB's unit tests are `make test`'s (its build runs every one); here they would only run twice.
    no_unit_tests = ("--exclude-resource-type", "unit_test")
    base_env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "COMMUNITY_RAW_PATH": str(raw),
    }
    duck_db = work / "duckdb.duckdb"
    duck_env = {**base_env, "COMMUNITY_TARGET": "dev", "COMMUNITY_DUCKDB_PATH": str(duck_db)}
    spark_dir = work / "spark"
    (spark_dir / "tmp").mkdir(parents=True)
    spark_env = {**base_env, "COMMUNITY_TARGET": "spark", "COMMUNITY_SPARK_DIR": str(spark_dir)}

    print(f"== DuckDB build ({raw})", flush=True)
    duck = run_measured(
        _dbt(
            "build",
            *no_data_tests,
            *no_unit_tests,
            "--vars",
            vars_,
            "--target-path",
            str(work / "target-duckdb"),
            "--log-path",
            str(work / "logs-duckdb"),
        ),
        duck_env,
        PROJECT_ROOT,
    )
    if duck.returncode:
        print("DuckDB build failed", file=sys.stderr)
        return 1
    manifest = json.loads((work / "target-duckdb" / "manifest.json").read_text())
    problems = missing_exports(manifest, raw)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    print("== Spark build", flush=True)
    spark = run_measured(
        _dbt(
            "build",
            *no_data_tests,
            "--vars",
            vars_,
            "--target-path",
            str(work / "target-spark"),
            "--log-path",
            str(work / "logs-spark"),
        ),
        spark_env,
        PROJECT_ROOT,
    )
    if spark.returncode:
        print("Spark build failed", file=sys.stderr)
        return 1

    relations = relations_from_manifest(manifest)
    results = compare(duck_db, spark_dir / "warehouse", relations)
    print()
    _print_builds(duck, spark, len(relations))
    print()
    print_table(results)
    ok = all(r.ok for r in results)
    print()
    print(self_check(duck_db, spark_dir / "warehouse", relations))
    print(f"\n{sum(r.ok for r in results)} of {len(results)} models match" + ("" if ok else " — PARITY FAILED"))
    report = {
        "duckdb": {"seconds": round(duck.seconds, 1), "peak_rss_mb": round(duck.peak_rss_mb)},
        "spark": {"seconds": round(spark.seconds, 1), "peak_rss_mb": round(spark.peak_rss_mb)},
        "models": {
            r.relation.label: {
                "ok": r.ok,
                "rows_duckdb": r.rows_duckdb,
                "rows_spark": r.rows_spark,
                "method": r.method,
                "differing_rows": r.mismatched_rows,
                "differing_columns": r.mismatched_columns,
                "problem": r.problem,
            }
            for r in results
        },
    }
    (work / "parity.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0 if ok else 1


def _print_builds(duck: Measured, spark: Measured, models: int) -> None:
    print(f"builds of {models} models and seeds, unit tests on Spark (wall time, peak RSS of the process tree):")
    print(f"  DuckDB  {duck.seconds:7.1f} s  {duck.peak_rss_mb:8,.0f} MB")
    print(f"  Spark   {spark.seconds:7.1f} s  {spark.peak_rss_mb:8,.0f} MB  (JVM included)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m community_warehouse.parity",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="build on DuckDB and Spark, then compare every model")
    r.add_argument("--raw", type=Path, default=Path(os.environ.get("COMMUNITY_RAW_PATH", PROJECT_ROOT / "data/demo")))
    r.add_argument("--work", type=Path, default=PROJECT_ROOT / "target" / "parity")
    c = sub.add_parser("compare", help="compare two existing builds")
    c.add_argument("--duckdb", type=Path, required=True)
    c.add_argument("--spark-warehouse", type=Path, required=True)
    c.add_argument("--manifest", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.raw, args.work)
    relations = relations_from_manifest(json.loads(args.manifest.read_text()))
    results = compare(args.duckdb, args.spark_warehouse, relations)
    print_table(results)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
