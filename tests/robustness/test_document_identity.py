"""Document identity (issue 14): two files of the same name never merge.

Before: document ids were bare file names, so ``corpus/2020/report.txt`` and
``corpus/2021/report.txt`` were one document: their evidence merged (1 mention, 1
document instead of 2), silently. Ids are now the path below the folder given; files
named one by one, or lying directly in the folder given, keep their bare name (so the
extraction snapshot's ids did not change).
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.store import NetworkXStore

from ._helpers import assert_clean_failure, make_triples, run_kg, write_triples_file

ARTICLE = "Iran backs Hezbollah in Lebanon, officials said.\n"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    for year in ("2020", "2021"):
        (corpus / year).mkdir(parents=True)
        (corpus / year / "report.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "top.txt").write_text(ARTICLE, encoding="utf-8")
    return corpus


def _extract_ids(*args: str, cwd: Path) -> list[str]:
    proc = run_kg("extract", *args, "-o", "-", "--no-progress", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return sorted({json.loads(line)["doc_id"] for line in proc.stdout.splitlines()})


def test_same_file_name_in_two_folders_gives_two_documents(tmp_path):
    corpus = _corpus(tmp_path)
    graph = tmp_path / "graph.json"
    proc = run_kg("build", str(corpus), "--graph", str(graph), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    g = NetworkXStore(graph, create=False)
    assert g.stats()["documents"] == 3
    backs = [d for _, _, d in g.graph.edges(data=True) if d["type"] == "BACKS"]
    assert [d["mentions"] for d in backs] == [3]
    assert sorted(backs[0]["docs"]) == ["2020/report.txt", "2021/report.txt", "top.txt"]


def test_ids_are_paths_below_the_folder_given(tmp_path):
    corpus = _corpus(tmp_path)
    assert _extract_ids(str(corpus), cwd=tmp_path) == [
        "2020/report.txt", "2021/report.txt", "top.txt"]
    # the same files reached from another folder keep ids below that folder
    assert _extract_ids(str(corpus / "2020"), cwd=tmp_path) == ["report.txt"]
    # a file named on the command line keeps its bare name, as before
    assert _extract_ids(str(corpus / "2021" / "report.txt"), cwd=tmp_path) == ["report.txt"]


def test_jsonl_line_ids_carry_the_path_too(tmp_path):
    corpus = tmp_path / "corpus"
    for year in ("2020", "2021"):
        (corpus / year).mkdir(parents=True)
        (corpus / year / "wire.jsonl").write_text(json.dumps({"text": ARTICLE}) + "\n",
                                                   encoding="utf-8")
    assert _extract_ids(str(corpus), cwd=tmp_path) == ["2020/wire.jsonl#1", "2021/wire.jsonl#1"]


def _legacy_graph(path: Path, doc: str) -> Path:
    """A graph file as kg wrote it before document ids were paths (no "doc_ids"; format
    version 1, one JSON document)."""
    from kg.store.networkx_store import to_json_data

    store = NetworkXStore(path)
    t = make_triples(1)[0]
    store.load([type(t)(**{**t.to_dict(), "doc_id": doc})])
    data = to_json_data(store.graph)
    assert data["version"] == 1
    data.pop("doc_ids")
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_old_graph_that_could_double_count_is_refused_with_what_to_do(tmp_path):
    graph = _legacy_graph(tmp_path / "graph.json", "report.txt")
    before = graph.read_bytes()
    t = make_triples(2)[1]
    triples = write_triples_file([type(t)(**{**t.to_dict(), "doc_id": "2020/report.txt"})],
                                 tmp_path / "t.jsonl")
    proc = run_kg("load", str(triples), "--graph", str(graph), cwd=tmp_path)
    assert_clean_failure(proc, "older kg", "kg build --fresh", exit_codes=(1,))
    assert graph.read_bytes() == before


def test_an_old_graph_without_conflicts_is_migrated(tmp_path):
    graph = _legacy_graph(tmp_path / "graph.json", "flat.txt")
    t = make_triples(2)[1]
    triples = write_triples_file([type(t)(**{**t.to_dict(), "doc_id": "2020/other.txt"})],
                                 tmp_path / "t.jsonl")
    proc = run_kg("load", str(triples), "--graph", str(graph), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    header = json.loads(graph.read_text(encoding="utf-8").split("\n", 1)[0])
    assert (header["version"], header["doc_ids"]) == (2, "path-below-input-folder")
    assert NetworkXStore(graph).stats()["documents"] == 2
