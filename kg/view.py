"""The graph as one self-contained HTML page: Cytoscape.js and the data inlined, no network.

An analyst's reader may have no network at all, so the page loads nothing: Cytoscape.js
(MIT, vendored from npm in ``kg/data/vendor/cytoscape/``, version and checksum in its
``VENDOR.json``), the page script (``kg/data/view/view.js``) and the graph are written
into the file, and a Content-Security-Policy forbids every fetch. Colours come from the
same ``kg.grass`` style Neo4j Browser uses, so the two views agree.

Limits: the whole graph with its evidence sentences goes into the page, so a graph of
tens of thousands of relationships makes a page of tens of megabytes; past 500 actors
the first layout puts hubs in the centre (instant) instead of force-directed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import KgError

VENDOR = "data/vendor/cytoscape"

DEFAULT_NODE = {"color": "#A5ABB6", "border": "#9AA1AC", "text": "#FFFFFF", "size": 50}
DEFAULT_EDGE = {"color": "#A5ABB6", "width": 1}


class ViewError(KgError):
    """The vendored Cytoscape.js is missing or not the file its VENDOR.json names."""


def _data_text(path: str) -> str:
    return resources.files("kg").joinpath(path).read_text(encoding="utf-8")


@cache
def grass_style() -> dict[str, dict[str, dict[str, Any]]]:
    """Node colours per entity type and edge colours per relation, from ``kg.grass``."""
    text = _data_text("data/neo4j/kg.grass")
    types: dict[str, dict[str, Any]] = {"": dict(DEFAULT_NODE)}
    relations: dict[str, dict[str, Any]] = {"": dict(DEFAULT_EDGE)}
    for selector, body in re.findall(r"([\w.]+)\s*\{([^}]*)\}", text):
        props = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", body))
        kind, _, name = selector.partition(".")
        if kind == "node" and name and name != "Entity":
            types[name.upper()] = {
                "color": props.get("color", DEFAULT_NODE["color"]).strip(),
                "border": props.get("border-color", DEFAULT_NODE["border"]).strip(),
                "text": props.get("text-color-internal", DEFAULT_NODE["text"]).strip(),
                "size": int(props.get("diameter", "50px").strip().rstrip("px")),
            }
        elif kind == "relationship" and name:
            relations[name] = {
                "color": props.get("color", DEFAULT_EDGE["color"]).strip(),
                "width": int(props.get("shaft-width", "1px").strip().rstrip("px")),
            }
    return {"types": types, "relations": relations}


def cytoscape_js() -> str:
    """The vendored Cytoscape.js, checked against the checksum in VENDOR.json."""
    meta = json.loads(_data_text(f"{VENDOR}/VENDOR.json"))
    try:
        raw = resources.files("kg").joinpath(f"{VENDOR}/{meta['file']}").read_bytes()
    except (FileNotFoundError, OSError) as e:
        raise ViewError(f"the vendored Cytoscape.js is missing ({e}); see "
                        f"kg/{VENDOR}/VENDOR.json for how to refresh it") from None
    if hashlib.sha256(raw).hexdigest() != meta["sha256"]:
        raise ViewError(f"kg/{VENDOR}/{meta['file']} does not match the sha256 in "
                        "VENDOR.json; refresh both together")
    return raw.decode("utf-8")


def _list(data: dict, key: str, n: int) -> list[str]:
    values = list(data.get(key) or [])
    return [("" if v is None else str(v)) for v in values] + [""] * (n - len(values))


def view_data(g: nx.MultiDiGraph) -> dict[str, Any]:
    """What the page draws: nodes, edges with their evidence, and the style."""
    from .lookup import aliases_seen

    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}
    degree = dict(g.degree())
    sentences: dict[str, list[str]] = {n: [] for n in g.nodes}
    edges = []
    for i, (u, v, data) in enumerate(g.edges(data=True)):
        n = len(data.get("sentences") or [])
        sentences[u].extend(data.get("sentences") or [])
        sentences[v].extend(data.get("sentences") or [])
        edges.append({
            "id": f"e{i}", "source": ids[u], "target": ids[v],
            "relation": data.get("type", ""), "negated": bool(data.get("negated")),
            "mentions": int(data.get("mentions") or n), "confidence": data.get("confidence"),
            "first_date": data.get("first_date") or "", "last_date": data.get("last_date") or "",
            "sentences": _list(data, "sentences", n), "docs": _list(data, "docs", n),
            "dates": _list(data, "dates", n), "attributed_to": _list(data, "attributed_to", n),
            "outlets": _list(data, "outlets", n),
            "documents": data.get("documents"), "sources": data.get("sources"),
        })
    nodes = [{"id": ids[n], "name": str(d.get("name", n)), "type": d.get("type", ""),
              "degree": degree[n], "aliases": aliases_seen(n, sentences[n]),
              "camp": d.get("camp") or ""}
             for n, d in g.nodes(data=True)]
    return {"nodes": nodes, "edges": edges, "style": grass_style()}


def _script_json(value: Any) -> str:
    """JSON that cannot end the <script> element it sits in, whatever the names hold."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _html_text(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def render_html(g: nx.MultiDiGraph, title: str = "kg graph") -> str:
    """The page for ``g`` as text."""
    template = _data_text("data/view/view.html")
    script = _data_text("data/view/view.js")
    parts = {
        "__KG_TITLE__": _html_text(title),
        "__KG_DATA__": _script_json(view_data(g)),
        "__KG_CYTOSCAPE__": cytoscape_js().replace("</script", "<\\/script"),
        "__KG_VIEW_JS__": script,
    }
    # one pass, so a placeholder-like string inside the data is never replaced
    return re.sub("|".join(map(re.escape, parts)), lambda m: parts[m.group(0)], template)


def write_html(g: nx.MultiDiGraph, path: str | os.PathLike, title: str | None = None) -> Path:
    from .outputs import write_text

    path = Path(path)
    write_text(path, render_html(g, title or f"kg graph: {path.stem}"))
    return path
