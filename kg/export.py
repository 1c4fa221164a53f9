"""Writers for the graph: GraphML and CSV for Gephi, Cytoscape, yEd and Neo4j's importers,
kg's JSON, and the self-contained HTML view (:mod:`kg.view`).

GraphML holds scalars only, so list properties (evidence, docs…) are written as JSON
strings, missing values are dropped, and node labels become one ``labels`` string
(``Entity:Actor:State``). Booleans and numbers keep their GraphML types (``boolean``,
``long``, ``double``); every edge has a unique ``id`` (``e0``, ``e1``…), because parallel
edges of different relations join one pair. ``gephi=True`` adds what Gephi looks for:
``Label`` on nodes and edges and ``weight`` (= mentions) on edges. Nested graphs,
hyperedges and ports are not written.

CSV is two files, ``NAME.nodes.csv`` and ``NAME.edges.csv``, with the column names
Gephi's spreadsheet import expects (``Id``, ``Label``; ``Source``, ``Target``, ``Type``,
``Weight``) followed by kg's properties; lists are JSON in one cell.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import networkx as nx

from .errors import KgError
from .store.networkx_store import atomic_write_text, to_json_data

FORMATS = ("graphml", "json", "csv", "html")


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


def to_graphml_graph(g: nx.MultiDiGraph, *, gephi: bool = False) -> nx.MultiDiGraph:
    """A copy of ``g`` whose attributes GraphML can hold; edge keys are unique ids."""
    out = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if k != "__labels__" and v is not None}
        attrs["labels"] = ":".join(_ordered_labels(data.get("__labels__", ())))
        attrs.setdefault("name", _xml_text(str(n)))
        if gephi:
            attrs["Label"] = attrs["name"]
        out.add_node(_xml_text(n), **attrs)
    for i, (u, v, k, data) in enumerate(g.edges(keys=True, data=True)):
        attrs = {k2: _scalar(v2) for k2, v2 in data.items()
                 if k2 != "__labels__" and v2 is not None}
        attrs.setdefault("type", str(k).split("|")[0])
        attrs["label"] = attrs["type"]
        if gephi:
            attrs["Label"] = attrs["type"]
            attrs["weight"] = float(attrs.get("mentions", 1))
        out.add_edge(_xml_text(u), _xml_text(v), key=f"e{i}", **attrs)
    return out


def _ordered_labels(labels) -> list[str]:
    order = {"Entity": 0, "Actor": 1, "Place": 1}
    return sorted(labels, key=lambda x: (order.get(x, 2), x))


def write_graphml(g: nx.MultiDiGraph, path: str | os.PathLike, *, gephi: bool = False) -> Path:
    path = Path(path)
    text = "\n".join(nx.generate_graphml(to_graphml_graph(g, gephi=gephi), encoding="utf-8",
                                         prettyprint=True))
    atomic_write_text(path, text + "\n")
    return path


NODE_COLUMNS = ("Id", "Label", "type", "labels")
EDGE_COLUMNS = ("Id", "Source", "Target", "Type", "Label", "Weight", "relation", "negated",
                "mentions", "confidence", "first_date", "last_date")


def csv_paths(path: str | os.PathLike) -> tuple[Path, Path]:
    """``graph.csv`` (or ``graph``) → ``graph.nodes.csv``, ``graph.edges.csv``."""
    path = Path(path)
    stem = path.name[:-4] if path.name.lower().endswith(".csv") else path.name
    return path.with_name(f"{stem}.nodes.csv"), path.with_name(f"{stem}.edges.csv")


def _csv_text(header, rows) -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def write_csv(g: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    """Nodes and edges as two CSV files beside ``path``; returns the nodes file."""
    from .ontology import symmetric_relations

    nodes_path, edges_path = csv_paths(path)
    extra_node = sorted({k for _, d in g.nodes(data=True) for k in d}
                        - {"__labels__", "name", "type"})
    node_rows = []
    for n, d in g.nodes(data=True):
        labels = ":".join(_ordered_labels(d.get("__labels__", ())))
        node_rows.append([n, d.get("name", n), d.get("type", ""), labels,
                          *(_csv_cell(d.get(k)) for k in extra_node)])
    extra_edge = sorted({k for _, _, d in g.edges(data=True) for k in d}
                        - {"__labels__", "type", *EDGE_COLUMNS})
    symmetric = symmetric_relations()
    edge_rows = []
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        rel = d.get("type", "")
        edge_rows.append([f"e{i}", u, v, "Undirected" if rel in symmetric else "Directed", rel,
                          d.get("mentions", 0), rel, _csv_cell(bool(d.get("negated"))),
                          d.get("mentions", 0), d.get("confidence", ""),
                          d.get("first_date") or "", d.get("last_date") or "",
                          *(_csv_cell(d.get(k)) for k in extra_edge)])
    atomic_write_text(nodes_path, _csv_text([*NODE_COLUMNS, *extra_node], node_rows))
    atomic_write_text(edges_path, _csv_text([*EDGE_COLUMNS, *extra_edge], edge_rows))
    return nodes_path


def _csv_cell(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (set, frozenset)):
        value = sorted(value)
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def write_json(g: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    path = Path(path)
    atomic_write_text(path, json.dumps(to_json_data(g), ensure_ascii=False, indent=1) + "\n")
    return path


def export_graph(g: nx.MultiDiGraph, path: str | os.PathLike, fmt: str = "graphml", *,
                 gephi: bool = False, title: str | None = None) -> Path:
    """Write ``g`` as ``fmt`` (one of :data:`FORMATS`); returns the file written (for CSV,
    the nodes file; the edges file sits beside it)."""
    if fmt == "graphml":
        return write_graphml(g, path, gephi=gephi)
    if fmt == "json":
        return write_json(g, path)
    if fmt == "csv":
        return write_csv(g, path)
    if fmt == "html":
        from .view import write_html

        return write_html(g, path, title)
    raise ExportError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


class ExportError(KgError, ValueError):
    """An export format kg does not write."""
