"""Concurrent writers on one embedded graph (issue 14): every triple of every run is kept.

Before the graph lock, each ``kg load`` read the graph, merged its triples and wrote the
file back; the last writer won and the others' triples were gone, while every run said
"loaded" and exited 0 (4 runs kept 25 %).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from kg.store import NetworkXStore

from ._helpers import KG, make_triples, write_triples_file


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1", **extra}
    env.pop("KG_GRAPH", None)
    env.pop("KG_BACKEND", None)
    return env


def _start(*args: str, cwd: Path | None = None, **env: str) -> subprocess.Popen:
    return subprocess.Popen([*KG, *args], cwd=cwd, env=_env(**env), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _mentions(graph: Path) -> int:
    g = NetworkXStore(graph, create=False).graph
    return sum(d["mentions"] for _, _, d in g.edges(data=True))


def test_four_concurrent_loads_keep_every_triple(tmp_path):
    graph = tmp_path / "graph.json"
    files, total = [], 0
    for i in range(4):
        triples = make_triples(1500, prefix=f"run{i} ", seed=i)
        total += len(triples)
        files.append(write_triples_file(triples, tmp_path / f"t{i}.jsonl"))
    procs = [_start("load", str(f), "--graph", str(graph)) for f in files]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    assert _mentions(graph) == total  # 100 %: 6,000 of 6,000


def test_two_concurrent_builds_keep_every_triple(tmp_path):
    folders = []
    for i, (a, b) in enumerate([("Iran", "Hezbollah"), ("Russia", "Wagner Group")]):
        folder = tmp_path / f"corpus{i}"
        folder.mkdir()
        for j in range(6):
            (folder / f"article{i}-{j}.txt").write_text(
                f"{a} backs {b} in report {i}-{j}.\n\n"
                f"The United States operates the Al-Tanf base in Syria, notice {i}-{j}.\n",
                encoding="utf-8")
        folders.append(folder)
    alone = []
    for folder in folders:  # what each build puts in an empty graph on its own
        g = tmp_path / f"alone-{folder.name}.json"
        p = subprocess.run([*KG, "build", str(folder), "--graph", str(g)], env=_env(),
                           capture_output=True, text=True, timeout=300)
        assert p.returncode == 0, p.stderr
        alone.append(_mentions(g))
    graph = tmp_path / "graph.json"
    procs = [_start("build", str(f), "--graph", str(graph)) for f in folders]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    assert alone[0] > 0 and alone[1] > 0
    assert _mentions(graph) == sum(alone)


def test_a_waiting_run_says_so_and_continues_when_the_lock_is_free(tmp_path):
    graph = tmp_path / "graph.json"
    from kg.store.graph_lock import GraphLock

    triples = write_triples_file(make_triples(50), tmp_path / "t.jsonl")
    held = GraphLock(graph)
    held.acquire()
    try:
        proc = _start("load", str(triples), "--graph", str(graph))
        time.sleep(8)  # far longer than loading 50 triples takes
        assert proc.poll() is None, "kg load finished while another writer held the graph"
        assert not graph.exists()
    finally:
        held.release()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "waiting for" in err and "another kg run" in err
    assert _mentions(graph) == 50


_HOLD_AND_DIE = textwrap.dedent("""
    import os, signal, sys
    from kg.store.graph_lock import GraphLock
    GraphLock(sys.argv[1]).acquire()
    print("locked", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_a_lock_left_by_a_killed_run_is_recovered(tmp_path):
    from kg.store.graph_lock import lock_path

    graph = tmp_path / "graph.json"
    killed = subprocess.run([sys.executable, "-c", _HOLD_AND_DIE, str(graph)],
                            capture_output=True, text=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL and "locked" in killed.stdout
    assert lock_path(graph).exists()  # the lock file stays; the OS lock died with its owner
    triples = write_triples_file(make_triples(40), tmp_path / "t.jsonl")
    proc = _start("load", str(triples), "--graph", str(graph), KG_LOCK_TIMEOUT="20")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "waiting" not in err
    assert _mentions(graph) == 40


def test_an_unlocked_library_save_refuses_to_undo_another_writer(tmp_path):
    graph = tmp_path / "graph.json"
    first = NetworkXStore(graph)
    first.load(make_triples(20))
    first.save()
    stale = NetworkXStore(graph)           # reads version 1
    other = NetworkXStore(graph)
    other.load(make_triples(20, prefix="other "))
    other.save()                           # version 2 on disk
    stale.load(make_triples(20, prefix="stale "))
    try:
        stale.save()
    except Exception as e:  # noqa: BLE001 - the type is checked below
        assert type(e).__name__ == "GraphFileError" and "changed by another writer" in str(e)
    else:
        raise AssertionError("a stale store overwrote another writer's save")
    assert _mentions(graph) == 40
