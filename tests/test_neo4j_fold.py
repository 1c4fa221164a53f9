"""The Neo4j loader's client side, without a server: the per-batch fold and its rows.

The fold must give each relationship the properties that folding the same rows one by one
with :func:`kg.store.graph_model.add_evidence` gives (the embedded backend's model); the
rows it hands the driver must not be formatted as text on the way (the driver's debug line
is built for every statement); and the garbage-collector guard must give the collector
back as it found it.
"""

from __future__ import annotations

import gc

from kg.model import Triple
from kg.store.graph_model import OPTIONAL_LISTS, evidence_rows
from kg.store.neo4j_store import _edge_groups, _node_groups, _Rows, _young_gc_only


def _triples() -> list[Triple]:
    def t(s, rel, o, doc, start, conf, **kw):
        sentence = f"{s} and {o} in {doc}, a long sentence. " * 5
        return Triple(s, "STATE", rel, o, "GROUP", doc, sentence, start, start + 9,
                      f"{rel}.test", conf, **kw)

    return [
        t("Freedonia", "BACKS", "Red Hand", "d1", 0, 0.8, date="2024-01-02"),
        t("Freedonia", "BACKS", "Red Hand", "d2", 10, 0.9, date="2023-05-01",
          source="Wire"),
        t("Freedonia", "BACKS", "Red Hand", "d1", 0, 0.8, date="2024-01-02"),  # same key
        t("Freedonia", "BACKS", "Red Hand", "d3", 20, 0.4, attributed_to="Officials"),
        t("Freedonia", "ATTACKS", "Blue Hand", "d4", 0, 0.6),
    ]


def _embedded_edges(rows) -> dict:
    from kg.store.graph_model import add_evidence, new_edge_attrs

    edges: dict = {}
    for row in rows:
        attrs = edges.setdefault((row.subject, row.relation, row.object, row.negated),
                                 new_edge_attrs(row.relation, row.negated))
        add_evidence(attrs, row)
    return edges


def test_the_fold_gives_the_embedded_models_properties():
    rows = list(evidence_rows(_triples()))
    folded = {(e["subject"], e["relation"], e["object"], e["negated"]): e["props"]
              for group in _edge_groups(rows).values() for e in group}
    expected = _embedded_edges(rows)
    assert folded.keys() == expected.keys()
    for k, props in folded.items():
        want = {name: value for name, value in expected[k].items() if name != "negated"}
        # a relationship without a dated item has no first/last date (Neo4j stores no null),
        # and an optional list whose items are all "" is left out
        want = {name: value for name, value in want.items()
                if name not in OPTIONAL_LISTS or any(value)}
        got = {name: value for name, value in props.items() if value is not None}
        assert got == want, k
    blue = folded[("Freedonia", "ATTACKS", "Blue Hand", False)]
    assert not set(OPTIONAL_LISTS) & set(blue) and blue["sentences"]
    backs = folded[("Freedonia", "BACKS", "Red Hand", False)]
    assert backs["mentions"] == 3 and backs["outlets"] == ["", "Wire", ""]
    assert (backs["first_date"], backs["last_date"]) == ("2023-05-01", "2024-01-02")


def test_nodes_keep_the_first_type_seen():
    rows = list(evidence_rows(_triples()))
    groups = _node_groups(rows)
    assert groups == {"STATE": ["Freedonia"], "GROUP": ["Red Hand", "Blue Hand"]}


def test_statement_rows_are_not_formatted_as_text():
    rows = list(evidence_rows(_triples() * 200))
    for group in (*_edge_groups(rows).values(), *_node_groups(rows).values()):
        assert isinstance(group, _Rows) and isinstance(group, list)
        assert len(repr(group)) < 20, repr(group)[:80]


def test_the_collector_guard_restores_the_collector():
    assert gc.isenabled()
    with _young_gc_only() as collect:
        assert not gc.isenabled()
        collect()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with _young_gc_only() as collect:
            collect()
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_regrouping_writes_each_relationship_of_a_window_in_one_batch():
    """Rows regrouped by relationship: each relationship's rows together and in order, in
    the order of their first row, batches of at most ``size`` rows unless one relationship
    alone has more; an entity still takes the type of its first row."""
    from kg.store.neo4j_store import _regroup

    def t(s, st, rel, o, ot, n):
        return Triple(s, st, rel, o, ot, f"d{n}", f"sentence {n}", 0, 10, "r", 0.5)

    triples = [t("Freedonia", "STATE", "BACKS", "Red Hand", "GROUP", 1),
               t("Nordland", "ORGANIZATION", "BACKS", "Red Hand", "GROUP", 2),
               t("Freedonia", "STATE", "ATTACKS", "Nordland", "GROUP", 3),
               t("Freedonia", "STATE", "BACKS", "Red Hand", "GROUP", 4),
               t("Sylvania", "STATE", "ATTACKS", "Nordland", "STATE", 5),
               t("Freedonia", "STATE", "BACKS", "Red Hand", "GROUP", 6)]
    rows = list(evidence_rows(triples))
    batches = list(_regroup([rows[:5], rows[5:]], 2))
    assert [[r.doc for r in b] for b in batches] == [["d1", "d4"], ["d2", "d3"], ["d5"],
                                                      ["d6"]]
    # Nordland is first an ORGANIZATION (row 2); rows 3 and 5 call it otherwise
    assert _node_groups(batches[1]) == {"ORGANIZATION": ["Nordland"], "GROUP": ["Red Hand"],
                                        "STATE": ["Freedonia"]}
    assert "ORGANIZATION" not in _node_groups(batches[2])  # created already: no matter
    # a relationship with more rows than the batch size is a batch of its own
    big = list(_regroup([rows[:5]], 1))
    assert [[r.doc for r in b] for b in big] == [["d1", "d4"], ["d2"], ["d3"], ["d5"]]
