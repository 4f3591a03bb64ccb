"""`declared_not_null`, the one test per model that checks every column declared `not_null`.

The columns it checks are worked out here from the yml files themselves (not from the manifest the test
macro reads), and its compiled SQL, run on a copy of a mart with nulls put in, must name exactly the
columns that got them, with their counts.
"""

from __future__ import annotations

import json

import duckdb
import pytest
import yaml

from helpers import PROJECT_ROOT


def declared_in_yml(model: str) -> list[str]:
    for path in sorted((PROJECT_ROOT / "models").rglob("*.yml")):
        for node in yaml.safe_load(path.read_text()).get("models") or []:
            if node["name"] == model:
                return [
                    c["name"]
                    for c in node.get("columns") or []
                    if any(k.get("type") == "not_null" for k in c.get("constraints") or [])
                ]
    raise AssertionError(f"{model} is in no yml file")


@pytest.fixture(scope="module")
def manifest(demo_db) -> dict:
    return json.loads((PROJECT_ROOT / "target" / "manifest.json").read_text())


def compiled_test(manifest: dict, model: str) -> tuple[str, str]:
    model_id = f"model.community_warehouse.{model}"
    (test,) = [
        n
        for n in manifest["nodes"].values()
        if n["resource_type"] == "test"
        and (n.get("test_metadata") or {}).get("name") == "declared_not_null"
        and n.get("attached_node") == model_id
    ]
    return test["compiled_code"], manifest["nodes"][model_id]["relation_name"]


@pytest.mark.parametrize("model", ["dim_members", "stg_slack__messages", "int_identity__member_map"])
def test_nulls_put_in_are_found_column_by_column(demo_db, manifest, model):
    declared = declared_in_yml(model)
    assert len(declared) >= 2, f"{model}: pick a model with two or more not_null columns"
    sql, relation = compiled_test(manifest, model)
    assert relation in sql
    schema, name = relation.replace('"', "").split(".")[-2:]
    first, last = declared[0], declared[-1]
    with duckdb.connect(str(demo_db), read_only=True) as con:
        # On the model as built: nothing to report.
        assert con.execute(sql).fetchall() == []
        con.execute(f'create temp table probe as select * from "{schema}"."{name}"')
        rows = con.execute("select count(*) from probe").fetchone()[0]
        assert rows >= 5
        # Three nulls in the first declared column, one in the last: the test names both, with counts.
        con.execute(f'alter table probe alter column "{first}" drop not null')
        con.execute(f'alter table probe alter column "{last}" drop not null')
        con.execute(f'update probe set "{first}" = null where rowid in (select rowid from probe limit 3)')
        con.execute(f'update probe set "{last}" = null where rowid in (select rowid from probe limit 1 offset 4)')
        found = dict(con.execute(sql.replace(relation, "probe")).fetchall())
    assert found == {first: 3, last: 1}


def test_every_declared_column_is_checked(manifest):
    """What the macro renders for a model is the model's declared list, in the yml's order."""
    sql, _ = compiled_test(manifest, "dim_members")
    rendered = [line.split("'")[1] for line in sql.splitlines() if "as column_name" in line]
    assert rendered == declared_in_yml("dim_members")
