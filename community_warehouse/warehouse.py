"""`python -m community_warehouse.warehouse`: build, publish, export and query the warehouse.

    python -m community_warehouse.warehouse build [--vars '{using_zendesk: false}']
    python -m community_warehouse.warehouse publish
    python -m community_warehouse.warehouse export [--out DIR]
    python -m community_warehouse.warehouse summary
    python -m community_warehouse.warehouse query "select * from marts.community__engagement_monthly" [--format csv]

Two files. dbt builds into the *build file* (COMMUNITY_DUCKDB_PATH, default
target/community_warehouse.build.duckdb). `publish` then writes the *published warehouse*
(COMMUNITY_WAREHOUSE_PATH, default community_warehouse.duckdb): the tables of the marts, intermediate
and seeds schemas, in DuckDB's v0.10 storage format, which every DuckDB client from 0.10 to 2.x opens
(BI drivers embed 1.x clients, which refuse files in duckdb 2.0's own format). It is written beside the
old one and swapped in with one rename, so BI tools holding the published file never block a build and
never see a half-written one. It is published only when the build passed: a failed, red or killed build
leaves it untouched and says so. The warehouse it replaces is kept beside it
(community_warehouse.previous.duckdb); `rollback` swaps the two back. `summary`, `query` and `export` read
the published warehouse, read-only.

    python -m community_warehouse.warehouse rollback
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb

from community_warehouse import PROJECT_ROOT

#: The oldest format duckdb 2.0 writes (ATTACH … (STORAGE_VERSION …)); DuckDB 0.10 and later read it.
PUBLISHED_STORAGE_VERSION = "v0.10.0"
#: Schemas copied into the published warehouse. Staging is left out: its views read the raw files by
#: path, and its base tables carry raw records, which BI users do not need.
PUBLISHED_SCHEMAS = ("marts", "intermediate", "seeds")
#: `personal`: published as built. `pseudonymised`: every declared personal column as a keyed hash.
PRIVACY_MODES = ("personal", "pseudonymised")


class WarehouseError(Exception):
    """An error the user can act on, printed as one line."""


def build_db() -> Path:
    """The file dbt builds into (the profile's path)."""
    default = PROJECT_ROOT / "target" / "community_warehouse.build.duckdb"
    return Path(os.environ.get("COMMUNITY_DUCKDB_PATH", default))


def published_db() -> Path:
    """The published warehouse that BI tools, `query` and `export` read."""
    return Path(os.environ.get("COMMUNITY_WAREHOUSE_PATH", PROJECT_ROOT / "community_warehouse.duckdb"))


def lock_holder(path: Path) -> str | None:
    """Who holds a write lock on `path` (DuckDB's own words: program and PID), or None if nobody does."""
    if not path.exists():
        return None
    try:
        duckdb.connect(str(path)).close()
    except duckdb.IOException as error:
        match = re.search(r"Conflicting lock is held in (.+?) \(PID (\d+)\)", str(error))
        if match:
            return f"{match.group(1)} (PID {match.group(2)})"
        if "lock" in str(error).lower():
            return "another process"
        raise
    return None


def check_not_locked(path: Path) -> None:
    holder = lock_holder(path)
    if holder:
        raise WarehouseError(
            f"{path} is open in {holder}: close that connection (or wait for that build), then run again. "
            f"BI tools should open the published warehouse, {published_db()}, which builds never lock."
        )


def dbt_build(vars_: str | None, extra: list[str]) -> int:
    """Run `dbt build` on the build file, streaming dbt's output; returns dbt's exit code."""
    db = build_db()
    db.parent.mkdir(parents=True, exist_ok=True)
    check_not_locked(db)
    # Unit tests check the models' logic on fixed inputs, not the data: `make test` (and CI) runs them, a
    # build of the warehouse does not (dbt's own advice; DECISIONLOG, "Layers and the DAG"). Set
    # COMMUNITY_BUILD_UNIT_TESTS=true to run them here too.
    unit_tests = os.environ.get("COMMUNITY_BUILD_UNIT_TESTS", "false").strip().lower() in ("1", "true", "yes")
    command = [str(Path(sys.executable).parent / "dbt"), "build", *extra]
    if not unit_tests:
        command += ["--exclude-resource-type", "unit_test"]
    if vars_ and vars_.strip():
        command += ["--vars", vars_]
    env = {**os.environ, "COMMUNITY_DUCKDB_PATH": str(db)}
    return subprocess.run(command, cwd=PROJECT_ROOT, env=env, check=False).returncode


def dbt_target() -> Path:
    """dbt's target folder for this project (DBT_TARGET_PATH, as dbt reads it)."""
    return Path(os.environ.get("DBT_TARGET_PATH", PROJECT_ROOT / "target"))


def declared_personal_columns(manifest: Path) -> dict[tuple[str, str], set[str]]:
    """(schema, relation) → the columns its yml declares personal (`config: {meta: {pii: true}}`), for every
    model and seed in dbt's manifest."""
    if not manifest.exists():
        raise WarehouseError(
            f"{manifest} does not exist: a pseudonymised publication reads which columns are personal from dbt's "
            "manifest; run the build (or `dbt parse`) first"
        )
    personal: dict[tuple[str, str], set[str]] = {}
    for node in json.loads(manifest.read_text())["nodes"].values():
        if node["resource_type"] not in ("model", "seed"):
            continue
        columns = {
            name
            for name, spec in node["columns"].items()
            # dbt copies a column's `config: {meta: …}` into its `meta`.
            if (spec.get("meta") or {}).get("pii") is True
        }
        personal[(node["schema"], node.get("alias") or node["name"])] = columns
    return personal


def pseudonym_key() -> str:
    """The secret that keys pseudonyms (COMMUNITY_PSEUDONYM_KEY); never stored in the repo or the warehouse."""
    key = os.environ.get("COMMUNITY_PSEUDONYM_KEY", "")
    if len(key) < 16:
        raise WarehouseError(
            "a pseudonymised publication needs COMMUNITY_PSEUDONYM_KEY, a secret of at least 16 characters kept "
            "outside the repo and the same at every build (the same person then gets the same pseudonym in every "
            "build and every table)"
        )
    return key


def publish(
    source: Path,
    target: Path,
    schemas: tuple[str, ...] = PUBLISHED_SCHEMAS,
    privacy: str = "personal",
    only: set[tuple[str, str]] | None = None,
    keep: bool = True,
) -> dict[str, int]:
    """Copy the tables of `schemas` from `source` into `target` in the old storage format, atomically.

    With `privacy="pseudonymised"`, every column the manifest declares personal is published as a keyed
    hash of its value (sha256 of COMMUNITY_PSEUDONYM_KEY, a separator and the value as text): stable across
    builds and tables, so pseudonyms still join, and irreversible without the key. A table the manifest does
    not know is refused rather than published unchecked.

    `only` limits the copy to those (schema, relation) pairs; `keep` keeps the replaced file for rollback.

    Returns the row count of every table copied, keyed `schema.table`.
    """
    if privacy not in PRIVACY_MODES:
        raise WarehouseError(f"privacy must be one of {', '.join(PRIVACY_MODES)}, not {privacy!r}")
    personal = declared_personal_columns(dbt_target() / "manifest.json") if privacy == "pseudonymised" else {}
    key = pseudonym_key() if privacy == "pseudonymised" else ""
    if not source.exists():
        raise WarehouseError(f"{source} does not exist: build first (make build)")
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    scratch.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    try:
        with duckdb.connect() as con:
            con.execute(f"attach '{_sql_text(source)}' as build (read_only)")
            con.execute(f"attach '{_sql_text(scratch)}' as published (storage_version '{PUBLISHED_STORAGE_VERSION}')")
            found = con.execute(
                "select table_schema, table_name from information_schema.tables "
                "where table_catalog = 'build' and table_type in ('BASE TABLE', 'VIEW') "
                f"and table_schema in ({', '.join('?' for _ in schemas)}) order by 1, 2",
                list(schemas),
            ).fetchall()
            if only is not None:
                found = [t for t in found if t in only]
            for schema in sorted({schema for schema, _ in found}):
                con.execute(f"create schema published.{_ident(schema)}")
            for schema, table in found:
                name = f"{_ident(schema)}.{_ident(table)}"
                select, params = "*", []
                if privacy == "pseudonymised":
                    if (schema, table) not in personal:
                        raise WarehouseError(
                            f"{schema}.{table} is not in dbt's manifest, so its personal columns are unknown: "
                            "rebuild, then publish"
                        )
                    columns = [
                        c
                        for (c,) in con.execute(
                            "select column_name from information_schema.columns where table_catalog = 'build' "
                            "and table_schema = ? and table_name = ? order by ordinal_position",
                            [schema, table],
                        ).fetchall()
                    ]
                    hidden = personal[(schema, table)]
                    select = ", ".join(
                        f"case when {_ident(c)} is null then null "
                        f"else sha256(? || chr(31) || cast({_ident(c)} as varchar)) end as {_ident(c)}"
                        if c in hidden
                        else _ident(c)
                        for c in columns
                    )
                    params = [key] * sum(c in hidden for c in columns)
                con.execute(f"create table published.{name} as select {select} from build.{name}", params)
                counts[f"{schema}.{table}"] = con.execute(f"select count(*) from published.{name}").fetchone()[0]
            con.execute("checkpoint published")
            con.execute("detach published")
        if keep:
            keep_previous(target)
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
        scratch.with_name(scratch.name + ".wal").unlink(missing_ok=True)
    return counts


def previous_db(target: Path) -> Path:
    """Where the warehouse a publication replaced is kept, for `rollback`."""
    return target.with_name(f"{target.stem}.previous{target.suffix}")


def keep_previous(target: Path) -> None:
    """Keep the published warehouse as the previous one, without moving it: a hard link to the same file,
    renamed into place, so readers holding it and new readers opening it see no gap."""
    if not target.exists():
        return
    scratch = target.with_name(f".{previous_db(target).name}.{os.getpid()}.tmp")
    _link_or_copy(target, scratch)
    os.replace(scratch, previous_db(target))


def _link_or_copy(source: Path, scratch: Path) -> None:
    """`scratch` as a second name for `source` (a hard link: no copy, same file), or a copy where the file
    system has no hard links."""
    scratch.unlink(missing_ok=True)
    try:
        os.link(source, scratch)
    except OSError:
        shutil.copy2(source, scratch)


def rollback(target: Path) -> None:
    """Swap the published warehouse and the previous one (run it again to undo)."""
    previous = previous_db(target)
    if not previous.exists():
        raise WarehouseError(f"{previous} does not exist: nothing was published before the current warehouse")
    scratch = target.with_name(f".{target.name}.{os.getpid()}.rollback.tmp")
    scratch.unlink(missing_ok=True)
    if target.exists():
        _link_or_copy(target, scratch)
    os.replace(previous, target)
    if scratch.exists():
        os.replace(scratch, previous)


def failed_nodes(run_results: Path) -> list[str]:
    """The nodes the last dbt invocation in this project reported as errors or failed tests."""
    if not run_results.exists():
        return []
    results = json.loads(run_results.read_text()).get("results", [])
    return [r["unique_id"] for r in results if r.get("status") in ("error", "fail", "runtime error")]


def unchanged_message(target: Path) -> str:
    if not target.exists():
        return f"Nothing was published: {target} does not exist yet."
    when = dt.datetime.fromtimestamp(target.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return f"The published warehouse {target} is unchanged (published {when})."


def mart_folders(manifest: Path) -> dict[str, set[tuple[str, str]]]:
    """Mart folder (models/marts/<folder>) → the (schema, relation) of each mart in it, from dbt's manifest."""
    if not manifest.exists():
        raise WarehouseError(f"{manifest} does not exist: build first (make build)")
    folders: dict[str, set[tuple[str, str]]] = {}
    for node in json.loads(manifest.read_text())["nodes"].values():
        if node["resource_type"] == "model" and node["fqn"][1:2] == ["marts"] and len(node["fqn"]) > 3:
            folders.setdefault(node["fqn"][2], set()).add((node["schema"], node.get("alias") or node["name"]))
    return folders


def publish_departments(source: Path, out: Path) -> list[dict]:
    """One read-only DuckDB file and one Parquet file per mart for each department of the seed
    `department_publications`, holding only the marts of the folders it reads, pseudonymised unless the
    seed allows personal data; plus `grants.sql` for a served warehouse. Returns what was written."""
    with duckdb.connect(str(source), read_only=True) as con:
        rows = con.execute(
            "select department, reads, personal_data_allowed, grantee from seeds.department_publications order by 1"
        ).fetchall()
    folders = mart_folders(dbt_target() / "manifest.json")
    out.mkdir(parents=True, exist_ok=True)
    written, grants = [], ["-- Generated from seeds/department_publications.csv by `make publish-departments`."]
    for department, reads, allowed, grantee in rows:
        for name, label in ((department, "department"), (grantee, "grantee")):
            if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
                raise WarehouseError(
                    f"seeds/department_publications.csv: {label} {name!r} must be lower-case letters, digits and "
                    "underscores (it names a file and a role)"
                )
        unknown = [f for f in reads.split() if f not in folders]
        if unknown:
            raise WarehouseError(
                f"seeds/department_publications.csv: {department} reads {', '.join(unknown)}, which is no folder "
                f"of models/marts (there are: {', '.join(sorted(folders))})"
            )
        marts = set().union(*(folders[f] for f in reads.split()))
        target = out / f"{department}.duckdb"
        privacy = "personal" if allowed else "pseudonymised"
        counts = publish(source, target, schemas=("marts",), privacy=privacy, only=marts, keep=False)
        os.chmod(target, 0o444)
        parquet = out / department
        parquet.mkdir(exist_ok=True)
        with duckdb.connect(str(target), read_only=True) as con:
            for name in counts:
                schema, table = name.split(".")
                file = parquet / f"{table}.parquet"
                con.execute(
                    f"copy (select * from {_ident(schema)}.{_ident(table)}) to '{_sql_text(file)}' (format parquet)"
                )
        grants += [f"grant select on table marts.{table} to {grantee};" for _, table in sorted(marts)]
        written.append({"department": department, "file": target, "privacy": privacy, "marts": sorted(counts)})
    (out / "grants.sql").write_text("\n".join(grants) + "\n")
    return written


def export(db: Path, out: Path) -> dict:
    """Every mart as one Parquet file in `out`, plus `manifest.json` (row counts, columns, as-of time)."""
    _require(db)
    out.mkdir(parents=True, exist_ok=True)
    marts = []
    with duckdb.connect(str(db), read_only=True) as con:
        names = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
            ).fetchall()
        ]
        for name in names:
            path = out / f"{name}.parquet"
            con.execute(f"copy (select * from marts.{_ident(name)}) to '{_sql_text(path)}' (format parquet)")
            columns = con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'marts' and table_name = ? order by ordinal_position",
                [name],
            ).fetchall()
            rows = con.execute(f"select count(*) from read_parquet('{_sql_text(path)}')").fetchone()[0]
            marts.append({"name": name, "file": path.name, "rows": rows, "columns": dict(columns)})
        data_as_of, last_complete = con.execute(
            "select data_as_of_at, last_complete_date from intermediate.int_calendar__as_of"
        ).fetchone()
    manifest = {
        "warehouse": str(db),
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        # The warehouse's own as-of (intermediate.int_calendar__as_of), the one is_complete_period uses.
        "data_as_of": data_as_of.isoformat() if data_as_of else None,
        "last_complete_date": last_complete.isoformat() if last_complete else None,
        "marts": marts,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def summary(db: Path) -> str:
    _require(db)
    with duckdb.connect(str(db), read_only=True) as con:
        marts = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema = 'marts' order by table_name"
        ).fetchall()
        lines = [
            f"Marts in {db} (DuckDB {PUBLISHED_STORAGE_VERSION} format: any DuckDB client 0.10 or later opens it):"
        ]
        for schema, name in marts:
            rows = con.execute(f"select count(*) from {_ident(schema)}.{_ident(name)}").fetchone()[0]
            lines.append(f"  {schema}.{name:<45} {rows:>10,} rows")
    example = f"{marts[0][0]}.{marts[0][1]}" if marts else "marts.<table>"
    lines += [
        "",
        "Query them:",
        f'  make query SQL="select * from {example} limit 5"            (FORMAT=csv or json for files)',
        "  make export                                     (every mart as Parquet, in target/export)",
        f"  a BI tool (Metabase, Superset, DBeaver) or the duckdb CLI: open {db} read-only",
    ]
    return "\n".join(lines)


def query(db: Path, sql: str, fmt: str, max_rows: int | None) -> str:
    _require(db)
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(sql)
        if cursor.description is None:
            raise WarehouseError("the statement returned no rows to show (query runs SELECT statements)")
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall() if max_rows is None else cursor.fetchmany(max_rows)
    if fmt == "json":
        return json.dumps([dict(zip(columns, row, strict=True)) for row in rows], default=str, indent=1)
    if fmt == "csv":
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    return _table(columns, rows)


def _table(columns: list[str], rows: list[tuple]) -> str:
    """A plain text table with every column and every value in full."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [
        all(isinstance(row[i], (int, float, Decimal)) or row[i] is None for row in rows) for i in range(len(columns))
    ]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric, strict=True))

    out = [line(list(columns)), "  ".join("-" * w for w in widths), *(line(r) for r in cells)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(s.rstrip() for s in out)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def _require(db: Path) -> None:
    if not db.exists():
        raise WarehouseError(f"{db} does not exist: run `make build` first")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m community_warehouse.warehouse",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help="the published warehouse to read (default: $COMMUNITY_WAREHOUSE_PATH or community_warehouse.duckdb)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="dbt build into the build file, then publish and summarise")
    b.add_argument("--vars", default="", help="dbt vars as YAML/JSON, e.g. '{using_zendesk: false}'")
    b.add_argument("dbt_args", nargs="*", help="more arguments for dbt build (after --)")
    pub = sub.add_parser("publish", help="publish the build file as the warehouse BI tools open")
    for command in (b, pub):
        command.add_argument(
            "--privacy",
            choices=PRIVACY_MODES,
            default=os.environ.get("COMMUNITY_PRIVACY", "personal"),
            help="pseudonymised: every column declared personal is published as a keyed hash "
            "(COMMUNITY_PSEUDONYM_KEY); default $COMMUNITY_PRIVACY or personal",
        )
    pub.add_argument(
        "--force", action="store_true", help="publish even though the last dbt run in this project reported failures"
    )
    sub.add_parser("rollback", help="put back the warehouse the last publication replaced (again: undo)")
    dep = sub.add_parser(
        "publish-departments",
        help="one read-only file (and Parquet) per department of seeds/department_publications.csv, plus grants.sql",
    )
    dep.add_argument("--out", type=Path, default=PROJECT_ROOT / "target" / "departments")
    e = sub.add_parser("export", help="every mart as Parquet plus manifest.json")
    e.add_argument("--out", type=Path, default=PROJECT_ROOT / "target" / "export")
    sub.add_parser("summary", help="list the marts and their row counts")
    q = sub.add_parser("query", help="run one SQL statement and print the result")
    q.add_argument("sql")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.add_argument("--max-rows", type=int, default=None, help="print at most this many rows (default: all)")
    args = parser.parse_args(argv)
    db = args.db or published_db()
    try:
        if args.command == "build":
            # A stop request (Ctrl-C, or SIGTERM from a scheduler) ends the build without publishing.
            signal.signal(signal.SIGTERM, _interrupt)
            try:
                code = dbt_build(args.vars, args.dbt_args)
            except KeyboardInterrupt:
                print(f"\nThe build was interrupted. {unchanged_message(db)}", file=sys.stderr)
                return 130
            if code != 0:
                print(
                    f"\nThe build failed (dbt exit code {code}), so nothing was published. {unchanged_message(db)}",
                    file=sys.stderr,
                )
                return code
            counts = publish(build_db(), db, privacy=args.privacy)
            print(
                f"\nPublished {len(counts)} tables ({args.privacy}) to {db} (the one it replaced: {previous_db(db)})\n"
            )
            print(summary(db))
        elif args.command == "publish":
            failed = failed_nodes(dbt_target() / "run_results.json")
            if failed and not args.force:
                raise WarehouseError(
                    f"the last dbt run here reported {len(failed)} failure(s), first {failed[0]} "
                    f"(target/run_results.json), so {build_db()} is not published. {unchanged_message(db)} "
                    "Fix and build again, or publish anyway with --force."
                )
            counts = publish(build_db(), db, privacy=args.privacy)
            print(f"Published {len(counts)} tables ({args.privacy}) from {build_db()} to {db}")
        elif args.command == "publish-departments":
            failed = failed_nodes(dbt_target() / "run_results.json")
            if failed:
                raise WarehouseError(
                    f"the last dbt run here reported {len(failed)} failure(s), first {failed[0]} "
                    "(target/run_results.json): department files are written from a build that passed"
                )
            for item in publish_departments(build_db(), args.out):
                print(f"{item['department']}: {item['file']} ({item['privacy']}): {', '.join(item['marts'])}")
            print(f"Grants for a served warehouse: {args.out / 'grants.sql'}")
        elif args.command == "rollback":
            rollback(db)
            print(f"{db} is now the warehouse published before; {previous_db(db)} holds the one it replaced.")
        elif args.command == "export":
            manifest = export(db, args.out)
            print(f"Exported {len(manifest['marts'])} marts to {args.out} (manifest.json lists rows and columns)")
        elif args.command == "summary":
            print(summary(db))
        else:
            print(query(db, args.sql, args.format, args.max_rows))
    except WarehouseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except duckdb.Error as error:
        print(f"error: {str(error).splitlines()[0]}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
