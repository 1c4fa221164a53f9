"""``kg diff`` and ``kg balance``: what changed, and where the alliance structure strains."""

from __future__ import annotations

import json

import click

from .common import backend_options, emit_rows, friendly_errors, open_backend
from .graph import evidence_options

_format = click.option("--format", "fmt", type=click.Choice(("table", "json", "csv")),
                       default="table", show_default=True,
                       help="json prints one array of row objects with every sentence.")
_sentences = click.option("--sentences", type=click.IntRange(0), default=1, show_default=True,
                          help="Evidence sentences shown per relation in table/csv output "
                               "(json has them all).")


def _load_graph(backend, graph_path, uri, user, password, database):
    store = open_backend(backend, graph_path, uri, user, password, database)
    try:
        return store.to_networkx()
    finally:
        store.close()


def _lines(evidence: list[dict], limit: int | None) -> str:
    """Evidence rows as text lines for a table cell."""
    out = []
    seen: dict[tuple, int] = {}
    for e in evidence:
        head = (e.get("subject"), e.get("relation"), e.get("object"))
        seen[head] = seen.get(head, 0) + 1
        if limit is not None and seen[head] > limit:
            continue
        who = f"{head[0]} {head[1]} {head[2]}: " if head[0] else ""
        when = f" ({e['doc']}, {e['date']})" if e.get("date") else f" ({e['doc']})"
        out.append(f"{who}{e['sentence']}{when}")
    return "\n".join(out)


def _emit(rows: list[dict], fmt: str, sentences: int, evidence_columns: tuple[str, ...]):
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    flat = [{k: (_lines(v, sentences) if k in evidence_columns else v) for k, v in r.items()
             if not (sentences == 0 and k in evidence_columns)} for r in rows]
    emit_rows(flat, fmt)


@click.command()
@click.argument("graphs", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--since", metavar="DATE",
              help="Compare the evidence dated before DATE with the evidence dated from DATE "
                   "on, in one graph (the --backend graph).")
@click.option("--change", "kinds", multiple=True,
              type=click.Choice(("appeared", "disappeared", "changed-sign")),
              help="Only these kinds of change (repeat for several); default all.")
@backend_options
@_format
@_sentences
@friendly_errors
def diff(graphs, since, kinds, backend, graph_path, uri, user, password, database, fmt,
         sentences):
    """What changed: relations that appeared, disappeared or changed sign.

    Give two embedded graph files (an older and a newer build), or --since DATE to split
    one graph's evidence at DATE. A relation "appeared" when only the newer side states
    it and "disappeared" when only the older side does; a pair of actors "changed sign"
    when its friendly (BACKS, ALLIED_WITH, NEGOTIATES_WITH) against hostile (OPPOSES,
    ATTACKS) majority flips, allied → hostile or back. Each change shows the sentences
    on each side. Undated evidence is on neither side of --since.

    \b
    Example:
      kg diff last_week.json .kg/graph.json
      kg diff --since 2020-01-01
      kg diff --since 2020-01-01 --change appeared --change changed-sign
      kg diff --since 2020-01-01 --backend neo4j --format json
    """
    from ..diff import diff_graphs, diff_since
    from ..store.networkx_store import read_graph

    if since and graphs:
        raise click.UsageError("give two graph files or --since DATE, not both")
    if since:
        changes = diff_since(_load_graph(backend, graph_path, uri, user, password, database),
                             since)
    elif len(graphs) == 2:
        changes = diff_graphs(read_graph(graphs[0]), read_graph(graphs[1]))
    else:
        raise click.UsageError("give two graph files (OLD NEW) or --since DATE")
    wanted = {k.replace("-", " ") for k in kinds}
    _emit([c.to_row() for c in changes if not wanted or c.change in wanted], fmt, sentences,
          ("before", "after"))


@click.command()
@evidence_options
@click.option("--camps", "show_camps", is_flag=True,
              help="List the two camps (and their frustrated relations) instead of triangles.")
@click.option("--all", "all_triangles", is_flag=True,
              help="List balanced triangles too (column balanced).")
@backend_options
@_format
@_sentences
@friendly_errors
def balance(as_of, between, since, min_sources, show_camps, all_triangles, backend,
            graph_path, uri, user, password, database, fmt, sentences):
    """Unbalanced triangles of the signed alliance graph, with their evidence.

    The signed view links two actors + when their relations are mostly friendly (BACKS,
    ALLIED_WITH, NEGOTIATES_WITH, one vote per mention) and − when mostly hostile
    (OPPOSES, ATTACKS). A triangle is unbalanced when its signs multiply to −, such as
    "A is allied with B and C, but B attacks C". --camps shows instead the split into
    two camps that contradicts the fewest mentions, and the relations it contradicts.
    --as-of/--between/--since/--min-sources compute it all from that evidence only.

    \b
    Example:
      kg balance
      kg balance --as-of 2019-12-31 --format json
      kg balance --all --sentences 0
      kg balance --camps
    """
    from .. import evidence as ev
    from ..asof import EvidenceFilter
    from ..signed import camps, signed_links, triangles

    flt = EvidenceFilter.from_options(as_of, between, since, min_sources)
    g = _load_graph(backend, graph_path, uri, user, password, database)
    if flt.active:
        g = ev.graph_in_window(g, flt.window, flt.min_sources)
    if not show_camps:
        found = triangles(g)
        rows = [t.to_row(sentences=None) for t in found if all_triangles or not t.balanced]
        _emit(rows, fmt, sentences, ("evidence",))
        if fmt == "table":  # csv and json stay machine-readable on 2>&1 too
            bad = sum(not t.balanced for t in found)
            click.echo(f"{bad} unbalanced of {len(found)} signed triangles", err=True)
        return
    result = camps(g)
    links = signed_links(g)
    rows = []
    for name in sorted(result.camp, key=lambda n: (result.camp[n], n)):
        frustrated = []
        for (a, b), link in links.items():
            if name not in (a, b) or not link.sign:
                continue
            same = result.camp[a] == result.camp[b]
            if (link.sign < 0 and same) or (link.sign > 0 and not same):
                frustrated.append(f"{b if a == name else a} ({link.summary()})")
        rows.append({"camp": result.camp[name], "actor": name,
                     "actor_type": g.nodes[name].get("type"),
                     "contradicted_links": "; ".join(frustrated)})
    emit_rows(rows, fmt)
    if fmt == "table":
        click.echo(f"frustration: {result.frustration} of {result.votes} signed mentions "
                   f"contradict the camps ({'exact' if result.exact else 'local search'})",
                   err=True)


def register(cli: click.Group) -> None:
    cli.add_command(diff)
    cli.add_command(balance)
