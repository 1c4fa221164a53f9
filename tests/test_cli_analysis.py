"""``kg diff`` and ``kg balance`` through the real CLI on the embedded backend."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from analysis_fixture import WEEK_ONE, WEEK_TWO, write

KG = (sys.executable, "-c", "from kg.cli import main; main()")


def kg(*args, ok=True):
    proc = subprocess.run([*KG, *args], capture_output=True, text=True, timeout=120)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    d = tmp_path_factory.mktemp("analysis")
    old, new = d / "old.json", d / "new.json"
    kg("load", str(write(d / "one.jsonl", WEEK_ONE)), "--graph", str(old))
    kg("load", str(write(d / "one.jsonl", WEEK_ONE)), "--graph", str(new))
    kg("load", str(write(d / "two.jsonl", WEEK_TWO)), "--graph", str(new))
    return old, new


def rows(*args):
    return json.loads(kg(*args, "--format", "json").stdout)


def test_diff_since_a_date_finds_new_gone_and_flipped_relations(graphs):
    _, new = graphs
    got = rows("diff", "--since", "2020-02-01", "--graph", str(new))
    summary = [(r["change"], r["subject"], r["relation"], r["object"]) for r in got]
    assert summary == [
        ("appeared", "Arland", "ATTACKS", "Borduria"),
        ("appeared", "Arland", "OPPOSES", "Borduria"),
        ("appeared", "Red Hand", "ATTACKS", "Blue League"),
        ("disappeared", "Arland", "ALLIED_WITH", "Borduria"),
        ("disappeared", "Arland", "BACKS", "Red Hand"),
        ("disappeared", "Blue League", "ATTACKS", "Red Hand"),
        ("disappeared", "Borduria", "BACKS", "Red Hand"),
        ("changed sign", "Arland", "+ → −", "Borduria"),
    ]
    flip = got[7]
    assert [e["sentence"] for e in flip["before"]] == [
        "On 2020-01-02 Arland allied with Borduria.", "On 2020-01-03 Arland allied with Borduria."]
    assert {e["relation"] for e in flip["after"]} == {"ATTACKS", "OPPOSES"}
    assert all(e["date"] >= "2020-02-01" for e in flip["after"])
    only = rows("diff", "--since", "2020-02-01", "--graph", str(new), "--change", "changed-sign",
                "--change", "appeared")
    assert [r["change"] for r in only] == ["appeared"] * 3 + ["changed sign"]


def test_diff_of_two_graph_files(graphs):
    old, new = graphs
    got = rows("diff", str(old), str(new))
    summary = [(r["change"], r["subject"], r["relation"], r["object"]) for r in got]
    # the newer build still holds month one, so nothing disappeared; the Arland–Borduria
    # majority is now hostile (4 against 2)
    assert summary == [
        ("appeared", "Arland", "ATTACKS", "Borduria"),
        ("appeared", "Arland", "OPPOSES", "Borduria"),
        ("appeared", "Red Hand", "ATTACKS", "Blue League"),
        ("changed sign", "Arland", "+ → −", "Borduria"),
    ]
    assert rows("diff", str(new), str(new)) == []
    table = kg("diff", str(old), str(new), "--sentences", "1", "--format", "csv").stdout
    assert "On 2020-02-01 Arland attacks Borduria. (news-2020-02-01.txt, 2020-02-01)" in table
    assert "On 2020-02-02 Arland attacks Borduria." not in table  # one sentence per relation


def test_balance_lists_the_unbalanced_triangle_with_its_evidence(graphs):
    old, new = graphs
    # month one: Arland + Borduria, both + Red Hand: balanced
    assert rows("balance", "--graph", str(old)) == []
    # then Arland − Borduria (4 votes against 2) while both still back the Red Hand
    [tri] = rows("balance", "--graph", str(new))
    assert (tri["a"], tri["b"], tri["c"]) == ("Arland", "Borduria", "Red Hand")
    assert tri["balanced"] is False
    assert any(e["sentence"] == "On 2020-01-04 Arland backs Red Hand." for e in tri["evidence"])
    # as of January the same graph is balanced again
    assert rows("balance", "--graph", str(new), "--as-of", "2020-01-31") == []
    everything = rows("balance", "--graph", str(new), "--as-of", "2020-01-31", "--all")
    assert [t["balanced"] for t in everything] == [True]


def test_balance_camps_and_the_stored_camp_property(graphs):
    _, new = graphs
    camps = rows("balance", "--camps", "--graph", str(new))
    by_actor = {r["actor"]: r["camp"] for r in camps}
    # Borduria alone contradicts 3 votes (2 ALLIED_WITH, 1 BACKS); Arland alone would be 4
    assert by_actor["Arland"] == by_actor["Red Hand"] != by_actor["Borduria"]
    assert by_actor["Blue League"] == by_actor["Borduria"]
    assert "Red Hand" in next(r for r in camps if r["actor"] == "Borduria")["contradicted_links"]
    stored = rows("query", "camps", "--graph", str(new))
    assert {r["actor"]: r["camp"] for r in stored} == by_actor
    january = rows("balance", "--camps", "--graph", str(new), "--as-of", "2020-01")
    assert len({r["camp"] for r in january if r["actor"] != "Blue League"}) == 1


def test_diff_usage_errors_are_one_line():
    proc = kg("diff", ok=False)
    assert proc.returncode == 2 and "OLD NEW" in proc.stderr
    proc = kg("diff", "--since", "soon", ok=False)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr


def test_camps_and_corroboration_reach_graphml_and_the_html_view(graphs, tmp_path):
    import networkx as nx

    from kg.store.networkx_store import read_graph
    from kg.view import view_data

    _, new = graphs
    out = tmp_path / "g.graphml"
    kg("export", "--graph", str(new), "--format", "graphml", "-o", str(out))
    exported = nx.read_graphml(out)
    camps = {d["name"]: d["camp"] for _, d in exported.nodes(data=True)}
    assert camps["Arland"] == camps["Red Hand"] != camps["Borduria"]
    assert {d["sources"] for _, _, d in exported.edges(data=True)} >= {1, 2}
    data = view_data(read_graph(new))
    assert {n["name"]: n["camp"] for n in data["nodes"]} == camps
    assert all(e["sources"] >= 1 and e["documents"] >= 1 for e in data["edges"])
