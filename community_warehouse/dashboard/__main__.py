"""`python -m community_warehouse.dashboard serve|export`: the WIFM dashboard (Makefile: dashboard, dashboard-export).

serve   starts Streamlit on the published warehouse ($COMMUNITY_WAREHOUSE_PATH, default community_warehouse.duckdb)
        at http://127.0.0.1:8501 (--port, --address); no usage statistics are sent.
export  writes every page as a self-contained HTML file (inline SVG charts) into target/dashboard (--out).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from community_warehouse.dashboard.render import Warehouse, WarehouseMissing
from community_warehouse.warehouse import published_db

APP = Path(__file__).with_name("app.py")


def streamlit_command(port: int, address: str = "127.0.0.1") -> list[str]:
    """The command that serves the app: headless, local, no telemetry, no developer toolbar."""
    return [
        str(Path(sys.executable).with_name("streamlit")),
        "run",
        str(APP),
        "--server.headless=true",
        f"--server.address={address}",
        f"--server.port={port}",
        "--browser.gatherUsageStats=false",
        "--client.toolbarMode=viewer",
        "--server.runOnSave=false",
        "--server.fileWatcherType=none",
        "--theme.base=light",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m community_warehouse.dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="start the dashboard")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="127.0.0.1", help="listen address (0.0.0.0 to share on the network)")
    export = commands.add_parser("export", help="write every page as static HTML")
    export.add_argument("--out", type=Path, default=Path("target/dashboard"))
    args = parser.parse_args(argv)

    path = published_db()
    try:
        warehouse = Warehouse(path)
    except WarehouseMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.command == "export":
        from community_warehouse.dashboard.export import export as write_pages

        timings, left_out = write_pages(warehouse, args.out)
        warehouse.close()
        for page, seconds in timings.items():
            print(f"  {args.out / (page + '.html')}  ({seconds:.2f} s)")
        if left_out:
            print(
                f"  left out, their marts are not in {path.name}: {', '.join(page.title for page in left_out)} "
                "(index.html names what each lacks)"
            )
        if not timings:
            print(f"error: {path} holds the marts of no dashboard page", file=sys.stderr)
            return 2
        print(f"Dashboard exported from {path}: open {args.out.resolve() / 'index.html'}")
        return 0
    warehouse.close()
    print(f"Dashboard on {path}: http://{args.address}:{args.port} (Ctrl-C stops it)", flush=True)
    command = streamlit_command(args.port, args.address)
    os.execv(command[0], command)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
