"""A new user's world: sources found by themselves, strict mode, unknown vars, and the vars list."""

from __future__ import annotations

import re

import pytest
import yaml

from helpers import PROJECT_ROOT, all_sources, run_dbt

pytestmark = pytest.mark.dbt


def error_line(output: str) -> str:
    """The one line of dbt's output that carries the project's message (after 'Compilation Error')."""
    lines = output.splitlines()
    index = next(i for i, line in enumerate(lines) if "Compilation Error" in line)
    return lines[index + 1].strip()


def test_strict_mode_fails_in_one_line_naming_the_missing_folder(slack_fixture_raw, tmp_path):
    """Strict mode (here from the environment) requires every source not switched off."""
    keep = {"slack", "github"}
    result = run_dbt(
        ["build"],
        slack_fixture_raw,
        tmp_path / "work",
        vars_={f"using_{s}": False for s in all_sources() if s not in keep},
        env={"COMMUNITY_STRICT_SOURCES": "true"},
    )
    assert result.returncode != 0
    line = error_line(result.output)
    assert line.startswith("Required source github (strict mode): no files in "), line
    assert str(slack_fixture_raw / "github") in line
    assert "using_github: false" in line
    assert "PASS=" not in result.output  # nothing ran


def test_unknown_var_fails_with_the_closest_known_name(slack_fixture_raw, tmp_path):
    result = run_dbt(["build"], slack_fixture_raw, tmp_path / "work", vars_={"community_love_windows_days": 60})
    assert result.returncode != 0
    line = error_line(result.output)
    assert line.startswith("Unknown var `community_love_windows_days`: did you mean `community_love_window_days`?")
    assert "attribution_lookback_days" in line  # the known vars are listed


def test_known_vars_are_the_vars_of_dbt_project_yml():
    """macros/config/known_vars.sql lists exactly the vars dbt_project.yml declares."""
    declared = set(yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text())["vars"])
    macro = (PROJECT_ROOT / "macros" / "config" / "known_vars.sql").read_text()
    body = macro[macro.index("return([") : macro.index("])")]
    listed = set(re.findall(r"'([a-z0-9_]+)'", body))
    assert listed == declared


def test_every_source_defaults_to_found_by_itself():
    """No `using_<source>` is set in dbt_project.yml: unset means on when the folder holds files."""
    project_vars = yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text())["vars"]
    assert {k: v for k, v in project_vars.items() if k.startswith("using_")} == {
        f"using_{s}": None for s in all_sources()
    }
    assert len(all_sources()) == 14


def test_config_template_matches_the_config_source():
    """config_template/ holds one header-only file per table of the source `config`, with its columns."""
    import csv

    spec = yaml.safe_load((PROJECT_ROOT / "models" / "staging" / "config" / "_config__sources.yml").read_text())
    tables = {t["name"]: t["config"]["meta"]["raw"] for t in spec["sources"][0]["tables"]}
    templates = {p.stem: p for p in (PROJECT_ROOT / "config_template").glob("*.csv")}
    assert set(templates) == set(tables)
    for name, raw in tables.items():
        rows = list(csv.reader(templates[name].open()))
        assert rows == [raw["columns"]], name
        assert raw["optional"] is True and set(raw["required"]) <= set(raw["columns"])
    for name in tables:
        assert not (PROJECT_ROOT / "seeds" / f"{name}.csv").exists(), f"{name} is configuration, not a seed"
