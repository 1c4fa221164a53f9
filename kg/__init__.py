"""kg: news articles → typed triples → a knowledge graph of geopolitical actors.

The library behind the ``kg`` command, one function per step of the data flow::

    import kg
    triples = list(kg.extract(["seeds/"]))               # read + extract + resolve
    store = kg.open_store("networkx", graph="g.json")     # or "neo4j"
    store.load(triples); store.save()                    # save() is a no-op on Neo4j
    rows = kg.run_saved_query(store, "who_backs", {"name": "Hezbollah"})
    kg.export_graph(store.to_networkx(), "g.graphml")

Every expected failure is a :class:`kg.errors.KgError`; both backends implement
:class:`kg.store.Store`. The extraction stage itself lives in :mod:`kg.extractor` (a module
named ``kg.extract`` would replace this function on the package when imported).
"""

from __future__ import annotations

from .errors import KgError, NameNotInGraph
from .export import export_graph
from .model import Document, Entity, Triple
from .pipeline import extract, read_triples, write_triples
from .query import list_saved_queries, run_query, run_saved_query
from .store import Store, open_store

__all__ = [
    "Document", "Entity", "KgError", "NameNotInGraph", "Store", "Triple", "export_graph",
    "extract", "list_saved_queries", "open_store", "read_triples", "run_query",
    "run_saved_query", "write_triples",
]
__version__ = "0.1.0"
