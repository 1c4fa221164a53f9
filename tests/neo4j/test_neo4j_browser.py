"""Neo4j Browser end to end, in headless Chromium: connect, run a saved query, see rows.

It asserts that the query's result view appears holding a value the embedded backend
also returns — not pixels — and leaves a screenshot in the test artifacts folder
(``KG_TEST_ARTIFACTS``, default ``test-artifacts/``).

Needs the Debian packages ``chromium`` and ``chromium-driver`` and the ``selenium``
package. Without them the test is skipped, unless ``KG_REQUIRE_BROWSER=1`` (CI) makes
their absence a failure.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from neo4j_graphs_helpers import wipe

from kg.query import list_saved_queries, run_saved_query
from kg.store.networkx_store import NetworkXStore

pytestmark = pytest.mark.neo4j

GRASS = Path(__file__).resolve().parents[2] / "kg" / "data" / "neo4j" / "kg.grass"
WAIT = 90  # seconds; Browser is a large single-page app and CI has 2 shared cores
# the `chrome` fixture (headless Chromium) is in tests/conftest.py


def _pick_query(embedded):
    """A saved query with rows in the seeds graph, ``who_backs`` if it has some."""
    queries = sorted(list_saved_queries(), key=lambda q: q.name != "who_backs")
    for q in queries:
        params = {p.name: p.example for p in q.params}
        rows = run_saved_query(embedded, q.name, params)
        if rows:
            return q, params, rows
    pytest.fail("no saved query returns rows on the seeds graph")


def _one_line(cypher: str) -> str:
    """The query as one editor line: Enter would run it, and comments would eat the rest."""
    lines = [ln.split("//", 1)[0].strip() if "//" in ln and "'" not in ln and '"' not in ln
             else ln.strip() for ln in cypher.splitlines()]
    return " ".join(ln for ln in lines if ln)


class BrowserPage:
    """Neo4j Browser in Chromium, connected to the test server, with the seeds loaded."""

    def __init__(self, driver, server):
        from selenium.webdriver.support.ui import WebDriverWait

        self.d = driver
        self.server = server
        self.wait = WebDriverWait(driver, WAIT)

    def frames(self):
        from selenium.webdriver.common.by import By

        return self.d.find_elements(By.CSS_SELECTOR, "article[data-testid=frame]")

    def connect(self) -> None:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as ec

        server = self.server
        url = f"{server.http_url}/browser/?dbms=bolt://localhost:{server.bolt_port}"
        if not server.password:
            url += "&preselectAuthMethod=NO_AUTH"
        self.d.get(url)
        if server.password:
            # the connect form, unless the server turns out to run without auth
            self.wait.until(lambda d: self._connected() or ec.element_to_be_clickable(
                (By.CSS_SELECTOR, "[data-testid=password]"))(d))
        if server.password and not self._connected():
            user = self.d.find_element(By.CSS_SELECTOR, "[data-testid=username]")
            user.clear()
            user.send_keys("neo4j")
            self.d.find_element(By.CSS_SELECTOR, "[data-testid=password]").send_keys(
                server.password)
            self.d.find_element(By.CSS_SELECTOR, "[data-testid=connect]").click()
        self.wait.until(lambda d: self._connected())

    def _connected(self) -> bool:
        return any("Connected to Neo4j" in f.text or "connected as" in f.text
                   for f in self.frames())

    def run(self, command: str, *, wait_for_frame: bool = True) -> None:
        """Type one line into the editor and press its Run button."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as ec

        before = len(self.frames())
        editor = (By.CSS_SELECTOR, "[data-testid=activeEditor]")
        self.wait.until(ec.element_to_be_clickable(editor))
        self.d.find_element(*editor).click()
        self.d.find_element(By.CSS_SELECTOR, "[data-testid=activeEditor] textarea"
                            ).send_keys(command)
        self.d.find_element(By.CSS_SELECTOR, "[data-testid=editor-Run]").click()
        if wait_for_frame:
            self.wait.until(lambda d: len(self.frames()) > before)

    def result_frame(self, command: str):
        """Wait for the frame of ``command`` to show loaded results; return it."""
        from selenium.webdriver.common.by import By

        def ready(_):
            for frame in self.frames():
                cmd = frame.find_elements(By.CSS_SELECTOR, "[data-testid=frameCommand]")
                if not cmd or not cmd[0].text.strip().startswith(command[:30]):
                    continue
                loaded = frame.find_elements(By.CSS_SELECTOR,
                                             "[data-testid=frame-loaded-contents]")
                if loaded and loaded[0].text.strip():
                    return frame
            return False

        return self.wait.until(ready)


@pytest.fixture(scope="module")
def browser(chrome, neo4j_server, seed_triples, tmp_path_factory):
    neo = neo4j_server.connect()
    try:
        wipe(neo)
        neo.load(seed_triples)
    finally:
        neo.close()
    embedded = NetworkXStore(tmp_path_factory.mktemp("browser") / "g.json")
    embedded.load(seed_triples)
    page = BrowserPage(chrome, neo4j_server)
    page.connect()
    return page, embedded


def test_browser_runs_a_saved_query(browser, artifacts_dir):
    from selenium.webdriver.common.by import By

    page, embedded = browser
    query, params, expected_rows = _pick_query(embedded)
    expected_cell = next(str(v) for v in expected_rows[0].values()
                         if isinstance(v, str) and v)
    if params:
        page.run(":params " + json.dumps(params, ensure_ascii=False))
    text = _one_line(query.text)
    page.run(text)
    frame = page.result_frame(text)
    shot = artifacts_dir / f"neo4j-browser-{query.name}.png"
    page.d.save_screenshot(str(shot))
    assert frame.find_elements(By.CSS_SELECTOR, "[data-testid=cypherFrameSidebarTable]")
    contents = frame.find_element(By.CSS_SELECTOR, "[data-testid=frame-loaded-contents]").text
    assert expected_cell in contents, (expected_cell, contents[:500])
    status = frame.find_element(By.CSS_SELECTOR, "[data-testid=frameStatusbar]").text
    assert f"{len(expected_rows)} record" in status, status
    assert shot.exists() and shot.stat().st_size > 10_000


def test_the_stylesheet_colours_nodes_by_label(browser, artifacts_dir):
    """``:style`` with kg.grass, then a graph result: State nodes take the State colour."""
    from selenium.webdriver.common.by import By

    page, _ = browser
    grass = GRASS.read_text(encoding="utf-8")
    colours = dict(re.findall(r"node\.(\w+)\s*\{[^}]*?\bcolor:\s*(#[0-9A-Fa-f]{6})", grass))
    assert {"State", "Organization", "Group", "Person", "Facility", "Location"} <= set(colours)
    page.run(":style " + " ".join(grass.split()))
    text = "MATCH (s:State)-[r]->(o:Entity) RETURN s, r, o LIMIT 10"
    page.run(text)
    frame = page.result_frame(text)
    assert frame.find_elements(By.CSS_SELECTOR, "[data-testid=cypherFrameSidebarVisualization]")
    page.wait.until(lambda _: frame.find_elements(By.CSS_SELECTOR, "svg g.node circle"))
    fills = {(c.get_attribute("fill") or "").upper()
             for c in frame.find_elements(By.CSS_SELECTOR, "svg g.node circle")}
    page.d.save_screenshot(str(artifacts_dir / "neo4j-browser-style.png"))
    assert colours["State"].upper() in fills, fills
    # captions come from the `name` property ({name} in the stylesheet)
    captions = " ".join(t.get_attribute("textContent") or ""
                        for t in frame.find_elements(By.CSS_SELECTOR, "svg g.node text"))
    names = {r["n"] for r in page_names(page)}
    assert any(n in captions for n in names), (captions, names)


def page_names(page):
    neo = page.server.connect()
    try:
        return neo.query("MATCH (s:State)-[]->(:Entity) RETURN DISTINCT s.name AS n")
    finally:
        neo.close()


def test_a_relationship_shows_its_evidence_and_no_empty_lists(browser, artifacts_dir):
    """Browser shows a relationship's properties as Neo4j holds them: the sentences and
    documents, and no ``attributed_to`` list when nothing was attributed (the loader
    leaves out the optional lists whose items are all "")."""
    from selenium.webdriver.common.by import By

    page, _ = browser
    neo = page.server.connect()
    try:
        picked = neo._read(
            "MATCH (s)-[r]->(o) WHERE NOT 'attributed_to' IN keys(r) AND 'dates' IN keys(r) "
            "RETURN s.name AS s, o.name AS o, type(r) AS t, r.docs[0] AS doc, "
            "[x IN r.sentences WHERE NOT x CONTAINS '\"' AND NOT x CONTAINS '\\\\'] AS plain, "
            "[x IN r.dates WHERE x <> ''][0] AS date ORDER BY size(plain) DESC LIMIT 1")
    finally:
        neo.close()
    assert picked and picked[0]["plain"], "no relationship without attributions in the seeds"
    rel = picked[0]
    page.run(":params " + json.dumps({"s": rel["s"], "o": rel["o"]}, ensure_ascii=False))
    text = f"MATCH (:Entity {{name: $s}})-[r:{rel['t']}]->(:Entity {{name: $o}}) RETURN r"
    page.run(text)
    frame = page.result_frame(text)
    frame.find_element(By.CSS_SELECTOR, "[data-testid=cypherFrameSidebarTable]").click()
    sentence = rel["plain"][0][:40]
    page.wait.until(lambda _: sentence in frame.text)
    page.d.save_screenshot(str(artifacts_dir / "neo4j-browser-evidence.png"))
    contents = frame.text
    for shown in ('"sentences"', '"docs"', '"evidence_keys"', '"dates"', rel["doc"],
                  rel["date"]):
        assert shown in contents, (shown, contents[:800])
    assert '"attributed_to"' not in contents, contents[:800]
