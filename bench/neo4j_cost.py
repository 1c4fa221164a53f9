"""Where kg's incremental Neo4j load spends its time beyond the plain-MERGE ceiling.

Loads the same triples, alternating, into an emptied database of a running server (user
``neo4j`` with ``NEO4J_PASSWORD`` if set, else no auth; the database must hold nothing but
kg entities, see :func:`bench.load_bench.clear_database`):

* ``plain`` — :mod:`bench.engine_loader` in kg's batches (the ceiling), and ``plain_1000``
  in the 1,000-row batches the earlier BENCHMARKS sections used for it;
* ``kg`` — :meth:`kg.store.neo4j_store.Neo4jStore.load`, the real loader;
* ``lists_N`` — kg's nodes, relationships, scalar properties (type, mentions, confidence,
  dates) and only the first N of its seven evidence lists, each relationship written once
  per batch with ``ON CREATE SET``. Not a valid graph (N < 7 drops evidence, and existing
  relationships get nothing appended): it exists to price the lists, one at a time;
* ``sparse`` — ``lists_7`` without the lists whose items are all empty among ``dates``,
  ``attributed_to`` and ``outlets``: what leaving those out saves (kg's loader has done
  so since session 6; ``lists_N`` put them back, all "", to price all seven);
* ``combined_1`` / ``combined_2`` — all seven lists as one list ``evidence`` whose items
  join an evidence's fields with U+241F (the sentence last), or the keys and such a list
  of the six others: what one or two list properties per relationship would cost;
* evidence models that take the sentence text off the relationships (session 7; see
  :class:`EvidenceNodes`): ``sent_a`` — one ``(:Sentence {key, text})`` node per distinct
  evidence key (a key is ``doc:start:end`` of the sentence, so one node per document
  sentence), MERGEd on a uniquely constrained key, the relationship keeps its keys, docs,
  rules and the optional lists; ``sent_a_nodocs`` — the same with ``doc`` on the node and
  no ``docs`` list on the relationship; ``sent_b`` — ``sent_a`` plus
  ``(:Sentence)-[:MENTIONS]->(:Entity)`` to both ends, a link a Browser user can expand
  from an entity; ``docs_c`` — one ``(:Document {id, keys, sentences})`` node per document
  instead of a node per sentence (appended to when a later batch brings more of its
  sentences), relationship as in ``sent_a_nodocs``; ``docs_b`` — ``docs_c`` plus
  ``(:Document)-[:MENTIONS]->(:Entity)`` to both ends of each row; ``rel_nodocs`` — only the
  relationship side of ``sent_a_nodocs`` (no text stored anywhere: not a valid graph,
  it says what the relationships alone cost); ``docs_w`` — ``docs_c`` with each
  window's documents written once, in their own transactions of 1,000 documents before
  the window's relationship batches, so a document is appended to only by a later
  window or load; ``ids_only`` / ``ids_rules`` — lower bounds of the relationship side:
  the evidence keys as a list of 64-bit integers (a hash of the key; a list of one to
  three of them fits inline in the property record, a list of strings never does), alone
  or with the rules list, and no text anywhere.

The ratio is the ceiling's median over a loader's median, as in ``bench.scale_bench``.

    python -m bench.neo4j_cost --triples t1000.jsonl --uri bolt://localhost:17611 --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

from kg import ontology
from kg.store import neo4j_store as ns
from kg.store.graph_model import EVIDENCE_LISTS

from .engine_loader import EngineLoader
from .load_bench import clear_database, graph_counts
from .stats import Timer, machine, median, rounded

BATCH = 5000  # kg's default rows per transaction (Neo4jStore.load, `--batch-size`)
OPTIONAL = ("dates", "attributed_to", "outlets")  # lists that are often all ""


SEP = "\u241f"  # SYMBOL FOR UNIT SEPARATOR: what a combined item's fields are joined by


class ListsOnly(ns.Neo4jStore):
    """kg's load with only the first ``lists`` evidence lists (see the module docstring)."""

    lists = len(EVIDENCE_LISTS)
    sparse = False
    combined = 0  # 1: every list as one list of joined items; 2: the keys and one such list

    def _combine(self, props):
        n = props["mentions"]
        get = {name: props.get(name) or [""] * n for name in EVIDENCE_LISTS}
        names = [x for x in EVIDENCE_LISTS if x != "sentences"] + ["sentences"]
        if self.combined == 2:
            names.remove("evidence_keys")
        items = [SEP.join(get[name][i] for name in names) for i in range(n)]
        for name in EVIDENCE_LISTS:
            props.pop(name, None)
        if self.combined == 2:
            props["evidence_keys"] = get["evidence_keys"]
        props["evidence"] = items

    def _write_batch(self, batch):
        keep = set(EVIDENCE_LISTS[:self.lists])
        node_groups = ns._node_groups(batch)
        edge_groups = ns._edge_groups(batch)
        for edges in edge_groups.values():
            for edge in edges:
                props = edge["props"]
                if self.combined:
                    self._combine(props)
                    continue
                held = props["mentions"]
                for name in EVIDENCE_LISTS:
                    if name not in props:  # kg's fold leaves out the all-"" optional lists
                        props[name] = [""] * held
                    if name not in keep or (self.sparse and name in OPTIONAL
                                            and not any(props[name])):
                        del props[name]
        with self._session() as session:
            return session.execute_write(_write_groups, node_groups, edge_groups)


def _write_groups(tx, node_groups, edge_groups, statements=()):
    """One price list's batch: its nodes, then its own statements (evidence nodes and
    links), then the relationships with the properties the model keeps on them."""
    key = ontology.check_label(ontology.key_label())
    for etype, names in node_groups.items():
        tx.run(ns._node_statement(etype), rows=names, type=etype).consume()
    for cypher, rows in statements:
        tx.run(cypher, rows=ns._Rows(rows)).consume()
    for relation, edges in edge_groups.items():
        rel = ontology.check_relation(relation)
        tx.run(f"CYPHER replan=skip UNWIND $rows AS row "
               f"MATCH (s:{key} {{name: row.subject}}) "
               f"MATCH (o:{key} {{name: row.object}}) "
               f"MERGE (s)-[r:{rel} {{negated: row.negated}}]->(o) "
               "ON CREATE SET r += row.props", rows=edges).consume()
    return 0, 0, 0


SENTENCE_CONSTRAINT = ("CREATE CONSTRAINT kg_cost_sentence_key IF NOT EXISTS "
                       "FOR (n:Sentence) REQUIRE n.key IS UNIQUE")
DOCUMENT_CONSTRAINT = ("CREATE CONSTRAINT kg_cost_document_id IF NOT EXISTS "
                       "FOR (n:Document) REQUIRE n.id IS UNIQUE")
EVIDENCE_LABELS = ("Entity", "Sentence", "Document")  # what clear_database may delete
DOCUMENT_STATEMENT = ("CYPHER replan=skip UNWIND $rows AS d "
                      "MERGE (n:Document {id: d.id}) "
                      "ON CREATE SET n.keys = [], n.sentences = [] "
                      "WITH n, d, [i IN range(0, size(d.keys) - 1) "
                      "WHERE NOT d.keys[i] IN n.keys] AS new "
                      "SET n.keys = n.keys + [i IN new | d.keys[i]], "
                      "n.sentences = n.sentences + [i IN new | d.sentences[i]]")


def _key_id(key: str) -> int:
    """A signed 64-bit integer for an evidence key (what a Neo4j integer holds)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big",
                          signed=True)


class EvidenceNodes(ns.Neo4jStore):
    """kg's load with the sentence text stored outside the relationships (``model``, see
    the module docstring). kg's nodes and folded relationship properties, minus
    ``sentences`` (and ``docs`` where the node holds the document), ``ON CREATE SET``
    only, as the other price lists; the evidence nodes are MERGEd on their unique key in
    the same transaction as the batch's relationships."""

    model = "sent_a"

    def load(self, triples, *, include_negated=False, batch_size=BATCH,
             window=ns.WINDOW_BATCHES):
        if self.model != "docs_w":
            return super().load(triples, include_negated=include_negated,
                                batch_size=batch_size, window=window)
        self.ensure_constraints()
        rows = ns.evidence_rows(triples, include_negated=include_negated)
        for chunk in ns._chunks(rows, batch_size * window):
            documents: dict[str, dict] = {}
            seen: set[str] = set()
            for row in chunk:
                if row.key not in seen:
                    seen.add(row.key)
                    d = documents.setdefault(row.doc, {"id": row.doc, "keys": [],
                                                       "sentences": []})
                    d["keys"].append(row.key)
                    d["sentences"].append(row.sentence)
            docs = list(documents.values())
            with self._session() as session:
                for i in range(0, len(docs), 1000):
                    part = ns._Rows(docs[i:i + 1000])
                    session.execute_write(lambda tx, part=part: tx.run(
                        DOCUMENT_STATEMENT, rows=part).consume())
            for batch in ns._regroup([chunk], batch_size):
                self._write_batch(batch)
        return ns.LoadResult()

    def _write_batch(self, batch):
        node_groups = ns._node_groups(batch)
        edge_groups = ns._edge_groups(batch)
        drop = {"sent_a": ("sentences",), "sent_b": ("sentences",),
                "ids_only": EVIDENCE_LISTS, "ids_rules": tuple(
                    x for x in EVIDENCE_LISTS if x != "rules")}.get(
            self.model, ("sentences", "docs"))
        for edges in edge_groups.values():
            for edge in edges:
                props = edge["props"]
                if self.model in ("ids_only", "ids_rules"):
                    props["evidence_ids"] = [_key_id(k) for k in props["evidence_keys"]]
                for name in drop:
                    props.pop(name, None)
        sentences: dict[str, dict] = {}
        mentions: dict[tuple[str, str], dict] = {}
        for row in batch:
            if row.key not in sentences:
                sentences[row.key] = {"key": row.key, "doc": row.doc, "text": row.sentence}
            if self.model in ("sent_b", "docs_b"):
                ref = row.key if self.model == "sent_b" else row.doc
                for name in (row.subject, row.object):
                    mentions.setdefault((ref, name), {"key": ref, "name": name})
        documents: dict[str, dict] = {}
        if self.model in ("docs_c", "docs_b"):
            for item in sentences.values():
                d = documents.setdefault(item["doc"], {"id": item["doc"], "keys": [],
                                                       "sentences": []})
                d["keys"].append(item["key"])
                d["sentences"].append(item["text"])
        key = ontology.check_label(ontology.key_label())
        statements = []
        if self.model in ("sent_a", "sent_b"):
            statements.append(("CYPHER replan=skip UNWIND $rows AS s "
                               "MERGE (n:Sentence {key: s.key}) ON CREATE SET n.text = s.text",
                               list(sentences.values())))
        elif self.model == "sent_a_nodocs":
            statements.append(("CYPHER replan=skip UNWIND $rows AS s "
                               "MERGE (n:Sentence {key: s.key}) "
                               "ON CREATE SET n.doc = s.doc, n.text = s.text",
                               list(sentences.values())))
        elif self.model in ("docs_c", "docs_b"):
            statements.append((DOCUMENT_STATEMENT, list(documents.values())))
        if mentions:
            node = "Sentence {key: m.key}" if self.model == "sent_b" else "Document {id: m.key}"
            statements.append((f"CYPHER replan=skip UNWIND $rows AS m "
                               f"MATCH (n:{node}) "
                               f"MATCH (e:{key} {{name: m.name}}) MERGE (n)-[:MENTIONS]->(e)",
                               list(mentions.values())))

        with self._session() as session:
            return session.execute_write(_write_groups, node_groups, edge_groups, statements)


def evidence_counts(driver, database: str) -> dict:
    """Evidence nodes and links a model wrote (the sentences must all be there)."""
    with driver.session(database=database) as session:
        rec = session.run("MATCH (n:Sentence) RETURN count(n) AS c, "
                          "sum(size(n.text)) AS chars").single()
        docs = session.run("MATCH (n:Document) RETURN count(n) AS c, "
                           "sum(size(n.keys)) AS k").single()
        links = session.run("MATCH ()-[m:MENTIONS]->() "
                            "RETURN count(m) AS c").single()
        ids = session.run("MATCH ()-[r]->() RETURN sum(size(r.evidence_ids)) AS c").single()
    return {"sentence_nodes": rec["c"], "sentence_chars": rec["chars"] or 0,
            "document_nodes": docs["c"], "document_sentences": docs["k"] or 0,
            "mentions": links["c"], "evidence_ids": ids["c"] or 0}


def main(argv: list[str] | None = None) -> int:
    from neo4j import GraphDatabase

    from kg.pipeline import read_triples

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=Path, required=True)
    ap.add_argument("--uri", default="bolt://localhost:7687")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--lists", default="1,4,7",
                    help="comma-separated N for the lists_N loaders ('' for none)")
    ap.add_argument("--sparse", action="store_true", help="also time the sparse loader")
    ap.add_argument("--combined", action="store_true",
                    help="also time combined_1 (all seven lists as one list of joined items) "
                         "and combined_2 (the keys, and the other six as one such list)")
    ap.add_argument("--models", default="",
                    help="comma-separated evidence models of EvidenceNodes to time too "
                         "(sent_a, sent_a_nodocs, sent_b, docs_c, docs_b, docs_w, rel_nodocs, "
                         "ids_only, ids_rules)")
    ap.add_argument("--no-plain-1000", action="store_true",
                    help="leave out the 1,000-row ceiling (saves a load per round)")
    ap.add_argument("--out", type=Path, default=Path("bench/out/neo4j_cost.json"))
    a = ap.parse_args(argv)

    triples = list(read_triples(a.triples))
    password = os.environ.get("NEO4J_PASSWORD") or None
    driver = GraphDatabase.driver(a.uri, auth=("neo4j", password) if password else None)
    store = ns.Neo4jStore.connect(uri=a.uri, password=password)
    engine = EngineLoader(driver)
    loaders = {"plain": lambda: engine.load(triples, batch_size=BATCH),
               "plain_1000": lambda: engine.load(triples, batch_size=1000),
               "kg": lambda: store.load(triples, batch_size=BATCH)}
    for n in [int(x) for x in a.lists.split(",") if x.strip()]:
        partial = ListsOnly(store.driver, store.uri, store.database)
        partial.lists = n
        loaders[f"lists_{n}"] = (lambda p=partial: p.load(triples, batch_size=BATCH))
    if a.sparse:
        sparse = ListsOnly(store.driver, store.uri, store.database)
        sparse.sparse = True
        loaders["sparse"] = lambda: sparse.load(triples, batch_size=BATCH)
    if a.combined:
        for n in (1, 2):
            joined = ListsOnly(store.driver, store.uri, store.database)
            joined.combined = n
            loaders[f"combined_{n}"] = (lambda j=joined: j.load(triples, batch_size=BATCH))
    for model in [x.strip() for x in a.models.split(",") if x.strip()]:
        nodes = EvidenceNodes(store.driver, store.uri, store.database)
        nodes.model = model
        loaders[model] = (lambda trs=triples, m=nodes: m.load(trs, batch_size=BATCH))
    if a.no_plain_1000:
        del loaders["plain_1000"]
    store.ensure_constraints()
    with driver.session(database="neo4j") as session:
        session.run(SENTENCE_CONSTRAINT).consume()
        session.run(DOCUMENT_CONSTRAINT).consume()
    for fn in (loaders["plain"], loaders["kg"]):  # warm-up: JIT and plan cache
        clear_database(driver, "neo4j", EVIDENCE_LABELS)
        fn()
    for model in a.models.split(","):  # plan their statements before the timed rounds
        if model.strip():
            clear_database(driver, "neo4j", EVIDENCE_LABELS)
            loaders[model.strip()](triples[:10000])
    res: dict = {"command": " ".join(sys.argv), "machine": machine(),
                 "started": time.strftime("%Y-%m-%d %H:%M:%S"), "seconds": {},
                 "load_average": [], "graph": {}}
    names = list(loaders)
    for r in range(a.repeat):
        # alternate the order, so drifting load hits every loader alike
        for name in (names if r % 2 == 0 else names[::-1]):
            clear_database(driver, "neo4j", EVIDENCE_LABELS)
            with Timer() as t:
                loaders[name]()
            res["seconds"].setdefault(name, []).append(round(t.seconds, 2))
            res["load_average"].append(round(os.getloadavg()[0], 2))
            res["graph"][name] = {**graph_counts(driver, "neo4j"),
                                  **evidence_counts(driver, "neo4j")}
            print(f"round {r + 1} {name}: {t.seconds:.2f} s", file=sys.stderr, flush=True)
    res["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    res["rows"] = sum(1 for _ in ns.evidence_rows(triples))
    ceiling = median(res["seconds"]["plain"])
    res["median_s"] = {k: median(v) for k, v in res["seconds"].items()}
    res["ceiling_over"] = {k: rounded(ceiling / m, 3) for k, m in res["median_s"].items()}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=1), encoding="utf-8")
    print(f"{'loader':12} {'seconds per round':30} {'median':>7} {'plain/this':>10}")
    for k, secs in res["seconds"].items():
        print(f"{k:12} {', '.join(f'{s:.2f}' for s in secs):30} "
              f"{res['median_s'][k]:7.2f} {res['ceiling_over'][k]:10.3f}")
    for k, g in res["graph"].items():
        print(f"{k:12} {g}")
    print(f"load average {min(res['load_average'])}-{max(res['load_average'])}; "
          f"wrote {a.out}")
    store.close()
    driver.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
