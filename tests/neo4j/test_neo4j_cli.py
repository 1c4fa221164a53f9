"""What a user sees from the CLI against Neo4j: refusals and errors are one clear line.

The wrong-password checks need a server with auth ON; CI runs the shared server with auth
off, so this module starts a small second server of its own with ``kg neo4j start`` (on
free ports, its own home, lib/ shared with the main home) and stops it with
``kg neo4j stop`` — which also tests those two commands end to end.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j_graphs_helpers import sample_triples, wipe

pytestmark = pytest.mark.neo4j

KG = (sys.executable, "-c", "from kg.cli import main; main()")
SECRET = "kg-test-Secret-4711"


def kg(*args: str, env: dict[str, str] | None = None, timeout: float = 300):
    return subprocess.run([*KG, *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


def assert_one_line_error(proc, *, contains: str, secret: str | None = None) -> None:
    assert proc.returncode != 0
    lines = [x for x in proc.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("Error: ") and contains in lines[0], lines[0]
    assert "Traceback" not in proc.stderr + proc.stdout
    if secret:
        assert secret not in proc.stderr + proc.stdout


def test_kg_cypher_is_read_only_on_neo4j(neo4j_server, store):
    store.load(sample_triples())
    before = store.stats()
    env = neo4j_server.cli_env()
    for statement in ("CREATE (n:Entity {name: 'Intruder'}) RETURN n.name AS n",
                      "MATCH (n) DETACH DELETE n",
                      "MATCH (n:Entity {name: 'Freedonia'}) SET n.type = 'GROUP'"):
        proc = kg("cypher", statement, "--backend", "neo4j", env=env)
        assert_one_line_error(proc, contains="--write")
    assert store.stats() == before
    proc = kg("cypher", "MATCH (n:Entity {name: $n}) RETURN n.type AS t", "-p", "n=Freedonia",
              "--backend", "neo4j", "--format", "json", env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == '[{"t": "STATE"}]'
    proc = kg("cypher", "CREATE (:Entity {name: 'Allowed', type: 'GROUP'})", "--write",
              "--backend", "neo4j", env=env)
    assert proc.returncode == 0, proc.stderr
    assert store.stats()["nodes"] == before["nodes"] + 1


def test_kg_build_twice_gives_identical_counts(neo4j_server, store, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Freedonia armed the Red Hand militia near Marsh Valley.\n\n"
        "Sylvania attacked the Red Hand in the north.\n", encoding="utf-8")
    env = neo4j_server.cli_env()
    first = kg("build", str(articles), "--backend", "neo4j", env=env)
    assert first.returncode == 0, first.stderr
    stats1 = kg("stats", "--backend", "neo4j", "--format", "json", env=env)
    second = kg("build", str(articles), "--backend", "neo4j", "--batch-size", "1", env=env)
    assert second.returncode == 0, second.stderr
    assert "0 new nodes, 0 new relationships, 0 new evidence" in second.stderr
    stats2 = kg("stats", "--backend", "neo4j", "--format", "json", env=env)
    assert stats1.stdout == stats2.stdout
    wipe(store)


def test_unreachable_server_is_one_fast_line(neo4j_server):
    from kg.neo4j_server import free_port

    env = neo4j_server.cli_env()
    env["NEO4J_URI"] = f"bolt://localhost:{free_port()}"
    env["NEO4J_PASSWORD"] = SECRET
    began = time.monotonic()
    proc = kg("stats", "--backend", "neo4j", env=env, timeout=120)
    assert time.monotonic() - began < 30  # not the driver's silent minute of retries
    assert_one_line_error(proc, contains="cannot reach Neo4j", secret=SECRET)


def test_missing_database_is_one_line(neo4j_server):
    proc = kg("query", "who_backs", "-p", "name=Freedonia", "--backend", "neo4j",
              "--database", "nosuchdb", env=neo4j_server.cli_env())
    assert_one_line_error(proc, contains="no database 'nosuchdb'")


# -- a second server with auth on ----------------------------------------------------

@pytest.fixture(scope="module")
def auth_server(neo4j_server, tmp_path_factory):
    from kg.neo4j_server import Neo4jServer, free_port

    home = tmp_path_factory.mktemp("neo4j-auth")
    main_lib = Neo4jServer(neo4j_server.home, apoc=False)
    if main_lib.installed():  # share the main home's jars instead of a second copy
        (home / "lib").symlink_to(main_lib.lib_dir, target_is_directory=True)
    bolt, http = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_NEO4J_"))}
    env["NEO4J_PASSWORD"] = SECRET
    args = ("--home", str(home), "--bolt-port", str(bolt), "--http-port", str(http))
    proc = kg("neo4j", "start", *args, "--heap", "512m", "--pagecache", "64m", "--no-apoc",
              env=env, timeout=900)
    info = {"home": home, "bolt": bolt, "http": http, "args": args, "env": env,
            "start": proc}
    try:
        assert proc.returncode == 0, proc.stderr[-2000:]
        yield info
    finally:
        stop = kg("neo4j", "stop", *args, env=env, timeout=120)
        info["stop"] = stop


def test_kg_neo4j_start_runs_an_auth_server(auth_server):
    proc = auth_server["start"]
    assert f"bolt://localhost:{auth_server['bolt']}" in proc.stdout
    assert "auth on" in proc.stdout
    assert SECRET not in proc.stdout + proc.stderr
    conf = (Path(auth_server["home"]) / "conf" / "neo4j.conf").read_text()
    assert f"server.bolt.listen_address=localhost:{auth_server['bolt']}" in conf
    assert "dbms.security.auth_enabled=true" in conf
    status = kg("neo4j", "status", *auth_server["args"], env=auth_server["env"])
    assert status.returncode == 0 and "running (pid" in status.stdout
    # the password opens it
    env = {**auth_server["env"], "NEO4J_URI": f"bolt://localhost:{auth_server['bolt']}"}
    ok = kg("stats", "--backend", "neo4j", "--format", "json", env=env)
    assert ok.returncode == 0, ok.stderr


def test_wrong_password_is_one_line_without_the_password(auth_server):
    env = {**auth_server["env"], "NEO4J_URI": f"bolt://localhost:{auth_server['bolt']}",
           "NEO4J_PASSWORD": "Wrong-Guess-9876"}
    proc = kg("stats", "--backend", "neo4j", env=env)
    assert_one_line_error(proc, contains="refused the credentials", secret="Wrong-Guess-9876")
    assert SECRET not in proc.stderr
    env.pop("NEO4J_PASSWORD")
    proc = kg("query", "who_backs", "-p", "name=x", "--backend", "neo4j", env=env)
    assert_one_line_error(proc, contains="NEO4J_PASSWORD")


def test_start_refuses_a_missing_or_short_password(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    proc = kg("neo4j", "start", "--home", str(tmp_path / "h"), env=env)
    assert_one_line_error(proc, contains="NEO4J_PASSWORD is not set")
    env["NEO4J_PASSWORD"] = "short"
    proc = kg("neo4j", "start", "--home", str(tmp_path / "h"), env=env)
    assert_one_line_error(proc, contains="at least 8", secret="short")
    assert not (tmp_path / "h" / "lib").exists()  # refused before installing anything


def test_status_of_a_stopped_home_fails(tmp_path):
    from kg.neo4j_server import free_port

    proc = kg("neo4j", "status", "--home", str(tmp_path), "--bolt-port", str(free_port()))
    assert proc.returncode == 1 and "not answering" in proc.stdout


def test_apoc_core_is_on_a_kg_started_server(neo4j_server):
    """`kg neo4j start` installs APOC Core (GraphML export is in core) unless --no-apoc."""
    stamp = neo4j_server.home / "plugins" / ".kg-installed"
    if not stamp.exists():
        pytest.skip(f"the server on {neo4j_server.uri} was not started from a kg home with "
                    "APOC (e.g. --no-apoc or another server)")
    store = neo4j_server.connect()
    try:
        version = store.query("RETURN apoc.version() AS v")[0]["v"]
        procs = store.query("SHOW PROCEDURES YIELD name "
                            "WHERE name STARTS WITH 'apoc.export.graphml' RETURN count(*) AS c")
    finally:
        store.close()
    assert version.startswith("5.26")
    assert procs[0]["c"] >= 3
