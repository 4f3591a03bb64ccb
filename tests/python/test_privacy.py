"""Personal data: every column that holds it is declared, and a pseudonymised publication holds none of it.

Which columns hold personal data is worked out here from the data and the names, not from the yml: a column
is personal when its values contain an e-mail address or the full name of a person of the demo's truth
(data/demo/_truth/people.csv), or when its name says it holds a name, handle, address, free text or an
identifier of a person."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from community_warehouse import warehouse
from helpers import PROJECT_ROOT

pytestmark = pytest.mark.dbt

PERSONAL_NAME = re.compile(
    r"(e_?mail|(^|_)ip(_|$)|user_agent|username|user_name|(^|_)login$|handle|first_name|last_name|full_name|"
    r"real_name|display_name|message_text|tweet_text|item_text|^content$|^body$|raw_record|identifier_value|"
    r"identifier_id)"
)
EMAIL = r"[^@\s\"]+@[^@\s\"]+[.][a-z]{2,}"
SCHEMAS = ("staging", "intermediate", "marts", "seeds")


def detect_personal_columns(con: duckdb.DuckDBPyConnection, people_csv: Path) -> dict[tuple[str, str, str], str]:
    """(schema, relation, column) → why it looks personal: its name, or values holding e-mails or full names."""
    con.execute(
        "create or replace temp table full_names as select distinct lower(first_name || ' ' || last_name) as v "
        "from read_csv(?, all_varchar = true)",
        [str(people_csv)],
    )
    found: dict[tuple[str, str, str], str] = {}
    columns = con.execute(
        "select table_schema, table_name, column_name, data_type from information_schema.columns "
        f"where table_catalog = current_database() and table_schema in {SCHEMAS} order by 1, 2, 3"
    ).fetchall()
    for schema, table, column, data_type in columns:
        reasons = ["name"] if PERSONAL_NAME.search(column) else []
        if data_type == "VARCHAR":
            ref = f'"{schema}"."{table}"."{column}"'
            emails, names = con.execute(
                f"select count(*) filter (where regexp_matches({ref}, ?)), "
                f'count(*) filter (where lower({ref}) in (select v from full_names)) from "{schema}"."{table}"',
                [EMAIL],
            ).fetchone()
            reasons += [f"{emails} e-mails"] if emails else []
            reasons += [f"{names} full names"] if names else []
        if reasons:
            found[(schema, table, column)] = ", ".join(reasons)
    return found


def declarations(manifest: dict) -> dict[tuple[str, str, str], bool]:
    """(schema, relation, column) → its declared `meta.pii`, for every column that declares one."""
    out = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] in ("model", "seed"):
            for name, spec in node["columns"].items():
                if "pii" in (spec.get("meta") or {}):
                    out[(node["schema"], node.get("alias") or node["name"], name)] = spec["meta"]["pii"]
    return out


def violations(detected: dict, declared: dict) -> list[str]:
    """Personal-looking columns with no declaration, and columns declared not personal that hold e-mails or names."""
    problems = []
    for key, why in sorted(detected.items()):
        if key not in declared:
            problems.append(f"{'.'.join(key)} ({why}) declares no meta.pii")
        elif declared[key] is False and ("e-mails" in why or "full names" in why):
            problems.append(f"{'.'.join(key)} ({why}) is declared pii: false")
    return problems


def test_every_personal_column_is_declared(demo_db, demo_raw):
    manifest = json.loads((PROJECT_ROOT / "target" / "manifest.json").read_text())
    with duckdb.connect(str(demo_db), read_only=True) as con:
        detected = detect_personal_columns(con, demo_raw / "_truth" / "people.csv")
    assert len(detected) > 150  # the detector finds what it should on the demo
    assert violations(detected, declarations(manifest)) == []


def test_the_rule_finds_an_undeclared_or_wrongly_cleared_column(tmp_path, demo_raw):
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema marts")
        con.execute(
            "create table marts.t as select 'x' as note, 'jin.olsen@icloud.com' as contact, "
            "'Jin Olsen' as who, 'a' as nickname_handle"
        )
        detected = detect_personal_columns(con, demo_raw / "_truth" / "people.csv")
    assert set(detected) == {("marts", "t", c) for c in ("contact", "who", "nickname_handle")}
    manifest = {
        "nodes": {
            "model.p.t": {
                "resource_type": "model",
                "schema": "marts",
                "alias": "t",
                "name": "t",
                "columns": {"contact": {"meta": {"pii": False}}, "who": {"meta": {}}, "nickname_handle": {}},
            }
        }
    }
    assert violations(detected, declarations(manifest)) == [
        "marts.t.contact (1 e-mails) is declared pii: false",
        "marts.t.nickname_handle (name) declares no meta.pii",
        "marts.t.who (1 full names) declares no meta.pii",
    ]


def test_a_pseudonymised_publication_holds_no_email_or_name(demo_db, demo_raw, tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITY_PSEUDONYM_KEY", "a test key, sixteen+ chars")
    monkeypatch.setenv("DBT_TARGET_PATH", str(PROJECT_ROOT / "target"))
    published = tmp_path / "pseudonymised.duckdb"
    counts = warehouse.publish(demo_db, published, privacy="pseudonymised")
    assert counts["marts.dim_members"] > 1000
    with duckdb.connect(str(published), read_only=True) as con:
        # The same detector, on values only, finds nothing: no text holds an e-mail address anywhere in it,
        # and no value is a person's full name.
        found = {
            k: why
            for k, why in detect_personal_columns(con, demo_raw / "_truth" / "people.csv").items()
            if why != "name"
        }
        assert found == {}
        # Pseudonyms still join: activities find their identifiers in the member map as in the built warehouse.
        join = (
            "select count(*) from marts.fct_activities as a join intermediate.int_identity__member_map as m "
            "on a.actor_identifier_id = m.identifier_id"
        )
        with duckdb.connect(str(demo_db), read_only=True) as built:
            assert con.execute(join).fetchone() == built.execute(join).fetchone()
        first = con.execute("select display_name from marts.dim_members order by member_id limit 5").fetchall()
    # Stable across publications with the same key; different with another key.
    again = tmp_path / "again.duckdb"
    warehouse.publish(demo_db, again, privacy="pseudonymised")
    with duckdb.connect(str(again), read_only=True) as con:
        assert con.execute("select display_name from marts.dim_members order by member_id limit 5").fetchall() == first
    monkeypatch.setenv("COMMUNITY_PSEUDONYM_KEY", "another key, sixteen+ chars")
    other = tmp_path / "other.duckdb"
    warehouse.publish(demo_db, other, privacy="pseudonymised")
    with duckdb.connect(str(other), read_only=True) as con:
        assert con.execute("select display_name from marts.dim_members order by member_id limit 5").fetchall() != first


def test_pseudonymised_publication_needs_a_key(demo_db, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "COMMUNITY_PSEUDONYM_KEY"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "community_warehouse.warehouse",
            "--db",
            str(tmp_path / "p.duckdb"),
            "publish",
            "--privacy",
            "pseudonymised",
            "--force",
        ],
        env={**env, "COMMUNITY_DUCKDB_PATH": str(demo_db)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 2
    assert "needs COMMUNITY_PSEUDONYM_KEY" in out.stderr
    assert not (tmp_path / "p.duckdb").exists()
