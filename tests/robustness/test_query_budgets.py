"""Query budgets on the embedded engine (issue 14): no query hangs kg or eats the machine.

Before: ``MATCH (a) MATCH (b) MATCH (c) MATCH (d) RETURN COUNT(a)`` on the 49-node seed
graph ran 70 s and took 4 GB; ``MATCH (a) MATCH (b)`` on 20,000 nodes was at 13 GB after
60 s; a 1 MB parameter value took 38 s and 1.5 GB. Each run here is held to a safety net
(a wall-clock limit and an address-space cap of its own) so that the old behaviour
fails the test instead of the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import NetworkXStore

from ._helpers import KG, error_line, make_triples

FOUR_MATCHES = "MATCH (a) MATCH (b) MATCH (c) MATCH (d) RETURN COUNT(a)"
TWO_MATCHES = "MATCH (a) MATCH (b) RETURN a.name, b.name"
DEFAULT_TIMEOUT = 10.0  # documented in kg.query_budget, `kg cypher --help` and the README
DEFAULT_MEMORY_MB = 1024
SAFETY_NET_BYTES = 4 * 1024**3  # what the old code could reach before the net stopped it

# Runs kg, then prints the peak resident size of kg and every process it started (the
# kernel keeps the largest of a process tree in RUSAGE_CHILDREN once they are reaped).
_MEASURE = """
import json, resource, subprocess, sys, time
def net():
    resource.setrlimit(resource.RLIMIT_AS, ({net}, {net}))
t = time.monotonic()
try:
    p = subprocess.run(sys.argv[1:], capture_output=True, text=True, preexec_fn=net,
                       timeout={wall}, stdin=subprocess.DEVNULL)
    code, out, err = p.returncode, p.stdout, p.stderr
except subprocess.TimeoutExpired:
    code, out, err = "timeout", "", ""
print(json.dumps({{"code": code, "seconds": time.monotonic() - t, "stdout": out, "stderr": err,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))
"""


def _measured(*args: str, wall: float = 90, **env: str) -> dict:
    full_env = {**os.environ, "NO_COLOR": "1", **env}
    full_env.pop("KG_GRAPH", None)
    code = _MEASURE.format(net=SAFETY_NET_BYTES, wall=wall)
    proc = subprocess.run([sys.executable, "-c", code, *KG, *args], capture_output=True,
                          text=True, env=full_env, timeout=wall + 60)
    return json.loads(proc.stdout)


def _graph(tmp_path: Path, n_triples: int) -> Path:
    path = tmp_path / "graph.json"
    store = NetworkXStore(path)
    store.load(make_triples(n_triples))
    store.save()
    return path


@pytest.fixture(scope="module")
def seed_sized_graph(tmp_path_factory) -> Path:
    """49 nodes, like the seed graph the attack used."""
    path = _graph(tmp_path_factory.mktemp("seed-sized"), 147)
    assert NetworkXStore(path).graph.number_of_nodes() == 49
    return path


def _startup_seconds(graph: Path) -> float:
    """How long kg takes to start and read ``graph`` and answer a trivial query."""
    r = _measured("cypher", "MATCH (n) RETURN COUNT(n) AS n", "--graph", str(graph))
    assert r["code"] == 0, r["stderr"]
    return r["seconds"]


def _assert_one_line_budget_error(r: dict, *words: str) -> str:
    assert r["code"] == 1, f"exit {r['code']} after {r['seconds']:.0f} s: {r['stderr'][-500:]}"
    assert "Traceback" not in r["stderr"]
    fake = subprocess.CompletedProcess([], 1, r["stdout"], r["stderr"])
    line = error_line(fake)
    assert len(r["stderr"].strip().splitlines()) == 1, r["stderr"]
    assert any(w in line for w in words), line
    return line


def test_four_unconnected_matches_on_the_seed_graph_end_within_the_budget(seed_sized_graph):
    startup = _startup_seconds(seed_sized_graph)
    r = _measured("cypher", FOUR_MATCHES, "--graph", str(seed_sized_graph))
    _assert_one_line_budget_error(r, "time budget", "memory budget")
    assert r["seconds"] < DEFAULT_TIMEOUT + startup + 5, r
    # kg itself (~150 MB with its imports) plus at most the query's memory budget
    assert r["peak_mb"] < DEFAULT_MEMORY_MB + 400, r
    print(f"4 MATCH on 49 nodes: {r['seconds']:.1f} s (startup {startup:.1f} s), "
          f"peak RSS {r['peak_mb']:.0f} MB: {r['stderr'].strip()}")


def test_two_unconnected_matches_on_20000_nodes_end_within_the_budget(tmp_path):
    graph = _graph(tmp_path, 60_000)
    assert NetworkXStore(graph).graph.number_of_nodes() >= 19_900
    startup = _startup_seconds(graph)
    base = _measured("cypher", "MATCH (n) RETURN COUNT(n) AS n", "--graph", str(graph))
    r = _measured("cypher", TWO_MATCHES, "--graph", str(graph))
    _assert_one_line_budget_error(r, "time budget", "memory budget")
    assert r["seconds"] < DEFAULT_TIMEOUT + startup + 5, r
    # the graph in memory (what the trivial query needed) plus at most the budget
    assert r["peak_mb"] < base["peak_mb"] + DEFAULT_MEMORY_MB + 300, (r, base["peak_mb"])
    print(f"2 MATCH on 20,000 nodes: {r['seconds']:.1f} s (startup {startup:.1f} s), "
          f"peak RSS {r['peak_mb']:.0f} MB (graph alone {base['peak_mb']:.0f} MB): "
          f"{r['stderr'].strip()}")


def test_timeout_option_and_variable(seed_sized_graph):
    startup = _startup_seconds(seed_sized_graph)
    for args, env in (((["--timeout", "2"]), {}), ([], {"KG_QUERY_TIMEOUT": "2"})):
        r = _measured("cypher", FOUR_MATCHES, "--graph", str(seed_sized_graph), *args,
                      KG_QUERY_MEMORY_MB="8000", **env)
        line = _assert_one_line_budget_error(r, "time budget")
        assert "2 s" in line
        assert r["seconds"] < 2 + startup + 4, r


def test_memory_budget_is_enforced(seed_sized_graph):
    r = _measured("cypher", FOUR_MATCHES, "--graph", str(seed_sized_graph), "--timeout", "60",
                  KG_QUERY_MEMORY_MB="300")
    _assert_one_line_budget_error(r, "memory budget")
    assert r["peak_mb"] < 300 + 400, r


def test_row_budget(seed_sized_graph):
    r = _measured("cypher", "MATCH (n) RETURN n.name AS name", "--graph",
                  str(seed_sized_graph), KG_QUERY_MAX_ROWS="10")
    line = _assert_one_line_budget_error(r, "rows")
    assert "49" in line


def test_a_one_megabyte_parameter_is_refused_at_once(seed_sized_graph):
    from kg.errors import KgError

    store = NetworkXStore(seed_sized_graph)
    t = time.monotonic()
    with pytest.raises(KgError, match="characters long"):
        store.query("MATCH (n) WHERE n.name = $name RETURN n.name AS name",
                    {"name": "x" * 1_000_000})
    assert time.monotonic() - t < 2


def test_documented_defaults():
    from kg import query_budget

    assert query_budget.DEFAULT_TIMEOUT == DEFAULT_TIMEOUT
    assert query_budget.DEFAULT_MEMORY_MB == DEFAULT_MEMORY_MB


def test_queries_within_budget_still_answer(seed_sized_graph):
    from kg.query import QueryError

    store = NetworkXStore(seed_sized_graph)
    rows = store.query("MATCH (n) RETURN COUNT(n) AS n")
    assert rows == [{"n": 49}]
    name = next(iter(store.graph.nodes))
    rows = store.query("MATCH (n) WHERE n.name = $name RETURN n.name AS name", {"name": name})
    assert rows == [{"name": name}]
    with pytest.raises(QueryError, match="could not parse"):  # errors keep their class
        store.query("MATCH (n RETURN n")
