"""`python -m community_warehouse.warehouse`: what the build produced, and ad-hoc queries on it.

    python -m community_warehouse.warehouse summary
    python -m community_warehouse.warehouse query "select * from marts.community__engagement_monthly"

Opens the DuckDB file read-only, so it never blocks or alters a build.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb

from community_warehouse import PROJECT_ROOT


def default_db() -> Path:
    return Path(os.environ.get("COMMUNITY_DUCKDB_PATH", PROJECT_ROOT / "community_warehouse.duckdb"))


def summary(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        marts = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema = 'marts' order by table_name"
        ).fetchall()
        lines = [f"Marts in {db}:"]
        for schema, name in marts:
            rows = con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()[0]
            lines.append(f"  {schema}.{name:<45} {rows:>10,} rows")
    example = f"{marts[0][0]}.{marts[0][1]}" if marts else "marts.<table>"
    lines += [
        "",
        "Query them:",
        f'  make query SQL="select * from {example} limit 5"',
        f"  .venv/bin/python -c \"import duckdb; print(duckdb.connect('{db}', read_only=True)"
        f".sql('select * from {example}'))\"",
        f"  duckdb CLI or a BI tool (Metabase, Superset, Evidence, DBeaver): open {db} read-only",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m community_warehouse.warehouse",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=default_db(),
        help="DuckDB file (default: $COMMUNITY_DUCKDB_PATH or community_warehouse.duckdb)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("summary", help="list the marts and their row counts")
    q = sub.add_parser("query", help="run one SQL statement and print the result")
    q.add_argument("sql")
    q.add_argument("--max-rows", type=int, default=50)
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"error: {args.db} does not exist; run `make build` first", file=sys.stderr)
        return 2
    if args.command == "summary":
        print(summary(args.db))
    else:
        with duckdb.connect(str(args.db), read_only=True) as con:
            con.sql(args.sql).show(max_rows=args.max_rows, max_width=200)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
