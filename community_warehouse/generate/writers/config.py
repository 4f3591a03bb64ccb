"""The demo community's configuration, `config/*.csv`: what a community team writes down about itself.

Campaigns, question, support and feedback spaces, feedback themes, the company's e-mail domain and curated
identity links and splits are not in any export: a team keeps them beside its exports (README, "Your
configuration"). The demo's live here, so they apply to the demo data only. Most are fixed files
(`demo_config/`); the campaign is written from the world, so its dates match the simulated summit month
whatever the window.
"""

from __future__ import annotations

import calendar
import csv
import shutil
from pathlib import Path

from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

FIXED = Path(__file__).resolve().parent.parent / "demo_config"


def write_config(world: World, raw: Path, progress: Progress) -> int:
    folder = raw / "config"
    folder.mkdir(parents=True, exist_ok=True)
    files = 0
    for path in sorted(FIXED.glob("*.csv")):
        shutil.copyfile(path, folder / path.name)
        files += 1
    with (folder / "community_campaigns.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["campaign_name", "utm_campaign", "starts_on", "ends_on", "description"])
        for campaign in world.campaigns:
            start = world.month_starts[campaign.month_index]
            end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
            writer.writerow(
                [
                    campaign.name,
                    "community-summit",
                    start.isoformat(),
                    end.isoformat(),
                    "The annual summit month: in-person summit and its online follow-ups",
                ]
            )
    progress.step(f"config: {files + 1} files")
    return files + 1
