"""The scale benchmark of issue 15: up to 1,000× the sample corpus, once, with baselines
measured in the same run.

``python -m bench.scale_bench --scales 1,10,100,1000 --out bench/out/scale.json``

* **extraction** at the largest scale: ``kg extract`` with 1 process, ``--workers 2`` and
  ``--scheduler`` on a local Dask cluster of 2 worker processes (1 thread each) started
  here; speed-ups over the 1-process run; the three outputs must be identical.
* **embedded graph** at every scale, each a fresh process under :mod:`bench.rss`:
  ``kg load`` (build from the triples file), ``kg stats``, ``kg query who_backs``; graph
  file size, wall time and peak RSS; and in-process load (read) and save (write) times
  of the graph file.
* **Neo4j** at the largest scale (own server, emptied between loads): kg's incremental
  loader, the plain-``MERGE`` ceiling of :mod:`bench.engine_loader` on the same rows in the
  same batches (and in 1,000-row batches, as earlier runs measured it; alternating who goes
  first), and ``kg load --bulk`` on the stopped server (writing the
  files and ``neo4j-admin`` timed apart); saved-query p50/p95 on both backends.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import REPO_DIR
from .memory_bench import measure
from .stats import Timer, machine, median, rounded

KG = [sys.executable, "-m", "kg"]
BATCH = 5000  # kg's default rows per Neo4j transaction (Neo4jStore.load, `--batch-size`)


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _timed(cmd: list[str], **kw) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=REPO_DIR, stdin=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t0


class LocalDask:
    """``dask scheduler`` + N ``dask worker`` processes on 127.0.0.1 (1 thread each)."""

    def __init__(self, workdir: Path, workers: int = 2):
        workdir.mkdir(parents=True, exist_ok=True)
        sched_file = workdir / "scheduler.json"
        sched_file.unlink(missing_ok=True)
        self.procs = [self._spawn(["scheduler", "--host", "127.0.0.1", "--port", "0",
                                   "--no-dashboard", "--scheduler-file", str(sched_file)],
                                  workdir / "scheduler.log")]
        deadline = time.monotonic() + 120
        while not sched_file.exists() and time.monotonic() < deadline:
            time.sleep(0.3)
        time.sleep(0.5)
        self.address = json.loads(sched_file.read_text())["address"]
        for i in range(workers):
            self.procs.append(self._spawn(["worker", self.address, "--nthreads", "1",
                                           "--no-dashboard", "--local-directory",
                                           str(workdir / f"w{i}")], workdir / f"w{i}.log"))
        from distributed import Client

        with Client(self.address, timeout="60s") as c:
            c.wait_for_workers(workers, timeout=300)

    @staticmethod
    def _spawn(args: list[str], log: Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "dask", *args],
                                stdout=open(log, "wb"), stderr=subprocess.STDOUT,  # noqa: SIM115
                                stdin=subprocess.DEVNULL, start_new_session=True)

    def close(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def bench_extraction(corpus: Path, work: Path) -> dict:
    out: dict = {}
    outputs = {}
    for label, extra in (("one_process", []), ("workers_2", ["--workers", "2"])):
        path = work / f"extract_{label}.jsonl"
        out[label] = {"seconds": round(_timed([*KG, "extract", str(corpus), "-o", str(path),
                                                "--no-progress", *extra],
                                               stderr=subprocess.DEVNULL), 2)}
        outputs[label] = path
        _log(f"extract {label}: {out[label]['seconds']} s")
    cluster = LocalDask(work / "dask", workers=2)
    try:
        path = work / "extract_dask_2.jsonl"
        out["dask_2"] = {"seconds": round(_timed([*KG, "extract", str(corpus), "-o", str(path),
                                                  "--no-progress", "--scheduler",
                                                  cluster.address],
                                                 stderr=subprocess.DEVNULL), 2)}
        outputs["dask_2"] = path
        _log(f"extract dask_2: {out['dask_2']['seconds']} s")
    finally:
        cluster.close()
    base = outputs["one_process"].read_bytes()
    for label, path in outputs.items():
        out[label]["identical_to_one_process"] = path.read_bytes() == base
        out[label]["speedup"] = rounded(out["one_process"]["seconds"] / out[label]["seconds"], 2)
    out["triples"] = base.count(b"\n")
    return out


_GRAPH_IO = """
import json, statistics, sys, time
from kg.store import NetworkXStore
from kg.store.networkx_store import read_graph, write_graph

def timed(fn, rounds=3):
    took, cpu = [], []
    for _ in range(rounds):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        took.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
    CPU[fn.__name__] = round(statistics.median(cpu), 3)
    return round(statistics.median(took), 3), out

CPU = {}

def stats():
    return NetworkXStore(sys.argv[1], create=False).stats()["relationships"]
def read():
    return read_graph(sys.argv[1])
stats_s, n = timed(stats)
read_s, g = timed(read)
def write():
    return write_graph(g, sys.argv[2])
write_s, _ = timed(write)
print(json.dumps({"stats_s": stats_s, "read_s": read_s, "write_s": write_s,
                  "stats_cpu_s": CPU["stats"], "read_cpu_s": CPU["read"],
                  "write_cpu_s": CPU["write"], "nodes": g.number_of_nodes(),
                  "relationships": n}))
"""


class Variant:
    """The kg whose embedded store is measured: this checkout, or ``git archive REV`` of
    the repository unpacked in ``work`` (the baseline, run from its own folder so that its
    ``kg`` package is the one imported)."""

    def __init__(self, label: str, root: Path):
        self.label, self.root = label, root

    @classmethod
    def baseline(cls, rev: str, work: Path) -> Variant:
        root = work / f"baseline-{rev}"
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(REPO_DIR), "archive", "--format=tar", rev,
                                  "kg", "cypher"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
        return cls(f"baseline {rev}", root)

    def kg(self, *args: str) -> list[str]:
        return [*KG, *args]


def _later_copy(triples_file: Path, out: Path) -> Path:
    """The same triples as new evidence (documents under ``later/``): what a second load
    of fresh articles about the same actors adds."""
    with triples_file.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            row = json.loads(line)
            row["doc_id"] = "later/" + row["doc_id"]
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def bench_embedded(triples_file: Path, work: Path, scale: int,
                   variant: Variant | None = None, extra: Path | None = None) -> dict:
    """``kg load`` (build), ``kg stats``, two saved queries (one reads evidence, one does
    not), an incremental ``kg load`` of ``extra`` into the built graph, as separate
    processes under :mod:`bench.rss`; then in one process opening the store for stats,
    reading the whole graph and writing it (what every command pays for the file), each
    the median of 3 rounds."""
    variant = variant or Variant("current", REPO_DIR)
    tag = f"x{scale}" + ("" if variant.root == REPO_DIR else "_baseline")
    graph = work / f"graph_{tag}.json"
    graph.unlink(missing_ok=True)
    cwd = variant.root

    def run(label: str, *args: str) -> dict:
        return measure(variant.kg(*args), work, f"{label}_{tag}", cwd=cwd)

    res: dict = {"variant": variant.label,
                 "build": run("load", "load", str(triples_file), "--graph", str(graph))}
    res["file_mb"] = round(graph.stat().st_size / 2**20, 2)
    res["stats"] = run("stats", "stats", "--graph", str(graph))
    res["query"] = run("query", "query", "who_backs", "-p", "name=Hezbollah", "--graph",
                       str(graph), "--format", "json")
    res["query_no_evidence"] = run("query_allies", "query", "allies", "-p", "name=Iran",
                                   "--graph", str(graph), "--format", "json")
    if extra is not None:
        res["incremental"] = run("incremental", "load", str(extra), "--graph", str(graph))
        res["file_mb_after_incremental"] = round(graph.stat().st_size / 2**20, 2)
    rewrite = work / f"rewrite_{tag}.json"
    proc = subprocess.run([sys.executable, "-c", _GRAPH_IO, str(graph), str(rewrite)],
                          cwd=cwd, check=True, capture_output=True, text=True)
    res.update(json.loads(proc.stdout))
    rewrite.unlink(missing_ok=True)
    _log(f"embedded x{scale} {variant.label}: {res['file_mb']} MB, build "
         f"{res['build']['seconds']} s {res['build']['peak_rss_mb']} MiB, stats "
         f"{res['stats']['seconds']} s, query {res['query']['seconds']} s, incremental "
         f"{res.get('incremental', {}).get('seconds')} s, open+stats {res['stats_s']} s, "
         f"read {res['read_s']} s, write {res['write_s']} s")
    return res


def bench_embedded_pair(triples_file: Path, work: Path, scale: int,
                        baseline: Variant | None, extra: Path | None) -> dict:
    """The current store and, when given, the baseline on the same triples, taking turns
    at going first (scale by scale) so neither always meets the same load."""
    if baseline is None:
        return bench_embedded(triples_file, work, scale, extra=extra)
    order = [None, baseline] if scale % 2 == 0 else [baseline, None]
    out = {}
    for v in order:
        out["baseline" if v is baseline else "current"] = bench_embedded(
            triples_file, work, scale, v, extra)
    out.update(out["current"])  # the top-level figures stay the current store's
    return out


def bench_neo4j(triples_file: Path, work: Path, home: Path, bolt: int, http: int,
                repeat: int) -> dict:
    from neo4j import GraphDatabase

    from kg.derive import refresh
    from kg.neo4j_server import Neo4jServer
    from kg.pipeline import read_triples
    from kg.store.neo4j_store import Neo4jStore

    from .engine_loader import EngineLoader
    from .load_bench import clear_database, graph_counts
    from .query_bench import bench_queries, networkx_store

    triples = list(read_triples(triples_file))
    server = Neo4jServer(home, bolt_port=bolt, http_port=http, auth=False, apoc=False)
    server.start(timeout=600)
    out: dict = {"rows": None, "batch_size": BATCH, "incremental_s": [], "plain_s": [],
                 "plain_1000_s": [], "refresh_s": None}
    driver = GraphDatabase.driver(server.bolt_uri)
    store = Neo4jStore.connect(uri=server.bolt_uri)
    engine = EngineLoader(driver)
    store.ensure_constraints()
    # warm-up of both (JIT, plan cache) on the first 10,000 rows
    for fn in (lambda: engine.load(triples[:10000], batch_size=BATCH),
               lambda: store.load(triples[:10000], batch_size=BATCH)):
        clear_database(driver, "neo4j")
        fn()
    for r in range(repeat):
        # the ceiling in kg's batches; and in 1,000-row batches, as the sections of
        # BENCHMARKS.md before session 5 measured it (kg's default was 1,000 rows once)
        trio = [("plain_s", lambda: engine.load(triples, batch_size=BATCH)),
                ("incremental_s", lambda: store.load(triples, batch_size=BATCH)),
                ("plain_1000_s", lambda: engine.load(triples, batch_size=1000))]
        for key, fn in (trio if r % 2 == 0 else trio[::-1]):
            clear_database(driver, "neo4j")
            with Timer() as t:
                result = fn()
            out[key].append(round(t.seconds, 2))
            out["rows"] = result.rows
            _log(f"neo4j {key}: {t.seconds:.2f} s")
    clear_database(driver, "neo4j")  # kg's graph for what follows, whoever went last
    store.load(triples)
    counts = graph_counts(driver, "neo4j")
    with Timer() as t:
        refresh(store)
    out["refresh_s"] = round(t.seconds, 2)
    with Timer() as t:
        again = store.load(triples)
    out["reload_s"] = round(t.seconds, 2)
    out["reload_added"] = again.evidence_added
    out["graph"] = counts
    inc, plain = median(out["incremental_s"]), median(out["plain_s"])
    out["incremental_rows_per_s"] = round(out["rows"] / inc, 1)
    out["plain_rows_per_s"] = round(out["rows"] / plain, 1)
    out["incremental_vs_plain"] = rounded(plain / inc, 3)
    out["incremental_vs_plain_1000"] = rounded(median(out["plain_1000_s"]) / inc, 3)
    _log("neo4j queries")
    out["queries_neo4j"] = bench_queries(store, runs=20, budget_s=10, log=lambda m: None)
    nx_store, _ = networkx_store(triples)
    refresh(nx_store)
    out["queries_embedded"] = bench_queries(nx_store, runs=20, budget_s=10,
                                            log=lambda m: None)
    store.close()
    driver.close()
    server.stop()
    # bulk: the same rows, files and import timed apart, into the stopped server
    proc = subprocess.run([*KG, "load", str(triples_file), "--bulk", "--no-auth", "--home",
                           str(home), "--bolt-port", str(bolt), "--http-port", str(http)],
                          capture_output=True, text=True, cwd=REPO_DIR)
    out["bulk_stderr"] = proc.stderr.strip().splitlines()[-3:]
    t_files = t_import = None
    for line in proc.stderr.splitlines():
        if line.startswith("wrote ") and " in " in line:
            t_files = float(line.rsplit(" in ", 1)[1].split()[0])
        if "neo4j-admin imported" in line:
            t_import = float(line.rsplit(" in ", 1)[1].split()[0])
    out["bulk_files_s"], out["bulk_import_s"] = t_files, t_import
    with Neo4jStore.connect(uri=server.bolt_uri) as imported, \
            GraphDatabase.driver(server.bolt_uri) as d:
        out["bulk_graph"] = graph_counts(d, "neo4j")
        out["bulk_same_graph"] = out["bulk_graph"] == counts
        del imported
    server.stop()
    if t_files and t_import:
        out["bulk_rows_per_s"] = round(out["rows"] / (t_files + t_import), 1)
        out["bulk_vs_incremental"] = rounded(inc / (t_files + t_import), 2)
    _log(f"neo4j bulk: files {t_files} s, import {t_import} s")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,10,100,1000")
    ap.add_argument("--out", type=Path, default=Path("bench/out/scale.json"))
    ap.add_argument("--work", type=Path, default=Path("bench/out/scale"))
    ap.add_argument("--neo4j-home", type=Path, default=Path("bench/out/neo4j-scale"))
    ap.add_argument("--bolt-port", type=int, default=7708)
    ap.add_argument("--http-port", type=int, default=7495)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--only", default="extract,embedded,neo4j")
    ap.add_argument("--baseline", default=None, metavar="REV",
                    help="also measure the embedded store of git revision REV (e.g. the "
                         "last commit before the version-2 graph file) in the same run")
    ap.add_argument("--reuse", type=Path, default=None,
                    help="folder with xN/ corpora and tN.jsonl triples from an earlier run "
                         "(skips generating and extracting them)")
    a = ap.parse_args(argv)
    from .corpus import build_corpus

    scales = [int(s) for s in a.scales.split(",")]
    a.work = a.work.resolve()  # commands of the baseline run in another folder
    if a.reuse is not None:
        a.reuse = a.reuse.resolve()
    parts = set(a.only.split(","))
    a.work.mkdir(parents=True, exist_ok=True)
    res: dict = {"command": " ".join(sys.argv), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                 "machine": machine(), "load_average_start": os.getloadavg(),
                 "corpus": {}, "embedded": {}}
    triples_files = {}
    baseline = Variant.baseline(a.baseline, a.work) if a.baseline else None
    extra = None
    for scale in scales:
        corpus = a.work / f"x{scale}"
        if a.reuse is not None:
            corpus, tf = a.reuse / f"x{scale}", a.reuse / f"t{scale}.jsonl"
            res["corpus"][scale] = {"reused": str(corpus),
                                    "triples": sum(1 for _ in tf.open())}
            triples_files[scale] = tf
            if "embedded" in parts:
                extra = extra or _later_copy(tf, a.work / "later.jsonl")
                res["embedded"][scale] = bench_embedded_pair(tf, a.work, scale, baseline,
                                                             extra)
            continue
        if corpus.exists():
            shutil.rmtree(corpus)
        info = build_corpus(scale, corpus)
        res["corpus"][scale] = {"files": info.files, "documents": info.documents,
                                "words": info.words, "bytes": info.bytes}
        tf = a.work / f"triples_x{scale}.jsonl"
        with Timer() as t:
            subprocess.run([*KG, "extract", str(corpus), "-o", str(tf), "--no-progress",
                            "--workers", "2"], check=True, cwd=REPO_DIR,
                           stderr=subprocess.DEVNULL)
        res["corpus"][scale]["triples"] = sum(1 for _ in tf.open())
        res["corpus"][scale]["extract_workers2_s"] = round(t.seconds, 2)
        triples_files[scale] = tf
        _log(f"corpus x{scale}: {info.words} words, {res['corpus'][scale]['triples']} triples")
        if "embedded" in parts:
            extra = extra or _later_copy(tf, a.work / "later.jsonl")
            res["embedded"][scale] = bench_embedded_pair(tf, a.work, scale, baseline, extra)
    top = max(scales)
    if "extract" in parts:
        top_corpus = (a.reuse if a.reuse is not None else a.work) / f"x{top}"
        res["extract"] = bench_extraction(top_corpus, a.work)
    if "neo4j" in parts:
        res["neo4j"] = bench_neo4j(triples_files[top], a.work, a.neo4j_home.resolve(),
                                   a.bolt_port, a.http_port, a.repeat)
    res["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    res["load_average_end"] = os.getloadavg()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    _log(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
