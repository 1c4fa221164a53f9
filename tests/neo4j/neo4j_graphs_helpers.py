"""Small helpers for comparing graphs and query rows across the two backends."""

from __future__ import annotations

import json
import re
from typing import Any

import networkx as nx
import pytest

from kg.model import Triple


def snapshot(g: nx.MultiDiGraph) -> tuple[dict, dict]:
    """Nodes and edges as plain, comparable dicts (labels sorted)."""
    nodes = {}
    for n, data in g.nodes(data=True):
        d = dict(data)
        d["__labels__"] = sorted(d.get("__labels__", ()))
        nodes[n] = d
    edges = {}
    for u, v, k, data in g.edges(keys=True, data=True):
        d = dict(data)
        d["__labels__"] = sorted(d.get("__labels__", ()))
        edges[(u, v, k)] = d
    return nodes, edges


def normalise(value: Any) -> Any:
    """Rows as comparable data: floats rounded, list order ignored (collect() order is
    not defined in Cypher), dicts by key."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [normalise(v) for v in value]
        return sorted(items, key=lambda x: json.dumps(x, sort_keys=True, default=str))
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in sorted(value.items())}
    return value


_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)


def has_order_by(cypher: str) -> bool:
    code = "\n".join(line for line in cypher.splitlines() if not line.strip().startswith("//"))
    return bool(_ORDER_BY.search(code))


def same_rows(a: list[dict], b: list[dict], ordered: bool) -> bool:
    na = [normalise(r) for r in a]
    nb = [normalise(r) for r in b]
    if ordered:
        return na == nb
    key = lambda r: json.dumps(r, sort_keys=True, default=str)  # noqa: E731
    return sorted(na, key=key) == sorted(nb, key=key)


def sample_triples() -> list[Triple]:
    """Made-up actors and sentences covering dates, symmetry, negation, attribution."""
    def t(s, st, rel, o, ot, doc, start, conf, **kw):
        sentence = f"{s} and {o} ({rel.lower()}) in {doc}."
        return Triple(s, st, rel, o, ot, doc, sentence, start, start + len(sentence),
                      f"{rel}.test", conf, **kw)

    return [
        t("Freedonia", "STATE", "BACKS", "Red Hand", "GROUP", "d1", 0, 0.8, date="2024-01-02"),
        t("Freedonia", "STATE", "BACKS", "Red Hand", "GROUP", "d2", 10, 0.9, date="2023-05-01"),
        t("Freedonia", "STATE", "BACKS", "Red Hand", "GROUP", "d3", 20, 0.4),
        # symmetric: stored once, from the alphabetically first name
        t("Sylvania", "STATE", "ALLIED_WITH", "Freedonia", "STATE", "d1", 40, 0.7),
        t("Freedonia", "STATE", "ALLIED_WITH", "Sylvania", "STATE", "d4", 0, 0.6,
          date="2022-02-02"),
        t("Sylvania", "STATE", "ATTACKS", "Red Hand", "GROUP", "d2", 50, 0.6, negated=True),
        t("Sylvania", "STATE", "ATTACKS", "Red Hand", "GROUP", "d5", 0, 0.5),
        t("Red Hand", "GROUP", "OPERATES", "Camp Ostrava", "FACILITY", "d3", 60, 0.5,
          attributed_to="Officials"),
        t("Camp Ostrava", "FACILITY", "LOCATED_IN", "Marsh Valley", "LOCATION", "d3", 90, 0.55),
        t("Rufus Firefly", "PERSON", "LEADS", "Freedonia", "STATE", "d6", 0, 0.9,
          date="2024-03-03"),
        t("Red Hand", "GROUP", "PART_OF", "Axis Of Resistance", "ORGANIZATION", "d6", 70, 0.65),
        t("Red Hand", "GROUP", "BACKS", "Red Hand", "GROUP", "d6", 99, 0.9),  # self-loop: dropped
    ]


def stored_relationships(store) -> dict[tuple[str, str, str, bool], dict]:
    """Each relationship's properties as Neo4j holds them: kg's own read, so the optional
    evidence lists Neo4j leaves out are not padded back as queries and readers see them."""
    return {(r["s"], r["t"], r["o"], r["p"]["negated"]): r["p"] for r in store._read(
        "MATCH (s)-[r]->(o) RETURN s.name AS s, type(r) AS t, o.name AS o, "
        "properties(r) AS p")}


def wipe(store) -> None:
    """Empty the database, but only if it holds nothing except kg's own nodes."""
    foreign = store.query("MATCH (n) WHERE NOT n:Entity RETURN count(n) AS c")[0]["c"]
    if foreign:
        pytest.fail(f"the Neo4j database at {store.uri} holds {foreign} nodes that are not "
                    "kg Entity nodes; the Neo4j tests empty the database, so point them at a "
                    "test server (KG_NEO4J_BOLT_PORT) instead")
    store.query("MATCH (n) DETACH DELETE n", write=True)
