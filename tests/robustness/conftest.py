"""Fixtures of the robustness suite (issue 6); helpers live in ``_helpers``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ._helpers import OWN_PASSWORD, make_triples


@pytest.fixture
def hostile_graph(tmp_path: Path) -> Path:
    """A saved embedded graph whose node names include every HOSTILE_NAMES entry."""
    from kg.store import NetworkXStore

    path = tmp_path / "graph.json"
    store = NetworkXStore(path)
    store.load(make_triples(60))
    store.save()
    return path


# -- Neo4j -------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def own_server(tmp_path_factory):
    """A second, throw-away Neo4j server with auth ON that these tests may stop and restart.

    It runs next to the shared server (7687) on its own ports and home, so stopping it
    never disturbs other tests. Bolt 7697 / HTTP 7484 unless those are taken.
    """
    from kg.neo4j_server import Neo4jServer, default_home, free_port, port_in_use

    home = tmp_path_factory.mktemp("neo4j-own")
    bolt = 7697 if not port_in_use(7697) else free_port()
    http = 7484 if not port_in_use(7484) else free_port()
    server = Neo4jServer(home, bolt_port=bolt, http_port=http, auth=True,
                         password=OWN_PASSWORD, heap="512m", pagecache="128m", apoc=False)
    _reuse_installed_jars(Neo4jServer(default_home()), server)
    try:
        server.start(timeout=300)
    except BaseException:
        server.stop()
        raise
    yield server
    server.stop()


def _reuse_installed_jars(main, own) -> None:
    """Point the throw-away home's lib/ at the main server's jars when those are installed
    (same versions), instead of copying ~130 MB again."""
    if not main.installed() or main.neo4j_version != own.neo4j_version:
        return
    own.home.mkdir(parents=True, exist_ok=True)
    own.lib_dir.symlink_to(main.lib_dir, target_is_directory=True)


@pytest.fixture
def server(own_server):
    """The throw-away server, running (a failed test may have left it stopped)."""
    if not own_server.is_running():
        own_server.start(timeout=300)
    _wait_until_credentials_accepted(own_server)
    return own_server


def _wait_until_credentials_accepted(server, timeout: float = 60) -> None:
    """Neo4j locks a user for a few seconds after repeated wrong passwords (even the right
    one is refused meanwhile); wrong-password tests leave such a lock behind."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import ClientError

    deadline = time.monotonic() + timeout
    while True:
        try:
            with GraphDatabase.driver(server.bolt_uri, auth=("neo4j", OWN_PASSWORD)) as d:
                d.verify_connectivity()
            return
        except ClientError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


@pytest.fixture
def driver(server):
    from neo4j import GraphDatabase

    with GraphDatabase.driver(server.bolt_uri, auth=("neo4j", OWN_PASSWORD)) as d:
        yield d
