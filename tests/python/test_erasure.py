"""Right to erasure: one identifier of a person is requested, the build forgets the whole person.

The person is the demo's most replied-to Slack member (the hardest case: other members' replies,
reactions and mentions point at them). What they are is taken from the generator's truth files, not
from the identity models under test: every account id, every address they wrote, their name. After a
build with the request, no relation the project builds (staging, intermediate, marts, seeds; the raw
schemas are the user's own exports as read) holds any of it.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys

import duckdb
import pytest

from community_warehouse.erasure import erasure_path, expand, identifier_hash
from community_warehouse.identity_quality import IDENTIFIER_TYPES
from community_warehouse.warehouse import WarehouseError
from helpers import PROJECT_ROOT, run_dbt


def truth_person(raw, slack_user_id: str) -> dict:
    """Everything the truth files say identifies the person behind a Slack user id."""
    truth = raw / "_truth"
    with (truth / "identities.csv").open() as f:
        identities = list(csv.DictReader(f))
    person_id = next(r["person_id"] for r in identities if r["identifier"] == slack_user_id)
    with (truth / "people.csv").open() as f:
        person = next(r for r in csv.DictReader(f) if r["person_id"] == person_id)
    mine = [r for r in identities if r["person_id"] == person_id]
    emails = {r["email_written"].lower() for r in mine if r["email_written"]}
    emails |= {person[k].lower() for k in ("work_email", "personal_email") if person[k]}
    return {
        "person_id": person_id,
        "accounts": {(r["source"], r["entity"], r["identifier"]) for r in mine},
        "emails": emails,
        "name": f"{person['first_name']} {person['last_name']}",
    }


#: Column names that hold a person's account id (where a short numeric id is looked for as a whole value).
ACCOUNT_COLUMN = r"(^|_)(user|author|reviewer|merged_by|requester_user|submitter_user|contact|customer|guest|lead)_id$"


def traces(db, person: dict) -> dict[str, int]:
    """(schema.relation.column) → rows holding one of the person's identifiers, in every relation outside the
    raw schemas. Addresses, the full name, `<type>:<id>` and account ids long enough to be unambiguous
    (Slack's U…, Discord's snowflakes, UUIDs) match anywhere inside a value rendered as text (a mention, a
    reaction's user list, a JSON record), case-insensitively; short numeric ids match a whole value in a
    column named for an account id (anywhere else they are topic numbers and head counts)."""
    accounts = {(IDENTIFIER_TYPES[(source, entity)], value) for source, entity, value in person["accounts"]}
    anywhere = sorted(person["emails"] | {person["name"].lower()} | {f"{t}:{v}".lower() for t, v in accounts})
    anywhere += sorted(v.lower() for _, v in accounts if len(v) >= 10)
    short = sorted(v.lower() for _, v in accounts if len(v) < 10)
    found = {}
    with duckdb.connect(str(db), read_only=True) as con:
        columns = con.execute(
            "select table_schema, table_name, column_name, regexp_matches(lower(column_name), ?) "
            "from information_schema.columns where table_schema not like 'raw%' order by 1, 2, ordinal_position",
            [ACCOUNT_COLUMN],
        ).fetchall()
        for schema, table, column, is_account_column in columns:
            text = 'lower(cast("' + column.replace('"', '""') + '" as varchar))'
            conditions = [f"contains({text}, ?)" for _ in anywhere]
            values = list(anywhere)
            if is_account_column and short:
                conditions.append(f"{text} in ({', '.join('?' for _ in short)})")
                values += short
            rows = con.execute(
                f'select count(*) from "{schema}"."{table}" where {" or ".join(conditions)}', values
            ).fetchone()[0]
            if rows:
                found[f"{schema}.{table}.{column}"] = rows
    return found


@pytest.fixture(scope="module")
def erased(demo_raw, demo_db, tmp_path_factory):
    """The demo built again after an erasure request naming one Slack user id of the most replied-to member."""
    work = tmp_path_factory.mktemp("erasure")
    with duckdb.connect(str(demo_db), read_only=True) as con:
        slack_user_id, replies = con.execute(
            "select parent_user_id, count(*) from staging.stg_slack__messages "
            "where parent_user_id <> user_id group by 1 order by 2 desc, 1 limit 1"
        ).fetchone()
        authored = con.execute(
            "select count(*) from staging.stg_slack__messages where user_id = ?", [slack_user_id]
        ).fetchone()[0]
        members_before = con.execute("select count(*) from marts.dim_members").fetchone()[0]
    requests = work / "private" / "erasure.csv"
    env = {**os.environ, "COMMUNITY_ERASURE_PATH": str(requests), "COMMUNITY_WAREHOUSE_PATH": str(work / "pub.duckdb")}
    request = subprocess.run(
        [sys.executable, "-m", "community_warehouse.erasure", slack_user_id, "--db", str(demo_db)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert request.returncode == 0, request.stderr
    build = run_dbt(["build"], demo_raw, work / "build", env={"COMMUNITY_ERASURE_PATH": str(requests)}).ok()
    return {
        "db": build.db,
        "output": build.output,
        "requests": requests,
        "request_output": request.stdout,
        "person": truth_person(demo_raw, slack_user_id),
        "slack_user_id": slack_user_id,
        "replies": replies,
        "authored": authored,
        "members_before": members_before,
    }


def test_the_scan_finds_the_person_before_erasure(demo_db, demo_raw, erased):
    """The scan is not blind: on the warehouse built without the request it finds the person in many places."""
    found = traces(demo_db, erased["person"])
    assert erased["replies"] >= 20
    assert any(".stg_slack__messages.parent_user_id" in key for key in found)
    assert any(key.startswith("marts.") for key in found)
    assert len(found) >= 20, found


def test_no_trace_of_an_erased_person(erased):
    assert traces(erased["db"], erased["person"]) == {}


def test_erased_records_are_counted_as_tombstones(erased):
    """Each of the person's Slack messages is one tombstone: the reason, the file, nothing else."""
    with duckdb.connect(str(erased["db"]), read_only=True) as con:
        tombstones = con.execute(
            "select count(*), count(_file_name), count(message_ts), count(message_text) "
            "from staging.base_slack__messages where _quarantine_reason = 'erased on request'"
        ).fetchone()
        quarantined = con.execute(
            "select count(*), count(raw_record) from staging.stg_quarantine__records "
            "where source_name = 'slack' and entity_name = 'messages' and reason = 'erased on request'"
        ).fetchone()
        members_after = con.execute("select count(*) from marts.dim_members").fetchone()[0]
    assert tombstones == (erased["authored"], erased["authored"], 0, 0)
    assert quarantined == (erased["authored"], 0)
    assert members_after == erased["members_before"] - 1


def test_the_request_file_names_no_one(erased):
    """The erasure file lists hashes: none of the person's identifiers appears in it."""
    text = erased["requests"].read_text().lower()
    assert text.startswith("identifier_hash,identifier_type,requested_on\n")
    for _, _, value in erased["person"]["accounts"]:
        assert value.lower() not in text
    for email in erased["person"]["emails"]:
        assert email not in text
    assert identifier_hash("slack_user", erased["slack_user_id"]) in text


def test_a_malformed_request_file_stops_the_build(slack_fixture_raw, tmp_path):
    bad = tmp_path / "erasure.csv"
    bad.write_text("identifier_hash,identifier_type,requested_on\njane@example.com,email,2026-01-01\n")
    env = {"COMMUNITY_ERASURE_PATH": str(bad)}
    result = run_dbt(["run", "-s", "base_slack__users"], slack_fixture_raw, tmp_path / "b", env=env)
    assert result.returncode != 0
    assert "line 2" in result.output and "not a sha256 hash" in result.output


def test_a_request_file_that_is_missing_stops_the_build(slack_fixture_raw, tmp_path):
    missing = tmp_path / "nowhere" / "erasure.csv"
    env = {"COMMUNITY_ERASURE_PATH": str(missing)}
    result = run_dbt(["run", "-s", "base_slack__users"], slack_fixture_raw, tmp_path / "b", env=env)
    assert result.returncode != 0
    assert f"names {missing}, which does not exist" in result.output


def test_the_request_file_must_live_outside_the_project(monkeypatch):
    monkeypatch.setenv("COMMUNITY_ERASURE_PATH", str(PROJECT_ROOT / "seeds" / "erasure.csv"))
    with pytest.raises(WarehouseError, match="inside the project"):
        erasure_path()


def test_a_role_address_expands_to_no_one(tmp_path):
    """A shared address (info@) is no one's: naming it erases nobody, and it is never erased with a member."""
    db = tmp_path / "map.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema intermediate")
        con.execute(
            "create table intermediate.int_identity__member_map as select * from (values "
            "('email:info@acme.io', 'email', 'info@acme.io', 'm1', true), "
            "('email:jane@acme.io', 'email', 'jane@acme.io', 'm1', false), "
            "('slack_user:U1', 'slack_user', 'U1', 'm1', false), "
            "('slack_user:U2', 'slack_user', 'U2', 'm2', false)"
            ") as t(identifier_id, identifier_type, identifier_value, member_id, is_role_address)"
        )
        assert expand(con, "info@acme.io") == (set(), set())
        assert expand(con, "JANE@acme.io ") == ({"m1"}, {("email", "jane@acme.io"), ("slack_user", "U1")})
        assert expand(con, "slack_user:U2") == ({"m2"}, {("slack_user", "U2")})
