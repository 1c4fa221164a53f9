"""--as-of / --between / --min-sources: a filtered query answers as the restricted graph would.

The reference is built independently of kg.asof: the triples whose evidence the filter
keeps are loaded into a fresh graph, and the plain query runs on it. For every saved query
(camps and contradictions aside: they read ``camp``, a node property of the whole graph)
and every filter, the filtered rows on the full graph must equal the plain rows on the
restricted graph.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict

import pytest
from query_fixture import fixture_triples

from kg import evidence as ev
from kg.asof import EvidenceFilter, relationship_variables, run_filtered
from kg.derive import refresh
from kg.model import Triple
from kg.query import QueryError, list_saved_queries
from kg.store import NetworkXStore
from kg.store.graph_model import orient

KG = (sys.executable, "-c", "from kg.cli import main; main()")
FILTERS = {
    "as-of-2019-12-31": EvidenceFilter.from_options(as_of="2019-12-31"),
    "as-of-2019": EvidenceFilter.from_options(as_of="2019"),
    "between-2019-06-2020": EvidenceFilter.from_options(between=("2019-06", "2020")),
    "since-2020-01-01": EvidenceFilter.from_options(since="2020-01-01"),
    "min-sources-2": EvidenceFilter.from_options(min_sources=2),
    "as-of-2020-min-sources-2": EvidenceFilter.from_options(as_of="2020", min_sources=2),
}


def triples():
    """The query fixture plus a second outlet for some facts and a repeated wire sentence."""
    base = fixture_triples()
    extra = []
    for i, t in enumerate(base[:12]):
        extra.append(Triple(t.subject, t.subject_type, t.relation, t.object, t.object_type,
                            f"other{i}.jsonl", t.sentence, 5, 5 + len(t.sentence), "x", 0.7,
                            negated=t.negated, date=t.date, source=f"Outlet {i % 3}"))
    return base + extra


def restricted(flt: EvidenceFilter) -> list[Triple]:
    groups = defaultdict(list)
    for t in triples():
        s, _, o, _ = orient(t)
        groups[(s, t.relation, o, t.negated)].append(t)
    kept = []
    for group in groups.values():
        items = [ev.Evidence(t.evidence_key, t.doc_id, t.sentence, t.rule, t.date or "", "",
                             t.source or "") for t in group]
        if flt.window is not None and any(ev.period(i.date) for i in items):
            group = [t for t in group if flt.window.contains(t.date or "")]
            items = [i for i in items if flt.window.contains(i.date)]
        if group and ev.corroboration(items)["sources"] >= flt.min_sources:
            kept.extend(group)
    return kept


def store_of(ts) -> NetworkXStore:
    store = NetworkXStore("/nonexistent/asof.json")
    store.load(ts, include_negated=True)
    refresh(store)
    return store


FULL = store_of(triples())
QUERIES = [q for q in list_saved_queries() if relationship_variables(q.text)]
# camp is a node property of the whole graph (kg balance --as-of recomputes it for a window)
WINDOWED = [q for q in QUERIES if ".camp" not in q.text]


@pytest.mark.parametrize("flt_name", FILTERS)
@pytest.mark.parametrize("query", WINDOWED, ids=[q.name for q in WINDOWED])
def test_filtered_rows_are_the_rows_of_the_restricted_graph(query, flt_name):
    flt = FILTERS[flt_name]
    params = query.example_params()
    got = run_filtered(FULL, query.text, params, flt)
    want = store_of(restricted(flt)).query(query.text, params)
    assert [{k: v for k, v in r.items() if k != "undated"} for r in got] == want


def test_the_filters_change_answers_and_mark_undated_relations():
    params = {"name": "Hezbollah"}
    text = next(q.text for q in QUERIES if q.name == "who_backs")
    everything = FULL.query(text, params)
    before = run_filtered(FULL, text, params, FILTERS["as-of-2019-12-31"])
    assert [r["mentions"] for r in everything] == [4]
    assert [(r["backer"], r["mentions"], r["last_date"], r["undated"]) for r in before] == [
        ("Iran", 2, "2019-03-01", False)]
    allies = run_filtered(FULL, next(q.text for q in QUERIES if q.name == "allies"),
                          {"name": "Syria"}, FILTERS["as-of-2019"])
    assert allies and all(r["undated"] for r in allies)  # no ALLIED_WITH has a date


def test_aggregates_and_anonymous_relationships_are_refused_with_a_reason():
    with pytest.raises(QueryError, match="aggregates"):
        run_filtered(FULL, "MATCH (a:Entity)-[r:BACKS]->(b:Entity) RETURN COUNT(r) AS n", {},
                     FILTERS["as-of-2019"])
    with pytest.raises(QueryError, match="named"):
        run_filtered(FULL, "MATCH (a:Entity)-[:BACKS]->(b:Entity) RETURN a.name AS a", {},
                     FILTERS["as-of-2019"])


def test_limit_applies_after_the_filter():
    text = ("MATCH (a:Entity)-[r:ATTACKS]->(b:Entity {name: \"ISIS\"}) WHERE r.negated = false "
            "RETURN a.name AS a, r.mentions AS m ORDER BY m DESC, a ASC LIMIT 1")
    assert FULL.query(text, {}) == [{"a": "United States", "m": 4}]
    # as of 2019 the US keeps its 2 dated mentions and ties with the undated Syria (2)
    assert run_filtered(FULL, text, {}, FILTERS["as-of-2019"]) == [
        {"a": "Syria", "m": 2, "undated": True}]


def test_cli_as_of_between_and_min_sources(tmp_path):
    store = store_of(triples())
    store.path = tmp_path / "g.json"
    store.save()

    def run(*args):
        proc = subprocess.run([*KG, "query", "who_backs", "-p", "name=Hezbollah", "--graph",
                               str(store.path), "--format", "json", *args],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    assert [r["mentions"] for r in run()] == [4]
    assert [r["mentions"] for r in run("--as-of", "2019-12-31")] == [2]
    assert [r["first_date"] for r in run("--between", "2020-01", "2020-01")] == ["2020-01-05"]
    assert run("--as-of", "2018") == []
    assert [r["backer"] for r in run("--min-sources", "2")] == ["Iran"]
    assert run("--min-sources", "3") == []
    bad = subprocess.run([*KG, "query", "who_backs", "-p", "name=Hezbollah", "--graph",
                          str(store.path), "--as-of", "last week"], capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 1 and "YYYY" in bad.stderr and "Traceback" not in bad.stderr


def test_a_date_parameter_takes_only_dates():
    from kg.query import bind_saved_params, get_saved_query

    q = get_saved_query("changes_since")
    assert bind_saved_params(q, {"since": "2019-06"}) == {"since": "2019-06"}
    with pytest.raises(QueryError, match="YYYY"):
        bind_saved_params(q, {"since": 'x") OR 1=1 //'})
