"""`python -m community_warehouse.preflight`: check that the raw exports a build will read are whole.

dbt checks this itself (macros/raw/register_raw_sources.sql): a source is on when its folder holds
files, and then every table of it must have its file. On Spark a table missing from a present folder
would only surface as Spark's "Path does not exist" when the view is first read; the Spark targets of
the Makefile run this first to give the same, actionable message. Reads the manifest of a `dbt parse`.
A source folder that is absent is not a problem here: the build switches that source off (or, when it
is required, says so itself). Optional tables (the configuration files) may be absent too.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from pathlib import Path

from community_warehouse import PROJECT_ROOT


def missing_exports(manifest: dict, raw_root: Path) -> list[str]:
    problems = []
    if not raw_root.is_dir() or not any(raw_root.iterdir()):
        return [
            f"The raw folder '{raw_root}' (COMMUNITY_RAW_PATH) does not exist or holds no exports.\n"
            "  Generate the demo exports with `make demo-data`, or set COMMUNITY_RAW_PATH to the folder "
            'holding your exports (layout: README.md, "Bring your own exports").'
        ]
    for source in sorted(manifest["sources"].values(), key=lambda s: s["unique_id"]):
        spec = source.get("meta", {}).get("raw")
        if not spec:
            continue
        folder = source["meta"].get("raw_folder", source["source_name"])
        if spec.get("optional") or not (raw_root / folder).is_dir():
            continue
        pattern = raw_root / folder / spec["path"]
        if not glob.glob(str(pattern)):
            problems.append(
                f"Raw export not found for source `{source['source_name']}.{source['name']}`: "
                f"no file matches {pattern}\n"
                f"  The folder {raw_root / folder} holds files, so the source is on: add this table's export, "
                f"or switch the source off with --vars '{{\"using_{source['source_name']}\": false}}'."
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m community_warehouse.preflight", description=__doc__)
    p.add_argument("--manifest", type=Path, default=PROJECT_ROOT / "target" / "manifest.json")
    p.add_argument("--raw", type=Path, default=Path(os.environ.get("COMMUNITY_RAW_PATH", PROJECT_ROOT / "data/demo")))
    args = p.parse_args(argv)
    problems = missing_exports(json.loads(args.manifest.read_text()), args.raw.resolve())
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
