"""``kg diff --since``, ``kg balance``, corroboration and the as-of filter through the CLI on
Neo4j: the same answers as on the embedded backend."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from neo4j_graphs_helpers import wipe

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from analysis_fixture import WEEK_ONE, WEEK_TWO, write  # noqa: E402

pytestmark = pytest.mark.neo4j
KG = (sys.executable, "-c", "from kg.cli import main; main()")

COMMANDS = [
    ("diff", "--since", "2020-02-01"),
    ("balance",),
    ("balance", "--camps"),
    ("balance", "--all", "--between", "2020-01-01", "2020-01-31"),
    ("query", "camps"),
    ("query", "contradictions"),
    ("query", "changes_since", "-p", "since=2020-02-01"),
    ("query", "adversaries", "-p", "name=Red Hand", "--as-of", "2020-01-31"),
    ("query", "adversaries", "-p", "name=Borduria", "--between", "2020-02", "2020-02"),
    ("query", "allies", "-p", "name=Arland", "--min-sources", "2"),
    ("cypher", "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.name AS a, type(r) AS t, "
     "b.name AS b, r.documents AS documents, r.sources AS sources ORDER BY a, t, b"),
]


def kg(*args, env=None):
    proc = subprocess.run([*KG, *args], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def loaded(neo4j_server, tmp_path_factory):
    """The two months loaded month by month through the CLI into both backends."""
    neo = neo4j_server.connect()
    wipe(neo)
    neo.close()
    tmp = tmp_path_factory.mktemp("analysis-neo4j")
    graph = tmp / "g.json"
    env = neo4j_server.cli_env()
    for name, facts in (("one", WEEK_ONE), ("two", WEEK_TWO)):
        path = write(tmp / f"{name}.jsonl", facts)
        kg("load", str(path), "--graph", str(graph))
        kg("load", str(path), "--backend", "neo4j", env=env)
    return graph, env


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[:3]) for c in COMMANDS])
def test_the_same_answers_on_both_backends(loaded, command):
    graph, env = loaded
    embedded = json.loads(kg(*command, "--graph", str(graph), "--format", "json").stdout)
    on_neo4j = json.loads(kg(*command, "--backend", "neo4j", "--format", "json",
                             env=env).stdout)
    assert on_neo4j == embedded
    assert embedded, f"{command} found nothing to compare"
