"""Where the shared data lives (../shared beside the repository) and a skip marker for tests that need it.

Corpora and schemas are read from there, never copied into the repository.
"""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = SHARED / "corpora"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def needs(path: Path) -> pytest.MarkDecorator:
    """Skip, saying what is missing and where it was looked for, when ``path`` is absent."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path.name} not found at {path} (../shared is not beside the repo)")
