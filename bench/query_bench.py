"""Latency of every saved query, with its header's example parameters, on either backend.

Each query runs once untimed (parsing, caches, Neo4j's plan cache), then up to ``runs``
times within a per-query time budget, so one slow grand-cypher pattern on a big graph
cannot stall the whole benchmark; the number of timed runs is reported next to p50/p95.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from .stats import Timer, percentile, rounded


def example_params(saved) -> dict:
    """The query's ``(example: …)`` values, typed the way ``kg query -p`` types them."""
    from kg.cli.common import parse_params

    return parse_params(tuple(f"{p.name}={p.example}" for p in saved.params))


def bench_queries(store, *, runs: int = 20, budget_s: float = 20.0,
                  directory: Path | None = None,
                  log: Callable[[str], None] = print) -> dict:
    from kg.query import QueryError, bind_saved_params, list_saved_queries

    out: dict[str, dict] = {}
    for saved in list_saved_queries(directory):
        entry: dict = {"title": saved.title}
        try:
            params = bind_saved_params(saved, example_params(saved))
        except QueryError as e:
            out[saved.name] = {**entry, "error": str(e)}
            continue
        entry["params"] = params
        timings: list[float] = []
        started = time.perf_counter()
        rows: list = []
        try:
            with Timer() as warm:
                rows = store.query(saved.text, params)
            entry["first_run_ms"] = rounded(warm.seconds * 1000, 2)
            while len(timings) < runs:
                if timings and time.perf_counter() - started > budget_s:
                    break
                with Timer() as t:
                    rows = store.query(saved.text, params)
                timings.append(t.seconds)
        except Exception as e:  # noqa: BLE001 - a failing query is a result, not a crash
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            entry["error"] = f"{type(e).__name__}: {first}"
        entry["rows"] = len(rows)
        entry["runs"] = len(timings)
        entry["p50_ms"] = rounded(_ms(percentile(timings, 50)), 2)
        entry["p95_ms"] = rounded(_ms(percentile(timings, 95)), 2)
        entry["max_ms"] = rounded(_ms(max(timings) if timings else None), 2)
        out[saved.name] = entry
        log(f"    {saved.name}: p50 {entry['p50_ms']} ms, p95 {entry['p95_ms']} ms, "
            f"{entry['rows']} rows, {entry['runs']} runs" + (f" ({entry['error']})"
                                                            if "error" in entry else ""))
    return out


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000


def networkx_store(triples: list):
    """An in-memory embedded store holding ``triples`` (never saved) and its build time."""
    import tempfile

    from kg.store import NetworkXStore

    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    store = NetworkXStore(folder / "graph.json", create=True)  # no file there: starts empty
    folder.rmdir()
    with Timer() as t:
        store.load(triples)
    return store, t.seconds
