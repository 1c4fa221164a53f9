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
  of the six others: what one or two list properties per relationship would cost.

The ratio is the ceiling's median over a loader's median, as in ``bench.scale_bench``.

    python -m bench.neo4j_cost --triples t1000.jsonl --uri bolt://localhost:17611 --repeat 3
"""

from __future__ import annotations

import argparse
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
        key = ontology.check_label(ontology.key_label())

        def work(tx):
            for etype, names in node_groups.items():
                tx.run(ns._node_statement(etype), rows=names, type=etype).consume()
            for relation, edges in edge_groups.items():
                rel = ontology.check_relation(relation)
                tx.run(f"CYPHER replan=skip UNWIND $rows AS row "
                       f"MATCH (s:{key} {{name: row.subject}}) "
                       f"MATCH (o:{key} {{name: row.object}}) "
                       f"MERGE (s)-[r:{rel} {{negated: row.negated}}]->(o) "
                       "ON CREATE SET r += row.props", rows=edges).consume()
            return 0, 0, 0

        with self._session() as session:
            return session.execute_write(work)


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
    store.ensure_constraints()
    for fn in (loaders["plain"], loaders["kg"]):  # warm-up: JIT and plan cache
        clear_database(driver, "neo4j")
        fn()
    res: dict = {"command": " ".join(sys.argv), "machine": machine(),
                 "started": time.strftime("%Y-%m-%d %H:%M:%S"), "seconds": {},
                 "load_average": [], "graph": {}}
    names = list(loaders)
    for r in range(a.repeat):
        # alternate the order, so drifting load hits every loader alike
        for name in (names if r % 2 == 0 else names[::-1]):
            clear_database(driver, "neo4j")
            with Timer() as t:
                loaders[name]()
            res["seconds"].setdefault(name, []).append(round(t.seconds, 2))
            res["load_average"].append(round(os.getloadavg()[0], 2))
            res["graph"][name] = graph_counts(driver, "neo4j")
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
    print(f"load average {min(res['load_average'])}-{max(res['load_average'])}; "
          f"wrote {a.out}")
    store.close()
    driver.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
