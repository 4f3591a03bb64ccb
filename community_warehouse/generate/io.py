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


def text_replace(values, old: str, new) -> np.ndarray:
    """Element-wise str.replace over an array (np.char.replace fails on empty arrays)."""
    values = np.asarray(values)
    if values.size == 0:
        return np.array([], dtype=object)
    return np.char.replace(values.astype(str), old, new).astype(object)


def to_hubspot_ts(us: np.ndarray) -> np.ndarray:
    """Microsecond epochs as 'YYYY-MM-DD HH:MM:SS' (the way Fivetran CSV extracts print timestamps)."""
    text = np.datetime_as_string(np.asarray(us, dtype=np.int64).astype("datetime64[us]"), unit="s")
    return text_replace(text, "T", " ")


def uuid_like(rng: np.random.Generator, count: int) -> np.ndarray:
    """Lower-case UUID-shaped identifiers (8-4-4-4-12 hex), drawn from `rng`, built without a Python loop."""
    digits = np.array(list("0123456789abcdef"))[rng.integers(0, 16, (count, 32))]
    flat = pd.Series(np.ascontiguousarray(digits).view("<U32").ravel())
    return (
        flat.str[:8] + "-" + flat.str[8:12] + "-" + flat.str[12:16] + "-" + flat.str[16:20] + "-" + flat.str[20:]
    ).to_numpy()


def pick_in_group(rng: np.random.Generator, keys: np.ndarray, values: np.ndarray, query: np.ndarray) -> np.ndarray:
    """For each key in `query`, a uniformly random element of `values` whose key (in `keys`) equals it.

    Returns -1 where the key has no values. Vectorised: sort once, then index by group offsets.
    """
    order = np.argsort(keys, kind="stable")
    sorted_keys, sorted_values = keys[order], values[order]
    start = np.searchsorted(sorted_keys, query, side="left")
    stop = np.searchsorted(sorted_keys, query, side="right")
    size = stop - start
    pick = start + np.floor(rng.random(len(query)) * np.maximum(size, 1)).astype(np.int64)
    return np.where(size > 0, sorted_values[np.minimum(pick, max(len(sorted_values) - 1, 0))], -1)


def id_text(values) -> np.ndarray:
    """Integer ids as text, '' where missing (a reindex leaves NaN, which would print as '123.0')."""
    series = pd.Series(values)
    return np.where(series.isna(), "", series.astype("Int64").astype(str)).astype(object)
