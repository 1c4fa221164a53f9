"""Input validation and the last tracebacks (issue 14).

Before: a lone surrogate in a triples line passed validation and crashed ``kg load`` when
it saved; a line nested 100,000 levels deep crashed with a RecursionError; one non-UTF-8
``.cypher`` file in ``KG_CYPHER_DIR`` broke every ``kg query``; a missing ``KG_CYPHER_DIR``
listed nothing and exited 0; ``kg stats | head -1`` printed "Error: Broken pipe", exit 1.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.store import NetworkXStore

from ._helpers import KG, assert_clean_failure, make_triples, run_kg, write_triples_file

REPO = Path(__file__).resolve().parents[2]


def _triples_with(tmp_path: Path, bad_line: str) -> Path:
    good = make_triples(3)
    path = tmp_path / "t.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(good[0].to_json() + "\n")
        f.write(bad_line + "\n")
        f.write(good[1].to_json() + "\n")
    return path


def test_lone_surrogate_in_a_triples_line_is_refused_with_file_and_line(tmp_path):
    line = make_triples(1)[0].to_json().replace('"rule": "synthetic"', '"rule": "x\\ud800y"')
    assert "\\ud800" in line
    triples = _triples_with(tmp_path, line)
    graph = tmp_path / "graph.json"
    proc = run_kg("load", str(triples), "--graph", str(graph), cwd=tmp_path)
    err = assert_clean_failure(proc, "t.jsonl:2", "surrogate", exit_codes=(1,))
    assert "rule" in err
    assert not graph.exists()


def test_lone_surrogate_in_a_name_is_refused_too(tmp_path):
    line = json.dumps({"subject": "Front \ud83d", "relation": "BACKS", "object": "Iran"})
    triples = _triples_with(tmp_path, line)
    proc = run_kg("load", str(triples), "--graph", str(tmp_path / "g.json"), cwd=tmp_path)
    assert_clean_failure(proc, "t.jsonl:2", "surrogate", exit_codes=(1,))


def test_a_triples_line_nested_100000_deep_is_refused_with_file_and_line(tmp_path):
    triples = _triples_with(tmp_path, "[" * 100_000 + "]" * 100_000)
    proc = run_kg("load", str(triples), "--graph", str(tmp_path / "g.json"), cwd=tmp_path)
    assert_clean_failure(proc, "t.jsonl:2", "nested", exit_codes=(1,))


def test_surrogates_in_documents_do_not_crash_a_build(tmp_path):
    docs = tmp_path / "news.jsonl"
    docs.write_text(json.dumps({"id": "d1", "title": "T\udc80",
                                "text": "Iran backs Hezbollah \ud800 in Lebanon."}) + "\n",
                    encoding="utf-8")
    graph = tmp_path / "graph.json"
    proc = run_kg("build", str(docs), "--graph", str(graph), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    g = NetworkXStore(graph, create=False).graph
    sentences = [s for _, _, d in g.edges(data=True) for s in d["sentences"]]
    assert sentences and all("\ud800" not in s for s in sentences)


@pytest.fixture
def cypher_dir(tmp_path) -> Path:
    folder = tmp_path / "cypher"
    shutil.copytree(REPO / "cypher", folder)
    (folder / "broken.cypher").write_bytes(
        "// title: Caf\u00e9 query\nMATCH (n) RETURN n.name\n".encode("cp1252"))
    return folder


def test_one_bad_cypher_file_is_named_and_the_others_still_work(cypher_dir, tmp_path):
    env = {"KG_CYPHER_DIR": str(cypher_dir)}
    listing = run_kg("query", "--list", env=env, cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert "who_backs" in listing.stdout
    assert "broken.cypher" in listing.stderr and "Traceback" not in listing.stderr

    graph = tmp_path / "graph.json"
    store = NetworkXStore(graph)
    store.load(make_triples(30))
    store.save()
    proc = run_kg("query", "who_backs", "-p", f"name={next(iter(store.graph.nodes))}",
                  "--exact", "--graph", str(graph), env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr

    bad = run_kg("query", "broken", "--graph", str(graph), env=env, cwd=tmp_path)
    assert_clean_failure(bad, "broken.cypher", exit_codes=(1,))


def test_a_missing_cypher_dir_is_an_error(tmp_path):
    env = {"KG_CYPHER_DIR": str(tmp_path / "no-such-folder")}
    proc = run_kg("query", "--list", env=env, cwd=tmp_path)
    assert_clean_failure(proc, "KG_CYPHER_DIR", "no-such-folder", exit_codes=(1,))


def _through_head(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``kg ARGS | head -1`` in a real shell; prints kg's own exit status last."""
    kg = " ".join(f"'{a}'" for a in (*KG, *args))
    script = f"{kg} | head -1 >/dev/null; echo \"kg-exit=${{PIPESTATUS[0]}}\""
    return subprocess.run(["bash", "-c", script], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def wide_graph(tmp_path) -> Path:
    path = tmp_path / "graph.json"
    store = NetworkXStore(path)
    store.load(make_triples(9000))  # 3,000 names: far more output than a pipe buffers
    store.save()
    return path


@pytest.mark.parametrize("args", [
    ("stats",),
    ("cypher", "MATCH (n) RETURN n.name AS name", "--format", "csv"),
    ("cypher", "MATCH (n) RETURN n.name AS name"),
])
def test_a_closed_pipe_ends_quietly_with_exit_0(args, wide_graph, tmp_path):
    proc = _through_head(*args, "--graph", str(wide_graph), cwd=tmp_path)
    assert proc.stdout.strip().endswith("kg-exit=0"), proc.stdout + proc.stderr
    assert proc.stderr == "", proc.stderr


def test_valid_triples_still_load(tmp_path):
    triples = write_triples_file(make_triples(20), tmp_path / "ok.jsonl")
    proc = subprocess.run([*KG, "load", str(triples), "--graph", str(tmp_path / "g.json")],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sys.executable


@pytest.mark.neo4j
def test_lone_surrogate_is_refused_on_neo4j_too(server, driver, tmp_path):
    from ._helpers import OWN_PASSWORD, neo4j_env, neo4j_fingerprint, wipe

    wipe(driver)
    before = neo4j_fingerprint(driver)
    line = make_triples(1)[0].to_json().replace('"rule": "synthetic"', '"rule": "x\\ud800y"')
    triples = _triples_with(tmp_path, line)
    proc = run_kg("load", str(triples), "--backend", "neo4j",
                  env=neo4j_env(server.bolt_uri, OWN_PASSWORD), cwd=tmp_path)
    assert_clean_failure(proc, "t.jsonl:2", "surrogate", exit_codes=(1,))
    after = neo4j_fingerprint(driver)
    assert after["mentions"] <= 1 and after["nodes"] <= 2  # at most the first good line
    assert before["nodes"] == 0
