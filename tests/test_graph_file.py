"""The version-2 graph file (kg.store.graph_file): round trips, appended saves, evidence
read on demand, and version-1 files.

Performance is not asserted here (see bench/scale_bench.py and BENCHMARKS.md); these
tests check that every way of writing and reading the file gives the same graph.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from query_fixture import fixture_store

from kg.derive import refresh
from kg.model import Triple
from kg.query import list_saved_queries
from kg.store import GraphFileError, NetworkXStore
from kg.store.networkx_store import (
    graph_stats,
    needs_evidence,
    read_graph,
    to_json_data,
    write_graph,
)


def _triples(n: int, doc: str = "wire", start: int = 0, actors: int = 30) -> list[Triple]:
    """``n`` triples over ``actors`` actors, so relationships collect several pieces of
    evidence and sentences repeat across relationships."""
    names = [(f"Actor {j:02d}", "STATE" if j % 2 else "ORGANIZATION") for j in range(actors)]
    relations = ["BACKS", "ATTACKS", "ALLIED_WITH", "OPPOSES"]
    out = []
    for i in range(start, start + n):
        (s, st), (o, ot) = names[i % actors], names[(i * 7 + 1) % actors]
        if s == o:
            continue
        out.append(Triple(s, st, relations[i % 4], o, ot, f"{doc}/{i // 3}.txt",
                          f"Sentence {i // 2} of the report.", i * 7, i * 7 + 5,
                          f"rule{i % 3}", 0.5 + (i % 5) / 10, date=f"2020-0{1 + i % 9}-01",
                          attributed_to="officials" if i % 4 == 0 else None,
                          source="Wire" if i % 3 == 0 else ""))
    return out


def _exact(g) -> list:
    """Everything about a graph, orders included: nodes and edges in iteration order,
    and every attribute dict with its keys in order."""
    return [g.graph,
            [(n, list(d.items())) for n, d in g.nodes(data=True)],
            [(u, v, k, list(d.items())) for u, v, k, d in g.edges(keys=True, data=True)]]


def _content(g) -> list:
    """The same without the order of attributes (version 1 files never kept it)."""
    return [g.graph, list(g.nodes(data=True)), list(g.edges(keys=True, data=True))]


def _built(path: Path, *batches: list[Triple], derive: bool = True) -> NetworkXStore:
    """A store saved after each batch, as successive ``kg load`` runs do."""
    for batch in batches:
        store = NetworkXStore(path, lock=True)
        try:
            if store.load(batch).changed and derive:
                refresh(store)
            store.save()
        finally:
            store.close()
    return store


def test_round_trip_keeps_every_attribute_and_order(tmp_path):
    store = fixture_store()
    write_graph(store.graph, tmp_path / "g.json")
    assert _exact(read_graph(tmp_path / "g.json")) == _exact(store.graph)
    lines = (tmp_path / "g.json").read_bytes().split(b"\n")
    assert json.loads(lines[0])["version"] == 2 and lines[-1] == b""
    assert json.loads(lines[-2]) == ["c", len(lines) - 2]


def test_sentences_and_rules_are_stored_once(tmp_path):
    triples = _triples(60)
    write_graph(_built(tmp_path / "a.json", triples).graph, tmp_path / "g.json")
    text = (tmp_path / "g.json").read_text(encoding="utf-8")
    assert text.count('"Sentence 4 of the report."') == 1  # two triples share it
    assert text.count('"rule1"') == 1
    # and version 1 wrote each once per piece of evidence
    v1 = json.dumps(to_json_data(read_graph(tmp_path / "g.json")))
    assert v1.count('"rule1"') > 10


def test_a_save_that_only_added_appends_and_reads_back_the_same(tmp_path):
    first, second, third = _triples(150), _triples(20, start=150), _triples(10, doc="later")
    path = tmp_path / "g.json"
    _built(path, first)
    one = path.read_bytes()
    _built(path, second)
    two = path.read_bytes()
    _built(path, third)
    three = path.read_bytes()
    assert two.startswith(one) and three.startswith(two)
    # the appended file is the graph a single load of everything gives
    whole = _built(tmp_path / "whole.json", first + second + third)
    assert _exact(read_graph(path)) == _exact(whole.graph)
    # and appending wrote less than the whole graph each time
    assert len(three) - len(two) < len((tmp_path / "whole.json").read_bytes()) / 2


def test_loading_the_same_triples_again_leaves_the_file_byte_for_byte(tmp_path):
    path = tmp_path / "g.json"
    triples = _triples(50)
    _built(path, triples)
    before = path.read_bytes()
    inode = path.stat().st_ino
    _built(path, triples)
    _built(path, triples[:10])
    assert path.read_bytes() == before
    assert path.stat().st_ino == inode  # not even rewritten


def test_a_second_save_of_one_store_appends_again(tmp_path):
    path = tmp_path / "g.json"
    store = NetworkXStore(path)
    store.load(_triples(150))
    refresh(store)
    store.save()
    store.load(_triples(10, start=150))
    store.save()
    store.load(_triples(10, start=160))
    refresh(store)
    store.save()
    assert _exact(read_graph(path)) == _exact(store.graph)
    assert path.read_bytes().count(b'["c",') == 3


def test_removals_and_edits_write_the_whole_graph_again(tmp_path):
    path = tmp_path / "g.json"
    _built(path, _triples(40))
    store = NetworkXStore(path)
    g = store.graph
    g.remove_node("Actor 03")
    store.save()
    assert path.read_bytes().count(b'["c",') == 1  # compacted, not appended
    assert _exact(read_graph(path)) == _exact(g)

    store = NetworkXStore(path)
    u, v, k = next(iter(store.graph.edges(keys=True)))
    data = store.graph.edges[u, v, k]
    for name in ("evidence_keys", "docs", "sentences", "rules", "dates", "attributed_to",
                 "outlets"):
        del data[name][-1]
    data["mentions"] -= 1
    store.save()
    assert _exact(read_graph(path)) == _exact(store.graph)


def test_an_evidence_list_edited_in_place_needs_compact(tmp_path):
    path = tmp_path / "g.json"
    _built(path, _triples(10))
    store = NetworkXStore(path)
    u, v, k = next(iter(store.graph.edges(keys=True)))
    store.graph.edges[u, v, k]["sentences"][0] = "Corrected sentence."
    store.save(compact=True)
    assert read_graph(path).edges[u, v, k]["sentences"][0] == "Corrected sentence."


def test_replaced_rows_are_compacted_away(tmp_path):
    path = tmp_path / "g.json"
    _built(path, _triples(30))
    store = NetworkXStore(path)
    sizes = []
    for round_ in range(6):  # every save changes a property of every relationship
        store.set_properties({}, [(u, v, k, {"note": round_})
                                  for u, v, k in store.graph.edges(keys=True)])
        store.save()
        sizes.append(path.stat().st_size)
    assert path.read_bytes().count(b'["c",') <= 2
    assert max(sizes) < 2.5 * min(sizes)
    assert _exact(read_graph(path)) == _exact(store.graph)


def test_stats_and_name_lookups_leave_evidence_unparsed(tmp_path):
    from kg.lookup import NameIndex

    path = tmp_path / "g.json"
    fixture_store(path)
    store = NetworkXStore(path)
    stats = store.stats()
    assert "Iran" in NameIndex.of_store(store)
    assert store._file.pending  # evidence still unread
    assert stats == graph_stats(read_graph(path))
    assert stats["documents"] > 0


@pytest.mark.parametrize("query", list_saved_queries(), ids=lambda q: q.name)
def test_every_saved_query_answers_the_same_on_a_lazily_read_graph(query, tmp_path):
    path = tmp_path / "g.json"
    full = fixture_store(path)
    lazy = NetworkXStore(path)
    params = query.example_params()
    assert lazy.query(query.text, params) == full.query(query.text, params)
    assert lazy._file.pending is None or not needs_evidence(query.text)


@pytest.mark.parametrize("cypher, needed", [
    ("MATCH (a)-[r:BACKS]->(b) RETURN a.name AS a, type(r) AS t, r.mentions AS m", False),
    ("MATCH (a)-[r]->(b) RETURN count(*) AS n", False),
    ("MATCH (a)-[r]->(b) WHERE a.name = 'sentences' RETURN b.name AS b", False),
    ("MATCH (a)-[r]->(b) RETURN r.sentences AS s", True),
    ("MATCH (a)-[r]->(b) WHERE size(r.docs) > 1 RETURN a.name AS a", True),
    ("MATCH (a)-[r]->(b) RETURN r", True),
    ("MATCH (a)-[r]->(b) RETURN a.name AS a, r AS rel", True),
    ("MATCH (a)-[r]->(b) RETURN collect(r) AS rs", True),
    ("MATCH (a)-[r]->(b) RETURN a.name AS a UNION MATCH (a)-[r]->(b) RETURN r AS a", True),
])
def test_which_queries_need_evidence(cypher, needed):
    assert needs_evidence(cypher) is needed


def test_a_version_1_file_is_read_and_migrated_on_the_next_save(tmp_path):
    path = tmp_path / "g.json"
    store = fixture_store()
    path.write_text(json.dumps(to_json_data(store.graph)), encoding="utf-8")
    old = NetworkXStore(path, lock=True)
    assert _content(old.graph) == _content(store.graph)
    assert old.stats() == store.stats()
    old.load(_triples(12, doc="later"))
    refresh(old)
    old.save()
    old.close()
    assert json.loads(path.read_text(encoding="utf-8").split("\n", 1)[0])["version"] == 2
    assert _exact(read_graph(path)) == _exact(old.graph)


def test_kg_export_json_still_writes_a_version_1_document_that_reads_back(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    path = tmp_path / "g.json"
    fixture_store(path)
    out = tmp_path / "export.json"
    result = CliRunner().invoke(cli, ["export", "--format", "json", "-o", str(out),
                                      "--graph", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 1
    assert _content(read_graph(out)) == _content(read_graph(path))


def _cut(data: bytes) -> bytes:
    """The file without its last line: a copy that stopped at a line boundary."""
    return data[: data.rstrip(b"\n").rfind(b"\n") + 1]


@pytest.mark.parametrize("damage", [
    _cut,
    lambda d: d.replace(b'["c",', b'["x",'),
    lambda d: d.replace(b'{"format":"kg-graph","version":2', b'{"format":"kg-graph","version":7'),
    lambda d: d + b'["n",[["Extra",{}]]]\n',  # rows after the end record
])
def test_a_cut_or_altered_file_is_an_error_not_a_smaller_graph(damage, tmp_path):
    path = tmp_path / "g.json"
    fixture_store(path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(GraphFileError):
        NetworkXStore(path).stats()


def test_damaged_evidence_is_an_error_when_it_is_read(tmp_path):
    path = tmp_path / "g.json"
    fixture_store(path)
    lines = path.read_bytes().split(b"\n")
    lines = [b'["e",[[0,"k",99999,0,0,0,0,0]]]' if line.startswith(b'["e",') else line
             for line in lines]
    path.write_bytes(b"\n".join(lines))
    store = NetworkXStore(path)
    with pytest.raises(GraphFileError, match="damaged"):
        store.query("MATCH (a)-[r]->(b) RETURN r.sentences AS s")


def test_an_unlocked_appended_save_still_refuses_to_undo_another_writer(tmp_path):
    path = tmp_path / "g.json"
    _built(path, _triples(10))
    stale = NetworkXStore(path)
    _built(path, _triples(10, start=10))  # another run appends meanwhile
    stale.load(_triples(5, doc="mine"))
    with pytest.raises(GraphFileError, match="another writer"):
        stale.save()
    assert _exact(read_graph(path)) == _exact(
        _built(tmp_path / "ref.json", _triples(10) + _triples(10, start=10)).graph)
