"""Run a command and measure it: wall time and peak memory of its whole process tree.

`resource.getrusage` only sees children that were waited for, which misses the JVM that dbt-spark
starts; sampling /proc every 0.2 s sees every process the command started.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Measured:
    returncode: int
    seconds: float
    peak_rss_mb: float
    output: str


def _children(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        p = stack.pop()
        try:
            for t in Path(f"/proc/{p}/task").iterdir():
                kids = (t / "children").read_text().split()
                found += map(int, kids)
                stack += map(int, kids)
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(cmd: list[str], env: dict | None = None, cwd: Path | None = None, echo: bool = True) -> Measured:
    """Run `cmd`, streaming its output when `echo`, and return its exit code, wall time and peak tree RSS."""
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, env=env or dict(os.environ), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            total = _rss_kb(proc.pid) + sum(_rss_kb(c) for c in _children(proc.pid))
            peak = max(peak, total)
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)
        if echo:
            print(line, end="", flush=True)
    proc.wait()
    done.set()
    sampler.join()
    return Measured(proc.returncode, time.monotonic() - start, peak / 1024, "".join(lines))
