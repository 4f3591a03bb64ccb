"""The DuckDB profile: what is set once, when the database opens, and what dbt sets on every cursor.

dbt-duckdb runs `SET <key> = <value>` for each of the profile's `settings` on every cursor it opens (one
per node). DuckDB refuses to set `temp_directory` again, even to the same path, once a query has spilled
there, so a build that spills once fails every node after it (found on the 1M-member build with a 4 GB
memory limit). Whatever must hold for the whole build is therefore a connection option.
"""

from __future__ import annotations

from ruamel.yaml import YAML

from helpers import PROJECT_ROOT

#: Settings global to the database, set once when it is opened.
ONCE = {"memory_limit", "temp_directory", "preserve_insertion_order"}


def _dev_output() -> dict:
    profile = YAML(typ="safe").load((PROJECT_ROOT / "profiles.yml").read_text())
    return profile["community_warehouse"]["outputs"]["dev"]


def test_spill_settings_are_set_when_the_database_opens():
    dev = _dev_output()
    missing = ONCE - set(dev.get("config_options") or {})
    assert not missing, f"{sorted(missing)} belong in config_options"


def test_no_spill_setting_is_set_again_per_cursor():
    dev = _dev_output()
    assert not ONCE & set(dev.get("settings") or {}), "a per-cursor SET temp_directory fails every node after a spill"
