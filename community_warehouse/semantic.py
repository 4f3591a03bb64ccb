"""The semantic layer from Python: MetricFlow's engine over a warehouse file and a semantic manifest.

`mf query` (README, "The semantic layer") is the way to ask a question by hand. It reads
`target/semantic_manifest.json` in the project and opens the warehouse named by the dbt profile. This module
does the same for programs that ask many questions at once (the semantic-layer test): one engine, any
manifest path, rows as dictionaries.

    from community_warehouse.semantic import open_engine, query
    engine = open_engine(Path("target/semantic_manifest.json"))
    rows = query(engine, ["community_active_members"], ["metric_time__month"])

The warehouse is the profile's (COMMUNITY_DUCKDB_PATH). MetricFlow writes the database name of every table
into its SQL, taken from the manifest: a manifest parsed for one file name cannot query a file of another
name (DuckDB names a database after its file).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from community_warehouse import PROJECT_ROOT


def open_engine(semantic_manifest: Path, project_dir: Path = PROJECT_ROOT):
    """A MetricFlow engine over `semantic_manifest` (written by dbt parse/build) and the profile's warehouse."""
    from dbt.adapters.factory import get_adapter_by_type
    from dbt_metricflow.cli.dbt_connectors.adapter_backed_client import AdapterBackedSqlClient
    from dbt_metricflow.cli.dbt_connectors.dbt_config_accessor import dbtProjectMetadata
    from metricflow.engine.metricflow_engine import MetricFlowEngine
    from metricflow_semantics.model.dbt_manifest_parser import parse_manifest_from_dbt_generated_manifest
    from metricflow_semantics.model.semantic_manifest_lookup import SemanticManifestLookup

    if not semantic_manifest.is_file():
        raise FileNotFoundError(f"{semantic_manifest} is missing: run `dbt parse` (or `make build`) first")
    # MetricFlow logs every query plan at INFO; keep its output to warnings.
    logging.getLogger("metricflow").setLevel(logging.WARNING)
    metadata = dbtProjectMetadata.load_from_paths(profiles_path=project_dir, project_path=project_dir)
    adapter = get_adapter_by_type(metadata.profile.credentials.type)
    manifest = parse_manifest_from_dbt_generated_manifest(manifest_json_string=semantic_manifest.read_text())
    return MetricFlowEngine(
        semantic_manifest_lookup=SemanticManifestLookup(manifest),
        sql_client=AdapterBackedSqlClient(adapter),
    )


def query(
    engine,
    metrics: list[str],
    group_by: list[str],
    where: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Rows of `metrics` by `group_by` (e.g. metric_time__month, pipeline_month__is_community_influenced)."""
    from metricflow.engine.metricflow_engine import MetricFlowQueryRequest

    request = MetricFlowQueryRequest.create(
        metric_names=metrics,
        group_by_names=group_by,
        where_constraints=where or None,
        order_by_names=group_by,
    )
    table = engine.query(mf_request=request).result_df
    return [dict(zip(table.column_names, (_plain(value) for value in row), strict=True)) for row in table.rows]


def _plain(value: Any) -> Any:
    """Timestamps at midnight as dates (metric_time comes back as a timestamp), other values as they are."""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value
