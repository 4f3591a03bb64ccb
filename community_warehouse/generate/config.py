"""Generator settings and the deterministic random streams derived from them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

GENERATOR_VERSION = "1"

ALL_SOURCES = (
    "slack",
    "discord",
    "discourse",
    "github",
    "social",
    "events",
    "hubspot",
    "salesforce",
    "zendesk",
    "billing",
    "costs",
    "web",
    "google_ads",
    "linkedin_ads",
)
"""Every source folder the generator can write, named as in design.md (and as the `using_<source>` vars)."""
"""Bumped whenever the same arguments would produce different files."""


@dataclass(frozen=True)
class GeneratorConfig:
    out: Path
    seed: int = 42
    members: int = 2_000
    months: int = 18
    end_month: date = date(2026, 6, 1)
    sources: tuple[str, ...] = field(default_factory=lambda: ALL_SOURCES)

    def __post_init__(self) -> None:
        if self.members < 50:
            raise ValueError(f"--members must be at least 50 (got {self.members})")
        if not 1 <= self.months <= 120:
            raise ValueError(f"--months must be between 1 and 120 (got {self.months})")
        if self.end_month.day != 1:
            raise ValueError(f"end month must be the first day of a month (got {self.end_month})")

    @property
    def month_starts(self) -> list[date]:
        """First day of every month in the window, oldest first."""
        y, m = self.end_month.year, self.end_month.month
        out = []
        for _ in range(self.months):
            out.append(date(y, m, 1))
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        return out[::-1]


def _name_key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little")


def rng_for(seed: int, *stream: str) -> np.random.Generator:
    """An independent random stream per named component.

    Each writer draws from its own stream, so adding a source or changing one writer never changes
    the files another writer produces for the same seed.
    """
    return np.random.default_rng(np.random.SeedSequence([seed, *(_name_key(s) for s in stream)]))
