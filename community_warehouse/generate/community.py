"""Who is on each community platform, their handle there, and what they do each month.

Every platform draws its members from the same people and its activity from the same engagement chain
(`World.active`), so a member who is busy on Slack in March is busy on the forum too, and a lapsed
member is quiet everywhere. Handles differ per platform, as they do in life.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import epoch_us
from community_warehouse.generate.world import World

DAY_US = 86_400 * 1_000_000


@dataclass
class Platform:
    name: str
    people: pd.DataFrame
    """The people on the platform (rows of World.people), with their `handle` there."""
    counts: np.ndarray
    """int[person on platform, month]: actions taken that month."""


def month_bounds(world: World) -> tuple[np.ndarray, np.ndarray]:
    starts = np.array([epoch_us(d) for d in world.month_starts], dtype=np.int64)
    last = world.month_starts[-1]
    nxt = epoch_us(last.replace(year=last.year + (last.month == 12), month=last.month % 12 + 1))
    return starts, np.diff(np.append(starts, nxt))


def make_handles(people: pd.DataFrame, rng: np.random.Generator, styles: tuple[str, ...]) -> np.ndarray:
    """One handle per person in a style drawn from `styles`, deduplicated with a number."""
    first = people.first_name.str.lower().to_numpy().astype(str)
    last = people.last_name.str.lower().to_numpy().astype(str)
    digits = rng.integers(1, 999, len(people)).astype(str)
    options = {
        "first.last": np.char.add(np.char.add(first, "."), last),
        "firstlast": np.char.add(first, last),
        "first_last": np.char.add(np.char.add(first, "_"), last),
        "first-last": np.char.add(np.char.add(first, "-"), last),
        "flast": np.char.add(np.char.array(first).astype("U1"), last),
        "firstNN": np.char.add(first, digits),
        "first_lNN": np.char.add(np.char.add(np.char.add(first, "_"), np.char.array(last).astype("U1")), digits),
    }
    choice = rng.integers(0, len(styles), len(people))
    handles = pd.Series(np.choose(choice, [options[s] for s in styles]))
    while handles.duplicated().any():
        seen = handles.groupby(handles, sort=False).cumcount().to_numpy()
        handles = handles + np.where(seen > 0, (seen + 1).astype(str), "")
    return handles.to_numpy()


PLATFORMS: dict[str, dict] = {
    # share of members on the platform, actions per month per unit of propensity, handle styles
    "discord": {"share": 0.3, "rate": 0.5, "styles": ("firstNN", "first_lNN", "firstlast", "flast")},
    "discourse": {"share": 0.25, "rate": 0.3, "styles": ("first.last", "firstlast", "flast", "first_last")},
    "github": {"share": 0.25, "rate": 0.3, "styles": ("firstlast", "first-last", "flast", "firstNN")},
    "x": {"share": 0.15, "rate": 0.25, "styles": ("first_last", "firstlast", "firstNN"), "staff_join": False},
}


def platform(world: World, name: str) -> Platform:
    """Members (and, unless the platform says otherwise, all staff) on a platform, with their handle there;
    monthly action counts follow World.active. Deterministic per seed and platform, so another writer (the
    CRM's "GitHub username" field) sees the same people and handles."""
    spec = PLATFORMS[name]
    share, rate, styles, staff_join = spec["share"], spec["rate"], spec["styles"], spec.get("staff_join", True)
    rng = rng_for(world.config.seed, "platform", name)
    people = world.people
    member = people.is_member.to_numpy()
    on = member & (rng.random(len(people)) < share)
    if staff_join:
        on |= people.is_staff.to_numpy()
    who = people[on].copy()
    who["handle"] = make_handles(who, rng, styles)
    mult = np.ones(world.config.months)
    for c in world.campaigns:
        mult[c.month_index] = c.activity_multiplier
    lam = who.propensity.to_numpy()[:, None] * rate * mult[None, :]
    counts = rng.poisson(lam) * world.active[who.person_index.to_numpy()]
    return Platform(name=name, people=who.reset_index(drop=True), counts=counts.astype(np.int64))


def community_email(people: pd.DataFrame, rng: np.random.Generator, loyalty: float = 0.95):
    """The address each person gives a community tool: their preferred mailbox with probability `loyalty`,
    else the other one (when they have both). Returns (email, used_work_address)."""
    work = people.work_email.to_numpy()
    stray = rng.random(len(people)) >= loyalty
    use_work = (work != "") & (people.prefers_work_email.to_numpy() ^ stray)
    return np.where(use_work, work, people.personal_email.to_numpy()), use_work


def expand(counts: np.ndarray, rng: np.random.Generator, starts: np.ndarray, lengths: np.ndarray):
    """Counts per (person row, month) → one event per action: (person row, month, timestamp µs)."""
    row, month = np.nonzero(counts)
    reps = counts[row, month]
    row, month = np.repeat(row, reps), np.repeat(month, reps)
    ts = starts[month] + (rng.random(len(row)) * lengths[month]).astype(np.int64)
    return row, month, ts


def pick_same_month(rng: np.random.Generator, candidate_month: np.ndarray, month: np.ndarray) -> np.ndarray:
    """For each event in `month`, the index of a random candidate from the same month (-1 if none)."""
    order = np.argsort(candidate_month, kind="stable")
    size = np.bincount(candidate_month, minlength=int(month.max(initial=0)) + 1)
    start = np.concatenate([[0], np.cumsum(size)[:-1]])
    n = size[np.clip(month, 0, len(size) - 1)]
    pick = start[month] + np.floor(rng.random(len(month)) * np.maximum(n, 1)).astype(np.int64)
    return np.where(n > 0, order[np.minimum(pick, max(len(order) - 1, 0))], -1)


def snowflakes(ts_us: np.ndarray, epoch_ms: int, rng: np.random.Generator) -> np.ndarray:
    """Twitter/Discord-style ids: milliseconds since the platform's epoch, shifted 22 bits, plus a counter."""
    ms = ts_us // 1000 - epoch_ms
    ids = (ms.astype(np.int64) << 22) + rng.integers(0, 1 << 22, len(ts_us))
    while len(np.unique(ids)) < len(ids):  # collisions are astronomically rare; never let one through
        dup = pd.Series(ids).duplicated().to_numpy()
        ids[dup] += 1
    return ids
