"""``kg neo4j start | stop | status``: the local Neo4j server, no Docker needed."""

from __future__ import annotations

import json
from collections.abc import Callable

import click

from .common import CONTEXT_SETTINGS, friendly_errors


def _server_options(fn: Callable) -> Callable:
    opts = [
        click.option("--home", type=click.Path(file_okay=False), envvar="KG_NEO4J_HOME",
                     default=".neo4j", show_default=True,
                     help="Folder for the server's jars, config, data and logs "
                          "[env KG_NEO4J_HOME]."),
        click.option("--bolt-port", type=click.IntRange(1, 65535), default=7687,
                     envvar="KG_NEO4J_BOLT_PORT", show_default=True,
                     help="Bolt port [env KG_NEO4J_BOLT_PORT]."),
        click.option("--http-port", type=click.IntRange(1, 65535), default=7474,
                     envvar="KG_NEO4J_HTTP_PORT", show_default=True,
                     help="HTTP port, Neo4j Browser at /browser/ [env KG_NEO4J_HTTP_PORT]."),
        click.option("--auth/--no-auth", default=True, show_default=True,
                     help="Require the neo4j user's password (from NEO4J_PASSWORD); "
                          "--no-auth is for CI and throw-away servers."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def _server(home, bolt_port, http_port, auth, **extra):
    from ..neo4j_server import Neo4jServer

    return Neo4jServer(home, bolt_port=bolt_port, http_port=http_port, auth=auth, **extra)


@click.group(context_settings=CONTEXT_SETTINGS)
def neo4j() -> None:
    """Run a local Neo4j 5.26 Community server (jars from Maven Central, no Docker).

    \b
    Example:
      export NEO4J_PASSWORD='a-long-local-password'
      kg neo4j start                      # first start downloads ~150 MB with Maven
      kg build seeds/ --backend neo4j
      open http://localhost:7474/browser/
      kg neo4j stop
    """


@neo4j.command()
@_server_options
@click.option("--heap", default="1g", show_default=True, help="JVM heap (initial = max).")
@click.option("--pagecache", default="512m", show_default=True, help="Neo4j page cache.")
@click.option("--apoc/--no-apoc", default=True, show_default=True,
              help="Install APOC Core into plugins/.")
@click.option("--timeout", type=float, default=180.0, show_default=True,
              help="Seconds to wait for `RETURN 1` to succeed.")
@friendly_errors
def start(home, bolt_port, http_port, auth, heap, pagecache, apoc, timeout):
    """Install (first time) and start the server in the background; wait until it answers."""
    import time

    server = _server(home, bolt_port, http_port, auth, heap=heap, pagecache=pagecache, apoc=apoc)
    server.check_password()  # before anything is downloaded or launched
    was_running = server.is_running()
    if not was_running and not server.installed():
        click.echo(f"resolving Neo4j {server.neo4j_version} with Maven into {server.lib_dir} …",
                   err=True)
    began = time.monotonic()
    st = server.start(timeout=timeout)
    took = time.monotonic() - began
    verb = "already running" if was_running else f"started in {took:.0f} s"
    click.echo(f"Neo4j {st.version or ''} {verb} (pid {st.pid}): {st.bolt_uri}  "
               f"Browser {st.http_url}/browser/  auth {'on' if st.auth else 'off'}  "
               f"home {st.home}")
    _tell_clients(st.bolt_uri)


def _tell_clients(bolt_uri: str) -> None:
    """When a kg client started here would look elsewhere, the one line that fixes it."""
    import os

    from ..neo4j_server import default_bolt_uri

    found = os.environ.get("NEO4J_URI") or default_bolt_uri()
    if found.rstrip("/") != bolt_uri:
        click.echo(f"note: kg commands here would connect to {found}; for this server run:",
                   err=True)
        click.echo(f"export NEO4J_URI={bolt_uri}")


@neo4j.command()
@_server_options
@friendly_errors
def stop(home, bolt_port, http_port, auth):
    """Stop the server started from --home (SIGTERM, then SIGKILL after 60 s)."""
    server = _server(home, bolt_port, http_port, auth)
    if server.stop():
        click.echo(f"stopped the Neo4j server in {server.home}")
    else:
        click.echo(f"no Neo4j server running from {server.home}")


@neo4j.command()
@_server_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json prints one object: pid, URIs, version, auth.")
@friendly_errors
def status(home, bolt_port, http_port, auth, fmt):
    """Is the server running and answering? Exit code 0 only if it answers."""
    st = _server(home, bolt_port, http_port, auth).status()
    if fmt == "json":
        click.echo(json.dumps(st.to_dict()))
    elif st.responding:
        click.echo(f"running (pid {st.pid}), Neo4j {st.version}: {st.bolt_uri}  "
                   f"Browser {st.http_url}/browser/  home {st.home}"
                   + (f"  ({st.detail})" if st.detail else ""))
    else:
        where = f"pid {st.pid}" if st.pid else "no pid"
        click.echo(f"not answering ({where}): {st.detail}; home {st.home}")
    if not st.responding:
        raise SystemExit(1)


def register(cli: click.Group) -> None:
    cli.add_command(neo4j)
