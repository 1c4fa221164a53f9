"""The root command group and the registration of every sub-command."""

from __future__ import annotations

import contextlib
import importlib
import signal
import sys

import click

from .common import CONTEXT_SETTINGS, quiet_exit_on_closed_pipe

# Modules that add commands to ``cli``; each defines ``register(cli)``.
COMMAND_MODULES = ("pipeline", "graph", "entities", "analysis", "evaluate", "neo4j", "bench")


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="kg")
def cli() -> None:
    """kg — turn news articles into a knowledge graph of geopolitical actors.

    \b
    Typical session (embedded graph, no server needed):
      kg build seeds/                     # extract triples and load .kg/graph.json
      kg query --list                     # the saved alliance questions
      kg query who_backs -p name=Hezbollah
      kg export --format graphml -o actors.graphml
    """


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"{__package__}.{_name}")
    except ModuleNotFoundError as _e:  # a command module not written yet
        if _e.name != f"{__package__}.{_name}":
            raise
        continue
    _module.register(cli)


def main() -> None:
    _end_cleanly_on_signals()
    try:
        cli(prog_name="kg")
    except SystemExit as e:
        # Output still buffered for a reader that has gone (`kg stats | head -1`).
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            if not e.code:
                quiet_exit_on_closed_pipe()
        raise


def _end_cleanly_on_signals() -> None:
    """SIGTERM (``kill``, ``timeout``) and SIGHUP end kg like Ctrl-C does: the stack
    unwinds, so temp files are removed and locks released, then kg exits 128+signal.
    A second signal of the same kind kills at once."""

    def stop(signum, _frame):
        signal.signal(signum, signal.SIG_DFL)
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            signal.signal(sig, stop)
