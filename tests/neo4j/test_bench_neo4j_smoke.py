"""The benchmark's Neo4j parts (issue 5) run against the shared test server at 1×.

They check that the runner loads with both loaders and times every saved query, and
that the naive baseline builds the same graph as kg's batched loader — the speed-up is
only meaningful if both did the same work. Speed itself is not asserted.
"""

from __future__ import annotations

import pytest
from neo4j_graphs_helpers import stored_relationships

from kg.store.graph_model import EVIDENCE_LISTS

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def test_bench_load_and_queries_on_neo4j(neo4j_server, store, tmp_path):
    from bench.runner import Options, Runner
    from kg.query import list_saved_queries

    options = Options(scales=[1], repeat=1, only=["load", "query"], out=tmp_path / "r.json",
                      neo4j=neo4j_server.uri, neo4j_password=neo4j_server.password,
                      naive_rows=40, query_runs=2, query_budget_s=2.0,
                      command="pytest neo4j smoke", quiet=True)
    results = Runner(options).run()

    assert results["errors"] == [], results["errors"]
    load = results["load"]["1"]
    assert load["same_graph"], (load["naive"]["graph"], load["batched_subset"]["graph"])
    assert load["naive"]["rows"] == load["batched_subset"]["rows"] > 0
    assert 0 < load["naive"]["graph"]["evidence"] <= load["naive"]["rows"]
    assert load["batched_all"]["rows"] >= load["naive"]["rows"]
    assert load["speedup"] > 0 and load["batched_all"]["rels_per_s"] > 0
    # the plain-MERGE ceiling builds the same nodes and relationships, minus the evidence
    assert load["engine_same_shape"] and load["batched_vs_engine"] > 0
    # the full scale stays loaded for the queries, exactly as the store reports it
    assert store.stats()["relationships"] == load["batched_all"]["graph"]["relationships"]

    queries = results["query"]["neo4j"]["1"]
    assert set(queries) == {q.name for q in list_saved_queries()}
    for name, q in queries.items():
        assert "error" not in q, (name, q["error"])
        assert q["runs"] >= 1 and 0 < q["p50_ms"] <= q["p95_ms"]


def test_bench_refuses_to_empty_a_database_with_other_data(neo4j_server, store):
    from bench.load_bench import ForeignDataError, clear_database

    store.query("CREATE (:BenchForeignNote {text: 'not kg data'})", write=True)
    driver = store.driver
    try:
        with pytest.raises(ForeignDataError, match="not kg entities"):
            clear_database(driver, "neo4j")
        rows = store.query("MATCH (n:BenchForeignNote) RETURN count(n) AS c")
        assert rows == [{"c": 1}], "the refused clear must not have deleted anything"
    finally:
        store.query("MATCH (n:BenchForeignNote) DELETE n", write=True)


def test_the_evidence_cost_bench_builds_the_same_graph_with_every_loader(
        neo4j_server, store, seed_triples, tmp_path):
    """``bench.neo4j_cost`` prices the evidence lists; its figures only mean something if
    every loader MERGEs the same nodes and relationships, and the partial loaders keep the
    evidence keys (so the same evidence count) while writing fewer lists."""
    import json

    from bench.neo4j_cost import main
    from kg.pipeline import write_triples

    triples = tmp_path / "t.jsonl"
    write_triples(seed_triples, triples)
    out = tmp_path / "cost.json"
    assert main(["--triples", str(triples), "--uri", neo4j_server.uri, "--repeat", "1",
                 "--lists", "1,7", "--sparse", "--out", str(out)]) == 0
    res = json.loads(out.read_text(encoding="utf-8"))
    graphs = res["graph"]
    assert set(graphs) == {"plain", "plain_1000", "kg", "lists_1", "lists_7", "sparse"}
    shape = {(g["nodes"], g["relationships"]) for g in graphs.values()}
    assert len(shape) == 1 and next(iter(shape))[1] > 0, graphs
    assert graphs["plain"]["evidence"] == 0
    assert graphs["kg"]["evidence"] == graphs["lists_1"]["evidence"] == \
        graphs["lists_7"]["evidence"] == graphs["sparse"]["evidence"] > 0
    assert res["ceiling_over"]["plain"] == 1.0 and res["ceiling_over"]["kg"] > 0
    # the one-list loader really leaves the other lists out
    from bench.load_bench import clear_database
    from bench.neo4j_cost import ListsOnly

    clear_database(store.driver, "neo4j")
    partial = ListsOnly(store.driver, store.uri, store.database)
    partial.lists = 1
    partial.load(seed_triples)
    rows = store.query("MATCH ()-[r]->() RETURN count(r) AS r, count(r.evidence_keys) AS k, "
                       "count(r.sentences) AS s, count(r.mentions) AS m")
    assert rows == [{"r": rows[0]["r"], "k": rows[0]["r"], "s": 0, "m": rows[0]["r"]}], rows
    # the sparse loader leaves out exactly the lists with no non-empty item
    clear_database(store.driver, "neo4j")
    sparse = ListsOnly(store.driver, store.uri, store.database)
    sparse.sparse = True
    sparse.load(seed_triples)
    rows = store._read("MATCH ()-[r]->() RETURN r.evidence_keys AS k, r.sentences AS s, "
                       "r.attributed_to AS a")  # kg's own read: no padding
    assert rows and all(len(r["s"]) == len(r["k"]) for r in rows)
    assert all(r["a"] is None or any(r["a"]) for r in rows)
    assert any(r["a"] is None for r in rows)
    # and that is how kg's loader stores them since session 6 (one batch: no appends)
    priced = stored_relationships(store)
    clear_database(store.driver, "neo4j")
    store.load(seed_triples)
    assert {k: {n: v for n, v in p.items() if n in EVIDENCE_LISTS}
            for k, p in stored_relationships(store).items()} == \
        {k: {n: v for n, v in p.items() if n in EVIDENCE_LISTS} for k, p in priced.items()}


def test_the_evidence_model_price_lists_store_every_sentence_once(
        neo4j_server, store, seed_triples, tmp_path):
    """The session-7 price lists take the sentence text off the relationships; their
    figures only compare with kg's if each builds kg's entities and relationships and
    keeps every distinct sentence reachable: once per evidence key on a ``Sentence`` node,
    or in its document's ``Document`` node, and loading again adds no node."""
    import json

    from bench.load_bench import ForeignDataError, clear_database
    from bench.neo4j_cost import EVIDENCE_LABELS, EvidenceNodes, main
    from kg.pipeline import write_triples
    from kg.store.graph_model import evidence_rows

    rows = list(evidence_rows(seed_triples))
    sentences = {r.key: r.sentence for r in rows}
    triples = tmp_path / "t.jsonl"
    write_triples(seed_triples, triples)
    out = tmp_path / "cost.json"
    models = ["sent_a", "sent_a_nodocs", "sent_b", "docs_c", "docs_b", "docs_w", "rel_nodocs",
              "ids_only"]
    try:
        assert main(["--triples", str(triples), "--uri", neo4j_server.uri, "--repeat", "1",
                     "--lists", "", "--no-plain-1000", "--models", ",".join(models),
                     "--out", str(out)]) == 0
        graphs = json.loads(out.read_text(encoding="utf-8"))["graph"]
        assert set(graphs) == {"plain", "kg", *models}
        kg = graphs["kg"]
        chars = sum(len(s) for s in sentences.values())
        for name in ("sent_a", "sent_a_nodocs", "sent_b"):
            g = graphs[name]
            assert (g["sentence_nodes"], g["sentence_chars"]) == (len(sentences), chars), name
            assert g["nodes"] == kg["nodes"] + len(sentences), name
        for name in ("docs_c", "docs_b", "docs_w"):
            g = graphs[name]
            assert g["document_sentences"] == len(sentences) and g["sentence_nodes"] == 0
            assert g["document_nodes"] == len({r.doc for r in rows}), name
        assert graphs["sent_b"]["mentions"] == len({(r.key, e) for r in rows
                                                    for e in (r.subject, r.object)})
        assert graphs["rel_nodocs"]["sentence_nodes"] == graphs["rel_nodocs"]["mentions"] == 0
        assert graphs["ids_only"]["evidence_ids"] == kg["evidence"] > 0
        for name in ("sent_a", "docs_c", "rel_nodocs", "ids_only"):  # no extra relationships
            assert graphs[name]["relationships"] == kg["relationships"] > 0, name
        # the text is the sentence of its key, and a second load adds no evidence node
        clear_database(store.driver, "neo4j", EVIDENCE_LABELS)
        model = EvidenceNodes(store.driver, store.uri, store.database)
        model.model = "sent_a_nodocs"
        model.load(seed_triples)
        model.load(seed_triples)
        stored = {r["k"]: (r["d"], r["t"]) for r in store._read(
            "MATCH (n:Sentence) RETURN n.key AS k, n.doc AS d, n.text AS t")}
        assert stored == {r.key: (r.doc, r.sentence) for r in rows}
        assert store._read("MATCH ()-[r]->() WHERE r.sentences IS NOT NULL OR "
                           "r.docs IS NOT NULL RETURN count(r) AS c") == [{"c": 0}]
        # kg's own clear (Entity only) still refuses what it does not know
        with pytest.raises(ForeignDataError):
            clear_database(store.driver, "neo4j")
    finally:
        clear_database(store.driver, "neo4j", EVIDENCE_LABELS)
