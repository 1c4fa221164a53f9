"""CLI misuse: every mistake a user can type gets one helpful ``Error:`` line, never a
traceback; usage mistakes exit 2 (Click's convention), failed work exits 1.

"Helpful" is checked concretely: the line names what was wrong and what would be right
(valid query names, the missing parameter with an example, the file and line).
"""

from __future__ import annotations

import json

import pytest

from kg.query import list_saved_queries

from ._helpers import assert_clean_failure, file_hash, make_triples, run_kg, write_triples_file

SAVED = list_saved_queries()
WITH_PARAMS = [q for q in SAVED if q.params]


@pytest.fixture
def query_with_param():
    assert WITH_PARAMS, "no saved query with a parameter in cypher/"
    return WITH_PARAMS[0]


def test_unknown_saved_query_lists_valid_names(hostile_graph, tmp_path):
    proc = run_kg("query", "who_bakcs", "--graph", str(hostile_graph), cwd=tmp_path)
    line = assert_clean_failure(proc, "who_bakcs", exit_codes=(1,))
    for q in SAVED:
        assert q.name in line


def test_missing_query_name_points_to_list(tmp_path):
    proc = run_kg("query", cwd=tmp_path)
    assert_clean_failure(proc, "--list", exit_codes=(2,))


def test_missing_parameter_is_named_with_an_example(query_with_param, tmp_path):
    q = query_with_param
    # No graph exists: parameter mistakes must be reported before opening any backend.
    proc = run_kg("query", q.name, "--graph", str(tmp_path / "none.json"), cwd=tmp_path)
    line = assert_clean_failure(proc, q.params[0].name, "-p", exit_codes=(1,))
    assert q.params[0].example.split()[0] in line


def test_unknown_parameter_lists_the_valid_ones(query_with_param, tmp_path):
    q = query_with_param
    args = [a for p in q.params for a in ("-p", f"{p.name}={p.example}")]
    proc = run_kg("query", q.name, *args, "-p", "colour=red", "--graph",
                  str(tmp_path / "none.json"), cwd=tmp_path)
    line = assert_clean_failure(proc, "colour", exit_codes=(1,))
    for p in q.params:
        assert p.name in line


def test_parameter_without_equals(query_with_param, tmp_path):
    proc = run_kg("query", query_with_param.name, "-p", "name", cwd=tmp_path)
    assert_clean_failure(proc, "key=value", exit_codes=(2,))


@pytest.mark.parametrize(("args", "mention"), [
    (["query", "--list", "--format", "xml"], "--format"),
    (["cypher", "MATCH (n) RETURN n", "--backend", "mongo"], "--backend"),
    (["load", "triples.jsonl", "--batch-size", "abc"], "--batch-size"),
    (["load", "triples.jsonl", "--batch-size", "0"], "--batch-size"),
    (["load", "no-such-file.jsonl"], "no-such-file.jsonl"),
    (["extract", ".", "--workers", "0"], "--workers"),
    (["extract", ".", "--min-confidence", "1.5"], "--min-confidence"),
    (["export", "--format", "pdf", "-o", "x.pdf"], "--format"),
    (["stats", "--no-such-flag"], "--no-such-flag"),
    (["no-such-command"], "no-such-command"),
])
def test_wrong_option_values_are_usage_errors(args, mention, tmp_path):
    write_triples_file(make_triples(3), tmp_path / "triples.jsonl")
    proc = run_kg(*args, cwd=tmp_path)
    assert_clean_failure(proc, mention, exit_codes=(2,))


def test_cypher_syntax_error_and_missing_parameter(hostile_graph, tmp_path):
    proc = run_kg("cypher", "MATCH (n RETURN n", "--graph", str(hostile_graph), cwd=tmp_path)
    assert_clean_failure(proc, exit_codes=(1,))
    proc = run_kg("cypher", "MATCH (n:Entity) WHERE n.name = $who RETURN n.name",
                  "--graph", str(hostile_graph), cwd=tmp_path)
    assert_clean_failure(proc, "-p who=", exit_codes=(1,))


# -- kg load on malformed triples files ------------------------------------------------------

GOOD = make_triples(1)[0].to_dict()

MALFORMED_LINES = {
    "not json": "{subject: A, relation: BACKS}",
    "json text": json.dumps("IRGC BACKS Hezbollah"),
    "json list": json.dumps(["IRGC", "BACKS", "Hezbollah"]),
    "json number": "42",
    "missing object": json.dumps({k: v for k, v in GOOD.items() if k != "object"}),
    "unknown relation": json.dumps({**GOOD, "relation": "LIKES"}),
    "injected relation": json.dumps({**GOOD, "relation": "BACKS]->() DETACH DELETE n //"}),
    "unknown entity type": json.dumps({**GOOD, "subject_type": "ALIEN"}),
    "text confidence": json.dumps({**GOOD, "confidence": "high"}),
    "confidence above one": json.dumps({**GOOD, "confidence": 1.5}),
    "nan confidence": json.dumps({**GOOD, "confidence": float("nan")}),
    "list subject": json.dumps({**GOOD, "subject": ["IRGC"]}),
    "object subject": json.dumps({**GOOD, "subject": {"name": "IRGC"}}),
    "text offset": json.dumps({**GOOD, "start": "12"}),
    "bool offset": json.dumps({**GOOD, "end": True}),
    "text negated": json.dumps({**GOOD, "negated": "no"}),
    "null sentence": json.dumps({**GOOD, "sentence": None}),
    "blank subject": json.dumps({**GOOD, "subject": "  "}),
}


@pytest.mark.parametrize("kind", sorted(MALFORMED_LINES))
def test_load_of_malformed_triples_names_file_and_line_and_keeps_graph(kind, hostile_graph,
                                                                        tmp_path):
    good = [t.to_json() for t in make_triples(5, prefix="new ")]
    path = tmp_path / "triples.jsonl"
    path.write_text("\n".join([*good[:3], "", MALFORMED_LINES[kind], *good[3:]]) + "\n",
                    encoding="utf-8")
    before = file_hash(hostile_graph)
    proc = run_kg("load", str(path), "--graph", str(hostile_graph), cwd=tmp_path)
    assert_clean_failure(proc, "triples.jsonl:5", exit_codes=(1,))
    # The three good lines before the bad one were not half-saved.
    assert file_hash(hostile_graph) == before


def test_load_of_binary_file(hostile_graph, tmp_path):
    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    before = file_hash(hostile_graph)
    proc = run_kg("load", str(path), "--graph", str(hostile_graph), cwd=tmp_path)
    assert_clean_failure(proc, "photo.jsonl:1", exit_codes=(1,))
    assert file_hash(hostile_graph) == before


def test_load_of_empty_file_is_a_no_op(hostile_graph, tmp_path):
    from kg.store.networkx_store import read_graph

    from ._helpers import nx_fingerprint

    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    before = nx_fingerprint(read_graph(hostile_graph))
    proc = run_kg("load", str(path), "--graph", str(hostile_graph), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert nx_fingerprint(read_graph(hostile_graph)) == before


def test_table_output_prints_hostile_names_literally(tmp_path):
    """Names come from scraped text: rich markup in them is shown as text, not applied
    (an unbalanced "[/]" used to crash the table), and terminal escape sequences are
    neutralised so an article cannot reprogram the analyst's terminal."""
    from kg.model import Triple
    from kg.store import NetworkXStore

    names = ["Brigade [/] North", "[bold red]Red Army[/]", "[link=http://x.example]Click[/link]",
             "Front [x", "Esc \x1b]0;retitled\x07 \x1b[31mRed"]
    path = tmp_path / "graph.json"
    store = NetworkXStore(path)
    store.load([Triple(n, "GROUP", "BACKS", "Target Group", "GROUP", "d", "s", i, i + 1, "r", 1.0)
                for i, n in enumerate(names)])
    store.save()
    proc = run_kg("cypher", "MATCH (n:Group) RETURN n.name AS name", "--graph", str(path),
                  cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for name in names[:4]:
        assert name in proc.stdout
    assert "\x1b" not in proc.stdout and "retitled" in proc.stdout
