"""The DuckDB-vs-Spark comparison: equal data passes, any single difference fails.

Spark's output is parquet under `<warehouse>/<schema>.db/<table>/`; these tests write such folders
with DuckDB, so they check the comparison itself without starting Spark (`make test-spark` does that).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from community_warehouse.parity import Relation, compare, relations_from_manifest

ROWS = """
    select * from (values
        (1, 0.1, 'a', timestamp '2025-01-01 10:00:00', '{"x": 1}'),
        (2, 2.5, 'b', timestamp '2025-02-01 00:00:00.000001', null),
        (3, null, null, null, null)
    ) as t(id, amount, label, seen_at, _raw_record)
"""


def build(tmp: Path, spark_select: str) -> tuple[Path, Path]:
    db = tmp / "duck.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema marts")
        con.execute(f"create table marts.t as {ROWS}")
    warehouse = tmp / "warehouse"
    folder = warehouse / "marts.db" / "t"
    folder.mkdir(parents=True)
    with duckdb.connect() as con:
        con.execute(f"copy ({spark_select.format(rows=ROWS)}) to '{folder}/part-00000.parquet' (format parquet)")
    return db, warehouse


KEYED = Relation("marts", "t", "table", ["id"])
UNKEYED = Relation("marts", "t", "table", None)


def test_identical_data_matches_and_raw_record_is_ignored(tmp_path):
    db, wh = build(tmp_path, "select id, amount, label, seen_at, 'rendered by spark' as _raw_record from ({rows})")
    null_in_key = Relation("marts", "t", "table", ["label"])  # row 3 has a null label on both sides
    for relation in (KEYED, UNKEYED, null_in_key):
        result = compare(db, wh, [relation])[0]
        assert result.ok, result
        assert (result.rows_duckdb, result.rows_spark, result.columns) == (3, 3, 4)


def test_numbers_within_tolerance_match(tmp_path):
    db, wh = build(tmp_path, "select * replace (amount * (1 + 1e-12) as amount) from ({rows})")
    assert compare(db, wh, [KEYED])[0].ok


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ("amount + case when id = 2 then 0.001 else 0 end as amount", "amount"),
        ("case when id = 1 then 'A' else label end as label", "label"),
        ("case when id = 3 then 'x' else label end as label", "label"),  # null vs a value
        (
            "seen_at + case when id = 2 then interval 1 microsecond else interval 0 second end as seen_at",
            "seen_at",
        ),
    ],
)
def test_one_changed_value_is_reported(tmp_path, change, column):
    db, wh = build(tmp_path, f"select * replace ({change}) from ({{rows}})")
    keyed = compare(db, wh, [KEYED])[0]
    assert not keyed.ok
    assert keyed.mismatched_rows == 1 and keyed.mismatched_columns == {column: 1}
    assert not compare(db, wh, [UNKEYED])[0].ok


def test_missing_and_extra_rows_are_reported(tmp_path):
    db, wh = build(tmp_path, "select * from ({rows}) where id <> 3 union all select 4, 1.0, 'd', null, null")
    result = compare(db, wh, [KEYED])[0]
    assert not result.ok
    assert result.mismatched_columns == {"only_spark": 1, "only_duckdb": 1}


def test_a_missing_column_is_reported(tmp_path):
    db, wh = build(tmp_path, "select id, amount, seen_at, _raw_record from ({rows})")
    result = compare(db, wh, [KEYED])[0]
    assert not result.ok and "label" in result.problem


def test_duplicate_rows_are_compared_as_a_multiset(tmp_path):
    db, wh = build(tmp_path, "select * from ({rows}) union all select * from ({rows}) where id = 1")
    result = compare(db, wh, [KEYED])[0]
    assert result.method == "multiset of rows"  # the key is not unique on the Spark side
    assert not result.ok


def test_keys_come_from_the_models_uniqueness_tests():
    manifest = {
        "metadata": {"project_name": "p"},
        "nodes": {
            "model.p.a": {
                "resource_type": "model",
                "package_name": "p",
                "schema": "marts",
                "alias": "a",
                "config": {"enabled": True, "materialized": "table"},
            },
            "model.p.b": {
                "resource_type": "model",
                "package_name": "p",
                "schema": "staging",
                "alias": "b",
                "config": {"enabled": True, "materialized": "view"},
            },
            "test.p.u": {
                "resource_type": "test",
                "attached_node": "model.p.a",
                "test_metadata": {"name": "unique", "kwargs": {"column_name": "a_id"}},
            },
            "test.p.c": {
                "resource_type": "test",
                "attached_node": "model.p.b",
                "test_metadata": {
                    "name": "unique_combination_of_columns",
                    "kwargs": {"combination_of_columns": ["x", "y"]},
                },
            },
        },
    }
    relations = relations_from_manifest(manifest)
    assert [(r.label, r.key) for r in relations] == [("staging.b", ["x", "y"]), ("marts.a", ["a_id"])]
