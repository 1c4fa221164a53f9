"""Fixtures for the tests against a real Neo4j server (issue 3).

The server is found or started once per session:

* if something listens on the configured Bolt port (``KG_NEO4J_BOLT_PORT``, default 7687)
  it is reused — that is how ``.ci/run`` does it (``kg neo4j start --no-auth`` first);
* otherwise the fixture starts one from ``KG_NEO4J_HOME`` (default ``<repo>/.neo4j``) and
  stops it at the end. The very first start resolves ~130 MB of jars with Maven.

Auth follows ``NEO4J_PASSWORD``: set → auth on with that password, unset → auth off.

These tests EMPTY the server's ``neo4j`` database. To protect a database somebody cares
about, they refuse (fail) when it holds nodes that are not kg ``Entity`` nodes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j_graphs_helpers import wipe

REPO = Path(__file__).resolve().parents[2]


@dataclass
class ServerInfo:
    uri: str
    http_url: str
    bolt_port: int
    http_port: int
    password: str | None
    home: Path
    started_here: bool

    def connect(self, **opts):
        from kg.store.neo4j_store import Neo4jStore

        return Neo4jStore.connect(uri=self.uri, user="neo4j", password=self.password,
                                  database="neo4j", **opts)

    def cli_env(self) -> dict[str, str]:
        """Environment for ``kg … --backend neo4j`` in a subprocess."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
        env.update(NEO4J_URI=self.uri, NEO4J_USERNAME="neo4j", NEO4J_DATABASE="neo4j")
        if self.password:
            env["NEO4J_PASSWORD"] = self.password
        return env


def _port(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


@pytest.fixture(scope="session")
def neo4j_server():
    from kg.neo4j_server import Neo4jServer, port_in_use

    bolt = _port("KG_NEO4J_BOLT_PORT", 7687)
    http = _port("KG_NEO4J_HTTP_PORT", 7474)
    password = os.environ.get("NEO4J_PASSWORD") or None
    home = Path(os.environ.get("KG_NEO4J_HOME") or REPO / ".neo4j")
    server = Neo4jServer(home, bolt_port=bolt, http_port=http, auth=bool(password),
                         password=password)
    started = False
    if not port_in_use(bolt):
        server.start(timeout=900)  # a first start also downloads the jars
        started = True
    info = ServerInfo(uri=server.bolt_uri, http_url=server.http_url, bolt_port=bolt,
                      http_port=http, password=password, home=server.home,
                      started_here=started)
    try:
        yield info
    finally:
        if started:
            server.stop()


@pytest.fixture
def store(neo4j_server):
    """A connected, emptied store; closed afterwards."""
    s = neo4j_server.connect()
    wipe(s)
    try:
        yield s
    finally:
        s.close()


def shared_dir() -> Path | None:
    env = os.environ.get("KG_SHARED")
    path = Path(env) if env else REPO / ".." / "shared"
    return path.resolve() if (path / "seeds").is_dir() else None


@pytest.fixture(scope="session")
def seed_triples():
    """Triples extracted from the shared seed articles (the graph the parity test uses)."""
    shared = shared_dir()
    if shared is None:
        pytest.skip("the shared seed articles are not here (set KG_SHARED to the folder "
                    "holding seeds/)")
    from kg.pipeline import extract

    triples = list(extract([str(shared / "seeds")]))
    assert triples, "extraction found no triples in the seed articles"
    return triples


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests leave files for people to look at (screenshots)."""
    path = Path(os.environ.get("KG_TEST_ARTIFACTS") or REPO / "test-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path
