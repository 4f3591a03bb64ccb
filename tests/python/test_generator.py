"""The demo-data generator: deterministic, native formats, a world with the mess real exports have."""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from community_warehouse.generate import GeneratorConfig, generate
from community_warehouse.generate.run import OutputNotEmpty
from helpers import FIXTURES

SMALL = {"members": 300, "months": 6}


def checksums(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small")
    generate(GeneratorConfig(out=out, seed=3, **SMALL))
    return out


def test_same_arguments_give_byte_identical_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate(GeneratorConfig(out=a, seed=11, **SMALL))
    generate(GeneratorConfig(out=b, seed=11, **SMALL))
    sums_a, sums_b = checksums(a), checksums(b)
    assert len(sums_a) > 50
    assert sums_a == sums_b


def test_a_different_seed_gives_different_data(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate(GeneratorConfig(out=a, seed=11, **SMALL))
    generate(GeneratorConfig(out=b, seed=12, **SMALL))
    sums_a, sums_b = checksums(a), checksums(b)
    for name in ["slack/users.json", "hubspot/contact.csv", "_truth/people.csv"]:
        assert sums_a[name] != sums_b[name], name


def test_one_source_does_not_change_another(tmp_path):
    """Writers draw from their own random streams: HubSpot is the same with or without Slack."""
    a, b = tmp_path / "a", tmp_path / "b"
    generate(GeneratorConfig(out=a, seed=5, **SMALL))
    generate(GeneratorConfig(out=b, seed=5, sources=("hubspot",), **SMALL))
    assert not (b / "slack").exists()
    assert checksums(a / "hubspot") == checksums(b / "hubspot")


def test_refuses_to_overwrite_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "my_real_exports.csv").write_text("keep me\n")
    with pytest.raises(OutputNotEmpty, match="--force"):
        generate(GeneratorConfig(out=tmp_path, seed=1, **SMALL))
    generate(GeneratorConfig(out=tmp_path, seed=1, **SMALL), force=True)
    assert (tmp_path / "my_real_exports.csv").read_text() == "keep me\n"


def test_cli_help_and_validation():
    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "community_warehouse.generate", *args], capture_output=True, text=True
        )

    help_text = cli("--help").stdout
    for option in ["--out", "--seed", "--members", "--months", "--end-month", "--sources"]:
        assert option in help_text
    bad = cli("--members", "3", "--out", "/tmp/never-written", "--quiet")
    assert bad.returncode == 2 and "--members must be at least 50" in bad.stderr
    bad = cli("--sources", "slack,myspace", "--quiet")
    assert bad.returncode == 2 and "myspace" in bad.stderr


def test_slack_export_layout_matches_a_real_export(small):
    """Same files and keys as the real export in shared/fixtures/slack_export (modern keys allowed)."""
    real_users = json.loads((FIXTURES / "slack_export" / "users.json").read_text())
    real_user_keys = set().union(*(u.keys() for u in real_users))
    users = json.loads((small / "slack" / "users.json").read_text())
    assert set().union(*(u.keys() for u in users)) <= real_user_keys

    channels = json.loads((small / "slack" / "channels.json").read_text())
    real_channel_keys = set(json.loads((FIXTURES / "slack_export" / "channels.json").read_text())[0])
    assert set().union(*(c.keys() for c in channels)) <= real_channel_keys

    day_files = sorted((small / "slack").glob("*/*.json"))
    assert {p.parent.name for p in day_files} == {c["name"] for c in channels}
    assert all(len(p.stem) == 10 and p.stem[4] == "-" and p.stem[7] == "-" for p in day_files)
    # Keys of Slack's message objects (the real fixture's, plus thread and app keys of current exports).
    allowed = {
        "type",
        "subtype",
        "text",
        "user",
        "ts",
        "bot_id",
        "username",
        "app_id",
        "team",
        "client_msg_id",
        "hidden",
        "edited",
        "reactions",
        "thread_ts",
        "reply_count",
        "reply_users_count",
        "latest_reply",
        "reply_users",
        "parent_user_id",
    }
    seen = set()
    for p in day_files:
        for m in json.loads(p.read_text()):
            seen |= set(m)
            assert m["type"] == "message"
            assert None not in m.values(), f"{p}: absent keys must be omitted, not null"
    assert seen <= allowed, seen - allowed
    assert {"thread_ts", "reply_count", "parent_user_id", "reactions", "edited", "subtype"} <= seen


def test_threads_reactions_and_timestamps_are_consistent(small):
    by_channel: dict[str, dict[str, dict]] = {}
    for p in (small / "slack").glob("*/*.json"):
        for m in json.loads(p.read_text()):
            ch = by_channel.setdefault(p.parent.name, {})
            assert m["ts"] not in ch, "ts is unique within a channel"
            ch[m["ts"]] = m
            day = __import__("datetime").datetime.fromtimestamp(float(m["ts"]), __import__("datetime").UTC)
            assert day.strftime("%Y-%m-%d") == p.stem, "a message sits in the file of its UTC day"
    replies = 0
    for msgs in by_channel.values():
        for m in msgs.values():
            for r in m.get("reactions", []):
                assert r["count"] == len(r["users"]) == len(set(r["users"]))
            if "parent_user_id" in m:
                replies += 1
                parent = msgs[m["thread_ts"]]
                # A deleted parent stays as a tombstone by USLACKBOT; its replies keep the original author.
                if parent.get("subtype") != "tombstone":
                    assert parent["user"] == m["parent_user_id"]
                assert float(m["ts"]) > float(parent["ts"])
                assert m["user"] in parent["reply_users"]
    assert replies > 100


def test_hubspot_tables_use_fivetran_columns(small):
    for table in ["contact", "company"]:
        with (small / "hubspot" / f"{table}.csv").open() as fh:
            header = next(csv.reader(fh))
        assert "id" in header and "_fivetran_synced" in header
        assert all(c in {"id", "is_deleted"} or c.startswith(("_fivetran_", "property_")) for c in header), header
    real = (FIXTURES / "fivetran" / "hubspot" / "contact_data.csv").read_text().splitlines()[0].split(",")
    with (small / "hubspot" / "contact.csv").open() as fh:
        ours = next(csv.reader(fh))
    assert {
        "id",
        "_fivetran_synced",
        "_fivetran_deleted",
        "property_email",
        "property_firstname",
        "property_lastname",
        "property_company",
        "property_jobtitle",
        "property_createdate",
    } <= set(real) & set(ours)


def test_the_world_has_the_mess_of_real_exports(small):
    truth = list(csv.DictReader((small / "_truth" / "identities.csv").open()))
    slack = [t for t in truth if t["source"] == "slack"]
    hubspot = [t for t in truth if t["source"] == "hubspot"]
    kinds = Counter(t["kind"] for t in slack)
    assert kinds["bot"] >= 3 and kinds["role"] >= 1 and kinds["person"] > 100
    written = [t["email_written"] for t in slack + hubspot if t["email_written"]]
    assert any(e != e.strip() for e in written), "whitespace variants"
    assert any(e.strip() != e.strip().lower() for e in written), "case variants"
    assert any("+" in e for e in written), "plus-addressing"
    assert any(e.split("@")[0] in {"info", "hello", "contact", "team", "community"} for e in written), "role mailboxes"
    mailboxes = Counter(t["mailbox"] for t in slack)
    assert mailboxes["work"] > 0 and mailboxes["personal"] > 0
    people = {p["person_id"]: p for p in csv.DictReader((small / "_truth" / "people.csv").open())}
    assert all(t["person_id"] in people for t in truth if t["person_id"])
    staff = [p for p in people.values() if p["is_staff"] == "True"]
    assert staff and all(p["work_email"].endswith("@quarrylabs.io") for p in staff)
    domains = Counter(p["work_email"].split("@")[1] for p in people.values() if p["work_email"])
    assert domains.most_common(2)[1][1] > 3, "colleagues share company domains"
    # People with two HubSpot contacts (work and personal) exist.
    per_person = Counter(t["person_id"] for t in hubspot if t["person_id"])
    assert max(per_person.values()) == 2


def test_activity_is_heavy_tailed_with_lurkers_and_returns(small):
    """A small core does most of the talking; many members never post; some lapse and come back."""
    per_user: Counter[str] = Counter()
    months: dict[str, set[str]] = {}
    for p in (small / "slack").glob("*/*.json"):
        for m in json.loads(p.read_text()):
            if "subtype" in m or "user" not in m:
                continue
            per_user[m["user"]] += 1
            months.setdefault(m["user"], set()).add(p.stem[:7])
    users = json.loads((small / "slack" / "users.json").read_text())
    people = [u["id"] for u in users if not u["is_bot"]]
    counts = sorted((per_user[u] for u in people), reverse=True)
    top_decile = sum(counts[: len(counts) // 10])
    assert top_decile > 0.4 * sum(counts)
    assert sum(1 for c in counts if c == 0) > 0.2 * len(counts)
    all_months = sorted({m for s in months.values() for m in s})
    returned = 0
    for active in months.values():
        idx = sorted(all_months.index(m) for m in active)
        returned += any(b - a > 1 for a, b in itertools.pairwise(idx))
    assert returned > 5


@pytest.mark.parametrize(("members", "months"), [(50, 1), (50, 3), (120, 2)])
def test_tiny_worlds_write_every_source(tmp_path, members, months):
    """Edge cases: no deals for a CRM, no campaign month, empty guest lists — every writer still succeeds."""
    manifest = generate(GeneratorConfig(out=tmp_path, seed=1, members=members, months=months))
    written = {p.name for p in tmp_path.iterdir() if p.is_dir() and p.name not in {"_truth", "config"}}
    assert written == set(manifest["arguments"]["sources"])
    # The demo's configuration is written too; with no campaign month in the window, no campaign row.
    campaigns = (tmp_path / "config" / "community_campaigns.csv").read_text().splitlines()
    assert campaigns[0] == "campaign_name,utm_campaign,starts_on,ends_on,description"
    assert len(campaigns) - 1 == len(manifest["effects"]["campaigns"])
