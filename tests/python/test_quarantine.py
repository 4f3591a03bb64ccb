"""Bad records are quarantined with a reason, never dropped: raw = staged + quarantined + duplicates."""

from __future__ import annotations

import csv
import json
import shutil
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from faults import record_fault
from helpers import run_dbt

pytestmark = pytest.mark.dbt


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory, demo_raw):
    tmp = tmp_path_factory.mktemp("quarantine")
    raw = tmp / "raw"
    shutil.copytree(demo_raw, raw, ignore=shutil.ignore_patterns("_truth"))

    day_file = sorted((raw / "slack" / "help").glob("*.json"))[3]
    messages = json.loads(day_file.read_text())
    messages += [
        {"type": "message", "user": "U_NO_TS", "text": "no ts at all"},
        {"type": "message", "user": "U_BAD_TS", "text": "ts is not a number", "ts": "yesterday"},
    ]
    day_file.write_text(json.dumps(messages))

    users = json.loads((raw / "slack" / "users.json").read_text())
    users.append({"name": "ghost", "real_name": "No Id"})
    (raw / "slack" / "users.json").write_text(json.dumps(users))

    contacts = raw / "hubspot" / "contact.csv"
    rows = list(csv.DictReader(contacts.open()))
    header = list(rows[0])
    extra = [dict(rows[0], id="x1"), dict(rows[1], property_createdate="31/02/2025 25:00")]
    with contacts.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + extra)
    contact_ids = Counter(r["id"] for r in rows)

    # Whole files that do not parse: a truncated Slack day file, a Discord export that is not JSON,
    # an X page that is an array where the API returns an object.
    truncated = sorted((raw / "slack" / "random").glob("*.json"))[5]
    truncated.write_text(truncated.read_text()[:-40])
    discord_file = sorted((raw / "discord").glob("*.json"))[0]
    (raw / "discord" / "Quarry Labs Community - Community - broken [1].json").write_text("<html>502 Bad Gateway</html>")
    (raw / "social" / "x" / "page-99999.json").write_text('[{"id": "1"}]')
    assert discord_file.exists()

    # Faults of issue 18's probe, each with the outcome written in FAULTS below.
    faults = _plant_faults(raw)
    # Two re-syncs of one new contact that tie on `_fivetran_synced` and differ in content.
    tied = [
        dict(rows[2], id="999999901", _fivetran_synced="2026-07-02 15:10:40", property_email="tie.b@example.com"),
        dict(rows[2], id="999999901", _fivetran_synced="2026-07-02 15:10:40", property_email="tie.a@example.com"),
    ]
    with contacts.open("a", newline="") as fh:
        csv.DictWriter(fh, header, lineterminator="\n").writerows(tied)

    result = run_dbt(["build"], raw, tmp / "work").ok()
    return result.db, len(rows) + len(extra) + len(tied), len(contact_ids) + 1, len(messages), faults, tmp / "work"


def test_each_bad_record_is_quarantined_with_its_reason(broken_build):
    db, *_ = broken_build
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select source_name, entity_name, reason, file_name, raw_record "
            "from staging.stg_quarantine__records order by 1, 2, 3"
        ).fetchall()
    planted = {
        "cost sheet: negative amount": "negative amount",
        "cost sheet: amount not a number": "unparseable amount",
        "cost sheet: month not YYYY-MM": "unparseable month (expected YYYY-MM)",
        "Discord export that is an HTML error page": "file is not valid JSON (or not a JSON object)",
        "CRM id that is not an integer": "id is not an integer",
        "CRM date that does not exist (31/02 25:00)": "unparseable property_createdate",
        "truncated Slack day file": "file is not valid JSON (or not a JSON array)",
        "Slack message without ts": "missing ts",
        "Slack message whose ts is text": "unparseable ts",
        "Slack user without id": "missing id",
        "X page of the wrong shape": "file is not valid JSON (or not a JSON object)",
    }
    reasons = {r for _, _, r, *_ in rows}
    for fault, reason in planted.items():
        record_fault(fault, "quarantined", "quarantined" if reason in reasons else "lost", reason)
    # The records broken here, plus the three mistakes the generator plants in the hand-kept cost sheet.
    assert [(s, e, r) for s, e, r, *_ in rows] == [
        ("costs", "community_costs", "negative amount"),
        ("costs", "community_costs", "unparseable amount"),
        ("costs", "community_costs", "unparseable month (expected YYYY-MM)"),
        ("discord", "channel_exports", "file is not UTF-8 text"),
        ("discord", "channel_exports", "file is not valid JSON (or not a JSON object)"),
        ("events", "guests", NOT_UTF8_CSV),
        ("hubspot", "contact", "id is not an integer"),
        ("hubspot", "contact", "unparseable property_createdate"),
        ("slack", "messages", "file is not UTF-8 text"),
        ("slack", "messages", "file is not valid JSON (or not a JSON array)"),
        ("slack", "messages", "file is not valid JSON (or not a JSON array)"),
        ("slack", "messages", "missing ts"),
        ("slack", "messages", "sent_at outside the plausible window (vars earliest_valid_date, latest_valid_date)"),
        ("slack", "messages", "sent_at outside the plausible window (vars earliest_valid_date, latest_valid_date)"),
        ("slack", "messages", "unparseable ts"),
        ("slack", "users", "missing id"),
        ("social", "x_tweets", "file is not valid JSON (or not a JSON object)"),
        ("web", "pages", "missing or unparseable timestamp"),
    ]
    assert all(file_name and raw_record for *_, file_name, raw_record in rows)
    assert any("U_BAD_TS" in raw for *_, raw in rows)
    assert any("502 Bad Gateway" in raw for *_, raw in rows), "an unparseable file keeps its text"
    assert {f for *_, f, _ in rows} >= {"hubspot/contact.csv", "slack/users.json"}
    # The record is kept as text, whole, for quarantined rows only.
    contact = next(raw for s, e, r, _, raw in rows if r == "id is not an integer")
    assert json.loads(contact)["id"] == "x1"
    with duckdb.connect(str(db), read_only=True) as con:
        for base in ("base_hubspot__contact", "base_slack__messages", "base_discord__messages"):
            kept = con.execute(
                f"select count(*) filter (where _quarantine_reason is null and _raw_record is not null), "
                f"count(*) filter (where _quarantine_reason is not null and _raw_record is null) from staging.{base}"
            ).fetchone()
            assert kept == (0, 0), base


def test_every_raw_row_is_accounted_for(broken_build):
    db, contact_rows, distinct_contacts, *_ = broken_build
    with duckdb.connect(str(db), read_only=True) as con:

        def n(sql):
            return con.execute(sql).fetchone()[0]

        for raw, base, staged, entity, key in [
            (
                "raw_hubspot.contact",
                "base_hubspot__contact",
                "stg_hubspot__contacts",
                "contact",
                "contact_id",
            ),
            ("raw_slack.messages", "base_slack__messages", "stg_slack__messages", "messages", "message_id"),
            ("raw_slack.users", "base_slack__users", "stg_slack__users", "users", "user_id"),
        ]:
            raw_rows = n(f"select count(*) from {raw}")
            staged_rows = n(f"select count(*) from staging.{staged}")
            quarantined = n(f"select count(*) from staging.stg_quarantine__records where entity_name = '{entity}'")
            valid = n(f"select count(*) from staging.{base} where _quarantine_reason is null")
            duplicates = valid - n(f"select count(distinct {key}) from staging.{staged}")
            assert raw_rows == staged_rows + quarantined + duplicates, entity
        # Computed from the CSV itself: every row read, stale re-syncs removed as duplicates.
        assert n("select count(*) from raw_hubspot.contact") == contact_rows
        # 'x1' is quarantined; the bad-date row repeats an existing id, so staged ids are the original ones.
        assert n("select count(*) from staging.stg_hubspot__contacts") == distinct_contacts


NOT_UTF8_CSV = "file is not UTF-8 text (first bad line 2); save it as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8"
FORMULA_NAME = '=HYPERLINK("http://evil.example","x")'
FORMULA_COMPANY = '@SUM(1+1)*cmd|" /C calc"!A0'
NEWLINE_COMPANY = "Acme\nNewline Corp"
BIG_TEXT = "x" * (5 * 1024 * 1024)
RTL_TEXT = "שלום 👋🏽 مرحبا"


def _plant_faults(raw: Path) -> dict:
    """Plant the probe's faults that a build must survive in a fresh copy of the demo exports; returns what
    each test needs to find them again."""
    help_days = sorted((raw / "slack" / "help").glob("*.json"))
    general_days = sorted((raw / "slack" / "general").glob("*.json"))

    # A broken clock: one message stamped 2100, one in 1970.
    clock_day = help_days[10]
    messages = json.loads(clock_day.read_text())
    messages += [
        {"type": "message", "user": "U_FAULT_2100", "text": "from the future", "ts": "4102444800.000100"},
        {"type": "message", "user": "U_FAULT_1970", "text": "from 1970", "ts": "86400.000200"},
    ]
    clock_day.write_text(json.dumps(messages))

    # A valid day file saved by a Windows tool: byte-order mark and CRLF line ends.
    bom_day = general_days[5]
    bom_messages = json.loads(bom_day.read_text())
    bom_day.write_bytes(b"\xef\xbb\xbf" + json.dumps(bom_messages, indent=2).replace("\n", "\r\n").encode())

    # A day file in Latin-1, not UTF-8.
    latin_day = general_days[6]
    latin_day.write_bytes(
        json.dumps(
            [{"type": "message", "user": "U_FAULT_LATIN", "text": "café", "ts": "1768000000.000300"}],
            ensure_ascii=False,
        ).encode("latin-1")
    )

    # Text that must pass through unchanged: right-to-left script with emoji, and 5 MB in one message;
    # and a member whose name is a spreadsheet formula.
    text_day = help_days[11]
    messages = json.loads(text_day.read_text())
    messages += [
        {"type": "message", "user": "U_FAULT_TEXT", "text": RTL_TEXT, "ts": "1768000001.000400"},
        {"type": "message", "user": "U_FAULT_TEXT", "text": BIG_TEXT, "ts": "1768000002.000500"},
        {"type": "message", "user": "U0FORMULA1", "text": "hello", "ts": "1768000003.000600"},
    ]
    text_day.write_text(json.dumps(messages))
    users = json.loads((raw / "slack" / "users.json").read_text())
    users.append(
        {
            "id": "U0FORMULA1",
            "name": "formula",
            "real_name": FORMULA_NAME,
            "deleted": False,
            "is_bot": False,
            "profile": {"real_name": FORMULA_NAME, "display_name": "formula"},
        }
    )
    (raw / "slack" / "users.json").write_text(json.dumps(users))

    # CRM companies: one named like a formula, one with a line break inside a quoted CSV field.
    companies = raw / "hubspot" / "company.csv"
    with companies.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    new_rows = [
        dict(rows[0], id="999999902", property_name=FORMULA_COMPANY, property_domain="formula.example"),
        dict(rows[0], id="999999903", property_name=NEWLINE_COMPANY, property_domain="newline.example"),
    ]
    with companies.open("a", newline="") as fh:
        csv.DictWriter(fh, list(rows[0]), lineterminator="\n").writerows(new_rows)

    # An empty day file (a sync cut off before writing) and a binary file where a Discord export should be.
    empty_day = general_days[7]
    empty_day.write_bytes(b"")
    junk = raw / "discord" / "Quarry Labs Community - Community - junk [9].json"
    junk.write_bytes(bytes(range(256)) * 8)

    # A page view whose time does not parse: quarantined, without the visitor's IP or user agent.
    pages = raw / "web" / "pages.csv"
    with pages.open(newline="") as fh:
        page_rows = list(csv.DictReader(fh))
    with pages.open("a", newline="") as fh:
        csv.DictWriter(fh, list(page_rows[0]), lineterminator="\n").writerow(
            dict(
                page_rows[0],
                id="fault-page-view",
                timestamp="not a time",
                context_ip="198.51.100.77",
                context_user_agent="FaultAgent/1.0",
            )
        )

    # A guest list saved by a spreadsheet in Windows-1252: its accented names are not UTF-8.
    guest_lists = sorted((raw / "events" / "guests").glob("*.csv"))
    cp1252_list = guest_lists[3]
    guest_text = cp1252_list.read_text(encoding="utf-8")
    first_guest = guest_text.split("\n")[1].split(",")[2]
    cp1252_list.write_bytes(guest_text.replace(first_guest, "Zoë", 1).encode("cp1252", errors="replace"))

    return {
        "clock_file": str(clock_day.relative_to(raw)),
        "bom_file": str(bom_day.relative_to(raw)),
        "bom_messages": len(bom_messages),
        "latin_file": str(latin_day.relative_to(raw)),
        "empty_file": str(empty_day.relative_to(raw)),
        "junk_file": str(junk.relative_to(raw)),
        "cp1252_file": str(cp1252_list.relative_to(raw)),
        "cp1252_guests": guest_text.count("\n") - 1,
        "guest_lists": len(guest_lists),
    }


def _slack_messages_in_files(raw: Path) -> int:
    """Slack message records counted from the day files with Python's own JSON parser: a file that is not
    UTF-8 or not a JSON array counts as the one record the quarantine keeps for it."""
    total = 0
    for path in (raw / "slack").glob("*/*.json"):
        try:
            value = json.loads(path.read_bytes().decode("utf-8").lstrip("\ufeff"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            total += 1
            continue
        total += len(value) if isinstance(value, list) else 1
    return total


def test_probe_faults_have_their_written_outcome(broken_build, demo_db):
    """Each planted fault ends as written: staged intact, or quarantined with its reason; none is lost."""
    db, *_, faults, work = broken_build
    raw = work.parent / "raw"
    with duckdb.connect(str(db), read_only=True) as con:

        def one(sql, *params):
            return con.execute(sql, list(params)).fetchone()

        def outcome(user_marker: str) -> tuple[str, str]:
            staged = one("select count(*) from staging.stg_slack__messages where user_id = ?", user_marker)[0]
            reasons = [
                r
                for (r,) in con.execute(
                    "select reason from staging.stg_quarantine__records where raw_record like ?",
                    [f"%{user_marker}%"],
                ).fetchall()
            ]
            if staged and not reasons:
                return "staged", ""
            if reasons and not staged:
                return "quarantined", reasons[0]
            return ("lost" if not staged else "staged twice"), ""

        observed, reason = outcome("U_FAULT_2100")
        record_fault("Slack message stamped 2100", "quarantined", observed, reason)
        assert (observed, reason) == (
            "quarantined",
            "sent_at outside the plausible window (vars earliest_valid_date, latest_valid_date)",
        )
        observed, reason = outcome("U_FAULT_1970")
        record_fault("Slack message stamped 1970", "quarantined", observed, reason)
        assert observed == "quarantined" and reason.startswith("sent_at outside the plausible window")
        # The month spine is the data's: the same months as the demo warehouse built from the clean files.
        months = "select min(month_start), max(month_start), count(*) from marts.community__engagement_monthly"
        with duckdb.connect(str(demo_db), read_only=True) as clean:
            assert one(months) == clean.execute(months).fetchone()

        staged = one("select count(*) from staging.stg_slack__messages where _file_name = ?", faults["bom_file"])[0]
        observed = "staged" if staged == faults["bom_messages"] else ("lost" if staged == 0 else "partly lost")
        record_fault("JSON file with a byte-order mark and CRLF", "staged", observed, f"{staged} messages")
        assert staged == faults["bom_messages"] > 0

        rows = con.execute(
            "select reason, raw_record from staging.stg_quarantine__records where file_name = ?",
            [faults["latin_file"]],
        ).fetchall()
        observed = "quarantined" if len(rows) == 1 else ("lost" if not rows else f"{len(rows)} rows")
        record_fault("JSON file in Latin-1", "quarantined", observed, rows[0][0] if rows else "")
        assert [r for r, _ in rows] == ["file is not UTF-8 text"]
        assert "caf" in rows[0][1], "the file's beginning is kept for the data team"

        # A CSV in Windows-1252 among UTF-8 ones: that file is one quarantined row, the other lists are staged.
        rows = con.execute(
            "select reason from staging.stg_quarantine__records where file_name = ?", [faults["cp1252_file"]]
        ).fetchall()
        observed = "quarantined" if len(rows) == 1 else ("lost" if not rows else f"{len(rows)} rows")
        record_fault("CSV file in Windows-1252", "quarantined", observed, rows[0][0] if rows else "")
        assert observed == "quarantined" and rows[0][0] == NOT_UTF8_CSV
        staged_lists, staged_here = one(
            "select count(distinct event_id), count(*) filter (where event_id = ?) from staging.stg_events__guests",
            Path(faults["cp1252_file"]).stem,
        )
        assert (staged_lists, staged_here) == (faults["guest_lists"] - 1, 0)

        for label, file in (
            ("zero-byte JSON day file", "empty_file"),
            ("binary junk as a Discord export", "junk_file"),
        ):
            rows = con.execute(
                "select reason from staging.stg_quarantine__records where file_name = ?", [faults[file]]
            ).fetchall()
            record_fault(label, "quarantined", "quarantined" if len(rows) == 1 else "lost", rows[0][0] if rows else "")
            assert len(rows) == 1, (label, rows)

        texts = dict(
            con.execute(
                "select message_ts, message_text from staging.stg_slack__messages where user_id = 'U_FAULT_TEXT'"
            ).fetchall()
        )
        observed = "staged" if texts.get("1768000001.000400") == RTL_TEXT else "lost"
        record_fault("right-to-left text with emoji", "staged", observed)
        assert texts.get("1768000001.000400") == RTL_TEXT
        observed = "staged" if texts.get("1768000002.000500") == BIG_TEXT else "lost"
        record_fault("5 MB message text", "staged", observed, f"{len(texts.get('1768000002.000500') or '')} chars")
        assert texts.get("1768000002.000500") == BIG_TEXT

        # Formula strings: staged, but marked as text where BI tools read them.
        (name,) = one("select display_name from marts.dim_members where slack_user_id = 'U0FORMULA1'")
        observed = "staged" if name == "'" + FORMULA_NAME else "silent"
        record_fault("member name that is a spreadsheet formula", "staged", observed, repr(name))
        assert name == "'" + FORMULA_NAME
        names = dict(
            con.execute(
                "select hubspot_company_id, account_name from intermediate.int_crm__accounts "
                "where hubspot_company_id in (999999902, 999999903)"
            ).fetchall()
        )
        observed = "staged" if names.get(999999902) == "'" + FORMULA_COMPANY else "silent"
        record_fault("account name that is a spreadsheet formula", "staged", observed, repr(names.get(999999902)))
        assert names.get(999999902) == "'" + FORMULA_COMPANY
        assert one("select account_name from marts.dim_accounts where account_name like '%SUM(1+1)%'") == (
            "'" + FORMULA_COMPANY,
        )
        observed = "staged" if names.get(999999903) == NEWLINE_COMPANY else "lost"
        record_fault("CSV field with a quoted line break", "staged", observed)
        assert names.get(999999903) == NEWLINE_COMPANY

        page = con.execute(
            "select reason, raw_record from staging.stg_quarantine__records where raw_record like '%fault-page-view%'"
        ).fetchall()
        kept_ip = any("198.51.100.77" in r or "FaultAgent" in r or "context_ip" in r for _, r in page)
        record_fault(
            "page view quarantined with an IP and user agent",
            "quarantined",
            ("silent" if kept_ip else "quarantined") if page else "lost",
            page[0][0] if page else "",
        )
        assert len(page) == 1 and not kept_ip

        # Every Slack message record of the files, counted by Python, is staged, quarantined or a duplicate.
        in_files = _slack_messages_in_files(raw)
        accounted = one(
            "select count(*) filter (where _quarantine_reason is null and not _is_duplicate), "
            "count(*) filter (where _quarantine_reason is not null), count(*) filter (where _is_duplicate) "
            "from staging.base_slack__messages"
        )
        record_fault(
            "Slack records counted from the files",
            "staged",
            "staged" if sum(accounted) == in_files else "lost",
            f"{in_files} in files; staged, quarantined, duplicates {accounted}",
        )
        assert sum(accounted) == in_files


def test_tied_duplicates_keep_the_same_row_whatever_the_read_order(broken_build, tmp_path):
    """Two re-syncs of a contact tie on `_fivetran_synced`: the row staged must not depend on the order the
    engine reads them in. The base model's compiled SQL runs on the raw rows stored in two opposite orders."""
    db, *_, work = broken_build
    compiled = next((work / "target" / "compiled").rglob("base_hubspot__contact.sql")).read_text()
    assert compiled.count('"raw_hubspot"."contact"') == 1, "the model reads the raw relation once"
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(db, copy)
    kept = []
    with duckdb.connect(str(copy)) as con:
        for direction in ("asc", "desc"):
            con.execute(
                f"create or replace table main.contact_{direction} as select * from raw_hubspot.contact "
                f"order by id {direction}, property_email {direction}"
            )
            sql = compiled.replace('"warehouse"."raw_hubspot"."contact"', f"main.contact_{direction}")
            kept.append(
                con.execute(
                    f"select email from ({sql}) where contact_id = 999999901 "
                    "and _quarantine_reason is null and not _is_duplicate"
                ).fetchall()
            )
    observed = "staged" if kept[0] == kept[1] and len(kept[0]) == 1 else "silent"
    record_fault("duplicate key, same sync time, different content", "staged", observed, f"kept {kept}")
    assert len(kept[0]) == 1 and kept[0] == kept[1]
    assert kept[0][0][0] in {"tie.a@example.com", "tie.b@example.com"}
