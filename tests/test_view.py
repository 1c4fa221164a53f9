"""The self-contained HTML view in a real headless Chromium (issue 13, point 3).

The page is written by the CLI (``kg export --format html``, ``kg view``) from the
quick-start graph; Chromium opens it with the network switched off, and the test checks
through the library's graph that it draws every node and relationship, that no request
left the page, that clicking a relationship shows its sentences and that the filters
and the search do what they say. Screenshots land in ``test-artifacts/``.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli
from kg.model import Triple

REPO = Path(__file__).resolve().parents[1]
WAIT = 90


@pytest.fixture(scope="module")
def seeds_graph(quickstart_graph):
    return quickstart_graph


@pytest.fixture(scope="module")
def seeds_page(seeds_graph):
    page = seeds_graph.with_name("graph.html")
    r = CliRunner().invoke(cli, ["export", "--format", "html", "-o", str(page),
                                 "--graph", str(seeds_graph)])
    assert r.exit_code == 0, r.output
    return page


def _open_offline(driver, page: Path) -> None:
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    driver.get_log("performance")  # drop what came before this page
    driver.get(page.resolve().as_uri())
    deadline = time.monotonic() + WAIT
    while not driver.execute_script("return !!(window.kgView && window.kgView.ready)"):
        assert time.monotonic() < deadline, "the view did not start"
        time.sleep(0.2)


def _requests(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def _counts(driver) -> dict:
    return driver.execute_script("return window.kgView.counts()")


def _shown_after(g, keep_edge) -> tuple[int, int]:
    """Nodes and edges the page should show when only edges passing ``keep_edge`` stay."""
    edges = [(u, v) for u, v, d in g.edges(data=True) if keep_edge(d)]
    return len({n for e in edges for n in e}), len(edges)


def test_the_page_draws_the_whole_graph_offline_and_loads_nothing(chrome, seeds_graph,
                                                                  seeds_page, test_artifacts):
    g = kg.open_store("networkx", graph=seeds_graph).to_networkx()
    _open_offline(chrome, seeds_page)
    assert _counts(chrome) == {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    assert g.number_of_edges() > 50
    page_url = seeds_page.resolve().as_uri()
    assert [u for u in _requests(chrome) if u != page_url and not u.startswith("data:")] == []
    errors = [e for e in chrome.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    text = chrome.find_element("id", "counts").text
    assert f"{g.number_of_nodes()} of {g.number_of_nodes()} actors" in text
    chrome.save_screenshot(str(test_artifacts / "kg-view-seeds.png"))


def test_clicking_a_relationship_shows_its_sentences_documents_and_dates(chrome, seeds_graph,
                                                                        seeds_page,
                                                                        test_artifacts):
    from selenium.webdriver.common.action_chains import ActionChains

    g = kg.open_store("networkx", graph=seeds_graph).to_networkx()
    _open_offline(chrome, seeds_page)
    # the most-mentioned relationship; zoom onto it so the click cannot miss
    edge_id, subject, relation, obj = chrome.execute_script("""
        var cy = window.kgView.cy;
        var e = cy.edges().sort(function (a, b) {
          return b.data('mentions') - a.data('mentions'); })[0];
        cy.fit(e.connectedNodes(), 200);
        return [e.id(), e.source().data('name'), e.data('relation'), e.target().data('name')];
    """)
    data = g.edges[subject, obj, relation]
    # a random force layout may put the two ends on top of each other or a third node over
    # the edge's midpoint: place the two ends apart and every other node far off, so the
    # real click (still a browser click) lands on the edge and on nothing else
    mid = chrome.execute_script("""
        var cy = window.kgView.cy, e = cy.getElementById(arguments[0]);
        var s = e.source(), t = e.target();
        cy.nodes().forEach(function (n, i) {
          if (!n.same(s) && !n.same(t)) { n.position({x: 5000 + 40 * i, y: 5000}); }
        });
        s.position({x: 0, y: 0});
        t.position({x: 600, y: 0});
        cy.fit(e.connectedNodes(), 150);
        var p = e.renderedMidpoint();
        return [p.x, p.y];
    """, edge_id)
    canvas = chrome.find_element("id", "cy")
    size = canvas.size
    ActionChains(chrome).move_to_element_with_offset(
        canvas, int(mid[0] - size["width"] / 2), int(mid[1] - size["height"] / 2)).click().perform()
    panel = chrome.find_element("id", "panel")
    deadline = time.monotonic() + 10
    while "open" not in panel.get_attribute("class"):
        assert time.monotonic() < deadline, "clicking the relationship opened nothing"
        time.sleep(0.1)
    text = panel.text
    assert f"{subject} {relation} {obj}" in text
    for sentence, doc in zip(data["sentences"], data["docs"], strict=True):
        assert " ".join(sentence.split()) in " ".join(text.split())
        assert doc in text
    for date in data["dates"]:
        assert date in text
    chrome.save_screenshot(str(test_artifacts / "kg-view-evidence.png"))


def test_filters_and_search_show_what_the_graph_says(chrome, seeds_graph, seeds_page):
    g = kg.open_store("networkx", graph=seeds_graph).to_networkx()
    _open_offline(chrome, seeds_page)
    total = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}

    chrome.find_element("css selector", "#relations input[value=BACKS]").click()
    nodes, edges = _shown_after(g, lambda d: d["type"] != "BACKS")
    assert _counts(chrome) == {"nodes": nodes, "edges": edges}
    chrome.find_element("css selector", "#relations input[value=BACKS]").click()
    assert _counts(chrome) == total

    box = chrome.find_element("id", "minmentions")
    box.clear()
    box.send_keys("2")
    nodes, edges = _shown_after(g, lambda d: d["mentions"] >= 2)
    assert edges and _counts(chrome) == {"nodes": nodes, "edges": edges}
    box.clear()
    box.send_keys("1")

    chrome.find_element("id", "undated").click()  # drop relationships without dates
    chrome.find_element("id", "from").send_keys("2020")
    nodes, edges = _shown_after(g, lambda d: any(x[:4] >= "2020" for x in d["dates"] if x))
    assert edges and _counts(chrome) == {"nodes": nodes, "edges": edges}
    chrome.find_element("id", "from").clear()
    chrome.find_element("id", "undated").click()
    chrome.execute_script("window.kgView.apply()")
    assert _counts(chrome) == total

    chrome.find_element("css selector", "#types input[value=PERSON]").click()
    persons = {n for n, d in g.nodes(data=True) if d["type"] == "PERSON"}
    nodes, edges = _shown_after(g, lambda d: True)
    kept_edges = [(u, v) for u, v in g.edges() if u not in persons and v not in persons]
    got = _counts(chrome)
    assert got["edges"] == len(kept_edges)
    assert got["nodes"] == len({n for e in kept_edges for n in e})
    chrome.find_element("css selector", "#types input[value=PERSON]").click()

    search = chrome.find_element("id", "search")
    search.send_keys("hezbollah")
    matches = chrome.find_element("id", "matches").text.splitlines()
    assert matches[0].startswith("Hezbollah (")
    assert any(m.startswith("Kataib Hezbollah") for m in matches)
    search.clear()


def _synthetic_triples(n_nodes: int, n_edges: int, seed: int = 7) -> list[Triple]:
    rng = random.Random(seed)
    types = ["STATE", "ORGANIZATION", "PERSON", "GROUP", "FACILITY", "LOCATION"]
    relations = ["BACKS", "ATTACKS", "OPPOSES", "ALLIED_WITH", "DEPLOYED_IN", "PART_OF"]
    names = [(f"Actor {i:04d}", types[i % len(types)]) for i in range(n_nodes)]
    out = []
    for i in range(n_nodes):  # every actor in at least one relation
        a, b = names[i], names[(i * 7 + 1) % n_nodes]
        out.append(Triple(a[0], a[1], relations[i % len(relations)], b[0], b[1], f"d{i}.txt",
                          f"Sentence {i}.", 0, 12, "synthetic", 0.7, date="2020-01-01"))
    while len(out) < n_edges:
        a, b = rng.sample(names, 2)
        out.append(Triple(a[0], a[1], rng.choice(relations), b[0], b[1], "big.txt",
                          f"Sentence {len(out)}.", len(out), len(out) + 9, "synthetic", 0.7))
    return out


@pytest.mark.slow
def test_a_graph_of_2000_actors_renders_whole(chrome, tmp_path, test_artifacts):
    store = kg.open_store("networkx", graph=tmp_path / "big.json")
    store.load(_synthetic_triples(2000, 5000))
    store.save()
    g = store.to_networkx()
    page = tmp_path / "big.html"
    r = CliRunner().invoke(cli, ["view", "--no-open", "-o", str(page), "--graph",
                                 str(tmp_path / "big.json")])
    assert r.exit_code == 0, r.output
    started = time.monotonic()
    _open_offline(chrome, page)
    assert _counts(chrome) == {"nodes": 2000, "edges": g.number_of_edges()}
    assert time.monotonic() - started < WAIT
    # the layout spreads the actors out: no two of the 50 biggest hubs share a spot
    spots = chrome.execute_script("""
        return window.kgView.cy.nodes().sort(function (a, b) {
          return b.degree() - a.degree(); }).slice(0, 50).map(function (n) {
          var p = n.position(); return Math.round(p.x) + ',' + Math.round(p.y); });""")
    assert len(set(spots)) == 50
    chrome.save_screenshot(str(test_artifacts / "kg-view-2000.png"))


def test_the_vendored_library_is_the_recorded_release_and_mit():
    from kg.view import cytoscape_js

    vendor = REPO / "kg" / "data" / "vendor" / "cytoscape"
    meta = json.loads((vendor / "VENDOR.json").read_text(encoding="utf-8"))
    assert meta["license"] == "MIT" and "Permission is hereby granted" in (
        vendor / "LICENSE").read_text(encoding="utf-8")
    assert f"{meta['version']}" in meta["refresh"] or "VERSION" in meta["refresh"]
    assert len(cytoscape_js()) > 100_000  # checked against the recorded sha256


def test_names_cannot_break_out_of_the_page(tmp_path):
    from kg.view import render_html

    store = kg.open_store("networkx", graph=tmp_path / "g.json")
    evil = "</script><script>alert(1)</script> __KG_DATA__"
    store.load([Triple(evil, "GROUP", "BACKS", "Iran", "STATE", "d", "x </script> y", 0, 5,
                       "r", 0.7)])
    html = render_html(store.to_networkx())
    assert "</script><script>alert(1)" not in html
    assert html.count("<script") == 3 and "__KG_DATA__" not in html.split("<script", 1)[0]
