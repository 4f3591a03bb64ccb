"""The plain-DuckDB limit `make bench` compares the build with: its engagement figures, worked out by hand."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from community_warehouse.bench_limit import measure


def _ts(day: str) -> str:
    return f"{datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp():.6f}"


def test_monthly_new_returning_and_reactivated(tmp_path):
    # A posts in January, February and April; B in January and March; C in February only. C's January
    # channel join and a bot's post are not people's messages.
    days = {
        "2025-01-05": [
            {"user": "A", "ts": _ts("2025-01-05T10:00:00"), "text": "hi"},
            {"user": "B", "ts": _ts("2025-01-05T11:00:00"), "text": "hello"},
            {"user": "C", "ts": _ts("2025-01-05T12:00:00"), "subtype": "channel_join"},
        ],
        "2025-02-10": [
            {"user": "A", "ts": _ts("2025-02-10T09:00:00"), "text": "again"},
            {"user": "C", "ts": _ts("2025-02-10T09:30:00"), "subtype": "thread_broadcast"},
            {"user": "BOT", "bot_id": "B01", "ts": _ts("2025-02-10T09:45:00"), "subtype": "bot_message"},
        ],
        "2025-03-15": [{"user": "B", "ts": _ts("2025-03-15T08:00:00"), "text": "back"}],
        "2025-04-01": [
            {"user": "A", "ts": _ts("2025-04-01T00:00:01"), "text": "back too"},
            {"user": "A", "ts": _ts("2025-04-20T00:00:00"), "text": "twice in a month counts once"},
        ],
    }
    channel = tmp_path / "slack" / "general"
    channel.mkdir(parents=True)
    for day, messages in days.items():
        (channel / f"{day}.json").write_text(json.dumps(messages))

    result = measure(tmp_path)

    assert result["slack_day_files"] == 4
    assert result["slack_messages"] == 7  # 9 records, less the channel join and the bot post
    by_month = {row.pop("month_start"): row for row in result["engagement"]}
    assert by_month == {
        "2025-01-01": {"active_members": 2, "new_members": 2, "returning_members": 0, "reactivated_members": 0},
        "2025-02-01": {"active_members": 2, "new_members": 1, "returning_members": 1, "reactivated_members": 0},
        "2025-03-01": {"active_members": 1, "new_members": 0, "returning_members": 0, "reactivated_members": 1},
        "2025-04-01": {"active_members": 1, "new_members": 0, "returning_members": 0, "reactivated_members": 1},
    }
