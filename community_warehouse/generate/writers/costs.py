"""The community team's cost sheet, `costs/community_costs.csv`: month, program, category, amount, currency.

A spreadsheet kept by hand and saved from Excel as "CSV UTF-8": a byte-order mark, CRLF line endings,
months as `YYYY-MM`, amounts with two decimals and sometimes a thousands separator, most rows in USD and
the European meetups in EUR. Hand-kept sheets have mistakes, and this one does too: an amount still
`TBD`, a refund typed as a negative cost, a quarter where a month should be. Staging quarantines those.
"""

from __future__ import annotations

import csv
from pathlib import Path

from community_warehouse.generate.config import rng_for
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World


def write_costs(world: World, raw: Path, progress: Progress) -> int:
    cfg = world.config
    rng = rng_for(cfg.seed, "costs")
    summit = {c.month_index: c.name for c in world.campaigns}
    scale = max(1.0, cfg.members / 2_000) ** 0.5  # bigger communities cost more, sub-linearly
    rows: list[tuple[str, str, str, str, str]] = []
    for m, start in enumerate(world.month_starts):
        month = start.strftime("%Y-%m")
        fte = 2 if m < cfg.months // 2 else 3
        rows.append((month, "Community team", "headcount", f"{fte * 9_500 * scale:.2f}", "USD"))
        rows.append((month, "Slack Pro", "tools", f"{8.75 * 120 * scale:.2f}", "USD"))
        rows.append((month, "Community analytics platform", "tools", "500.00", "USD"))
        if m >= 3:
            rows.append((month, "Champions program", "programs", f"{rng.uniform(800, 1_600) * scale:.2f}", "USD"))
        if m % 3 == 0:
            rows.append((month, "Swag", "programs", f"{rng.uniform(1_500, 2_500):.2f}", "USD"))
        for _ in range(rng.poisson(1.5)):
            rows.append((month, "Meetups", "events", f"{rng.uniform(600, 2_400):.2f}", "USD"))
        if rng.random() < 0.3:
            rows.append((month, "Meetups (Europe)", "events", f"{rng.uniform(500, 1_800):.2f}", "EUR"))
        if m in summit:
            rows.append((month, summit[m], "events", f"{45_000 * scale:.2f}", "USD"))
    # Excel's habits: thousands separators on some amounts.
    rows = [
        (m, p, c, f"{float(a):,.2f}" if float(a) >= 1000 and i % 3 == 0 else a, cur)
        for i, (m, p, c, a, cur) in enumerate(rows)
    ]
    # …and the mistakes a hand-kept sheet has.
    middle = world.month_starts[len(world.month_starts) // 2].strftime("%Y-%m")
    rows += [
        (world.month_starts[-1].strftime("%Y-%m"), "Community Summit (next year)", "events", "TBD", "USD"),
        (middle, "Swag refund", "programs", "-240.00", "USD"),
        ("Q3", "Podcast sponsorship", "programs", "1500.00", "USD"),
    ]
    path = raw / "costs" / "community_costs.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(["month", "program", "category", "amount", "currency"])
        writer.writerows(rows)
    progress.step(f"costs: {len(rows)} rows")
    return len(rows)
