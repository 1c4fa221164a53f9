"""Writers for the graph: GraphML for Gephi, Cytoscape and yEd, and kg's JSON.

GraphML holds scalars only, so list properties (evidence, docs…) are written as JSON
strings, missing values are dropped, and node labels become one ``labels`` string
(``Entity:Actor:State``). Nested graphs, hyperedges and ports are not written.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import networkx as nx

from .store.networkx_store import atomic_write_text, to_json_data

FORMATS = ("graphml", "json")


# Characters XML 1.0 cannot hold even as references; a GraphML file containing one is
# rejected by every XML parser (Gephi, Cytoscape, networkx), so they become U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(value):
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _scalar(value):
    if isinstance(value, (set, frozenset)):
        value = sorted(value)
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return _xml_text(value)


def to_graphml_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose attributes GraphML can hold."""
    out = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if k != "__labels__" and v is not None}
        attrs["labels"] = ":".join(_ordered_labels(data.get("__labels__", ())))
        attrs.setdefault("name", _xml_text(str(n)))
        out.add_node(_xml_text(n), **attrs)
    for u, v, k, data in g.edges(keys=True, data=True):
        attrs = {k2: _scalar(v2) for k2, v2 in data.items()
                 if k2 != "__labels__" and v2 is not None}
        attrs.setdefault("type", str(k).split("|")[0])
        attrs["label"] = attrs["type"]
        out.add_edge(_xml_text(u), _xml_text(v), key=_xml_text(k), **attrs)
    return out


def _ordered_labels(labels) -> list[str]:
    order = {"Entity": 0, "Actor": 1, "Place": 1}
    return sorted(labels, key=lambda x: (order.get(x, 2), x))


def write_graphml(g: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    path = Path(path)
    text = "\n".join(nx.generate_graphml(to_graphml_graph(g), encoding="utf-8", prettyprint=True))
    atomic_write_text(path, text + "\n")
    return path


def write_json(g: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    path = Path(path)
    atomic_write_text(path, json.dumps(to_json_data(g), ensure_ascii=False, indent=1) + "\n")
    return path


def export_graph(g: nx.MultiDiGraph, path: str | os.PathLike, fmt: str = "graphml") -> Path:
    if fmt == "graphml":
        return write_graphml(g, path)
    if fmt == "json":
        return write_json(g, path)
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
