"""The Neo4j loader against the real server: constraints, model, idempotency, batching."""

from __future__ import annotations

import pytest
from neo4j_graphs_helpers import sample_triples, snapshot, stored_relationships

from kg.ontology import OntologyError
from kg.store.neo4j_store import _edge_statement, _node_statement
from kg.store.networkx_store import NetworkXStore

pytestmark = pytest.mark.neo4j


def test_load_creates_the_uniqueness_constraint_first(store):
    store.load([])  # even an empty load sets the schema up
    rows = store.query("SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties "
                       "RETURN type, labelsOrTypes, properties")
    assert {"type": "UNIQUENESS", "labelsOrTypes": ["Entity"], "properties": ["name"]} in rows
    store.ensure_constraints()  # again: no error, still exactly one
    rows = store.query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties "
                       "WHERE labelsOrTypes = ['Entity'] AND properties = ['name'] "
                       "RETURN count(*) AS c")
    assert rows == [{"c": 1}]


def test_the_constraint_rejects_a_duplicate_name(store):
    store.load(sample_triples())
    from kg.query import QueryError

    with pytest.raises(QueryError, match="ConstraintValidationFailed|already exists"):
        store.query("CREATE (:Entity {name: 'Freedonia'})", write=True)


def test_load_holds_the_graph_model(store):
    result = store.load(sample_triples(), include_negated=True)
    # 7 entities; relationships: BACKS, ALLIED_WITH, ATTACKS x2 (asserted + negated),
    # OPERATES, LOCATED_IN, LEADS, PART_OF; the self-loop is dropped
    assert (result.nodes_created, result.relationships_created) == (7, 8)
    assert result.evidence_added == 11 and result.rows == 11

    node = store.query("MATCH (n:Entity:Actor:State {name: 'Freedonia'}) "
                       "RETURN n.type AS type, labels(n) AS labels")
    assert node[0]["type"] == "STATE" and sorted(node[0]["labels"]) == ["Actor", "Entity", "State"]
    place = store.query("MATCH (n:Place:Facility) RETURN n.name AS name")
    assert place == [{"name": "Camp Ostrava"}]

    backs = store.query("MATCH (:Entity {name: 'Freedonia'})-[r:BACKS]->"
                        "(:Entity {name: 'Red Hand'}) RETURN r")
    assert len(backs) == 1
    r = backs[0]["r"]
    assert r["type"] == "BACKS" and r["negated"] is False
    assert r["mentions"] == 3 and r["confidence"] == pytest.approx(0.9)
    assert (r["first_date"], r["last_date"]) == ("2023-05-01", "2024-01-02")
    assert r["docs"] == ["d1", "d2", "d3"] and r["dates"] == ["2024-01-02", "2023-05-01", ""]
    assert len(r["evidence_keys"]) == len(r["sentences"]) == len(r["rules"]) == 3
    assert r["attributed_to"] == ["", "", ""]

    allied = store.query("MATCH (a)-[r:ALLIED_WITH]->(b) RETURN a.name AS a, b.name AS b, "
                         "r.mentions AS m")
    assert allied == [{"a": "Freedonia", "b": "Sylvania", "m": 2}]
    attacks = store.query("MATCH ()-[r:ATTACKS]->() RETURN r.negated AS neg, r.mentions AS m "
                          "ORDER BY neg")
    assert attacks == [{"neg": False, "m": 1}, {"neg": True, "m": 1}]
    undated = store.query("MATCH ()-[r:LOCATED_IN]->() "
                          "RETURN r.first_date IS NULL AND r.last_date IS NULL AS absent")
    assert undated == [{"absent": True}]


def test_negated_triples_are_left_out_by_default(store):
    store.load(sample_triples())
    assert store.query("MATCH ()-[r {negated: true}]->() RETURN count(r) AS c") == [{"c": 0}]


def test_second_load_changes_nothing(store):
    triples = sample_triples()
    store.load(triples, include_negated=True)
    before_stats, before = store.stats(), snapshot(store.to_networkx())
    again = store.load(triples, include_negated=True)
    assert (again.nodes_created, again.relationships_created, again.evidence_added) == (0, 0, 0)
    assert store.stats() == before_stats
    assert snapshot(store.to_networkx()) == before  # mentions, dates, evidence lists too


@pytest.mark.parametrize("batch_size", [1, 3, 1000])
def test_every_batch_size_gives_the_embedded_graph(store, tmp_path, batch_size):
    triples = sample_triples()
    store.load(triples, include_negated=True, batch_size=batch_size)
    embedded = NetworkXStore(tmp_path / "g.json")
    embedded.load(triples, include_negated=True)
    assert snapshot(store.to_networkx()) == snapshot(embedded.to_networkx())
    assert store.stats() == embedded.stats()


def test_overlapping_loads_append_only_new_evidence(store, tmp_path):
    triples = sample_triples()
    store.load(triples[:4], batch_size=2)
    result = store.load(triples, batch_size=2)
    assert result.evidence_added == 10 - 4 + 1 - 1  # 10 asserted rows, 4 already in
    embedded = NetworkXStore(tmp_path / "g.json")
    embedded.load(triples)
    assert snapshot(store.to_networkx()) == snapshot(embedded.to_networkx())


def test_duplicate_evidence_inside_one_batch_counts_once(store):
    t = sample_triples()[0]
    result = store.load([t, t, t], batch_size=10)
    assert result.evidence_added == 1
    assert store.query("MATCH ()-[r]->() RETURN r.mentions AS m") == [{"m": 1}]


def test_hostile_names_travel_as_values(store):
    from kg.model import Triple

    names = ['Brigade "Alpha" \\ North', "O'Neil Front", "`) DETACH DELETE n //", "$name"]
    triples = [Triple(n, "GROUP", "ATTACKS", "Freedonia", "STATE", "dx", f"{i} text", i, i + 6,
                      "r", 0.5) for i, n in enumerate(names)]
    store.load(triples)
    got = {r["n"] for r in store.query("MATCH (n:Group) RETURN n.name AS n")}
    assert got == set(names)


def test_only_ontology_labels_and_types_reach_the_query_text():
    with pytest.raises(OntologyError):
        _edge_statement("BACKS]->() DETACH DELETE n //")
    with pytest.raises(OntologyError):
        _node_statement("STATE:Admin")
    assert ":BACKS " in _edge_statement("BACKS")
    assert "n:Actor:State" in _node_statement("STATE")


def test_a_batch_of_known_and_new_evidence_appends_as_the_embedded_graph(store, tmp_path):
    """The append branch: a relationship already in the graph gets a batch holding one item
    it has and two it has not (an earlier date, a higher confidence, an undated one); its
    lists, mentions, confidence and first/last date end as the embedded graph's."""
    from kg.model import Triple

    def t(n: int, date: str | None, confidence: float) -> Triple:
        return Triple("Iran", "STATE", "BACKS", "Kataib Hezbollah", "GROUP", f"d{n}",
                      f"Iran backs Kataib Hezbollah, report {n} says.", 0, 40, "r", confidence,
                      date=date, source=f"outlet{n}")

    first = [t(1, "2021-05-01", 0.6)]
    later = [t(1, "2021-05-01", 0.6), t(2, "2020-01-01", 0.9), t(3, None, 0.5)]
    store.load(first)
    result = store.load(later)
    assert (result.relationships_created, result.evidence_added) == (0, 2)
    embedded = NetworkXStore(tmp_path / "g.json")
    embedded.load(first)
    embedded.load(later)
    assert snapshot(store.to_networkx()) == snapshot(embedded.to_networkx())
    assert store.query("MATCH ()-[r]->() RETURN r.mentions AS m, r.confidence AS c, "
                       "r.first_date AS f, r.last_date AS l") == [
        {"m": 3, "c": 0.9, "f": "2020-01-01", "l": "2021-05-01"}]


def test_optional_lists_are_stored_only_when_an_item_has_a_value(store):
    """``dates``, ``attributed_to`` and ``outlets`` are left out while all their items are
    "" (each list property costs the server a write); readers see them padded."""
    store.load(sample_triples(), include_negated=True)
    stored = stored_relationships(store)
    backs = stored[("Freedonia", "BACKS", "Red Hand", False)]
    assert backs["dates"] == ["2024-01-02", "2023-05-01", ""]
    assert "attributed_to" not in backs and "outlets" not in backs
    located = stored[("Camp Ostrava", "LOCATED_IN", "Marsh Valley", False)]
    assert not {"dates", "attributed_to", "outlets"} & set(located)
    assert located["sentences"] and located["rules"] and located["docs"] == ["d3"]
    operates = stored[("Red Hand", "OPERATES", "Camp Ostrava", False)]
    assert operates["attributed_to"] == ["Officials"] and "dates" not in operates
    assert all(p[name] for p in stored.values() for name in ("evidence_keys", "docs",
                                                              "sentences", "rules"))
    # read queries see the padded lists, under the column name they asked for
    rows = store.query("MATCH (:Entity {name: 'Camp Ostrava'})-[r:LOCATED_IN]->() "
                       "RETURN r.dates, r.attributed_to AS who, r.outlets[0] AS first, "
                       "size(r.outlets) AS n, r.dates IS NULL AS missing")
    assert rows == [{"r.dates": [""], "who": [""], "first": "", "n": 1, "missing": False}]
    g = store.to_networkx()
    assert g.edges["Camp Ostrava", "Marsh Valley", "LOCATED_IN"]["outlets"] == [""]


def test_an_append_pads_an_optional_list_when_its_first_value_arrives(store, tmp_path):
    """Undated, unsourced evidence first, then a dated one from an outlet, then an
    undated one again: the lists appear padded with "" when the first value comes, grow
    by "" afterwards, and the stored properties do not depend on the batches."""
    from kg.model import Triple

    def t(n: int, date: str | None, source: str | None) -> Triple:
        return Triple("Iran", "STATE", "BACKS", "Kataib Hezbollah", "GROUP", f"d{n}",
                      f"Iran backs Kataib Hezbollah, report {n} says.", 0, 40, "r", 0.5,
                      date=date, source=source)

    triples = [t(1, None, None), t(2, None, None), t(3, "2020-01-01", "Wire"),
               t(4, None, None)]
    key = ("Iran", "BACKS", "Kataib Hezbollah", False)
    store.load(triples[:2])
    assert not {"dates", "attributed_to", "outlets"} & set(stored_relationships(store)[key])
    for part in (triples[2:3], triples[3:]):
        store.load(part)
    by_loads = stored_relationships(store)[key]
    assert by_loads["dates"] == ["", "", "2020-01-01", ""]
    assert by_loads["outlets"] == ["", "", "Wire", ""]
    assert "attributed_to" not in by_loads
    embedded = NetworkXStore(tmp_path / "g.json")
    embedded.load(triples)
    assert snapshot(store.to_networkx()) == snapshot(embedded.to_networkx())
    again = store.load(triples)
    assert again.evidence_added == 0 and stored_relationships(store)[key] == by_loads
    store.query("MATCH (n) DETACH DELETE n", write=True)
    store.load(triples, batch_size=len(triples))
    assert stored_relationships(store)[key] == by_loads


@pytest.mark.parametrize("a,b", [("Camp Ostrava", "Marsh Valley"), ("Freedonia", "Red Hand"),
                                 ("Red Hand", "Camp Ostrava")])
def test_evidence_between_returns_the_padded_lists_on_both_backends(store, tmp_path, a, b):
    """Neo4j leaves the all-"" lists out; ``evidence_between`` still returns them."""
    from kg.query import run_saved_query

    store.load(sample_triples())
    embedded = NetworkXStore(tmp_path / "g.json")
    embedded.load(sample_triples())
    on_embedded = run_saved_query(embedded, "evidence_between", {"a": a, "b": b})
    assert on_embedded and all(len(r["dates"]) == r["mentions"] for r in on_embedded)
    assert run_saved_query(store, "evidence_between", {"a": a, "b": b}) == on_embedded


@pytest.mark.parametrize("batch_size,window", [(2, 1), (2, 3), (3, 20), (5000, 20)])
def test_regrouped_windows_store_what_batches_in_order_store(store, tmp_path, batch_size,
                                                             window):
    """Reading ``window`` batches ahead and writing each relationship once gives the graph
    of writing the rows batch by batch in order (and the embedded graph): same lists, same
    entity types, and a second load adds nothing."""
    from kg.model import Triple

    def t(s, st, o, ot, n, **kw):
        return Triple(s, st, "BACKS", o, ot, f"d{n}", f"{s} backs {o} ({n}).", 0, 20, "r",
                      0.1 * (n % 9), **kw)

    triples = [*sample_triples(),
               t("Nordland", "ORGANIZATION", "Red Hand", "GROUP", 1),
               t("Freedonia", "STATE", "Nordland", "GROUP", 2, date="2021-01-01"),
               t("Freedonia", "STATE", "Red Hand", "GROUP", 3, source="Wire"),
               t("Freedonia", "STATE", "Nordland", "STATE", 4, attributed_to="Aides"),
               t("Nordland", "ORGANIZATION", "Red Hand", "GROUP", 5, date="2019-02")]
    store.load(triples, include_negated=True, batch_size=1, window=1)
    in_order = stored_relationships(store)
    nodes = store.query("MATCH (n) RETURN n.name AS n, n.type AS t, labels(n) AS l ORDER BY n")
    store.query("MATCH (n) DETACH DELETE n", write=True)
    result = store.load(triples, include_negated=True, batch_size=batch_size, window=window)
    assert stored_relationships(store) == in_order
    assert store.query("MATCH (n) RETURN n.name AS n, n.type AS t, labels(n) AS l "
                       "ORDER BY n") == nodes
    assert result.evidence_added == sum(len(p["evidence_keys"]) for p in in_order.values())
    embedded = NetworkXStore(tmp_path / "g.json")
    embedded.load(triples, include_negated=True)
    assert snapshot(store.to_networkx()) == snapshot(embedded.to_networkx())
    again = store.load(triples, include_negated=True, batch_size=batch_size, window=window)
    assert (again.relationships_created, again.evidence_added) == (0, 0)
