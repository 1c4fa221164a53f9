"""The product's spine through the CLI: articles → triples → graph → saved queries → GraphML."""

import json
import os
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import list_saved_queries

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
SHARED_SEEDS = SHARED / "seeds"

needs_shared = pytest.mark.skipif(
    not SHARED_SEEDS.is_dir(), reason=f"reference corpus not found at {SHARED_SEEDS}")


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    """Triples and graph of the reference corpus, built once for this module."""
    if not SHARED_SEEDS.is_dir():
        pytest.skip(f"reference corpus not found at {SHARED_SEEDS}")
    tmp = tmp_path_factory.mktemp("e2e")
    triples = tmp / "triples.jsonl"
    graph = tmp / "graph.json"
    invoke("extract", SHARED_SEEDS, "-o", triples, "--no-progress")
    invoke("build", SHARED_SEEDS, "--graph", graph)
    return triples, graph


def _load(path):
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@needs_shared
def test_design_card_example_comes_out_of_the_seed_text(seed_build):
    triples, _ = seed_build
    found = {(t["subject"], t["relation"], t["object"]) for t in _load(triples) if not t["negated"]}
    assert ("United States", "OPERATES", "Al-Tanf base") in found


@needs_shared
def test_every_triple_carries_its_evidence(seed_build):
    triples, _ = seed_build
    rows = _load(triples)
    assert len(rows) >= 20
    for t in rows:
        text = (SHARED_SEEDS / t["doc_id"].split("#")[0]).read_text(encoding="utf-8")
        assert 0 <= t["start"] < t["end"] <= len(text)
        assert t["sentence"].strip()
        assert t["rule"] and 0 < t["confidence"] <= 1


@needs_shared
@pytest.mark.parametrize("query", list_saved_queries(), ids=lambda q: q.name)
def test_every_saved_query_runs_on_the_seed_graph(seed_build, query):
    _, graph = seed_build
    args = ["query", query.name, "--graph", graph, "--format", "json"]
    for p in query.params:
        args += ["-p", f"{p.name}={p.example}"]
    rows = json.loads(invoke(*args).output)
    assert isinstance(rows, list)


@needs_shared
def test_graphml_export_of_the_seed_graph_reads_back_with_the_same_counts(seed_build, tmp_path):
    _, graph = seed_build
    stats = json.loads(invoke("stats", "--graph", graph, "--format", "json").output)
    out = tmp_path / "seeds.graphml"
    invoke("export", "--format", "graphml", "-o", out, "--graph", graph)
    back = nx.read_graphml(out, force_multigraph=True)
    assert back.number_of_nodes() == stats["nodes"] > 10
    assert back.number_of_edges() == stats["relationships"] > 10


def test_repository_seeds_give_a_non_trivial_answer(tmp_path):
    """README command (1): the sample corpus shipped in seeds/ answers an alliance question."""
    graph = tmp_path / "graph.json"
    invoke("build", REPO / "seeds", "--graph", graph)
    stats = json.loads(invoke("stats", "--graph", graph, "--format", "json").output)
    assert len(stats["relations"]) >= 8, stats
    answered = 0
    for q in list_saved_queries():
        args = ["query", q.name, "--graph", graph, "--format", "json"]
        for p in q.params:
            args += ["-p", f"{p.name}={p.example}"]
        answered += bool(json.loads(invoke(*args).output))
    assert answered >= len(list_saved_queries()) // 2
