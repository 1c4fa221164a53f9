"""Properties computed from the whole graph after a load: corroboration and camps.

``documents`` and ``sources`` on every relationship (:func:`kg.evidence.corroboration`) and
``camp`` on every node (:func:`kg.signed.camps`; "" for nodes outside the signed view) are
derived from evidence that may arrive over many loads, so they are recomputed from the
graph rather than folded in row by row. ``kg build`` and ``kg load`` call :func:`refresh`
after loading, on either backend; from Python call it after ``store.load(...)``.
The values depend only on the graph, so refreshing twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from . import evidence as ev
from .signed import Camps, camps


@dataclass
class Derived:
    """What :func:`refresh` wrote."""

    relationships: int
    nodes: int
    camps: int
    frustration: int


def derived_properties(g: nx.MultiDiGraph) -> tuple[dict[str, dict], list[tuple], Camps]:
    """``{node: {"camp": …}}``, ``[(subject, object, key, {"documents": …, "sources": …})]``
    and the camps they come from."""
    result = camps(g)
    nodes = {n: {"camp": result.camp.get(n, "")} for n in g}
    rels = [(u, v, k, ev.corroboration(ev.items(data)))
            for u, v, k, data in g.edges(keys=True, data=True)]
    return nodes, rels, result


def refresh(store) -> Derived:
    """Recompute and store the derived properties of ``store``'s graph."""
    g = store.to_networkx()
    nodes, rels, result = derived_properties(g)
    store.set_properties(nodes, rels)
    return Derived(len(rels), len(nodes), len(set(result.camp.values())), result.frustration)
