"""The history of earlier reports: a claims store (SQLite, one file) that the NC4xx checks compare new texts against.

``History(path)`` opens or creates a store; ``add`` stores one report's claims
atomically; ``import_frame`` stores a DataFrame of reports; ``claims`` reads
them back as a DataFrame.  ``StoreError`` (a ValueError) refuses a missing,
corrupt, foreign or too-new file in one line.
"""
from __future__ import annotations

from .store import History, StoreError, digest

__all__ = ["History", "StoreError", "digest"]
