"""Deterministic demo exports in the native formats of community and CRM tools.

`python -m community_warehouse.generate --help` explains the options. The same arguments always give
byte-identical files; `_truth/` beside the exports holds the ground truth that models never read.
"""

from community_warehouse.generate.config import GeneratorConfig
from community_warehouse.generate.run import generate

__all__ = ["GeneratorConfig", "generate"]
