"""Against the real server (issue 13): clients find the server `kg neo4j start` runs
without NEO4J_URI, the library example of docs/library.md runs unchanged on Neo4j (one Store
protocol; save() is a no-op), and names resolve at query time on Neo4j too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.store.base import Store

pytestmark = pytest.mark.neo4j

KG = (sys.executable, "-c", "from kg.cli import main; main()")
REPO = Path(__file__).resolve().parents[2]


def _env(server, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("NEO4J_") and k not in ("KG_NEO4J_BOLT_PORT", "KG_NEO4J_HOME")}
    if server.password:
        env["NEO4J_PASSWORD"] = server.password
    env.update(extra)
    return env


def _kg(*args, env, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *map(str, args)], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=600)


def test_build_finds_the_server_through_kg_neo4j_bolt_port(neo4j_server, store, tmp_path):
    env = _env(neo4j_server, KG_NEO4J_BOLT_PORT=str(neo4j_server.bolt_port))
    proc = _kg("build", REPO / "seeds", "--backend", "neo4j", env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert store.stats()["relationships"] > 50


def test_clients_find_a_running_server_through_its_home(neo4j_server, store, tmp_path):
    """No NEO4J_URI, no port variable: the config of the server in KG_NEO4J_HOME."""
    store.load(kg.extract([REPO / "seeds"]))
    env = _env(neo4j_server, KG_NEO4J_HOME=str(neo4j_server.home))
    proc = _kg("stats", "--backend", "neo4j", "--format", "json", env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == store.stats()


def test_start_prints_the_export_line_when_clients_would_look_elsewhere(neo4j_server,
                                                                        tmp_path):
    args = ["neo4j", "start", "--home", neo4j_server.home, "--bolt-port",
            neo4j_server.bolt_port, "--http-port", neo4j_server.http_port]
    if not neo4j_server.password:
        args.append("--no-auth")
    proc = _kg(*args, env=_env(neo4j_server), cwd=tmp_path)  # already running: no restart
    assert proc.returncode == 0, proc.stderr
    line = f"export NEO4J_URI=bolt://localhost:{neo4j_server.bolt_port}"
    if neo4j_server.bolt_port != 7687:
        assert line in proc.stdout.splitlines()
    else:
        assert "export NEO4J_URI" not in proc.stdout
    proc = _kg(*args, env=_env(neo4j_server, KG_NEO4J_BOLT_PORT=str(neo4j_server.bolt_port)),
               cwd=tmp_path)
    assert proc.returncode == 0 and "export NEO4J_URI" not in proc.stdout


def test_the_documented_library_example_runs_on_neo4j(neo4j_server, store, tmp_path):
    triples = list(kg.extract([REPO / "seeds"]))
    neo = kg.open_store("neo4j", uri=neo4j_server.uri, user="neo4j",
                        password=neo4j_server.password, database="neo4j")
    embedded = kg.open_store("networkx", graph=tmp_path / "g.json")
    try:
        for s in (neo, embedded):
            assert isinstance(s, Store)
            s.load(triples)
            s.save()
        assert neo.save() is None
        rows = kg.run_saved_query(neo, "who_backs", {"name": "Hezbollah"})
        assert rows and rows == kg.run_saved_query(embedded, "who_backs", {"name": "Hezbollah"})
        resolved = kg.run_saved_query(neo, "who_backs", {"name": "hizbollah"}, resolve=True)
        assert resolved == rows
        with pytest.raises(kg.NameNotInGraph):
            kg.run_saved_query(neo, "who_backs", {"name": "Atlantis"}, resolve=True)
        out = kg.export_graph(neo.to_networkx(), tmp_path / "g.graphml")
        assert out.exists()
    finally:
        neo.close()


def test_kg_query_resolves_names_on_neo4j(neo4j_server, store, tmp_path):
    store.load(kg.extract([REPO / "seeds"]))
    env = neo4j_server.cli_env()
    proc = _kg("query", "backed_by", "-p", "name=tehran", "--backend", "neo4j", "--format",
               "json", env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == kg.run_saved_query(store, "backed_by", {"name": "Iran"})
    proc = _kg("query", "backed_by", "-p", "name=Atlantis", "--backend", "neo4j", env=env,
               cwd=tmp_path)
    assert proc.returncode == 3 and "'Atlantis' is not in the graph" in proc.stderr
