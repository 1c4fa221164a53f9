"""The benchmark's own Neo4j server, started through kg's server library.

It runs on its own ports and home folder (bolt 7707, http 7494, ``bench/out/neo4j``) so
that clearing and reloading the database between runs never touches the server the
test suite or other engineers use. ``--neo4j-uri`` points the benchmark at an existing
server instead; then nothing is started or stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

BOLT_PORT = 7707
HTTP_PORT = 7494


class Neo4jUnavailable(RuntimeError):
    """No server library, no Java, or the server did not come up: the Neo4j parts skip."""


@dataclass
class Connection:
    uri: str
    user: str = "neo4j"
    password: str | None = None
    database: str = "neo4j"
    server: object | None = field(default=None, repr=False)
    started_here: bool = False

    def driver(self):
        from neo4j import GraphDatabase

        auth = (self.user, self.password) if self.password else None
        return GraphDatabase.driver(self.uri, auth=auth)

    def store(self):
        from kg.store.neo4j_store import Neo4jStore

        return Neo4jStore.connect(uri=self.uri, user=self.user, password=self.password,
                                  database=self.database)

    def stop(self) -> None:
        if self.started_here and self.server is not None:
            self.server.stop()
            self.started_here = False


def start_own(home: Path, bolt_port: int = BOLT_PORT, http_port: int = HTTP_PORT,
              timeout: float = 240.0) -> Connection:
    """Start a private, auth-less server through :mod:`kg.neo4j_server` and wait for it.

    A server of this home that is still running (an interrupted run) is reused.
    """
    try:
        from kg.neo4j_server import Neo4jServer, Neo4jServerError
    except ImportError as e:
        raise Neo4jUnavailable(f"kg.neo4j_server is not available ({e})") from None
    server = Neo4jServer(home, bolt_port=bolt_port, http_port=http_port, auth=False,
                         apoc=False)
    try:
        server.start(timeout=timeout)
    except Neo4jServerError as e:
        raise Neo4jUnavailable(f"the benchmark's Neo4j did not start: {e}") from None
    return Connection(uri=server.bolt_uri, server=server, started_here=True)
