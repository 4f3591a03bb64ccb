"""`python -m community_warehouse.bench_limit --raw DIR`: what plain DuckDB does with the same exports.

The yardstick `make bench` prints beside the project's figures: one DuckDB connection, no dbt, reads
the Slack export under DIR (every `slack/<channel>/<day>.json` file), keeps people's messages, and
computes monthly engagement: members active each month, how many are new (first month), returning
(active the month before) and reactivated (active before, but not the month before). No identity
resolution, no quarantine, no other source: the least work that answers the question, which is what
makes it a limit rather than a rival.

Prints one JSON object: seconds for the parse and for the engagement query, the rows each step gave,
and the engagement table itself (so a reader can check it against `community__engagement_monthly`).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import duckdb

#: People's messages in the Slack export: a user, a time, and no system subtype (joins, topic changes).
#: The raw folder is a bound parameter, never text in the SQL.
PARSE_SQL = """
create table messages as
select
    json ->> 'user' as user_id,
    to_timestamp(try_cast(json ->> 'ts' as double)) as sent_at
from read_json_objects($raw || '/slack/*/*.json', format = 'array')
where json ->> 'user' is not null
    and json ->> 'bot_id' is null
    and coalesce(json ->> 'subtype', 'thread_broadcast')
        in ('thread_broadcast', 'file_share', 'file_comment', 'me_message')
"""

#: Monthly engagement from distinct (member, month) pairs: new, returning, reactivated.
ENGAGEMENT_SQL = """
with member_months as (
    select distinct user_id, date_trunc('month', sent_at) as month_start
    from messages
    where sent_at is not null
),

flagged as (
    select
        month_start,
        month_start = min(month_start) over (partition by user_id) as is_new,
        lag(month_start) over (partition by user_id order by month_start) as previous_month
    from member_months
)

select
    month_start,
    count(*) as active_members,
    count(*) filter (where is_new) as new_members,
    count(*) filter (where previous_month = month_start - interval 1 month) as returning_members,
    count(*) filter (where not is_new and previous_month < month_start - interval 1 month) as reactivated_members
from flagged
group by month_start
order by month_start
"""


def measure(raw: Path) -> dict:
    """Run both steps on `raw` in an in-memory database; return their timings and results."""
    with duckdb.connect() as con:
        started = time.monotonic()
        con.execute(PARSE_SQL, {"raw": str(raw)})
        parsed = time.monotonic()
        rows = con.execute(ENGAGEMENT_SQL).fetchall()
        done = time.monotonic()
        messages = con.execute("select count(*) from messages").fetchone()[0]
        files = con.execute("select count(*) from glob($raw || '/slack/*/*.json')", {"raw": str(raw)}).fetchone()[0]
    return {
        "slack_day_files": files,
        "slack_messages": messages,
        "parse_seconds": round(parsed - started, 2),
        "engagement_seconds": round(done - parsed, 2),
        "seconds": round(done - started, 2),
        "months": len(rows),
        "engagement": [
            {
                "month_start": month.date().isoformat(),
                "active_members": active,
                "new_members": new,
                "returning_members": returning,
                "reactivated_members": reactivated,
            }
            for month, active, new, returning, reactivated in rows
        ],
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m community_warehouse.bench_limit", description=__doc__)
    p.add_argument("--raw", type=Path, required=True, help="the raw exports folder (the one holding slack/)")
    args = p.parse_args(argv)
    if not (args.raw / "slack").is_dir():
        p.error(f"{args.raw / 'slack'} is not a folder: point --raw at exports that include a Slack export")
    print(json.dumps(measure(args.raw)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
