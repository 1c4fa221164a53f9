"""Neo4j load throughput: kg's batched loader against one transaction per triple.

Both loaders fold the same triples into an emptied database on the benchmark's own
server. The speed-up is taken on the same rows (the first ``naive_rows`` of the
scale, because the naive loader is too slow to run on everything at 100×); the
absolute rate is the batched loader over every triple of the scale, next to the plain
MERGE ceiling of :mod:`bench.engine_loader` on the same rows. "Relationships/s"
counts evidence rows folded into relationships per second — each row is one
relationship MERGE, whether it creates the relationship or adds evidence to it.
"""

from __future__ import annotations

from collections.abc import Callable

from .engine_loader import EngineLoader
from .naive_loader import NaiveLoader
from .stats import Timer, median, ratio, rounded


class ForeignDataError(RuntimeError):
    """The database holds nodes kg did not write: the benchmark will not empty it."""


def clear_database(driver, database: str, labels: tuple[str, ...] = ("Entity",)) -> None:
    """Delete every node in chunks (keeps constraints and indexes).

    Refuses when any node has none of ``labels`` (kg's ``Entity``, plus the evidence
    nodes a price list of :mod:`bench.neo4j_cost` writes), so pointing ``--neo4j`` at a
    server that holds somebody's other data cannot wipe it.
    """
    ours = " OR ".join(f"n:{label}" for label in labels)
    with driver.session(database=database) as session:
        foreign = session.run(f"MATCH (n) WHERE NOT ({ours}) "
                              "RETURN count(n) AS c").single()["c"]
        if foreign:
            raise ForeignDataError(f"database {database!r} holds {foreign} nodes that are not "
                                   "kg entities; the benchmark empties the database it loads "
                                   "into, so it stops here (use its own server: --neo4j own)")
        while True:
            record = session.run("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n "
                                 "RETURN count(*) AS c").single()
            if not record or record["c"] == 0:
                break


def graph_counts(driver, database: str) -> dict:
    """Nodes, relationships and evidence items: the two loaders must agree on these."""
    with driver.session(database=database) as session:
        nodes = session.run("MATCH (n) RETURN count(n) AS c").single()["c"]
        rec = session.run("MATCH ()-[r]->() RETURN count(r) AS c, "
                          "sum(size(r.evidence_keys)) AS e").single()
    return {"nodes": nodes, "relationships": rec["c"], "evidence": rec["e"] or 0}


def _timed_load(load: Callable[[], object]) -> tuple[float, object]:
    with Timer() as t:
        result = load()
    return t.seconds, result


def bench_load(store, driver, database: str, triples: list, *, repeat: int = 3,
               naive_rows: int = 1000, batch_size: int = 1000, warmup: int = 2,
               log: Callable[[str], None] = print) -> dict:
    """Naive vs batched on the same subset; batched vs the engine's plain MERGEs on all
    rows. kg's graph of all rows is left loaded for the query bench."""
    naive = NaiveLoader(driver, database)
    # both loaders MERGE on the same uniqueness constraint (kg's own, so no second one)
    if hasattr(store, "ensure_constraints"):
        store.ensure_constraints()
    else:
        naive.ensure_schema()
    subset = triples[:naive_rows] if naive_rows else triples
    times: dict[str, list[float]] = {"naive": [], "batched_subset": [], "engine_all": [],
                                     "batched_all": []}
    results: dict[str, object] = {}
    counts: dict[str, dict] = {}
    engine = EngineLoader(driver, database)
    loaders: dict[str, Callable[[], object]] = {
        "naive": lambda: naive.load(subset),
        "batched_subset": lambda: store.load(subset, batch_size=batch_size),
        "engine_all": lambda: engine.load(triples, batch_size=batch_size),
        "batched_all": lambda: store.load(triples, batch_size=batch_size),
    }
    # untimed warm-up: the JVM's JIT and the plan cache of every statement, all loaders
    for _ in range(warmup):
        for fn in (lambda: naive.load(subset[:200]), loaders["engine_all"],
                   loaders["batched_all"]):
            clear_database(driver, database)
            fn()
    for r in range(max(1, repeat)):
        pairs = [["naive", "batched_subset"], ["engine_all", "batched_all"]]
        for pair in pairs:
            # alternate who goes first, so drifting load hits both sides of a ratio alike
            for what in (pair if r % 2 == 0 else pair[::-1]):
                clear_database(driver, database)
                sec, res = _timed_load(loaders[what])
                times[what].append(sec)
                results[what] = res
                counts[what] = graph_counts(driver, database)
        log(f"  load round {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f}s" for k, v in times.items()))
    if r % 2 == 1:  # the last load must leave kg's graph in place for the query bench
        clear_database(driver, database)
        store.load(triples, batch_size=batch_size)

    def rates(key: str) -> dict:
        res = results[key]
        med = median(times[key])
        return {
            "seconds": [rounded(s, 4) for s in times[key]],
            "median_s": rounded(med, 4),
            "rows": res.rows,
            "relationships_created": res.relationships_created,
            "nodes_created": res.nodes_created,
            "evidence_added": res.evidence_added,
            "rels_per_s": rounded(ratio(res.rows, med), 1),
            "graph": counts[key],
        }

    out = {
        "triples": len(triples),
        "subset_triples": len(subset),
        "batch_size": batch_size,
        "naive": rates("naive"),
        "batched_subset": rates("batched_subset"),
        "batched_all": rates("batched_all"),
        "engine_all": rates("engine_all"),
        "same_graph": counts["naive"] == counts["batched_subset"],
    }
    out["engine_all"]["graph"].pop("evidence", None)  # it stores none, by design
    out["engine_same_shape"] = all(counts["engine_all"][k] == counts["batched_all"][k]
                                   for k in ("nodes", "relationships"))
    # kg's batched rate as a share of what plain MERGEs reach on this server
    out["batched_vs_engine"] = rounded(ratio(out["batched_all"]["rels_per_s"],
                                             out["engine_all"]["rels_per_s"]), 3)
    out["speedup"] = rounded(ratio(out["batched_subset"]["rels_per_s"],
                                   out["naive"]["rels_per_s"]), 2)
    return out


def load_untimed(store, driver, database: str, triples: list, batch_size: int = 1000) -> dict:
    """Fill the database for the query bench when the load bench was not asked for."""
    clear_database(driver, database)
    store.load(triples, batch_size=batch_size)
    return graph_counts(driver, database)
