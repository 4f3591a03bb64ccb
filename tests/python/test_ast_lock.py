"""The install step makes `ast.parse` thread-safe for dbt on Pythons with CPython bug gh-106905."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

from community_warehouse import ast_lock


def test_every_interpreter_of_the_environment_loads_the_lock():
    """`make install` writes a .pth file: a fresh interpreter (like the one dbt runs in) has the lock."""
    out = subprocess.run(
        [sys.executable, "-c", "import ast; print(ast.parse.__module__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == ("community_warehouse.ast_lock" if ast_lock.AFFECTED else "ast")


def test_parse_runs_one_thread_at_a_time(monkeypatch):
    inside, most = 0, 0
    guard = threading.Lock()

    def slow_parse(source, *args, **kwargs):
        nonlocal inside, most
        with guard:
            inside += 1
            most = max(most, inside)
        time.sleep(0.01)
        with guard:
            inside -= 1
        return source

    monkeypatch.setattr(ast_lock, "_unlocked_parse", slow_parse)
    threads = [threading.Thread(target=ast_lock.parse, args=(f"{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most == 1
    # The same wrapper without the lock lets threads overlap: the test can fail.
    monkeypatch.setattr(ast_lock, "_lock", threading.Semaphore(8))
    most = 0
    threads = [threading.Thread(target=ast_lock.parse, args=(f"{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most > 1
