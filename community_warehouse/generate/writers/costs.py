"""The community team's cost sheet, `costs/community_costs.csv`: month, program, category, amount, currency.

A spreadsheet kept by hand, exported as CSV: months as `YYYY-MM`, amounts with two decimals, most rows
in USD and the European meetups in EUR.
"""

from __future__ import annotations

from pathlib import Path

from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import write_rows_csv
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
            rows.append(
                (month, "Champions program", "programs", f"{rng.uniform(800, 1_600) * scale:.2f}", "USD")
            )
        if m % 3 == 0:
            rows.append((month, "Swag", "programs", f"{rng.uniform(1_500, 2_500):.2f}", "USD"))
        for _ in range(rng.poisson(1.5)):
            rows.append((month, "Meetups", "events", f"{rng.uniform(600, 2_400):.2f}", "USD"))
        if rng.random() < 0.3:
            rows.append((month, "Meetups (Europe)", "events", f"{rng.uniform(500, 1_800):.2f}", "EUR"))
        if m in summit:
            rows.append((month, summit[m], "events", f"{45_000 * scale:.2f}", "USD"))
    write_rows_csv(
        raw / "costs" / "community_costs.csv", ["month", "program", "category", "amount", "currency"], rows
    )
    progress.step(f"costs: {len(rows)} rows")
    return len(rows)


__all__ = ["write_costs"]
