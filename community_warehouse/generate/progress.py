"""Progress output for long generator runs: one line per step, a bar for file-by-file writing."""

from __future__ import annotations

import sys
import time

from tqdm import tqdm


class Progress:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._bar: tqdm | None = None
        self._t0 = time.monotonic()

    def step(self, message: str) -> None:
        if self.enabled:
            tqdm.write(f"[{time.monotonic() - self._t0:6.1f}s] {message}", file=sys.stderr)

    def start_files(self, total: int, description: str) -> None:
        if self.enabled:
            self._bar = tqdm(total=total, desc=description, unit="file", file=sys.stderr, leave=False, mininterval=0.5)

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def finish_files(self) -> None:
        if self._bar is not None:
            total = self._bar.n
            self._bar.close()
            self._bar = None
            self.step(f"  wrote {total:,} files")
