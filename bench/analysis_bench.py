"""The analyst features on a scaled graph: ``python -m bench.analysis_bench [--scale 100]``.

Measured against the plain operation in the same run: the as-of / min-sources filter
against the same saved query unfiltered, the derived-property refresh against the load it
follows, ``kg diff`` / ``kg balance`` as absolute times next to the graph's size. Both
backends when ``--neo4j URI`` is given (the database is emptied first). Results go to
``bench/out/analysis.json`` and a markdown table to stdout.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from . import DEFAULT_OUT
from .corpus import build_corpus
from .stats import Timer, median, rounded

FILTERS = {"as_of": {"as_of": "2019-12-31"}, "between": {"between": ("2019-01", "2020-12")},
           "min_sources": {"min_sources": 2}}


def _timed(fn, runs: int = 5, budget_s: float = 20.0):
    """(median seconds, last result): one untimed warm-up, then up to ``runs`` runs."""
    result = fn()
    times, started = [], time.perf_counter()
    while len(times) < runs and (not times or time.perf_counter() - started < budget_s):
        with Timer() as t:
            result = fn()
        times.append(t.seconds)
    return median(times), result


def _ms(seconds):
    return rounded(seconds * 1000 if seconds is not None else None, 1)


def bench_store(store, label: str, log=print, queries_too: bool = True) -> dict:
    from kg.asof import EvidenceFilter, run_filtered
    from kg.derive import refresh
    from kg.diff import diff_since
    from kg.query import bind_saved_params, list_saved_queries
    from kg.signed import camps, triangles

    out: dict = {}
    with Timer() as t:
        derived = refresh(store)
    out["refresh_s"] = rounded(t.seconds, 2)
    out["camps"] = derived.camps
    out["frustration"] = derived.frustration
    queries = {}
    for saved in list_saved_queries() if queries_too else []:
        params = bind_saved_params(saved, saved.example_params())
        plain, rows = _timed(lambda s=saved, p=params: store.query(s.text, p))
        entry = {"plain_ms": _ms(plain), "rows": len(rows)}
        for name, options in FILTERS.items():
            flt = EvidenceFilter.from_options(**options)
            took, frows = _timed(lambda s=saved, p=params, f=flt: run_filtered(store, s.text, p,
                                                                               f))
            entry[f"{name}_ms"] = _ms(took)
            entry[f"{name}_rows"] = len(frows)
            entry[f"{name}_ratio"] = rounded(took / plain, 2) if plain else None
        queries[saved.name] = entry
        log(f"  [{label}] {saved.name}: {entry}")
    out["queries"] = queries
    with Timer() as t:
        g = store.to_networkx()
    out["to_networkx_s"] = rounded(t.seconds, 2)
    took, changes = _timed(lambda: diff_since(g, "2020-01-01"), runs=3)
    out["diff_since_s"] = rounded(took, 3)
    out["diff_since_changes"] = len(changes)
    took, found = _timed(lambda: triangles(g), runs=3)
    out["balance_s"] = rounded(took, 3)
    out["triangles"] = len(found)
    out["unbalanced"] = sum(not x.balanced for x in found)
    took, result = _timed(lambda: camps(g), runs=3)
    out["camps_s"] = rounded(took, 3)
    out["camps_exact"] = result.exact
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.analysis_bench", description=__doc__)
    p.add_argument("--scale", type=int, default=100)
    p.add_argument("--neo4j", metavar="URI", default=None,
                   help="also measure on this (auth-less) Neo4j server; it is emptied first")
    p.add_argument("--workdir", type=Path, default=DEFAULT_OUT / "analysis")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT / "analysis.json")
    p.add_argument("--no-queries", action="store_true",
                   help="skip the saved-query timings (the slow part)")
    args = p.parse_args(argv)

    from kg.diff import diff_graphs
    from kg.pipeline import extract, read_triples, write_triples
    from kg.store import NetworkXStore

    corpus = args.workdir / f"x{args.scale}"
    triples_file = args.workdir / f"triples_x{args.scale}.jsonl"
    if not triples_file.exists():
        print(f"building the {args.scale}x corpus and extracting its triples …")
        build_corpus(args.scale, corpus)
        write_triples(extract([corpus], workers=2), triples_file)
    triples = list(read_triples(triples_file))
    results: dict = {"scale": args.scale, "triples": len(triples)}

    store = NetworkXStore(args.workdir / "unsaved.json")
    with Timer() as t:
        store.load(triples)
    results["networkx_load_s"] = rounded(t.seconds, 2)
    g = store.graph
    results["nodes"], results["relationships"] = g.number_of_nodes(), g.number_of_edges()
    results["networkx"] = bench_store(store, "networkx", queries_too=not args.no_queries)
    half = NetworkXStore(args.workdir / "unsaved-half.json")
    half.load(triples[: len(triples) // 2])
    took, changes = _timed(lambda: diff_graphs(half.graph, store.graph), runs=3)
    results["diff_graphs_s"], results["diff_graphs_changes"] = rounded(took, 3), len(changes)

    if args.neo4j:
        from kg.store.neo4j_store import Neo4jStore

        neo = Neo4jStore.connect(uri=args.neo4j)
        neo.query("MATCH (n) DETACH DELETE n", write=True)
        with Timer() as t:
            neo.load(triples, batch_size=1000)
        results["neo4j_load_s"] = rounded(t.seconds, 2)
        results["neo4j"] = bench_store(neo, "neo4j", queries_too=not args.no_queries)
        neo.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(markdown(results))
    return 0


def markdown(r: dict) -> str:
    lines = [f"{r['scale']}x corpus: {r['triples']} triples, {r['nodes']} nodes, "
             f"{r['relationships']} relationships", ""]
    backends = [b for b in ("networkx", "neo4j") if b in r]
    lines.append("| | " + " | ".join(backends) + " |")
    lines.append("|---|" + "---|" * len(backends))
    rows = [("load (s)", lambda b: r.get(f"{b}_load_s")),
            ("refresh: corroboration + camps (s)", lambda b: r[b]["refresh_s"]),
            ("to_networkx (s)", lambda b: r[b]["to_networkx_s"]),
            ("diff --since 2020-01-01 (s)", lambda b: r[b]["diff_since_s"]),
            ("balance: all triangles (s)", lambda b: r[b]["balance_s"]),
            ("camps (s)", lambda b: r[b]["camps_s"])]
    for label, get in rows:
        lines.append(f"| {label} | " + " | ".join(str(get(b)) for b in backends) + " |")
    if not r[backends[0]]["queries"]:
        return "\n".join(lines)
    lines += ["", "| query | " + " | ".join(
        f"{b} plain ms | as-of × | between × | min-sources ×" for b in backends) + " |",
        "|---|" + "---|---|---|---|" * len(backends)]
    for name in r[backends[0]]["queries"]:
        cells = []
        for b in backends:
            q = r[b]["queries"][name]
            cells += [str(q["plain_ms"]), str(q["as_of_ratio"]), str(q["between_ratio"]),
                      str(q["min_sources_ratio"])]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
