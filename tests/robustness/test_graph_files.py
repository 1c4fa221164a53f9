"""Graph files: atomic writes, and clear errors for files that are not (whole) kg graphs.

The embedded graph is the user's only copy of their work, so two promises matter: a
save never leaves a half-written file where the graph was (temp file + rename), and a
damaged or foreign file is reported, never half-read, overwritten or met with a traceback.
"""

from __future__ import annotations

import json
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.store import GraphFileError, NetworkXStore
from kg.store.networkx_store import read_graph

from ._helpers import assert_clean_failure, file_hash, make_triples, nx_fingerprint, run_kg


def _temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- atomic save ---------------------------------------------------------------------

def test_save_replaces_the_file_by_rename_and_keeps_its_permissions(tmp_path):
    path = tmp_path / "graph.json"
    store = NetworkXStore(path)
    store.load(make_triples(30))
    store.save()
    path.chmod(0o644)
    before_inode = path.stat().st_ino

    store.load(make_triples(30, prefix="more "))
    store.save()

    # A new inode means the old file was replaced whole, not rewritten in place.
    assert path.stat().st_ino != before_inode
    assert _temp_files(tmp_path) == []
    assert nx_fingerprint(read_graph(path)) == nx_fingerprint(store.graph)
    # Replacing the file must not make a shared graph private (mkstemp creates 0600).
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


_WRITER = textwrap.dedent("""
    import os, signal, sys
    from kg.store import NetworkXStore

    path, mode = sys.argv[1], sys.argv[2]
    store = NetworkXStore(path)          # reads the previous graph
    g = store.graph
    for i in range(150_000):             # ~30 MB of JSON: the write takes a while
        g.add_node(f"bulk {i}", name=f"bulk {i}", type="GROUP",
                   __labels__={"Entity", "Actor", "Group"}, note="x" * 100)
    if mode == "before-rename":
        def hook(event, args):
            if event == "os.rename":     # os.replace: the temp file is complete
                os.kill(os.getpid(), signal.SIGKILL)
        sys.addaudithook(hook)
    print("saving", flush=True)
    store.save()
    print("saved", flush=True)
""")


@pytest.fixture
def previous_graph(tmp_path) -> Path:
    path = tmp_path / "graph.json"
    store = NetworkXStore(path)
    store.load(make_triples(40))
    store.save()
    return path


def test_crash_just_before_rename_leaves_previous_graph(previous_graph):
    before = file_hash(previous_graph)
    proc = subprocess.run([sys.executable, "-c", _WRITER, str(previous_graph), "before-rename"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "saving" in proc.stdout and "saved" not in proc.stdout
    assert file_hash(previous_graph) == before
    assert read_graph(previous_graph).number_of_nodes() > 0


def test_sigkill_while_writing_leaves_previous_graph(previous_graph):
    """Kill the writer from outside as soon as its temp file exists (mid-write)."""
    original = previous_graph.read_bytes()
    for _attempt in range(3):  # on a very fast disk the write may slip between two polls
        previous_graph.write_bytes(original)
        caught_size, returncode = _kill_writer_when_temp_file_appears(previous_graph)
        if caught_size is not None:
            break
    assert caught_size is not None, "the writer always finished before its temp file was seen"
    assert returncode == -signal.SIGKILL
    assert previous_graph.read_bytes() == original
    store = NetworkXStore(previous_graph, create=False)
    assert store.graph.number_of_nodes() == read_graph(previous_graph).number_of_nodes() > 0


def _kill_writer_when_temp_file_appears(graph: Path) -> tuple[int | None, int]:
    child = subprocess.Popen([sys.executable, "-c", _WRITER, str(graph), "run"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    caught_size = None
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and child.poll() is None:
            temps = _temp_files(graph.parent)
            if temps:
                child.send_signal(signal.SIGKILL)
                try:
                    caught_size = temps[0].stat().st_size
                except FileNotFoundError:
                    caught_size = -1
                break
            time.sleep(0.001)
    finally:
        if child.poll() is None and caught_size is None:
            child.kill()
        child.communicate(timeout=60)
    for temp in _temp_files(graph.parent):  # what a killed writer leaves behind
        temp.unlink()
    return caught_size, child.returncode


# -- damaged and foreign files -----------------------------------------------------------

def _truncated(path: Path, good: bytes) -> None:
    path.write_bytes(good[: len(good) // 2])


BAD_FILES = {
    "empty": lambda p, good: p.write_bytes(b""),
    "truncated": _truncated,
    "whitespace": lambda p, good: p.write_text("  \n\n"),
    "foreign object": lambda p, good: p.write_text(json.dumps(
        {"type": "FeatureCollection", "features": []})),
    "foreign list": lambda p, good: p.write_text("[1, 2, 3]"),
    "json string": lambda p, good: p.write_text('"kg-graph"'),
    "binary": lambda p, good: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    "utf-16": lambda p, good: p.write_bytes(good[:2000].decode("utf-8", "ignore")
                                           .encode("utf-16")),
    "newer version": lambda p, good: p.write_text(json.dumps(
        {"format": "kg-graph", "version": 99, "nodes": [], "relationships": []})),
    "nodes not a list": lambda p, good: p.write_text(json.dumps(
        {"format": "kg-graph", "version": 1, "nodes": 5, "relationships": []})),
    "node is text": lambda p, good: p.write_text(json.dumps(
        {"format": "kg-graph", "version": 1, "nodes": ["abc"], "relationships": []})),
    "node id is a list": lambda p, good: p.write_text(json.dumps(
        {"format": "kg-graph", "version": 1, "nodes": [{"id": ["x"]}], "relationships": []})),
    "edge without type": lambda p, good: p.write_text(json.dumps(
        {"format": "kg-graph", "version": 1, "nodes": [{"id": "A"}, {"id": "B"}],
         "relationships": [{"source": "A", "target": "B", "key": "BACKS"}]})),
    "evidence not a list": lambda p, good: p.write_text(json.dumps(
        {"format": "kg-graph", "version": 1, "nodes": [{"id": "A"}, {"id": "B"}],
         "relationships": [{"source": "A", "target": "B", "key": "BACKS", "type": "BACKS",
                            "docs": 5, "mentions": 1}]})),
    "deeply nested": lambda p, good: p.write_text("[" * 100_000 + "]" * 100_000),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_graph_file_is_a_clear_error(kind, previous_graph, tmp_path):
    bad = tmp_path / "bad.json"
    BAD_FILES[kind](bad, previous_graph.read_bytes())
    before = file_hash(bad)

    with pytest.raises(GraphFileError):
        NetworkXStore(bad).stats()

    for args in (["stats"], ["cypher", "MATCH (n) RETURN count(n) AS n"],
                 ["export", "--format", "json", "-o", str(tmp_path / "out.json")]):
        proc = run_kg(*args, "--graph", str(bad), cwd=tmp_path)
        assert_clean_failure(proc, "bad.json", exit_codes=(1,))

    # Loading into a damaged graph must refuse, not silently start a new one over it.
    triples = tmp_path / "t.jsonl"
    triples.write_text(make_triples(1)[0].to_json() + "\n", encoding="utf-8")
    proc = run_kg("load", str(triples), "--graph", str(bad), cwd=tmp_path)
    assert_clean_failure(proc, "bad.json", exit_codes=(1,))
    assert file_hash(bad) == before


def test_graph_path_that_is_a_folder(tmp_path):
    proc = run_kg("stats", "--graph", str(tmp_path), cwd=tmp_path)
    assert_clean_failure(proc, "directory", exit_codes=(2,))


def test_missing_graph_says_how_to_make_one(tmp_path):
    proc = run_kg("stats", "--graph", str(tmp_path / "nope.json"), cwd=tmp_path)
    assert_clean_failure(proc, "nope.json", "kg build", exit_codes=(1,))


def test_triples_file_is_replaced_whole_with_normal_permissions(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Iran backs Hezbollah, officials said on Monday.\n", encoding="utf-8")
    out = tmp_path / "triples.jsonl"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o644)
    before_inode = out.stat().st_ino
    proc = run_kg("extract", str(article), "-o", str(out), "--no-progress", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_ino != before_inode
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert _temp_files(tmp_path) == []
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["relation"] for line in lines)


def test_export_is_replaced_whole_with_normal_permissions(hostile_graph, tmp_path):
    out = tmp_path / "actors.graphml"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o644)
    before_inode = out.stat().st_ino
    proc = run_kg("export", "--format", "graphml", "-o", str(out), "--graph",
                  str(hostile_graph), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_ino != before_inode
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    # Hostile names (quotes, NUL, right-to-left, emoji) must still give well-formed XML.
    import networkx as nx

    assert nx.read_graphml(out).number_of_nodes() == read_graph(hostile_graph).number_of_nodes()
    assert _temp_files(tmp_path) == []


def _file_size_limit(limit: int):
    """A real "disk full" for one child process: writes past ``limit`` bytes fail with
    EFBIG (Python ignores SIGXFSZ, so the write raises instead of killing the process)."""
    import resource

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_disk_full_while_saving_keeps_previous_graph(previous_graph, tmp_path):
    from ._helpers import KG, write_triples_file

    before = previous_graph.read_bytes()
    triples = write_triples_file(make_triples(3000, prefix="big "), tmp_path / "big.jsonl")
    limit = len(before) + 4096  # the old graph fits; the old graph plus 3000 triples not
    for args in (["load", str(triples), "--graph", str(previous_graph)],
                 ["export", "--format", "json", "-o", str(previous_graph), "--graph",
                  str(tmp_path / "big-graph.json")]):
        if args[0] == "export":  # a graph too big for the limit, exported over the old file
            big = NetworkXStore(tmp_path / "big-graph.json")
            big.load(make_triples(3000, prefix="big "))
            big.save()
        proc = subprocess.run([*KG, *args], capture_output=True, text=True, cwd=tmp_path,
                              preexec_fn=_file_size_limit(limit), timeout=300)
        assert_clean_failure(proc, "too large", exit_codes=(1,))
        assert previous_graph.read_bytes() == before
        assert _temp_files(tmp_path) == []
