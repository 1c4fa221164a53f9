"""Output paths (issue 14): nothing a run reads or points at is destroyed by its writing.

Before: every output was written to a temp file and renamed over the path, whatever the
path was, so a FIFO or a device node became a plain file, a symlinked or hard-linked
graph was cut off from the file it shared, ``kg export -o G --graph G`` replaced the
graph with GraphML and ``kg extract a.txt -o a.txt`` replaced the article; temp files of
a killed run (SIGTERM from ``timeout``, SIGKILL) stayed behind for ever.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from kg.store import NetworkXStore

from ._helpers import (
    KG,
    assert_clean_failure,
    file_hash,
    make_triples,
    run_kg,
    write_triples_file,
)

ARTICLE = "Iran backs Hezbollah in Lebanon, officials said on Monday.\n"


def _temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


def _mentions(graph: Path) -> int:
    g = NetworkXStore(graph, create=False).graph
    return sum(d["mentions"] for _, _, d in g.edges(data=True))


# -- inputs of the same run ------------------------------------------------------------

def test_export_over_the_graph_being_read_is_refused(hostile_graph, tmp_path):
    before = file_hash(hostile_graph)
    proc = run_kg("export", "--format", "graphml", "-o", str(hostile_graph), "--graph",
                  str(hostile_graph), cwd=tmp_path)
    assert_clean_failure(proc, "refusing", "graph being exported", exit_codes=(1,))
    assert file_hash(hostile_graph) == before


def test_export_over_a_link_to_the_graph_being_read_is_refused(hostile_graph, tmp_path):
    link = tmp_path / "alias.json"
    link.symlink_to(hostile_graph)
    before = file_hash(hostile_graph)
    proc = run_kg("export", "--format", "json", "-o", str(link), "--graph",
                  str(hostile_graph), cwd=tmp_path)
    assert_clean_failure(proc, "refusing", exit_codes=(1,))
    assert file_hash(hostile_graph) == before and link.is_symlink()


def test_extract_over_its_own_input_article_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = run_kg("extract", str(article), "-o", str(article), "--no-progress", cwd=tmp_path)
    assert_clean_failure(proc, "refusing", "input article", exit_codes=(1,))
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_extract_over_an_article_of_an_input_folder_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "b.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_kg("extract", str(corpus), "-o", str(corpus / "b.txt"), "--no-progress",
                  cwd=tmp_path)
    assert_clean_failure(proc, "refusing", exit_codes=(1,))
    assert (corpus / "b.txt").read_text(encoding="utf-8") == ARTICLE


# -- devices, pipes, links ---------------------------------------------------------------

def test_a_fifo_is_written_into_not_replaced(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    fifo = tmp_path / "triples.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = run_kg("extract", str(article), "-o", str(fifo), "--no-progress", cwd=tmp_path)
    reader.join(timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO was replaced by a plain file"
    assert got and b'"relation": "BACKS"' in got[0]


def _device(path: Path, minor: int) -> Path:
    """A character device node of the memory driver (3 = null, 7 = full)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("creating a device node needs root (CI runs as root)")
    return path


def test_a_device_node_is_written_into_and_stays_a_device(hostile_graph, tmp_path):
    null = _device(tmp_path / "null", 3)
    proc = run_kg("export", "--format", "graphml", "-o", str(null), "--graph",
                  str(hostile_graph), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert _temps(tmp_path) == []


def test_a_full_device_is_one_error_line_and_stays_a_device(hostile_graph, tmp_path):
    full = _device(tmp_path / "full", 7)
    proc = run_kg("export", "--format", "json", "-o", str(full), "--graph",
                  str(hostile_graph), cwd=tmp_path)
    assert_clean_failure(proc, "no space", exit_codes=(1,))
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_dev_stdout_writes_to_the_pipe(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = run_kg("extract", str(article), "-o", "/dev/stdout", "--no-progress", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert '"relation": "BACKS"' in proc.stdout
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()


def test_a_symlinked_graph_keeps_its_link_and_updates_its_target(tmp_path):
    real = tmp_path / "store" / "graph.json"
    real.parent.mkdir()
    first = NetworkXStore(real)
    first.load(make_triples(30))
    first.save()
    link = tmp_path / "graph.json"
    link.symlink_to(real)
    triples = write_triples_file(make_triples(30, prefix="more "), tmp_path / "t.jsonl")
    proc = run_kg("load", str(triples), "--graph", str(link), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink(), "the symlink was replaced by a plain file"
    assert _mentions(real) == 60
    assert _temps(tmp_path) == [] and _temps(real.parent) == []


def test_a_hard_linked_graph_keeps_its_links(tmp_path):
    graph = tmp_path / "graph.json"
    first = NetworkXStore(graph)
    first.load(make_triples(30))
    first.save()
    other_name = tmp_path / "backup-name.json"
    os.link(graph, other_name)
    triples = write_triples_file(make_triples(30, prefix="more "), tmp_path / "t.jsonl")
    proc = run_kg("load", str(triples), "--graph", str(graph), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert graph.stat().st_ino == other_name.stat().st_ino and graph.stat().st_nlink == 2
    assert _mentions(other_name) == 60
    assert _temps(tmp_path) == []


# -- temp files ----------------------------------------------------------------------------

def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(
            f"Iran backs Hezbollah in Lebanon, report {i} said.\n\n"
            f"Russia operates the Hmeimim base in Syria, note {i} added.\n", encoding="utf-8")
    return folder


def _wait_for_temp(folder: Path, proc: subprocess.Popen, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if _temps(folder):
            return True
        time.sleep(0.02)
    return False


def test_sigterm_during_extract_removes_the_temp_file(tmp_path):
    # big enough that the run is still writing when the signal comes, on a fast quiet
    # machine too (400 documents were done within the half second this test once waited)
    corpus = _corpus(tmp_path / "corpus", 3000)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    proc = subprocess.Popen([*KG, "extract", str(corpus), "-o", str(out_dir / "t.jsonl"),
                             "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True)
    assert _wait_for_temp(out_dir, proc), "extract never started writing"
    proc.send_signal(signal.SIGTERM)  # what `timeout` sends
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (143, -signal.SIGTERM)
    assert _temps(out_dir) == [], "the temp file of the killed run stayed behind"
    assert not (out_dir / "t.jsonl").exists()
    assert "Traceback" not in err


def test_temp_file_of_a_sigkilled_run_is_cleaned_by_the_next_run(tmp_path):
    graph = tmp_path / "graph.json"
    big = write_triples_file(make_triples(40_000, prefix="big "), tmp_path / "big.jsonl")
    for _attempt in range(3):
        proc = subprocess.Popen([*KG, "load", str(big), "--graph", str(graph)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL)
        if _wait_for_temp(tmp_path, proc):
            proc.kill()
            proc.communicate(timeout=60)
            break
        proc.communicate(timeout=60)
        graph.unlink(missing_ok=True)
    leftovers = _temps(tmp_path)
    assert leftovers, "never caught the load while it was writing"
    small = write_triples_file(make_triples(10), tmp_path / "small.jsonl")
    proc2 = run_kg("load", str(small), "--graph", str(graph), cwd=tmp_path)
    assert proc2.returncode == 0, proc2.stderr
    assert _temps(tmp_path) == []


def test_a_live_runs_temp_file_is_left_alone(tmp_path):
    from kg.outputs import TEMP_MARK, clean_stale_temps

    mine = tmp_path / f".graph.json{TEMP_MARK}{os.getppid()}-x.tmp"  # a live process
    mine.write_text("in progress", encoding="utf-8")
    clean_stale_temps(tmp_path)
    assert mine.exists()
