"""The fault matrix: each fault test records what was planted, what should happen and what did.

Outcomes: `staged` (the record reaches staging intact), `quarantined` (kept in stg_quarantine__records
with a reason), `loud` (the build stops with a message naming the file and the fix). A fault whose observed
outcome differs from the expected one while the build stayed green is a silent failure; a record that is
neither staged nor quarantined is lost. Test processes (pytest-xdist workers) each append lines to one
folder; the controller prints the matrix at the end of the run (conftest.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from helpers import PROJECT_ROOT

MATRIX_DIR = PROJECT_ROOT / "target" / "fault_matrix"
OUTCOMES = ("staged", "quarantined", "loud")


def record_fault(fault: str, expected: str, observed: str, detail: str = "") -> None:
    """Write one fault's row; `observed` is `lost` when the record is nowhere, `silent` for a green build
    that is wrong in another way (a formula left live, a different duplicate kept on another read)."""
    assert expected in OUTCOMES, expected
    MATRIX_DIR.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"fault": fault, "expected": expected, "observed": observed, "detail": detail})
    with (MATRIX_DIR / f"{os.getpid()}.jsonl").open("a") as fh:
        fh.write(line + "\n")


def read_matrix(folder: Path = MATRIX_DIR) -> list[dict]:
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return sorted(rows, key=lambda r: r["fault"])


def format_matrix(rows: list[dict]) -> str:
    """The matrix as text: one line per fault, then the totals the issue asks for."""
    width = max([len(r["fault"]) for r in rows] + [5])
    lines = [f"{'fault':<{width}}  {'expected':<11}  {'observed':<11}  detail"]
    for r in rows:
        lines.append(f"{r['fault']:<{width}}  {r['expected']:<11}  {r['observed']:<11}  {r['detail']}")
    tried = len(rows)
    count = {o: sum(r["observed"] == o for r in rows) for o in (*OUTCOMES, "lost")}
    silent = sum(r["observed"] != r["expected"] for r in rows)
    lines.append(
        f"tried {tried}, staged {count['staged']}, quarantined {count['quarantined']}, loud {count['loud']}, "
        f"silent {silent}, records lost {count['lost']}"
    )
    return "\n".join(lines)
