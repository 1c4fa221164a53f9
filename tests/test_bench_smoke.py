"""The benchmark runner works: the cheap 1× mode yields well-formed results.

These tests check that the runner measures and reports (structure, counts, ratios that
are numbers), never how fast anything is — speed depends on the machine and its load.
"""

from __future__ import annotations

import json

import pytest

from bench.corpus import NameVaryer, build_corpus, load_actors, source_files
from bench.report import evaluate_targets, markdown
from bench.runner import Options, Runner
from bench.stats import percentile

# -- corpus scaling (cheap, no spaCy) --------------------------------------------------

def test_scaled_corpus_is_deterministic_and_grows(tmp_path):
    a = build_corpus(3, tmp_path / "a", seed=7)
    build_corpus(3, tmp_path / "b", seed=7)
    files_a = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files_a == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    one = build_corpus(1, tmp_path / "one", seed=7)
    assert a.files == 3 * one.files and a.documents == 3 * one.documents
    assert a.replacements > 0, "copies after the first must swap some actor names"
    # every copy has its own file name, because the reader uses it as the document id
    assert len({n.split("_", 1)[1] for n in files_a}) == one.files
    assert len(files_a) == len(set(files_a))


def test_name_variation_swaps_within_a_type():
    actors, _ = load_actors()
    varyer = NameVaryer(actors, seed=3)
    by_name = {a.name: a for items in actors.values() for a in items}
    mapping = varyer.mapping(1)
    assert mapping.keys() == by_name.keys()
    assert all(by_name[src].type == by_name[dst].type for src, dst in mapping.items())
    assert sorted(mapping.values()) == sorted(mapping), "a permutation: no actor lost"
    state = next(a for a in actors["STATE"] if mapping[a.name] != a.name)
    text = f"Officials in {state.name} spoke on Friday."
    varied, count = varyer.vary(text, 1)
    assert count == 1 and mapping[state.name] in varied and "spoke on Friday" in varied
    assert varyer.vary(text, 0) == (text, 0), "copy 0 is the original text"


def test_nearest_rank_percentile():
    values = [float(v) for v in range(1, 21)]
    assert percentile(values, 50) == 10.0
    assert percentile(values, 95) == 19.0
    assert percentile([], 95) is None


def test_targets_are_judged_from_the_figures():
    results = {
        "extract": {"1": {"overhead_ratio": 1.5}, "10": {"overhead_ratio": 2.5}},
        "load": {"100": {"speedup": 12.0, "batched_all": {"rels_per_s": 15000.0}}},
        "memory": {"1": {"extract": {"rc": 0, "peak_rss_mb": 200.0}},
                   "100": {"extract": {"rc": 0, "peak_rss_mb": 320.0}}},
        "query": {"networkx": {"10": {"q": {"p95_ms": 900.0}}},
                  "neo4j": {"10": {"q": {"p95_ms": 150.0}}}},
    }
    verdict = {(t["target"].split(" ")[0], t["scale"]): t["holds"]
               for t in evaluate_targets(results)}
    assert verdict[("extraction", 1)] is True and verdict[("extraction", 10)] is False
    assert verdict[("batched/naive", 100)] is True
    assert verdict[("batched", 100)] is False  # 15,000 < 20,000 rels/s
    assert verdict[("kg", 100)] is False  # 320 / 200 = 1.6 > 1.5
    assert verdict[("networkx", 10)] is True and verdict[("neo4j", 10)] is False


# -- the cheap 1× run (real spaCy, real kg extraction, embedded queries) ----------------

@pytest.mark.slow
def test_quick_run_produces_well_formed_results(tmp_path):
    pytest.importorskip("kg.extractor", reason="needs the extractor (kg.extractor)")
    out = tmp_path / "results.json"
    options = Options(scales=[1], repeat=1, only=["extract", "query"], out=out,
                      workers=[2], query_runs=2, query_budget_s=2.0, neo4j="off",
                      command="pytest smoke", quiet=True)
    results = Runner(options).run()

    assert results["errors"] == [], results["errors"]
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["corpus"]["1"]["documents"] >= 1

    ext = saved["extract"]["1"]
    assert ext["sentences"] > 0 and ext["tokens"] >= ext["sentences"]
    for side in ("bare", "kg", "kg_nlp", "kg_workers2", "pool_workers2"):
        assert ext[side]["median_s"] > 0
        assert ext[side]["tokens_per_s"] > 0 and ext[side]["sentences_per_s"] > 0
    assert ext["overhead_ratio"] > 0 and ext["workers2_speedup"] > 0
    assert ext["pool2_same_triples"] is True, "the what-if pool must find the same triples"
    assert set(ext["bare_pipes"]) <= set(ext["kg_pipes"]), "the baseline is kg's own base"
    # the baseline keeps the lemmatizer kg's extraction skips (the workload of f84fe2c)
    assert "lemmatizer" in ext["bare_pipes"] and ext["skipped_pipes"] == ["lemmatizer"]
    assert ext["bare_no_lemmatizer_pipes"] == [p for p in ext["bare_pipes"] if p != "lemmatizer"]
    assert ext["overhead_ratio_no_lemmatizer"] > 0 and ext["bare_no_lemmatizer"]["median_s"] > 0
    assert ext["triples"] == saved["triples"]["1"] > 0

    from kg.query import list_saved_queries

    names = {q.name for q in list_saved_queries()}
    queries = saved["query"]["networkx"]["1"]
    assert set(queries) == names
    for name, q in queries.items():
        assert "error" not in q, (name, q.get("error"))
        assert q["runs"] >= 1 and 0 < q["p50_ms"] <= q["p95_ms"] <= q["max_ms"]

    text = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "**Extraction**" in text and "**Saved queries**" in text
    assert "overhead kg/bare ≤ 2.0" in markdown(saved)


def test_source_files_takes_article_files_only(tmp_path):
    (tmp_path / "a.txt").write_text("Kuwait and Oman held talks.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Note\n\nQatar spoke.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert [f.name for f in source_files(tmp_path)] == ["a.txt", "sub/b.md"]
    corpus = build_corpus(2, tmp_path / "out", seeds_dir=tmp_path)
    assert corpus.files == 4 and (tmp_path / "out" / "c001_sub__b.md").is_file()


# -- instruction counts (bench/instructions.py; valgrind itself is not run here) ----------

def test_instruction_count_child_imports_the_measured_tree(tmp_path):
    """The process callgrind runs imports kg from the tree it is given and reports the
    pass it counted (here without valgrind: the same code, just not counted)."""
    import subprocess
    import sys

    from bench import REPO_DIR

    corpus, report = tmp_path / "corpus", tmp_path / "child.json"
    build_corpus(1, corpus)
    subprocess.run([sys.executable, "-m", "bench.instructions", "--child", str(REPO_DIR),
                    "--corpus", str(corpus), "--report", str(report)], cwd=REPO_DIR,
                   check=True, capture_output=True)
    got = json.loads(report.read_text(encoding="utf-8"))
    assert got["kg_file"] == str(REPO_DIR / "kg" / "__init__.py")
    assert got["documents"] > 0 and got["tokens"] > 0
    assert got["triples"] == got["warm_pass"] > 0  # the counted pass is the warm one again


def test_bare_counts_keep_and_drop_the_lemmatizer(tmp_path):
    """--bare counts the benchmark's baseline (with the lemmatizer, the workload of
    f84fe2c) and the same pipeline without it (what kg's extraction runs of spaCy)."""
    import subprocess
    import sys

    from bench import REPO_DIR

    corpus = tmp_path / "corpus"
    build_corpus(1, corpus)
    pipes = {}
    for mode in ("bare", "bare_no_lemmatizer"):
        report = tmp_path / f"{mode}.json"
        subprocess.run([sys.executable, "-m", "bench.instructions", "--child", str(REPO_DIR),
                        "--mode", mode, "--corpus", str(corpus), "--report", str(report)],
                       cwd=REPO_DIR, check=True, capture_output=True)
        pipes[mode] = json.loads(report.read_text(encoding="utf-8"))["pipes"]
    assert pipes["bare"] == ["sentencizer", "lemmatizer"]
    assert pipes["bare_no_lemmatizer"] == ["sentencizer"]


def test_wall_mode_times_both_passes(tmp_path):
    from bench import REPO_DIR
    from bench.instructions import wall

    corpus = tmp_path / "corpus"
    build_corpus(1, corpus)
    got = wall(REPO_DIR, corpus)
    assert got["kg_s"] > 0 and got["bare_s"] > 0 and got["triples"] > 0
    assert got["ratio"] == pytest.approx(got["kg_s"] / got["bare_s"], rel=1e-2)


def test_callgrind_total_reads_the_summary(tmp_path):
    from bench.instructions import callgrind_total

    out = tmp_path / "callgrind.out"
    out.write_text("events: Ir\nfn=main\n1 5\nsummary: 123456\ntotals: 123456\n")
    assert callgrind_total(out) == 123456
    out.write_text("events: Ir\n")
    with pytest.raises(RuntimeError):
        callgrind_total(out)
