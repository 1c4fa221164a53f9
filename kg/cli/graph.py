"""``kg query``, ``kg cypher``, ``kg export`` and ``kg stats``: asking the graph."""

from __future__ import annotations

import json

import click

from .common import (
    OUTPUT_FORMATS,
    backend_options,
    emit_rows,
    friendly_errors,
    open_backend,
    parse_params,
    whole_graph,
)


def evidence_options(fn):
    """``--as-of``, ``--between``, ``--since`` and ``--min-sources`` (see kg.asof)."""
    opts = [
        click.option("--as-of", "as_of", metavar="DATE",
                     help="Only evidence dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD; "
                          "a partial date means its last day)."),
        click.option("--between", nargs=2, metavar="START END", default=None,
                     help="Only evidence dated from START to END, both included."),
        click.option("--since", metavar="DATE", help="Only evidence dated on or after DATE."),
        click.option("--min-sources", type=click.IntRange(0), default=0, show_default=True,
                     help="Only relationships that at least N distinct sources report "
                          "(a wire sentence repeated word for word counts once)."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


_exact = click.option("--exact", is_flag=True,
                      help="Use names exactly as given: no alias, spelling or case "
                           "resolution against the graph's names.")


def _set_query_timeout(ctx, param, value):
    """``--timeout`` is the budget of every query this command runs (resolution, filters,
    the query itself), so it travels as ``KG_QUERY_TIMEOUT`` (see kg.query_budget)."""
    if value is not None:
        import os

        os.environ["KG_QUERY_TIMEOUT"] = repr(value)
    return value


_timeout = click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
    envvar="KG_QUERY_TIMEOUT", expose_value=False, callback=_set_query_timeout,
    help="Stop a query after this many seconds [env KG_QUERY_TIMEOUT; default 10]. The "
         "embedded engine also caps a query's memory (KG_QUERY_MEMORY_MB, default 1024) and "
         "rows (KG_QUERY_MAX_ROWS, default 100000); on Neo4j it is the transaction timeout.")
_format = click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table",
                       show_default=True, help="json prints one array of row objects.")


@click.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A query parameter; repeat for several.")
@click.option("--list", "list_", is_flag=True, help="List the saved queries and their parameters.")
@evidence_options
@_exact
@backend_options
@_format
@_timeout
@friendly_errors
def query(name, params, list_, as_of, between, since, min_sources, exact, backend, graph_path,
          uri, user, password, database, fmt):
    """Run a saved query from cypher/ (see --list).

    Names (-p name=…) resolve as in extraction: "US", "hezbollah", "Kata'ib Hezbollah"
    find United States, Hezbollah and Kataib Hezbollah. A name the graph does not hold
    stops with a suggestion on stderr and exit code 3; --exact turns resolution off.

    With --as-of, --between or --since the query sees only the evidence dated inside
    that window, taken from each piece of evidence's own date: relationships with no
    evidence in it disappear, and mentions, dates and sentences count only what is
    inside. Relationships with no dated evidence at all are kept and marked
    undated=true. --min-sources N keeps relationships reported by N or more sources.

    \b
    Example:
      kg query --list
      kg query who_backs -p name="Kataib Hezbollah"
      kg query evidence_between -p a=IRGC -p b="Kataib Hezbollah" --format json
      kg query backed_by -p name=Iran --as-of 2019-12-31
      kg query adversaries -p name="United States" --between 2019-01-01 2020-12-31
      kg query who_backs -p name=Hezbollah --min-sources 2
    """
    from ..asof import EvidenceFilter, run_filtered
    from ..query import (
        bind_saved_params,
        get_saved_query,
        list_saved_queries,
        without_fallback_repeats,
    )

    if list_:
        queries = list_saved_queries(on_skip=lambda path, why: click.echo(
            f"warning: skipped {path}: {why}", err=True))
        if fmt == "json":
            click.echo(json.dumps([q.to_dict() for q in queries], ensure_ascii=False))
        else:
            for q in queries:
                args = " ".join(f"-p {p.name}={json.dumps(p.example)}" for p in q.params)
                click.echo(f"{q.name:28s} {q.title}")
                click.echo(f"{'':28s}   kg query {q.name} {args}".rstrip())
        return
    if not name:
        raise click.UsageError("give a saved query NAME, or --list to see them")
    # unknown names and bad parameters fail before connecting anywhere
    saved = get_saved_query(name)
    bound = bind_saved_params(saved, parse_params(params))
    flt = EvidenceFilter.from_options(as_of, between, since, min_sources)
    store = open_backend(backend, graph_path, uri, user, password, database)
    try:
        bound = _resolved(store, saved.text, bound, exact)
        rows = without_fallback_repeats(run_filtered(store, saved.text, bound, flt),
                                        saved.fallback)
    finally:
        store.close()
    emit_rows(rows, fmt)


def _resolved(store, statement: str, params: dict, exact: bool) -> dict:
    """``params`` with their names resolved against the graph (a note on stderr for each
    name that changed), unless ``exact``."""
    if exact:
        return params
    from ..lookup import NameIndex, resolve_params

    resolved, done = resolve_params(statement, params, NameIndex.of_store(store))
    for r in done:
        if r.changed:
            click.echo(f"note: {r.given!r} is {r.name}", err=True)
    return resolved


@click.command()
@click.argument("statement")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A query parameter ($KEY in the statement).")
@click.option("--write", is_flag=True, help="Allow writes (Neo4j only; default is read-only).")
@evidence_options
@_exact
@backend_options
@_format
@_timeout
@friendly_errors
def cypher(statement, params, write, as_of, between, since, min_sources, exact, backend,
           graph_path, uri, user, password, database, fmt):
    """Run an ad-hoc Cypher statement, read-only unless --write.

    Parameters compared with a name ({name: $x}, n.name = $x) resolve against the graph's
    names as in `kg query`; --exact turns that off.
    --as-of/--between/--since/--min-sources filter the evidence as for `kg query`.

    \b
    Example:
      kg cypher 'MATCH (a:State)-[r:BACKS]->(b) RETURN a.name, b.name, r.mentions'
    """
    from ..asof import EvidenceFilter, run_filtered
    from ..query import is_write

    flt = EvidenceFilter.from_options(as_of, between, since, min_sources)
    if flt.active and write:
        raise click.UsageError("--write cannot be combined with an evidence filter")
    store = open_backend(backend, graph_path, uri, user, password, database)
    try:
        # a statement that writes names a node it creates or sets: nothing to look up
        bound = _resolved(store, statement, parse_params(params),
                          exact or write or is_write(statement))
        rows = (run_filtered(store, statement, bound, flt) if flt.active
                else store.query(statement, bound, write=write))
    finally:
        store.close()
    emit_rows(rows, fmt)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["graphml", "json", "csv", "html"]),
              default="graphml", show_default=True,
              help="graphml: Gephi, Cytoscape, yEd, igraph; csv: NAME.nodes.csv and "
                   "NAME.edges.csv; html: one offline page (see `kg view`); json: kg's own.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="File to write (for csv, the two files are named after it).")
@click.option("--gephi", is_flag=True,
              help="GraphML for Gephi: Label on nodes and edges, weight = mentions.")
@click.option("--title", default=None, help="Title of the html page.")
@backend_options
@friendly_errors
def export(fmt, output, gephi, title, backend, graph_path, uri, user, password, database):
    """Export the graph as GraphML, CSV, a self-contained HTML view, or kg JSON.

    \b
    Example:
      kg export --format graphml -o actors.graphml
      kg export --format graphml --gephi -o actors-gephi.graphml
      kg export --format csv -o actors.csv        # actors.nodes.csv, actors.edges.csv
      kg export --format html -o graph.html       # open it in any browser, offline
    """
    from ..export import csv_paths, export_graph
    from ..outputs import refuse_inputs

    if backend == "networkx":
        targets = csv_paths(output) if fmt == "csv" else (output,)
        for target in targets:
            refuse_inputs(target, [graph_path], "the graph being exported")
    g = whole_graph(backend, graph_path, uri, user, password, database)
    path = export_graph(g, output, fmt, gephi=gephi, title=title)
    also = f" and {csv_paths(output)[1]}" if fmt == "csv" else ""
    click.echo(f"wrote {path}{also}: {g.number_of_nodes()} nodes, "
               f"{g.number_of_edges()} relationships", err=True)


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write the page [default: view.html beside the graph file, or "
                   "./kg-graph.html for Neo4j].")
@click.option("--open/--no-open", "open_", default=True, show_default=True,
              help="Open the page in the default browser.")
@click.option("--title", default=None, help="Title of the page.")
@backend_options
@friendly_errors
def view(output, open_, title, backend, graph_path, uri, user, password, database):
    """Write the graph as one offline HTML page and open it in a browser.

    The page needs no server and no network: colours by entity type and relation
    (as in Neo4j Browser's kg.grass), click a relationship to read its sentences,
    filter by relation, type, dates and mentions, search by name.

    \b
    Example:
      kg view                        # .kg/view.html, opened in your browser
      kg view -o iran.html --no-open
    """
    import webbrowser
    from pathlib import Path

    from ..outputs import refuse_inputs
    from ..view import write_html

    if output is None:
        output = (Path(graph_path).with_name("view.html") if backend == "networkx"
                  else Path("kg-graph.html"))
    if backend == "networkx":
        refuse_inputs(output, [graph_path], "the graph being viewed")
    g = whole_graph(backend, graph_path, uri, user, password, database)
    path = write_html(g, output, title)
    click.echo(f"wrote {path}: {g.number_of_nodes()} nodes, {g.number_of_edges()} "
               "relationships", err=True)
    if open_ and not webbrowser.open(Path(path).resolve().as_uri()):
        click.echo(f"no browser found; open {Path(path).resolve().as_uri()}", err=True)


@click.command()
@backend_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="json prints one object with the same counts.")
@friendly_errors
def stats(backend, graph_path, uri, user, password, database, fmt):
    """Entities by type, relations by type, and documents in the graph."""
    store = open_backend(backend, graph_path, uri, user, password, database)
    try:
        s = store.stats()
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(s))
        return
    click.echo(f"documents: {s['documents']}  nodes: {s['nodes']}  "
               f"relationships: {s['relationships']}  (negated: {s['negated_relations']})")
    click.echo("entities by type:")
    for k, v in s["entities"].items():
        click.echo(f"  {k:16s} {v}")
    click.echo("relations by type:")
    for k, v in s["relations"].items():
        click.echo(f"  {k:16s} {v}")


def register(cli: click.Group) -> None:
    for cmd in (query, cypher, export, view, stats):
        cli.add_command(cmd)
