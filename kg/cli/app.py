"""The root command group and the registration of every sub-command."""

from __future__ import annotations

import importlib

import click

from .common import CONTEXT_SETTINGS

# Modules that add commands to ``cli``; each defines ``register(cli)``.
COMMAND_MODULES = ("pipeline", "graph", "evaluate", "neo4j", "bench")


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
    cli(prog_name="kg")
