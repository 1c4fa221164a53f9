"""Part folders (kg.parts): what `kg extract -o DIR/ --scheduler` writes and `kg load DIR/`
reads. The cluster side is in tests/test_dask_cluster.py; here the folder rules alone."""

from __future__ import annotations

import json

import pytest

from kg.model import Triple
from kg.parts import MANIFEST, PartFolderError, PartWriter, part_files, part_name
from kg.pipeline import read_triples


def _triple(n: int) -> Triple:
    return Triple(subject="Iran", subject_type="STATE", relation="BACKS", object=f"Group {n}",
                  object_type="GROUP", doc_id=f"d{n}", sentence=f"Iran backs Group {n}.",
                  start=0, end=20, rule="test", confidence=0.9)


def test_names_sort_in_input_order_at_any_count():
    for total in (1, 10, 99_999, 100_000, 2_500_000):
        indices = sorted({i for i in (0, 1, 9, 10, total // 2, total - 1) if i < total})
        names = [part_name(i, total) for i in indices]
        assert sorted(names) == names
        assert len({len(n) for n in names}) == 1


def test_parts_read_back_in_order_and_a_rerun_keeps_what_is_there(tmp_path):
    folder = tmp_path / "out"
    plan = [["a.jsonl", 10], ["b.jsonl", 20], ["c.jsonl", 30]]
    writer = PartWriter(folder)
    assert writer.begin(plan, {"model": ""}) == set()
    for i in (2, 0):  # completion order does not matter, names do
        writer.write(i, [_triple(i * 10 + k) for k in range(3)])
    with pytest.raises(PartFolderError, match="incomplete"):
        list(read_triples(folder))  # a run that stopped half-way is not a triples file
    # the rerun of the same plan: parts 0 and 2 are kept, only 1 is written
    again = PartWriter(folder)
    assert again.begin(plan, {"model": ""}) == {0, 2}
    again.write(1, [_triple(10)])
    again.finish()
    assert json.loads((folder / MANIFEST).read_text())["complete"] is True
    assert [t.object for t in read_triples(folder)] == [
        "Group 0", "Group 1", "Group 2", "Group 10", "Group 20", "Group 21", "Group 22"]
    assert [p.name for p in part_files(folder)] == [
        "part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]


def test_another_runs_folder_or_a_foreign_one_is_refused(tmp_path):
    folder = tmp_path / "out"
    PartWriter(folder).begin([["a.jsonl", 10]], {"model": ""})
    with pytest.raises(PartFolderError, match="another run"):
        PartWriter(folder).begin([["a.jsonl", 11]], {"model": ""})  # the input changed
    with pytest.raises(PartFolderError, match="another run"):
        PartWriter(folder).begin([["a.jsonl", 10]], {"model": "en_core_web_sm"})
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(PartFolderError, match="not empty and not a kg part folder"):
        PartWriter(foreign).begin([["a.jsonl", 10]], {})
    assert (foreign / "notes.txt").read_text() == "keep me"
    with pytest.raises(PartFolderError, match="not a triples file"):
        list(read_triples(foreign))


def test_a_part_folder_inside_a_corpus_is_not_read_as_articles(tmp_path):
    from kg.read import ReadReport, discover

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Iran backs Hezbollah, officials said.")
    writer = PartWriter(corpus / "out")
    writer.begin([["a.txt", 38]], {})
    writer.write(0, [_triple(1)])
    writer.finish()
    assert [p.name for p in discover([corpus], ReadReport())] == ["a.txt"]
