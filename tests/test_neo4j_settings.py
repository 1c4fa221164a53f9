"""Neo4j settings that agree (issue 13, point 8), without a server: where clients look
when NEO4J_URI is unset, and a docker-compose.yml consistent with .env.example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.neo4j_server import default_bolt_uri

REPO = Path(__file__).resolve().parents[1]


def test_clients_fall_back_to_kg_neo4j_bolt_port(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_NEO4J_HOME", raising=False)
    monkeypatch.delenv("KG_NEO4J_BOLT_PORT", raising=False)
    assert default_bolt_uri() == "bolt://localhost:7687"
    monkeypatch.setenv("KG_NEO4J_BOLT_PORT", "17687")
    assert default_bolt_uri() == "bolt://localhost:17687"


def test_the_cli_connects_where_the_fallback_points(monkeypatch, tmp_path):
    """Nothing listens on the fallback port: the error names the URI kg derived."""
    from kg.neo4j_server import free_port

    port = free_port()
    monkeypatch.chdir(tmp_path)
    env = {"KG_NEO4J_BOLT_PORT": str(port), "NEO4J_URI": None}
    r = CliRunner().invoke(cli, ["stats", "--backend", "neo4j"], env=env)
    assert r.exit_code == 1
    assert f"cannot reach Neo4j at bolt://localhost:{port}" in r.stderr
    r = CliRunner().invoke(cli, ["stats", "--backend", "neo4j"],
                           env={**env, "NEO4J_URI": f"bolt://localhost:{port + 1}"})
    assert f"bolt://localhost:{port + 1}" in r.stderr  # NEO4J_URI still wins


def test_a_stale_config_of_a_stopped_server_is_not_followed(monkeypatch, tmp_path):
    conf = tmp_path / ".neo4j" / "conf"
    conf.mkdir(parents=True)
    (conf / "neo4j.conf").write_text("server.bolt.listen_address=localhost:17999\n",
                                     encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_NEO4J_HOME", raising=False)
    monkeypatch.delenv("KG_NEO4J_BOLT_PORT", raising=False)
    assert default_bolt_uri() == "bolt://localhost:7687"  # no live server in that home


@pytest.fixture(scope="module")
def compose():
    yaml = pytest.importorskip("yaml", reason="PyYAML is a test dependency")
    return yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))


def _env_example() -> dict[str, str]:
    pairs = {}
    for line in (REPO / ".env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def test_compose_ports_listen_on_localhost_only(compose):
    ports = compose["services"]["neo4j"]["ports"]
    assert ports and all(p.startswith("127.0.0.1:") for p in ports)


def test_compose_auth_comes_from_env_and_may_be_none(compose):
    env = _env_example()
    auth = compose["services"]["neo4j"]["environment"]["NEO4J_AUTH"]
    assert "${NEO4J_AUTH" in auth
    user, _, password = env["NEO4J_AUTH"].partition("/")
    assert user == env["NEO4J_USERNAME"] and password == env["NEO4J_PASSWORD"]
    assert '"none"' in (REPO / ".env.example").read_text(encoding="utf-8")


def test_compose_health_check_asks_bolt(compose):
    test = " ".join(compose["services"]["neo4j"]["healthcheck"]["test"])
    assert "cypher-shell" in test and "bolt://localhost:7687" in test and "RETURN 1" in test
    assert "$${NEO4J_AUTH" in test  # the container's variable, not compose's


def test_compose_mounts_only_named_volumes_it_declares(compose):
    volumes = compose["services"]["neo4j"]["volumes"]
    names = [v.split(":", 1)[0] for v in volumes]
    assert all(not n.startswith((".", "/")) for n in names)  # no host folder mounts
    assert set(names) == set(compose["volumes"])


def test_every_variable_compose_reads_is_in_env_example(compose):
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"(?<!\$)\$\{(\w+)", text))
    assert used <= set(_env_example()), used - set(_env_example())
    env = _env_example()
    assert env["NEO4J_URI"].endswith(":" + env["NEO4J_BOLT_PORT"])
