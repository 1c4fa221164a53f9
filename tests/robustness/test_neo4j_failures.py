"""Neo4j going away mid-load, and bad connection settings, against a REAL server.

These tests start their own throw-away server (``own_server``: auth on, its own ports and
home) because they stop it; the shared server other tests use is never touched.

What users rely on: a lost server gives one clear line and a non-zero exit; each batch is
one transaction, so nothing half-written is left; loading the same file again after a
restart completes the graph with no duplicates; the password is never printed or logged.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from kg.store import NetworkXStore

from ._helpers import (
    KG,
    OWN_PASSWORD,
    assert_clean_failure,
    make_triples,
    neo4j_env,
    neo4j_fingerprint,
    run_kg,
    wipe,
    write_triples_file,
)

pytestmark = pytest.mark.neo4j

# Sized so that the load runs for several seconds on a 2-core CI machine (measured here:
# 1000 triples in batches of 50 took 10-50 s depending on load) in many small transactions,
# giving time to stop the server half-way, while keeping the test short.
N_TRIPLES = 1200
BATCH = 25


def _count_relationships(driver) -> int:
    records, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c",
                                         database_="neo4j")
    return records[0]["c"]


def _assert_consistent(driver) -> None:
    """No relationship is half-written: its evidence lists agree with its mention count,
    no evidence key is there twice, and no entity name exists twice."""
    records, _, _ = driver.execute_query("""
        MATCH ()-[r]->()
        WHERE r.mentions <> size(r.evidence_keys)
           OR size(r.docs) <> r.mentions OR size(r.sentences) <> r.mentions
           OR size(r.rules) <> r.mentions OR size(r.dates) <> r.mentions
           OR size(r.attributed_to) <> r.mentions
           OR COUNT { UNWIND r.evidence_keys AS k WITH DISTINCT k RETURN k } <> r.mentions
        RETURN count(r) AS bad""", database_="neo4j")
    assert records[0]["bad"] == 0
    records, _, _ = driver.execute_query(
        "MATCH (n:Entity) WITH n.name AS name, count(*) AS c WHERE c > 1 RETURN count(*) AS d",
        database_="neo4j")
    assert records[0]["d"] == 0


def _load_args(path: Path) -> list[str]:
    return ["load", str(path), "--backend", "neo4j", "--batch-size", str(BATCH)]


def test_server_stopped_mid_load_then_rerun_completes_without_duplicates(server, driver,
                                                                         tmp_path):
    triples = make_triples(N_TRIPLES, prefix="load-failure ")
    path = write_triples_file(triples, tmp_path / "triples.jsonl")
    env = neo4j_env(server.bolt_uri, OWN_PASSWORD)

    # The reference: the same triples in the embedded backend, which holds the same model.
    embedded = NetworkXStore(tmp_path / "same.json")
    embedded.load(triples)
    expected = _evidence_by_relationship_nx(embedded.graph)
    assert sum(len(v) for v in expected.values()) == N_TRIPLES

    # The interrupted load: stop the real server once some batches are committed.
    wipe(driver)
    proc = subprocess.Popen([*KG, *_load_args(path)], cwd=tmp_path, text=True,
                            env={**_environ(), **env}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while _count_relationships(driver) == 0 and proc.poll() is None:
            assert time.monotonic() < deadline, "the load committed nothing in 300 s"
            time.sleep(0.1)
        assert proc.poll() is None, "the load finished before the server could be stopped"
        server.stop()
        out, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    interrupted = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    line = assert_clean_failure(interrupted, "neo4j", exit_codes=(1,))
    assert server.bolt_uri.split("//")[1] in line or "connection" in line.lower(), line
    assert OWN_PASSWORD not in out + err

    # While it is down, any command says so in one line.
    down = run_kg("stats", "--backend", "neo4j", env=env, cwd=tmp_path)
    line = assert_clean_failure(down, server.bolt_uri, exit_codes=(1,))
    assert OWN_PASSWORD not in down.stdout + down.stderr

    server.start(timeout=300)
    partial = neo4j_fingerprint(driver)
    assert 0 < partial["mentions"] < N_TRIPLES, (
        "the server was not stopped in the middle of the load")
    _assert_consistent(driver)

    rerun = run_kg(*_load_args(path), env=env, cwd=tmp_path, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    _assert_consistent(driver)
    final = neo4j_fingerprint(driver)
    assert (final["nodes"], final["relationships"], final["mentions"]) == (
        embedded.graph.number_of_nodes(), embedded.graph.number_of_edges(), N_TRIPLES)
    assert _evidence_by_relationship_neo4j(driver) == expected


def _evidence_by_relationship_nx(g) -> dict[tuple, list[str]]:
    return {(u, d["type"], v, d["negated"]): sorted(d["evidence_keys"])
            for u, v, d in g.edges(data=True)}


def _evidence_by_relationship_neo4j(driver) -> dict[tuple, list[str]]:
    records, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.name AS a, type(r) AS t, b.name AS b, "
        "r.negated AS negated, r.evidence_keys AS keys", database_="neo4j")
    return {(r["a"], r["t"], r["b"], r["negated"]): sorted(r["keys"]) for r in records}


def _environ() -> dict[str, str]:
    import os

    env = dict(os.environ)
    for key in ("KG_GRAPH", "KG_BACKEND"):
        env.pop(key, None)
    return env


# -- bad connection settings ---------------------------------------------------------------

WRONG_PASSWORD = "Wrong-Passw0rd-0815"


def _commands(tmp_path: Path) -> list[list[str]]:
    triples = write_triples_file(make_triples(5, prefix="bad-settings "),
                                 tmp_path / "few.jsonl")
    return [
        ["stats", "--backend", "neo4j"],
        ["cypher", "MATCH (n) RETURN count(n) AS n", "--backend", "neo4j"],
        ["load", str(triples), "--backend", "neo4j"],
        ["export", "--format", "graphml", "-o", str(tmp_path / "out.graphml"),
         "--backend", "neo4j"],
    ]


def _assert_no_secret(proc, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in proc.stdout + proc.stderr


def test_wrong_password_names_the_problem(server, tmp_path):
    for args in _commands(tmp_path):
        for how in ("env", "flag"):
            if how == "env":
                proc = run_kg(*args, env=neo4j_env(server.bolt_uri, WRONG_PASSWORD),
                              cwd=tmp_path)
            else:
                proc = run_kg(*args, "--password", WRONG_PASSWORD,
                              env=neo4j_env(server.bolt_uri, OWN_PASSWORD), cwd=tmp_path)
            line = assert_clean_failure(proc, exit_codes=(1,)).lower()
            # After a few attempts Neo4j rate-limits the user; that message is fine too.
            assert any(w in line for w in ("credentials", "password", "authentication")), line
            _assert_no_secret(proc, WRONG_PASSWORD, OWN_PASSWORD)
    assert not (tmp_path / "out.graphml").exists()


def test_missing_password_says_to_set_it(server, tmp_path):
    env = neo4j_env(server.bolt_uri, None)
    proc = run_kg("stats", "--backend", "neo4j", env=env, cwd=tmp_path)
    assert_clean_failure(proc, "NEO4J_PASSWORD", exit_codes=(1,))


def test_wrong_port_names_the_address(server, tmp_path):
    from kg.neo4j_server import free_port

    port = free_port()
    uri = f"bolt://localhost:{port}"
    for args in _commands(tmp_path):
        proc = run_kg(*args, env=neo4j_env(uri, OWN_PASSWORD), cwd=tmp_path, timeout=120)
        assert_clean_failure(proc, f"localhost:{port}", exit_codes=(1,))
        _assert_no_secret(proc, OWN_PASSWORD)


@pytest.mark.parametrize("uri", ["bolt://no-such-host.invalid:7687", "http://localhost:7697",
                                 "localhost", "bolt://localhost:notaport"])
def test_bad_uri_names_it(uri, tmp_path):
    proc = run_kg("stats", "--backend", "neo4j", env=neo4j_env(uri, OWN_PASSWORD),
                  cwd=tmp_path, timeout=120)
    assert_clean_failure(proc, exit_codes=(1,))
    assert uri in proc.stderr
    _assert_no_secret(proc, OWN_PASSWORD)


def test_password_inside_the_uri_is_not_echoed(tmp_path):
    for uri in (f"bolt://neo4j:{WRONG_PASSWORD}@localhost:7687",
                f"neo4j://neo4j:{WRONG_PASSWORD}@localhost:7687/neo4j"):
        proc = run_kg("stats", "--backend", "neo4j", env=neo4j_env(uri, OWN_PASSWORD),
                      cwd=tmp_path)
        assert_clean_failure(proc, "NEO4J_PASSWORD", exit_codes=(1,))
        _assert_no_secret(proc, WRONG_PASSWORD, OWN_PASSWORD)


def test_missing_database_names_it(server, tmp_path):
    env = neo4j_env(server.bolt_uri, OWN_PASSWORD, NEO4J_DATABASE="nosuchdb")
    proc = run_kg("stats", "--backend", "neo4j", env=env, cwd=tmp_path)
    assert_clean_failure(proc, "nosuchdb", exit_codes=(1,))
    _assert_no_secret(proc, OWN_PASSWORD)


def test_password_is_in_no_log_file(server, tmp_path):
    """After all the runs above, no file kg or the server wrote holds either password."""
    # One more failing and one succeeding run in this folder, so there is something to log.
    run_kg("stats", "--backend", "neo4j", env=neo4j_env(server.bolt_uri, WRONG_PASSWORD),
           cwd=tmp_path)
    ok = run_kg("stats", "--backend", "neo4j", env=neo4j_env(server.bolt_uri, OWN_PASSWORD),
                cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    data_dir = server.home / "data"
    files = [f for f in tmp_path.parent.rglob("*")  # every test folder of this session
             if f.is_file() and data_dir not in f.parents]
    files += [f for f in (Path.cwd() / ".kg").rglob("*") if f.is_file()]
    assert any(f.parent == server.home / "logs" for f in files)
    for f in files:
        if f.stat().st_size > 50_000_000:
            continue
        data = f.read_bytes()
        for secret in (OWN_PASSWORD, WRONG_PASSWORD):
            assert secret.encode() not in data, f"{secret!r} written to {f}"


def test_malformed_triples_file_on_neo4j_names_file_and_line(server, driver, tmp_path):
    wipe(driver)
    good = [t.to_json() for t in make_triples(4, prefix="malformed ")]
    path = tmp_path / "triples.jsonl"
    path.write_text("\n".join([*good[:2], '{"subject": "A", "relation": "LIKES", "object": '
                               '"B"}', *good[2:]]) + "\n", encoding="utf-8")
    proc = run_kg("load", str(path), "--backend", "neo4j",
                  env=neo4j_env(server.bolt_uri, OWN_PASSWORD), cwd=tmp_path)
    assert_clean_failure(proc, "triples.jsonl:3", "LIKES", exit_codes=(1,))
    _assert_consistent(driver)
