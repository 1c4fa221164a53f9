"""Storage backends behind one small interface, :class:`~kg.store.base.Store`.

Both backends hold the model of :mod:`kg.store.graph_model` and implement ``load``,
``save``, ``query``, ``stats``, ``to_networkx`` and ``close``.
"""

from __future__ import annotations

from ..errors import KgError
from .base import Store
from .graph_model import LoadResult
from .networkx_store import DEFAULT_GRAPH, GraphFileError, NetworkXStore

BACKENDS = ("networkx", "neo4j")

__all__ = [
    "BACKENDS", "DEFAULT_GRAPH", "GraphFileError", "LoadResult", "NetworkXStore", "Store",
    "open_store",
]


def open_store(backend: str = "networkx", *, graph=None, create: bool = True, lock: bool = False,
               on_wait=None, **neo4j_options) -> Store:
    """Open a backend: ``networkx`` reads/creates ``graph``; ``neo4j`` connects to a server.

    ``lock`` (embedded backend): hold the graph's writer lock until ``close`` — what a
    load that will ``save`` needs; ``on_wait(message)`` is called if another run holds it.
    """
    if backend == "networkx":
        from .graph_lock import lock_timeout_from_env

        return NetworkXStore(graph, create=create, lock=lock, on_wait=on_wait,
                             lock_timeout=lock_timeout_from_env() if lock else None)
    if backend == "neo4j":
        from .neo4j_store import Neo4jStore

        return Neo4jStore.connect(**neo4j_options)
    raise KgError(f"unknown backend {backend!r}; expected one of {', '.join(BACKENDS)}")
