"""Erasure requests: a person asks to be forgotten.

    python -m community_warehouse.erasure IDENTIFIER [IDENTIFIER ...]      (make erase ID=…)

An identifier is an e-mail address, a handle or an account id as the member map holds it
(`intermediate.int_identity__member_map` in the build file), or `<type>:<value>` (e.g. `slack_user:U024BE7LH`).
Each is expanded through the member map into every identifier of the member behind it (all their
accounts, addresses and handles: erasing one address and keeping the Slack account it was linked to
would forget nothing), and each identifier is appended to the erasure file, named by the environment
variable COMMUNITY_ERASURE_PATH and kept outside the project, as `sha256('<type>:<value>')`: the file lists
whom to forget without naming anyone. The next build turns every record of those identifiers into a
tombstone (macros/staging/erasure.sql); the rollback copy of the warehouse, which still holds them, is
deleted now.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import sys
from pathlib import Path

import duckdb

from community_warehouse.warehouse import PROJECT_ROOT, WarehouseError, build_db, previous_db, published_db

MEMBER_MAP = "intermediate.int_identity__member_map"
HEADER = "identifier_hash,identifier_type,requested_on"


def identifier_hash(identifier_type: str, value: str) -> str:
    """The hash the build compares with (macro erasure_hash): sha256 of `<type>:<value>`, lower-case hex."""
    return hashlib.sha256(f"{identifier_type}:{value}".encode()).hexdigest()


def erasure_path() -> Path:
    """The erasure file, from COMMUNITY_ERASURE_PATH; refused inside the project (it would be committed)."""
    text = os.environ.get("COMMUNITY_ERASURE_PATH", "").strip()
    if not text:
        raise WarehouseError(
            "COMMUNITY_ERASURE_PATH is not set. Set it to a file outside the project (kept with your other "
            "private configuration, e.g. ~/.community_warehouse/erasure.csv) and keep it set for every build."
        )
    path = Path(text).expanduser().resolve()
    if path.is_relative_to(PROJECT_ROOT.resolve()):
        raise WarehouseError(f"COMMUNITY_ERASURE_PATH ({path}) is inside the project; keep it outside the repository")
    return path


def expand(con: duckdb.DuckDBPyConnection, identifier: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The members an identifier names and every (type, value) of theirs. A role address (info@, sales@)
    is no one's in particular and is neither a way in nor erased."""
    text = identifier.strip()
    rows = con.execute(
        f"select distinct member_id from {MEMBER_MAP} "
        "where (identifier_id = ? or lower(identifier_value) = lower(?)) and not coalesce(is_role_address, false)",
        [text, text],
    ).fetchall()
    members = {row[0] for row in rows}
    if not members:
        return members, set()
    placeholders = ", ".join("?" for _ in members)
    found = con.execute(
        f"select distinct identifier_type, identifier_value from {MEMBER_MAP} "
        f"where member_id in ({placeholders}) and not coalesce(is_role_address, false)",
        sorted(members),
    ).fetchall()
    return members, {(row[0], row[1]) for row in found}


def request(identifiers: list[str], db: Path, path: Path) -> list[str]:
    """Append the hashes of everything the identifiers expand to; returns printable lines of what was done."""
    if not db.exists():
        raise WarehouseError(f"{db} does not exist: build once (make build) so that identifiers can be expanded")
    report, pairs = [], set()
    with duckdb.connect(str(db), read_only=True) as con:
        for identifier in identifiers:
            members, found = expand(con, identifier)
            if not members:
                if ":" not in identifier:
                    raise WarehouseError(
                        f"{identifier!r} is not in the member map of {db}. Give it as <type>:<value> "
                        "(e.g. email:jane@example.com) to list it anyway."
                    )
                identifier_type, value = identifier.split(":", 1)
                found = {(identifier_type.strip(), value.strip())}
                report.append(f"{identifier}: no member holds it; listed as given")
            else:
                types = ", ".join(sorted({t for t, _ in found}))
                report.append(f"{identifier}: {len(members)} member(s), {len(found)} identifiers ({types})")
            pairs |= found
    existing = set()
    if path.exists():
        existing = {line.split(",")[0] for line in path.read_text().splitlines()[1:]}
    today = dt.date.today().isoformat()
    hashed = sorted({(identifier_hash(t, v), t) for t, v in pairs})
    lines = [f"{h},{t},{today}" for h, t in hashed if h not in existing]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_header = not path.exists() or path.stat().st_size == 0
    with path.open("a") as out:
        if write_header:
            out.write(HEADER + "\n")
        for line in lines:
            out.write(line + "\n")
    report.append(f"{len(lines)} new hashes appended to {path} ({len(pairs) - len(lines)} were listed already)")
    return report


def forget_rollback_copy(warehouse: Path) -> str | None:
    """Delete the warehouse kept for rollback: it was published before the request and holds the person."""
    previous = previous_db(warehouse)
    if previous.exists():
        previous.unlink()
        return f"deleted {previous} (the rollback copy holds the erased records)"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m community_warehouse.erasure",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("identifiers", nargs="+", help="e-mail, handle, account id, or <type>:<value>")
    parser.add_argument("--db", type=Path, default=None, help="the build file holding the member map")
    args = parser.parse_args(argv)
    try:
        path = erasure_path()
        for line in request(args.identifiers, args.db or build_db(), path):
            print(line)
        note = forget_rollback_copy(published_db())
        if note:
            print(note)
        print(
            "Build again (make build, with COMMUNITY_ERASURE_PATH set) to remove every record of them from the "
            "warehouse; until then the published warehouse still holds them."
        )
    except WarehouseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
