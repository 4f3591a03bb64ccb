"""Fivetran tables read where they already are: a source from a schema of an attached database, not files.

The demo's HubSpot tables are loaded into a second DuckDB file (with the types DuckDB infers, as a
warehouse holds them: timestamps, booleans, numbers), that file is attached through the profile, the
HubSpot folder is left out of the raw folder, and the marts must be those of the file route.
"""

from __future__ import annotations

import json
import math
import re
import shutil

import duckdb
import pytest

from helpers import copy_warehouse, run_dbt

pytestmark = pytest.mark.dbt


@pytest.fixture(scope="module")
def fivetran_world(demo_raw, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fivetran")
    warehouse = tmp / "fivetran.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema hubspot_sync")
        for path in sorted((demo_raw / "hubspot").glob("*.csv")):
            con.execute(f"create table hubspot_sync.{path.stem} as select * from read_csv('{path}')")
        typed = con.execute(
            "select data_type from information_schema.columns "
            "where table_schema = 'hubspot_sync' and table_name = 'deal' and column_name = '_fivetran_synced'"
        ).fetchone()
    assert typed == ("TIMESTAMP",)  # really typed, not text
    raw = tmp / "raw"
    shutil.copytree(demo_raw, raw, ignore=shutil.ignore_patterns("_truth", "hubspot"))
    attach = json.dumps([{"path": str(warehouse), "alias": "fivetran", "read_only": True}])
    return raw, {"COMMUNITY_DUCKDB_ATTACH": attach}, tmp


def canonical_rows(con, table):
    """Rows as a sorted multiset; floats to 9 significant digits (sums may add in another order)."""

    def canon(value):
        return float(f"{value:.9g}") if isinstance(value, float) and math.isfinite(value) else value

    rows = con.execute(f'select * from marts."{table}"').fetchall()
    return sorted((tuple(canon(v) for v in row) for row in rows), key=repr)


def test_hubspot_from_an_attached_database_gives_the_same_marts(fivetran_world, demo_db):
    raw, env, tmp = fivetran_world
    vars_ = {"hubspot_database": "fivetran", "hubspot_schema": "hubspot_sync"}
    # On a copy of the warehouse built from the files, the HubSpot route is switched and everything it feeds
    # is built again, with its data tests; the rest cannot depend on the route.
    work = copy_warehouse(demo_db, tmp / "work")
    result = run_dbt(["build", "--select", "source:hubspot+"], raw, work, vars_=vars_, env=env).ok()
    assert "hubspot (tables in fivetran.hubspot_sync)" in result.output
    # Not a copy compared with itself: the marts downstream of HubSpot were built again, from the tables.
    rebuilt = set(re.findall(r"OK created sql \w+ model marts\.(\w+)", result.output))
    assert {"dim_members", "dim_accounts", "sales__opportunity_community", "finance__community_roi"} <= rebuilt
    assert len(rebuilt) > 20
    with (
        duckdb.connect(str(demo_db), read_only=True) as files,
        duckdb.connect(str(result.db), read_only=True) as database,
    ):
        marts = [
            r[0]
            for r in files.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
            ).fetchall()
        ]
        assert len(marts) > 20
        differ = [m for m in marts if canonical_rows(files, m) != canonical_rows(database, m)]
        assert differ == []
        # The same records were staged and quarantined.
        for model in ("base_hubspot__contact", "base_hubspot__deal", "base_hubspot__email_event"):
            query = f"select count(*), count(_quarantine_reason), count_if(_is_duplicate) from staging.{model}"
            assert files.execute(query).fetchone() == database.execute(query).fetchone(), model
        # Staged from the table (the file route names hubspot/contact.csv).
        assert database.execute("select distinct _file_name from staging.base_hubspot__contact").fetchall() == [
            ("fivetran.hubspot_sync.contact",)
        ]


def test_a_table_missing_from_the_schema_is_named(fivetran_world):
    raw, env, tmp = fivetran_world
    vars_ = {"hubspot_database": "fivetran", "hubspot_schema": "no_such_schema"}
    result = run_dbt(["run", "--select", "base_hubspot__deal"], raw, tmp / "work_missing", vars_=vars_, env=env)
    assert result.returncode != 0
    assert "Source `hubspot` is read from fivetran.no_such_schema" in result.output
    assert "has no table company, contact," in result.output
