"""The DAG's rules, checked on the manifest of the build `make test` just ran (dbt-project-evaluator's
rules, which the project cannot install from the hub):

- layers point down: staging reads sources, seeds and staging; intermediate models read no mart; only
  marts (and analyses, exposures) read marts;
- a model reads at most MAX_PARENTS models and sources, except the ones listed with their reason;
- nullability is declared once, as a column's `not_null` constraint: no per-column `not_null` test, and
  every model or seed that declares one carries the `declared_not_null` test that checks them all.

Each rule is also run on a small hand-built manifest that breaks it, so a rule that stopped finding
anything would fail here.
"""

from __future__ import annotations

import json

import pytest

from helpers import PROJECT_ROOT

LAYERS = ("staging", "intermediate", "marts")
MAX_PARENTS = 8
#: Models allowed more parents, and why.
WIDE_MODELS = {
    "stg_quarantine__records": "collects the quarantined rows of every base model, one parent per base model",
    "int_calendar__as_of": "the latest record in every source decides the as-of day",
    "int_identity__claims": "one branch per source that holds accounts",
    "product__feedback_items": "filters each platform's staging itself; to read one per-source union",
}


def layer(node: dict) -> str | None:
    path = node["original_file_path"]
    return next((name for name in LAYERS if path.startswith(f"models/{name}/")), None)


def layer_violations(manifest: dict) -> list[str]:
    nodes = manifest["nodes"]
    found = []
    for node in nodes.values():
        if node["resource_type"] != "model":
            continue
        own = layer(node)
        for parent_id in node["depends_on"]["nodes"]:
            parent = nodes.get(parent_id)
            if parent is None or parent["resource_type"] != "model":
                continue
            theirs = layer(parent)
            if theirs == "marts" and own != "marts":
                found.append(f"{node['name']} ({own}) reads the mart {parent['name']}")
            elif own == "staging" and theirs != "staging":
                found.append(f"{node['name']} (staging) reads {parent['name']} ({theirs})")
    return found


def wide_models(manifest: dict, allowed: dict[str, str]) -> list[str]:
    found = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model" or node["name"] in allowed:
            continue
        parents = [p for p in node["depends_on"]["nodes"] if not p.startswith("seed.")]
        if len(parents) > MAX_PARENTS:
            found.append(f"{node['name']} reads {len(parents)} models and sources (at most {MAX_PARENTS})")
    return found


def nullability_violations(manifest: dict) -> list[str]:
    nodes = manifest["nodes"]
    checked = set()
    found = []
    for node in nodes.values():
        if node["resource_type"] != "test":
            continue
        name = (node.get("test_metadata") or {}).get("name")
        if name == "not_null":
            found.append(f"{node['name']}: declare the column `constraints: [{{type: not_null}}]` instead")
        elif name == "declared_not_null":
            checked.add(node["attached_node"])
    for node_id, node in nodes.items():
        declares = any(
            c["type"] == "not_null" for col in node.get("columns", {}).values() for c in col.get("constraints", [])
        )
        if declares and node_id not in checked:
            found.append(f"{node['name']} declares not_null columns but carries no declared_not_null test")
    return found


@pytest.fixture(scope="module")
def manifest(demo_db) -> dict:
    return json.loads((PROJECT_ROOT / "target" / "manifest.json").read_text())


def test_layers_point_down(manifest):
    assert layer_violations(manifest) == []


def test_models_read_few_parents(manifest):
    assert wide_models(manifest, WIDE_MODELS) == []
    names = {n["name"] for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    assert set(WIDE_MODELS) <= names, f"listed but gone: {sorted(set(WIDE_MODELS) - names)}"


def test_nullability_is_declared_once(manifest):
    assert nullability_violations(manifest) == []


def test_the_nullability_rule_finds_what_breaks_it():
    column = {"name": "a", "constraints": [{"type": "not_null"}]}
    manifest = {
        "nodes": {
            "model.p.m1": {"resource_type": "model", "name": "m1", "columns": {"a": column}},
            "model.p.m2": {"resource_type": "model", "name": "m2", "columns": {"a": column}},
            "model.p.m3": {"resource_type": "model", "name": "m3", "columns": {"a": {"name": "a", "constraints": []}}},
            "test.p.t1": {
                "resource_type": "test",
                "name": "declared_not_null_m1_",
                "test_metadata": {"name": "declared_not_null"},
                "attached_node": "model.p.m1",
            },
            "test.p.t2": {
                "resource_type": "test",
                "name": "not_null_m3_a",
                "test_metadata": {"name": "not_null"},
                "attached_node": "model.p.m3",
            },
        }
    }
    assert nullability_violations(manifest) == [
        "not_null_m3_a: declare the column `constraints: [{type: not_null}]` instead",
        "m2 declares not_null columns but carries no declared_not_null test",
    ]


def _model(name: str, folder: str, parents: list[str]) -> tuple[str, dict]:
    node = {
        "resource_type": "model",
        "name": name,
        "original_file_path": f"models/{folder}/{name}.sql",
        "depends_on": {"nodes": parents},
    }
    return f"model.p.{name}", node


def test_the_rules_find_what_breaks_them():
    nodes = dict(
        [
            _model("stg_a", "staging", ["source.p.raw.a"]),
            _model("stg_b", "staging", ["model.p.int_x"]),
            _model("int_x", "intermediate", ["model.p.stg_a", "model.p.fct_y"]),
            _model("fct_y", "marts", ["model.p.stg_a"]),
            _model("mart_z", "marts", ["model.p.fct_y", *[f"source.p.raw.t{i}" for i in range(MAX_PARENTS)]]),
        ]
    )
    manifest = {"nodes": nodes}
    assert layer_violations(manifest) == [
        "stg_b (staging) reads int_x (intermediate)",
        "int_x (intermediate) reads the mart fct_y",
    ]
    assert wide_models(manifest, {}) == [f"mart_z reads {MAX_PARENTS + 1} models and sources (at most {MAX_PARENTS})"]
    assert wide_models(manifest, {"mart_z": "listed"}) == []
