"""``kg load --bulk``: neo4j-admin import on a stopped local server gives the graph the
incremental loader builds, property for property (evidence lists with their "" items, the
optional lists whose items are all "" left out as the loader leaves them out, derived
corroboration and camps, labels), and refuses a running server.

It needs its own throw-away server (the import replaces the database and needs the
server stopped), sharing the jars of the session's server.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j_graphs_helpers import sample_triples, snapshot, stored_relationships

from kg.derive import refresh
from kg.pipeline import write_triples

pytestmark = pytest.mark.neo4j
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bulk_server(tmp_path_factory, neo4j_server):
    from kg.neo4j_server import Neo4jServer, free_port

    home = tmp_path_factory.mktemp("neo4j-bulk")
    main = Neo4jServer(neo4j_server.home)
    if main.installed():
        home.mkdir(parents=True, exist_ok=True)
        (home / "lib").symlink_to(main.lib_dir, target_is_directory=True)
    server = Neo4jServer(home, bolt_port=free_port(), http_port=free_port(), auth=False,
                         heap="512m", pagecache="128m", apoc=False)
    yield server
    server.stop()


def _kg_load_bulk(server, triples_file: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_NEO4J_"))}
    return subprocess.run(
        [sys.executable, "-m", "kg", "load", str(triples_file), "--bulk", "--no-auth",
         "--home", str(server.home), "--bolt-port", str(server.bolt_port),
         "--http-port", str(server.http_port), "--include-negated"],
        capture_output=True, text=True, timeout=900, env=env, cwd=REPO)


def test_bulk_import_gives_the_incremental_graph(bulk_server, store, seed_triples, tmp_path):
    from kg.store.neo4j_store import Neo4jStore

    triples = [*seed_triples, *sample_triples()]
    store.load(triples, include_negated=True)
    refresh(store)
    expected = snapshot(store.to_networkx())
    assert any("" in d["attributed_to"] for d in expected[1].values())  # "" items to keep

    path = tmp_path / "triples.jsonl"
    write_triples(triples, path)
    proc = _kg_load_bulk(bulk_server, path)
    assert proc.returncode == 0, proc.stderr
    assert "neo4j-admin imported them" in proc.stderr
    assert bulk_server.is_running()
    with Neo4jStore.connect(uri=bulk_server.bolt_uri) as imported:
        got = snapshot(imported.to_networkx())
        for part in (0, 1):
            diff = {k: {a: (v.get(a), (expected[part].get(k) or {}).get(a))
                        for a in set(v) | set(expected[part].get(k) or {})
                        if v.get(a) != (expected[part].get(k) or {}).get(a)}
                    for k, v in got[part].items() if v != expected[part].get(k)}
            assert not diff, list(diff.items())[:2]
        assert got == expected
        # as stored, too: the lists whose items are all "" left out the same way
        stored, imported_stored = stored_relationships(store), stored_relationships(imported)
        assert imported_stored == stored
        assert any("dates" not in p for p in stored.values())
        assert any("attributed_to" in p and "" in p["attributed_to"] for p in stored.values())
        assert imported.stats() == store.stats()
        names = {r["name"] for r in imported.query("SHOW CONSTRAINTS YIELD name "
                                                   "RETURN name")}
        assert "kg_entity_name_unique" in names
        again = imported.load(triples, include_negated=True)  # incremental on top: no-op
        assert (again.nodes_created, again.relationships_created, again.evidence_added) \
            == (0, 0, 0)


def test_bulk_refuses_a_running_server(bulk_server, tmp_path):
    if not bulk_server.is_running():
        bulk_server.start(timeout=600)
    path = tmp_path / "triples.jsonl"
    write_triples(sample_triples(), path)
    proc = _kg_load_bulk(bulk_server, path)
    assert proc.returncode == 1
    assert "is running" in proc.stderr and "kg neo4j stop" in proc.stderr
    assert "Traceback" not in proc.stderr
