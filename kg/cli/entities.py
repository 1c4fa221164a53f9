"""``kg entities`` and ``kg entity``: which actors the graph holds, and one actor's relations."""

from __future__ import annotations

import json

import click

from .common import OUTPUT_FORMATS, backend_options, emit_rows, friendly_errors, whole_graph


def _type_choice() -> click.Choice:
    from ..ontology import entity_types

    return click.Choice(entity_types(), case_sensitive=False)


@click.command()
@click.argument("search", required=False)
@click.option("--type", "entity_type", type=_type_choice(), default=None,
              help="Only entities of this type.")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many rows.")
@click.option("--show", is_flag=True,
              help="Print the best match's relations (as `kg entity SEARCH` does).")
@backend_options
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table",
              show_default=True, help="json prints one array of row objects.")
@friendly_errors
def entities(search, entity_type, limit, show, backend, graph_path, uri, user, password,
             database, fmt):
    """List the graph's entities, most-mentioned first; with SEARCH, best match first.

    Each row: canonical name, type, the other names seen in the evidence (aliases),
    mentions (evidence sentences of its relations) and relations (relationships).
    SEARCH matches names and aliases as extraction does ("US", "hizbollah") and by
    spelling similarity.

    \b
    Example:
      kg entities                          # everyone, most-mentioned first
      kg entities hezb                     # Hezbollah, Kataib Hezbollah, …
      kg entities --type STATE --format csv
      kg entities US --show                # the United States' relations
    """
    from ..lookup import list_entities

    g = whole_graph(backend, graph_path, uri, user, password, database)
    rows = list_entities(g, search, entity_type=entity_type, limit=limit)
    if show:
        if not rows:
            raise click.ClickException(f"no entity matches {search!r}")
        _print_profile(g, rows[0].name, fmt)
        return
    emit_rows([r.to_dict() for r in rows], fmt)


@click.command()
@click.argument("name")
@click.option("--exact", is_flag=True, help="Use NAME exactly as given (no resolution).")
@backend_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="json prints one object: the actor and its relations.")
@friendly_errors
def entity(name, exact, backend, graph_path, uri, user, password, database, fmt):
    """One actor's relations, grouped by relation, with evidence counts and dates.

    NAME resolves as in `kg query` ("US" is the United States); a name the graph does
    not hold stops with a suggestion and exit code 3.

    \b
    Example:
      kg entity Hezbollah
      kg entity US --format json
    """
    from ..lookup import NameIndex, resolve_in_graph

    g = whole_graph(backend, graph_path, uri, user, password, database)
    if not exact:
        name = resolve_in_graph(name, NameIndex.of_graph(g)).name
    _print_profile(g, name, fmt)


def _print_profile(g, name: str, fmt: str) -> None:
    from ..lookup import entity_profile

    profile = entity_profile(g, name)
    if fmt == "json":
        click.echo(json.dumps(profile, ensure_ascii=False))
        return
    aliases = f"; also written {', '.join(profile['aliases'])}" if profile["aliases"] else ""
    click.echo(f"{profile['name']} ({profile['type']}){aliases}: "
               f"{len(profile['relations'])} kinds of relation, {profile['mentions']} mentions")
    rows = []
    for group in profile["relations"]:
        arrow = f"{group['relation']} →" if group["direction"] == "out" else \
            f"← {group['relation']}"
        for other in group["others"]:
            dates = " – ".join(dict.fromkeys(d for d in (other["first_date"],
                                                         other["last_date"]) if d))
            rows.append({"relation": arrow, "with": other["name"], "type": other["type"],
                         "mentions": other["mentions"], "dates": dates,
                         "documents": ", ".join(other["documents"])})
    emit_rows(rows, "table")


def register(cli: click.Group) -> None:
    cli.add_command(entities)
    cli.add_command(entity)
