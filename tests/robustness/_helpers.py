"""Helpers shared by the robustness suite (issue 6).

The suite drives the real ``kg`` command in a subprocess wherever the user-visible
behaviour is the point (exit code, one ``Error:`` line, no traceback), because only a
real process shows what a user sees, including what Python prints when it dies.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.model import Triple

# The CLI exactly as the ``kg`` console script runs it, but with this interpreter.
KG = (sys.executable, "-c", "from kg.cli import main; main()")

# Names that are hard on any quoting scheme; they are real nodes in the test graphs, so
# a parameter equal to one of them must find exactly that node (escaping round-trips).
HOSTILE_NAMES = (
    'Brigade "Alpha" \\ North',
    "O'Neil Front",
    "Front \u201cCrescent\u201d \u2018Moon\u2019",
    "Back`tick Army",
    "$name Militia",
    "Line\nBreak Group",
    "\u0642\u0648\u0627\u062a \u0627\u0644\u062d\u0634\u062f",  # Arabic, right-to-left
    "Rocket \U0001f680 Unit",
    'Quote" Brigade // North',
    "Null\x00Byte Cell",
)

# Strings that try to end a literal, comment out the rest, or smuggle a parameter.
INJECTION_PAYLOADS = (
    '"}) DETACH DELETE n //',
    "'}) DETACH DELETE n //",
    'x" OR 1=1 //',
    "x' OR 1=1 //",
    "x\" OR true RETURN 1 AS one UNION MATCH (n) DETACH DELETE n //",
    "`) DETACH DELETE n //",
    "BACKS`]->() DETACH DELETE n //",
    "$name",
    "${name}",
    "x\n}) MATCH (n) DETACH DELETE n //",
    "x\r\nMATCH (n) DETACH DELETE n",
    "\u201c}) DETACH DELETE n //\u201d",
    "\u2018}) DETACH DELETE n //\u2019",
    "\\",
    '\\"}) DETACH DELETE n //',
    "\\\\\"}) DETACH DELETE n //",
    "/* */ MATCH (n) DETACH DELETE n",
    "x\u2028MATCH (n) DETACH DELETE n",
)


def run_kg(*args: str, cwd: str | os.PathLike | None = None, env: dict | None = None,
           timeout: float = 180) -> subprocess.CompletedProcess:
    """Run ``kg ARGS`` as a user would; text output captured."""
    full_env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    full_env.pop("KG_GRAPH", None)
    full_env.pop("KG_BACKEND", None)
    if env:
        full_env.update(env)
    return subprocess.run([*KG, *args], cwd=cwd, env=full_env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def error_line(proc: subprocess.CompletedProcess) -> str:
    """The ``Error: …`` line of a failed run (Click prints exactly one)."""
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("Error")]
    assert len(lines) == 1, f"expected one Error line, got stderr:\n{proc.stderr}"
    return lines[0]


def assert_clean_failure(proc: subprocess.CompletedProcess, *mentions: str,
                         exit_codes: Sequence[int] = (1, 2)) -> str:
    """A failure a user can act on: non-zero exit, no traceback, one ``Error:`` line that
    mentions every string in ``mentions`` (case-insensitive). Returns that line."""
    both = proc.stdout + proc.stderr
    assert proc.returncode in exit_codes, (
        f"exit {proc.returncode}, expected one of {exit_codes}\nstdout:{proc.stdout}\n"
        f"stderr:{proc.stderr}")
    assert "Traceback" not in both, both
    line = error_line(proc)
    for m in mentions:
        assert m.lower() in line.lower(), f"{m!r} not in error line {line!r}"
    return line


def make_triples(n: int, *, prefix: str = "", docs: int = 0, seed: int = 7) -> list[Triple]:
    """``n`` distinct, valid triples over varied names, types and relations.

    Evidence keys are unique per triple, so a clean load gives ``n`` mentions in total;
    names repeat across triples so relationships collect several mentions.
    """
    import random

    from kg import ontology

    rng = random.Random(seed)
    types = list(ontology.entity_types())
    relations = list(ontology.relations())
    n_entities = max(4, n // 3)
    entities = []
    for i in range(n_entities):
        if i < len(HOSTILE_NAMES):
            base = HOSTILE_NAMES[i]
        else:
            base = f"Actor {i:06d} {rng.randrange(10**6)}"
        entities.append((f"{prefix}{base}", types[i % len(types)]))
    docs = docs or max(1, n // 50)
    out = []
    for i in range(n):
        (s, st), (o, ot) = rng.sample(entities, 2)
        doc = f"{prefix}doc-{i % docs:05d}"
        out.append(Triple(
            subject=s, subject_type=st, relation=relations[i % len(relations)], object=o,
            object_type=ot, doc_id=doc, sentence=f"{s} and {o} appear in sentence {i}.",
            start=i * 100, end=i * 100 + 60, rule="synthetic", confidence=rng.random(),
            date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
        ))
    return out


def write_triples_file(triples: Iterable[Triple], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for t in triples:
            f.write(t.to_json() + "\n")
    return path


def nx_fingerprint(g) -> dict:
    """Counts plus a hash of every node and relationship with all their properties."""
    from kg.store.networkx_store import to_json_data

    data = to_json_data(g)
    canon = json.dumps(
        {"nodes": sorted(data["nodes"], key=lambda d: d["id"]),
         "relationships": sorted(data["relationships"],
                                 key=lambda d: (d["source"], d["target"], d["key"]))},
        sort_keys=True, ensure_ascii=False, default=str)
    return {
        "nodes": g.number_of_nodes(),
        "relationships": g.number_of_edges(),
        "mentions": sum(d.get("mentions", 0) for _, _, d in g.edges(data=True)),
        "hash": hashlib.sha256(canon.encode()).hexdigest(),
    }


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# -- Neo4j ---------------------------------------------------------------------------------

OWN_PASSWORD = "rb-Test-Secret-4711"  # only ever given to our own throw-away server


def neo4j_env(uri: str, password: str | None, **extra: str) -> dict[str, str]:
    """Environment for ``kg … --backend neo4j`` against the server at ``uri``."""
    env = {"NEO4J_URI": uri, "NEO4J_USERNAME": "neo4j", "NEO4J_DATABASE": "neo4j", **extra}
    env["NEO4J_PASSWORD"] = password or ""
    return env


def neo4j_fingerprint(driver, database: str = "neo4j") -> dict:
    """Counts plus a hash of every node and relationship with all their properties,
    read with the plain driver so the check does not trust the code under test."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", database_=database)
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.name AS a, type(r) AS type, properties(r) AS props, "
        "b.name AS b", database_=database)

    def canon(records) -> list[str]:
        return sorted(json.dumps(r.data(), sort_keys=True, ensure_ascii=False, default=str)
                      for r in records)

    body = json.dumps([canon(nodes), canon(rels)], ensure_ascii=False)
    return {
        "nodes": len(nodes),
        "relationships": len(rels),
        "mentions": sum(r["props"].get("mentions", 0) or 0 for r in rels),
        "hash": hashlib.sha256(body.encode()).hexdigest(),
    }


def wipe(driver) -> None:
    with driver.session(database="neo4j") as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
