"""The contract both backends implement, so code written against one runs on the other.

The library example of docs/library.md (``open_store`` → ``load`` → ``save`` → ``query``) must run
unchanged on either backend: ``save()`` writes the embedded graph file and is a no-op on
Neo4j, whose writes are committed as they happen; ``batch_size`` sizes Neo4j transactions
and is ignored by the embedded backend, which has none.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import networkx as nx

from ..model import Triple
from .graph_model import LoadResult


@runtime_checkable
class Store(Protocol):
    """A graph of the :mod:`kg.store.graph_model` model, embedded or on a server."""

    backend: str  # "networkx" or "neo4j"

    def load(self, triples: Iterable[Triple], *, include_negated: bool = False,
             batch_size: int = 5000) -> LoadResult:
        """Fold triples into the graph; loading the same triples again changes nothing."""

    def save(self, path: str | os.PathLike | None = None) -> Path | None:
        """Make the loaded triples durable (the embedded file); None where nothing to do."""

    def query(self, cypher: str, params: dict[str, Any] | None = None, *,
              write: bool = False, timeout: float | None = None) -> list[dict[str, Any]]:
        """Rows of a Cypher statement as dicts (column → value); read-only unless ``write``;
        at most ``timeout`` seconds (default: ``KG_QUERY_TIMEOUT`` or 10, see
        :mod:`kg.query_budget`)."""

    def set_properties(self, nodes: dict[str, dict], relationships: list[tuple]) -> None:
        """Set properties derived from the whole graph (:mod:`kg.derive`): ``{name: props}``
        on nodes, ``(subject, object, edge key, props)`` on relationships."""

    def stats(self) -> dict:
        """Entities by type, relations by type, negated relations, nodes, relationships,
        documents."""

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph as the MultiDiGraph the embedded backend holds."""

    def close(self) -> None:
        """Release the file or connection; the store is unusable afterwards."""

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
