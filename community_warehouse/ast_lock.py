"""Serialise `ast.parse` across threads on CPython 3.11 before 3.11.8.

CPython 3.11.0–3.11.7 keep the AST constructor's recursion depth in interpreter-wide state, so two
threads building Python AST objects at once can make one of them fail with
`SystemError: AST constructor recursion depth mismatch` (CPython issue gh-106905, fixed in 3.11.8).
dbt renders configs and unit-test fixtures on several threads and calls `ast.literal_eval` (which
calls `ast.parse`) while rendering, so a `dbt build` with threads > 1 failed now and then with that
error. The project's install step adds a `.pth` file to the virtual environment that imports this
module at interpreter start-up, before dbt imports `literal_eval`, so every `ast.parse` holds one lock.
Parsing the short literals dbt evaluates takes microseconds; nothing else is serialised. On a fixed
Python the module does nothing.
"""

from __future__ import annotations

import ast
import sys
import threading

AFFECTED = (3, 11) <= sys.version_info[:3] < (3, 11, 8)

_lock = threading.Lock()
_unlocked_parse = ast.parse


def parse(*args, **kwargs):  # type: ignore[no-untyped-def]
    """`ast.parse`, one thread at a time."""
    with _lock:
        return _unlocked_parse(*args, **kwargs)


if AFFECTED and getattr(ast.parse, "__module__", "") != __name__:
    ast.parse = parse
