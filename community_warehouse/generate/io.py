"""Deterministic writers: JSON arrays streamed from DuckDB queries, and CSVs."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

FETCH_ROWS = 50_000


def epoch_us(d: date) -> int:
    return int(datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp()) * 1_000_000


def write_json_array_files(
    con: duckdb.DuckDBPyConnection,
    query: str,
    path_for: Callable[[tuple], Path],
    on_file: Callable[[], None] | None = None,
) -> int:
    """Stream `query` — columns (key…, json), ordered by key — into one JSON array file per key.

    Each record is one line, indented like Slack's own exports. Returns the number of files written.
    """
    cursor = con.execute(query)
    files = 0
    current_key: tuple | None = None
    lines: list[str] = []

    def flush() -> None:
        nonlocal files
        if current_key is None:
            return
        path = path_for(current_key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("[\n    " + ",\n    ".join(lines) + "\n]\n", encoding="utf-8")
        files += 1
        if on_file:
            on_file()

    while rows := cursor.fetchmany(FETCH_ROWS):
        for *key, record in rows:
            key_t = tuple(key)
            if key_t != current_key:
                flush()
                current_key, lines = key_t, []
            lines.append(record)
    flush()
    return files


def write_json_array(con: duckdb.DuckDBPyConnection, query: str, path: Path) -> None:
    """One JSON array file from a query returning a single `json` column (ordered by the query)."""
    records = [r[0] for r in con.execute(query).fetchall()]
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ",\n    ".join(records)
    path.write_text(("[\n    " + body + "\n]\n") if records else "[]\n", encoding="utf-8")


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def write_rows_csv(path: Path, header: list[str], rows: Iterable[Iterable[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def base36_ids(prefix: str, numbers: np.ndarray, width: int) -> list[str]:
    """Slack-style identifiers (`U0BMYT2FL`): a prefix and fixed-width upper-case base 36."""
    alphabet = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    digits = np.empty((len(numbers), width), dtype="<U1")
    rest = numbers.astype(np.int64).copy()
    for pos in range(width - 1, -1, -1):
        digits[:, pos] = alphabet[rest % 36]
        rest //= 36
    return [prefix + "".join(row) for row in digits]


def unique_numbers(rng: np.random.Generator, count: int, low: int, high: int) -> np.ndarray:
    """`count` distinct integers in [low, high), in random order."""
    picked = np.unique(rng.integers(low, high, int(count * 1.2) + 16))
    while len(picked) < count:
        picked = np.unique(np.concatenate([picked, rng.integers(low, high, count)]))
    return rng.permutation(picked)[:count]


def fmt_timestamp(us: np.ndarray) -> np.ndarray:
    """Microsecond epochs as 'YYYY-MM-DD HH:MM:SS' (the way Fivetran CSV extracts print timestamps)."""
    return (
        np.datetime_as_string(us.astype("datetime64[us]"), unit="s").astype(object)
        if len(us)
        else np.array([])
    )


def to_hubspot_ts(us: np.ndarray) -> list[str]:
    return [s.replace("T", " ") for s in fmt_timestamp(us)]
