"""Tooling for the community_warehouse dbt project (everything that is not SQL)."""

from pathlib import Path

__version__ = "0.1.0"

PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The repository root (where dbt_project.yml lives) when the package is installed editable."""
