"""`python -m community_warehouse.bench`: time a full `dbt build` on generated exports at scale.

Prints wall time and peak memory of each step (the build, then the identity and the community models
re-run on their own, then the attribution and sales models), row counts of the main models, and dbt's slowest nodes;
then the limit: plain DuckDB on the same exports (`community_warehouse.bench_limit`: parse the Slack export,
compute monthly engagement) and the build's ratio to it. Last, a daily refresh (`--no-daily` skips it): one
more day of exports arrives (`add_one_day`) and the same `dbt build` runs again on the same warehouse.
Writes the same as JSON beside the data.
Example (the scale the project is designed for):

    python -m community_warehouse.bench --members 1000000 --months 12
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb

from community_warehouse import PROJECT_ROOT
from community_warehouse.generate import GeneratorConfig, generate
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.writers.slack import is_day_file
from community_warehouse.measure import run_measured

COUNTED = [
    "raw_slack.messages",
    "staging.stg_slack__messages",
    "staging.stg_slack__reactions",
    "staging.stg_slack__users",
    "staging.stg_hubspot__contacts",
    "intermediate.int_activities__slack",
    "intermediate.int_identity__identifiers",
    "intermediate.int_identity__edges",
    "marts.fct_activities",
    "marts.dim_members",
    "marts.dim_accounts",
    "intermediate.int_community__member_months",
    "intermediate.int_community__interactions",
    "marts.community__engagement_monthly",
    "marts.community__member_levels",
    "marts.community__content_performance",
    "marts.community__channel_monthly",
    "intermediate.int_touchpoints__web_sessions",
    "intermediate.int_touchpoints__touches",
    "intermediate.int_touchpoints__conversions",
    "marts.marketing__attribution_touches",
    "marts.marketing__channel_performance_monthly",
    "marts.sales__opportunity_community",
    "intermediate.int_success__account_months",
    "marts.support__community_deflection_monthly",
    "marts.product__feedback_items",
    "marts.success__retention_summary",
    "marts.finance__community_roi",
    "intermediate.int_activities__texts",
    "intermediate.int_activities__sentiment",
    "intermediate.int_community__conversation_topics",
    "marts.community__topics_monthly",
    "marts.community__trending_terms",
]

# The identity models, re-run on their own after the build to time them apart from staging.
IDENTITY_MODELS = [
    "int_identity__claims",
    "int_identity__claim_decisions",
    "int_identity__identifiers",
    "int_identity__edges",
    "int_identity__member_map",
    "int_identity__merge_audit",
    "int_members__profile",
    "int_crm__accounts",
    "int_crm__member_affiliations",
    "int_crm__member_accounts",
    "int_identity__review_candidates",
]

# Model groups re-run on their own after the build (name -> dbt selectors).
REPEATED = {
    "identity": IDENTITY_MODELS,
    "community": ["path:models/intermediate/community", "path:models/marts/community"],
    "attribution": ["path:models/intermediate/touchpoints", "path:models/marts/marketing", "path:models/marts/sales"],
    "analyze": ["path:models/intermediate/analyze", "community__topics_monthly", "community__trending_terms"],
    "roi": [
        "path:models/intermediate/success",
        "path:models/intermediate/finance",
        "path:models/marts/support",
        "path:models/marts/product",
        "path:models/marts/success",
        "path:models/marts/finance",
    ],
}


def _shift_ts(ts: str, seconds: int) -> str:
    whole, _, fraction = ts.partition(".")
    return f"{int(whole) + seconds}.{fraction}" if fraction else str(int(whole) + seconds)


def add_one_day(raw: Path) -> list[Path]:
    """What one more day of exports changes in `raw`; returns the files it added (to remove afterwards).

    Slack: every channel gets a day file for the day after its last, holding that last day's messages a
    day later. Discourse: the newest 1/365 of the topic files are fetched again (new and updated topics).
    Every other file (Slack's users and channels, Discord's channel exports, the CSV tables a sync
    rewrites) is exported again whole: its modification time moves, so the build must treat it as changed.
    """
    added: list[Path] = []
    for channel in sorted(p for p in (raw / "slack").glob("*") if p.is_dir()):
        days = sorted(f for f in channel.glob("*.json") if is_day_file(f))
        if not days:
            continue
        messages = json.loads(days[-1].read_text())
        for message in messages:
            for key in ("ts", "thread_ts"):
                if message.get(key):
                    message[key] = _shift_ts(message[key], 86_400)
        new = channel / f"{date.fromisoformat(days[-1].stem) + timedelta(days=1)}.json"
        new.write_text(json.dumps(messages))
        added.append(new)
    topics = sorted((raw / "discourse" / "topics").glob("*.json"), key=lambda f: int(f.stem) if f.stem.isdigit() else 0)
    refetched = set(topics[-max(1, len(topics) // 365) :]) if topics else set()
    now = time.time()
    for f in raw.rglob("*"):
        relative = f.relative_to(raw).parts
        if not f.is_file() or relative[0] in ("_truth",) or f in added:
            continue
        if relative[0] == "slack" and is_day_file(f):
            continue  # past day files do not change
        if relative[:2] == ("discourse", "topics") and f not in refetched:
            continue
        os.utime(f, (now, now))
    return added


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m community_warehouse.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--members", type=int, default=100_000, help="community members (default: %(default)s)")
    p.add_argument("--months", type=int, default=12, help="months of history (default: %(default)s)")
    p.add_argument("--seed", type=int, default=7, help="generator seed (default: %(default)s)")
    p.add_argument("--work", type=Path, default=PROJECT_ROOT / "data" / "bench", help="where data and warehouse go")
    p.add_argument(
        "--threads", type=int, default=os.cpu_count() or 2, help="dbt threads (default: the CPU count, %(default)s)"
    )
    p.add_argument("--select", default=None, help="dbt --select, to time part of the project")
    p.add_argument(
        "--groups",
        default=",".join(REPEATED),
        help="model groups to re-run on their own after the build, comma-separated (default: %(default)s)",
    )
    p.add_argument("--no-daily", action="store_true", help="skip the daily refresh (one more day, build again)")
    args = p.parse_args(argv)
    groups = [g for g in args.groups.split(",") if g]
    unknown = set(groups) - set(REPEATED)
    if unknown:
        p.error(f"unknown group(s) {sorted(unknown)}; choose from {', '.join(REPEATED)}")

    raw = args.work / f"raw_m{args.members}_n{args.months}_s{args.seed}"
    db = args.work / "bench.duckdb"
    report: dict = {"members": args.members, "months": args.months, "seed": args.seed, "cpus": os.cpu_count()}

    if (raw / "_truth" / "manifest.json").exists():
        print(f"reusing exports in {raw}", file=sys.stderr)
        report["generate_seconds"] = None
    else:
        t0 = time.monotonic()
        config = GeneratorConfig(out=raw, seed=args.seed, members=args.members, months=args.months)
        generate(config, Progress(enabled=True))
        report["generate_seconds"] = round(time.monotonic() - t0, 1)

    for suffix in ("", ".wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "COMMUNITY_RAW_PATH": str(raw),
        "COMMUNITY_DUCKDB_PATH": str(db),
        "COMMUNITY_THREADS": str(args.threads),
    }
    target = args.work / "target"
    cmd = [str(Path(sys.executable).parent / "dbt"), "build", "--target-path", str(target)]
    if args.select:
        cmd += ["--select", args.select]
    print("running:", " ".join(cmd), file=sys.stderr)
    # A build that fails before any node runs (in the raw-registration hook) writes no run_results.json:
    # an earlier run's must not be reported as this one's.
    (target / "run_results.json").unlink(missing_ok=True)
    report["duckdb_memory_limit"] = env.get("COMMUNITY_DUCKDB_MEMORY_LIMIT", "75%")
    build = run_measured(cmd, env=env, cwd=PROJECT_ROOT)
    report["dbt_build_seconds"] = round(build.seconds, 1)
    report["dbt_build_peak_rss_mb"] = round(build.peak_rss_mb)
    report["dbt_build_ok"] = build.returncode == 0
    results_file = target / "run_results.json"
    results = json.loads(results_file.read_text())["results"] if results_file.exists() else []
    # Groups are re-run when every model built, even if a data test failed (a --select build runs tests
    # whose other side was not selected).
    models_ok = all(r["status"] == "success" for r in results if r["unique_id"].startswith("model."))
    all_times = {r["unique_id"]: round(r["execution_time"], 2) for r in results}
    slowest = sorted(results, key=lambda r: r["execution_time"], reverse=True)[:10]
    report["slowest_nodes"] = {r["unique_id"]: round(r["execution_time"], 2) for r in slowest}

    if models_ok and results:
        for group in groups:
            selectors = REPEATED[group]
            group_cmd = [str(Path(sys.executable).parent / "dbt"), "run", "--target-path", str(target)]
            group_cmd += ["--select", *selectors]
            print("running:", " ".join(group_cmd), file=sys.stderr)
            rerun = run_measured(group_cmd, env=env, cwd=PROJECT_ROOT, echo=False)
            group_results = json.loads((target / "run_results.json").read_text())["results"]
            report[f"{group}_models"] = len(group_results)
            report[f"{group}_models_seconds"] = round(rerun.seconds, 1)
            report[f"{group}_models_peak_rss_mb"] = round(rerun.peak_rss_mb)
            report[f"{group}_models_seconds_in_sql"] = round(sum(r["execution_time"] for r in group_results), 1)

    if (raw / "slack").is_dir():
        limit_cmd = [sys.executable, "-m", "community_warehouse.bench_limit", "--raw", str(raw)]
        print("running:", " ".join(limit_cmd), file=sys.stderr)
        limit = run_measured(limit_cmd, env=env, cwd=PROJECT_ROOT, echo=False)
        if limit.returncode == 0:
            figures = json.loads(limit.output.strip().splitlines()[-1])
            slack_parse = next((t for uid, t in all_times.items() if uid.endswith(".base_slack__messages")), None)
            report["limit"] = {
                "seconds": round(limit.seconds, 1),
                "peak_rss_mb": round(limit.peak_rss_mb),
                "slack_day_files": figures["slack_day_files"],
                "slack_messages": figures["slack_messages"],
                "parse_seconds": figures["parse_seconds"],
                "engagement_seconds": figures["engagement_seconds"],
                # A failed build's time is not a build time.
                "build_ratio": round(build.seconds / limit.seconds, 1) if build.returncode == 0 else None,
                "slack_parse_ratio": round(slack_parse / figures["parse_seconds"], 1) if slack_parse else None,
                "project_slack_parse_seconds": slack_parse,
            }
        else:
            report["limit"] = {"error": limit.output[-2000:]}

    if not args.no_daily and build.returncode == 0:
        added = add_one_day(raw)
        try:
            print(f"running (one more day: {len(added)} Slack day files added): {' '.join(cmd)}", file=sys.stderr)
            daily = run_measured(cmd, env=env, cwd=PROJECT_ROOT, echo=False)
        finally:
            for f in added:
                f.unlink(missing_ok=True)
        report["daily"] = {
            "seconds": round(daily.seconds, 1),
            "peak_rss_mb": round(daily.peak_rss_mb),
            "ok": daily.returncode == 0,
            "share_of_full_build": round(daily.seconds / build.seconds, 3),
            "slack_day_files_added": len(added),
            "taken_in": next(
                (line.split("found", 1)[1] for line in daily.output.splitlines() if "found (" in line), ""
            ),
        }

    with duckdb.connect(str(db), read_only=True) as con:
        report["rows"] = {}
        for relation in COUNTED:
            try:
                report["rows"][relation] = con.execute(f"select count(*) from {relation}").fetchone()[0]
            except duckdb.Error:
                report["rows"][relation] = None
        try:
            report["rows"]["distinct active members"] = con.execute(
                "select count(distinct member_id) from marts.fct_activities where not is_bot"
            ).fetchone()[0]
        except duckdb.Error:
            report["rows"]["distinct active members"] = None
    report["database_mb"] = round(db.stat().st_size / 2**20)

    (args.work / "bench.json").write_text(json.dumps(report, indent=2) + "\n")
    print()
    print(f"exports: {args.members:,} members, {args.months} months -> {raw}")
    if report["generate_seconds"] is not None:
        print(f"generate:  {report['generate_seconds']:>8} s")
    print(
        f"dbt build: {report['dbt_build_seconds']:>8} s   peak RSS {report['dbt_build_peak_rss_mb']:,} MB   "
        f"{'ok' if report['dbt_build_ok'] else 'FAILED'}   database {report['database_mb']:,} MB   "
        f"DuckDB memory_limit {report['duckdb_memory_limit']}"
    )
    for group in REPEATED:
        if f"{group}_models_seconds" in report:
            print(
                f"{group + ':':<10} {report[f'{group}_models_seconds']:>8} s   "
                f"({report[f'{group}_models_seconds_in_sql']} s in the models, the rest dbt start-up)   "
                f"peak RSS {report[f'{group}_models_peak_rss_mb']:,} MB   "
                f"({report[f'{group}_models']} {group} models re-run on their own)"
            )
    daily = report.get("daily")
    if daily:
        print(
            f"one more day: {daily['seconds']:>5} s   peak RSS {daily['peak_rss_mb']:,} MB   "
            f"{'ok' if daily['ok'] else 'FAILED'}   {daily['share_of_full_build']:.0%} of the full build"
        )
        print(f"  taken in:{daily['taken_in']}")
    limit = report.get("limit")
    if limit and "error" not in limit:
        print(
            f"limit:     {limit['seconds']:>8} s   peak RSS {limit['peak_rss_mb']:,} MB   plain DuckDB on the same "
            f"exports: {limit['slack_messages']:,} Slack messages from {limit['slack_day_files']:,} day files "
            f"parsed in {limit['parse_seconds']} s, monthly engagement in {limit['engagement_seconds']} s"
        )
        print(
            (
                f"ratio:     the dbt build takes {limit['build_ratio']}x the limit"
                if limit["build_ratio"]
                else "ratio:     none (the dbt build failed)"
            )
            + (
                f"; base_slack__messages takes {limit['slack_parse_ratio']}x the plain parse "
                f"({limit['project_slack_parse_seconds']} s)"
                if limit["slack_parse_ratio"]
                else ""
            )
        )
    elif limit:
        print(f"limit:     FAILED\n{limit['error']}")
    for relation, n in report["rows"].items():
        print(f"  {relation:<45} {'—' if n is None else format(n, ','):>14}")
    print("slowest nodes (s):")
    for node, secs in report["slowest_nodes"].items():
        print(f"  {secs:>7}  {node}")
    return 0 if report["dbt_build_ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
