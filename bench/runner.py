"""Runs the chosen benchmark parts scale by scale and writes JSON plus markdown.

Per scale the order is: corpus → extraction → memory (whose ``kg extract`` run writes
the scale's triples file) → embedded queries → Neo4j load (which leaves the full scale
loaded) → Neo4j queries. A part that cannot run (a kg module not there yet, no Neo4j)
is recorded under ``errors`` and the run goes on, so one missing piece never hides the
figures of the others.
"""

from __future__ import annotations

import json
import shlex
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import DEFAULT_OUT
from .stats import Timer, machine, rounded

PARTS = ("extract", "memory", "query", "load")


@dataclass
class Options:
    scales: list[int] = field(default_factory=lambda: [1, 10, 100])
    repeat: int = 3
    only: list[str] = field(default_factory=lambda: list(PARTS))
    out: Path = DEFAULT_OUT / "results.json"
    seeds: Path | None = None
    seed: int = 13
    workers: list[int] = field(default_factory=lambda: [2])
    query_runs: int = 20
    query_budget_s: float = 20.0
    naive_rows: int = 1000
    batch_size: int = 1000
    neo4j: str = "own"  # own | off | a bolt URI
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"
    neo4j_home: Path | None = None
    command: str = ""
    quiet: bool = False
    strict: bool = False

    @property
    def workdir(self) -> Path:
        return self.out.parent


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


class Runner:
    def __init__(self, options: Options):
        self.o = options
        self.results: dict = {
            "format": "kg-bench", "version": 1, "command": options.command,
            "started": _now(), "machine": machine(),
            "options": {"scales": options.scales, "repeat": options.repeat,
                        "only": options.only, "workers": options.workers,
                        "query_runs": options.query_runs, "naive_rows": options.naive_rows,
                        "batch_size": options.batch_size, "seed": options.seed},
            "corpus": {}, "triples": {}, "extract": {}, "memory": {}, "load": {},
            "query": {"networkx": {}, "neo4j": {}}, "errors": [],
        }
        self._neo = None
        self._neo_failed: str | None = None
        self._triples_files: dict[int, Path] = {}
        self._t0 = time.perf_counter()

    # -- plumbing ---------------------------------------------------------------------
    def log(self, message: str) -> None:
        if not self.o.quiet:
            print(message, file=sys.stderr, flush=True)

    def guarded(self, section: str, scale: int | None, fn: Callable[[], object]):
        """Run one part; a failure becomes an ``errors`` entry instead of ending the run."""
        try:
            return fn()
        except Exception as e:  # noqa: BLE001 - reported in the results, see docstring
            where = traceback.extract_tb(e.__traceback__)[-1]
            message = f"{type(e).__name__}: {e} (at {Path(where.filename).name}:{where.lineno})"
            self.results["errors"].append({"section": section, "scale": scale,
                                           "error": message})
            self.log(f"  {section} at {scale}×: {message}")
            return None

    def wants(self, part: str) -> bool:
        return part in self.o.only

    # -- the run ----------------------------------------------------------------------
    def run(self) -> dict:
        from .corpus import load_actors

        self.o.workdir.mkdir(parents=True, exist_ok=True)
        actors, actor_source = load_actors()
        try:
            if self.wants("memory"):
                from .memory_bench import floor

                self.results["memory_floor"] = self.guarded(
                    "memory", 0, lambda: floor(self.o.workdir / "memory"))
            for scale in self.o.scales:
                self.run_scale(scale, actors, actor_source)
        finally:
            if self._neo is not None:
                self.log("stopping the benchmark's Neo4j")
                self.guarded("neo4j", None, self._neo.stop)
        from .report import evaluate_targets

        self.results["finished"] = _now()
        self.results["wall_s"] = round(time.perf_counter() - self._t0, 1)
        self.results["targets"] = evaluate_targets(self.results)
        self.write()
        return self.results

    def run_scale(self, scale: int, actors, actor_source: str) -> None:
        from .corpus import build_corpus

        key = str(scale)
        corpus_dir = self.o.workdir / "corpus" / f"x{scale}"
        self.log(f"[{scale}×] corpus → {corpus_dir}")
        info = build_corpus(scale, corpus_dir, seeds_dir=self.o.seeds, seed=self.o.seed,
                            actors=actors, actor_source=actor_source)
        self.results["corpus"][key] = info.to_dict()
        self.write()

        if self.wants("extract"):
            from .extract_bench import bench_extraction

            self.log(f"[{scale}×] extraction: bare spaCy vs kg, workers {self.o.workers}")
            self.results["extract"][key] = self.guarded("extract", scale, lambda: bench_extraction(
                corpus_dir, repeat=self.o.repeat, workers=self.o.workers, log=self.log))
            self.write()
        if self.wants("memory"):
            from .memory_bench import bench_memory

            self.log(f"[{scale}×] memory: kg extract and kg build as processes")
            triples_file = self.o.workdir / f"triples_x{scale}.jsonl"
            mem = self.guarded("memory", scale, lambda: bench_memory(
                corpus_dir, scale, self.o.workdir / "memory", triples_file))
            self.results["memory"][key] = mem
            if mem and mem["extract"].get("rc") == 0:
                self._triples_files[scale] = triples_file
            self.write()
        triples = None
        if self.wants("query") or self.wants("load"):
            triples = self.guarded("triples", scale, lambda: self.triples(scale, corpus_dir))
        if triples is None:
            return
        self.results["triples"][key] = len(triples)
        if self.wants("query"):
            from .query_bench import bench_queries, networkx_store

            self.log(f"[{scale}×] saved queries on the embedded backend")

            def embedded():
                store, seconds = networkx_store(triples)
                self.results.setdefault("embedded_build_s", {})[key] = rounded(seconds, 3)
                return bench_queries(store, runs=self.o.query_runs,
                                     budget_s=self.o.query_budget_s, log=self.log)

            self.results["query"]["networkx"][key] = self.guarded("query networkx", scale, embedded)
            self.write()
        if self.o.neo4j != "off" and (self.wants("load") or self.wants("query")):
            self.guarded("neo4j", scale, lambda: self.neo4j_parts(scale, triples))
            self.write()

    def triples(self, scale: int, corpus_dir: Path) -> list:
        """This scale's triples: the memory run's file, or extracted here if there is none."""
        from kg.pipeline import read_triples

        path = self._triples_files.get(scale)
        if path is None:
            from kg.pipeline import extract, write_triples

            path = self.o.workdir / f"triples_x{scale}.jsonl"
            self.log(f"[{scale}×] extracting triples for the load and query parts")
            write_triples(extract([corpus_dir]), path)
            self._triples_files[scale] = path
        return list(read_triples(path))

    def neo4j_parts(self, scale: int, triples: list) -> None:
        from .load_bench import bench_load, load_untimed
        from .query_bench import bench_queries

        conn = self.neo4j()
        if conn is None:
            return
        key = str(scale)
        driver = conn.driver()
        store = conn.store()
        try:
            if self.wants("load"):
                self.log(f"[{scale}×] Neo4j load: naive vs batched")
                self.results["load"][key] = bench_load(
                    store, driver, conn.database, triples, repeat=self.o.repeat,
                    naive_rows=self.o.naive_rows, batch_size=self.o.batch_size, log=self.log)
            else:
                load_untimed(store, driver, conn.database, triples, self.o.batch_size)
            if self.wants("query"):
                self.log(f"[{scale}×] saved queries on Neo4j")
                self.results["query"]["neo4j"][key] = bench_queries(
                    store, runs=self.o.query_runs, budget_s=self.o.query_budget_s, log=self.log)
        finally:
            store.close()
            driver.close()

    def neo4j(self):
        """The server connection, started once on first use; None when unavailable."""
        if self._neo is not None or self._neo_failed:
            return self._neo
        from .neo4j_instance import Connection, Neo4jUnavailable, start_own

        if self.o.neo4j == "own":
            home = self.o.neo4j_home or (self.o.workdir / "neo4j")
            self.log(f"starting the benchmark's own Neo4j (home {home})")
            try:
                with Timer() as t:
                    self._neo = start_own(home)
            except Neo4jUnavailable as e:
                self._neo_failed = str(e)
                self.results["errors"].append({"section": "neo4j", "scale": None,
                                               "error": str(e)})
                self.log(f"  Neo4j parts skipped: {e}")
                return None
            self.results["neo4j_start_s"] = rounded(t.seconds, 1)
        else:
            self._neo = Connection(uri=self.o.neo4j, user=self.o.neo4j_user,
                                   password=self.o.neo4j_password,
                                   database=self.o.neo4j_database)
        return self._neo

    def write(self) -> None:
        """Results so far (JSON) and the markdown tables next to them."""
        from .report import markdown

        self.o.out.parent.mkdir(parents=True, exist_ok=True)
        self.o.out.write_text(json.dumps(self.results, indent=2, default=str), encoding="utf-8")
        self.o.out.with_suffix(".md").write_text(markdown(self.results) + "\n", encoding="utf-8")


def run(options: Options) -> dict:
    if not options.command:
        options.command = "python -m bench " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    return Runner(options).run()
