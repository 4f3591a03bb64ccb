"""`python -m community_warehouse.generate`: write deterministic demo exports."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from community_warehouse.generate.config import GeneratorConfig
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.run import SOURCES, OutputNotEmpty, generate


def _month(text: str) -> date:
    try:
        y, m = text.split("-")
        return date(int(y), int(m), 1)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM, got {text!r}") from exc


def _sources(text: str) -> tuple[str, ...]:
    chosen = tuple(s.strip() for s in text.split(",") if s.strip())
    unknown = sorted(set(chosen) - set(SOURCES))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown source(s) {unknown}; choose from {', '.join(SOURCES)}")
    return chosen


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m community_warehouse.generate",
        description=(
            "Write raw exports in the native formats of community and CRM tools (Slack workspace export, "
            "Fivetran HubSpot tables, the community cost sheet) for one simulated company, plus a _truth/ "
            "folder with the people behind every identifier. Same arguments, byte-identical files."
        ),
    )
    p.add_argument(
        "--out",
        type=Path,
        default=Path("data/demo"),
        help="folder to write the raw layout into (default: %(default)s); it becomes COMMUNITY_RAW_PATH",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=42,
        help="random seed; a different seed gives different data (default: %(default)s)",
    )
    p.add_argument(
        "--members",
        type=int,
        default=2_000,
        help="community members to simulate; CRM-only prospects add half as many people again (default: %(default)s)",
    )
    p.add_argument(
        "--months",
        type=int,
        default=18,
        help="months of history, ending at --end-month (default: %(default)s)",
    )
    p.add_argument(
        "--end-month",
        type=_month,
        default=date(2026, 6, 1),
        help="last month of the window as YYYY-MM (default: 2026-06); fixed so output never depends on today's date",
    )
    p.add_argument(
        "--sources",
        type=_sources,
        default=SOURCES,
        help=f"comma-separated sources to write (default: all: {','.join(SOURCES)})",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty folder that this generator did not create",
    )
    p.add_argument("--quiet", action="store_true", help="no progress output")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = GeneratorConfig(
            out=args.out,
            seed=args.seed,
            members=args.members,
            months=args.months,
            end_month=args.end_month,
            sources=args.sources,
        )
        manifest = generate(config, Progress(enabled=not args.quiet), force=args.force)
    except (ValueError, OutputNotEmpty) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        counts = ", ".join(f"{k}={v:,}" for k, v in manifest["counts"].items())
        print(f"wrote {args.out}: {counts}", file=sys.stderr)
    return 0
