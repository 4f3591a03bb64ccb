"""Shared fixtures: the demo warehouse built by `make test`, and raw folders for isolated dbt runs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from community_warehouse.generate import GeneratorConfig, generate
from helpers import DEMO_ARGS, FIXTURES, PROJECT_ROOT, run_dbt


@pytest.fixture(scope="session")
def demo_raw(tmp_path_factory) -> Path:
    """The demo exports `make test` builds from: data/demo, or a fresh copy when it is absent."""
    raw = PROJECT_ROOT / "data" / "demo"
    if not (raw / "_truth" / "manifest.json").exists():
        raw = tmp_path_factory.mktemp("demo")
        generate(GeneratorConfig(out=raw, **DEMO_ARGS))
    return raw


@pytest.fixture(scope="session")
def demo_db(demo_raw, tmp_path_factory) -> Path:
    """The warehouse built from the demo exports: the one `make test` just built, else built here."""
    given = os.environ.get("COMMUNITY_TEST_DB")
    if given:
        path = Path(given)
        assert path.exists(), f"COMMUNITY_TEST_DB={given} does not exist"
        return path
    return run_dbt(["build"], demo_raw, tmp_path_factory.mktemp("demo_build")).ok().db


@pytest.fixture
def slack_fixture_raw(tmp_path) -> Path:
    """A raw folder whose `slack/` is the real Slack export from shared/fixtures, copied unchanged."""
    source = FIXTURES / "slack_export"
    if not source.exists():
        pytest.fail(f"{source} is missing: the shared fixtures must sit beside the project")
    raw = tmp_path / "raw"
    shutil.copytree(source, raw / "slack")
    return raw


def pytest_sessionstart(session):
    """The controller starts an empty fault matrix (workers only append to it)."""
    if not hasattr(session.config, "workerinput"):
        from faults import MATRIX_DIR

        shutil.rmtree(MATRIX_DIR, ignore_errors=True)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """The fault matrix the fault tests recorded: tried, staged, quarantined, loud, silent, lost."""
    from faults import format_matrix, read_matrix

    rows = read_matrix()
    if rows:
        terminalreporter.section("fault matrix")
        terminalreporter.write_line(format_matrix(rows))
