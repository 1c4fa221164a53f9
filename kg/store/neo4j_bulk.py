"""A fresh Neo4j database from triples in one pass: ``neo4j-admin database import full``.

The incremental loader (:mod:`kg.store.neo4j_store`) runs Cypher transactions against a
live server; for a first load of millions of triples Neo4j's offline importer is much
faster: it writes the store files directly from CSV, with no transactions, locks or
index look-ups. So :func:`write_import_files` folds the triples exactly as the embedded
backend does (the same :func:`kg.store.graph_model.add_evidence`, then
:func:`kg.derive.refresh`), which makes the imported graph the one ``kg load`` would
build, and writes

* ``nodes.csv``: ``name:ID``, every node property, ``:LABEL`` (the ontology's labels);
* ``relationships.csv``: ``:START_ID``, ``:END_ID``, ``:TYPE``, every relationship
  property, lists as ``string[]``.

:func:`import_command` is the ``neo4j-admin`` call for those files; :func:`run_import`
runs it on a stopped local server made by :mod:`kg.neo4j_server`. The importer only
creates databases: it replaces the whole ``neo4j`` database, and kg's uniqueness
constraint is created by the first ``kg load`` or ``kg`` query that opens it for writing
(:meth:`~kg.store.neo4j_store.Neo4jStore.ensure_constraints`), or at once by
:func:`run_import`'s caller.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import KgError
from ..model import Triple
from .graph_model import OPTIONAL_LISTS

ARRAY_DELIMITER = "\x1f"  # the ASCII unit separator: never in article text
EMPTY = "\x1e"  # stands for "" inside a list: the importer would drop empty items


class BulkImportError(KgError, RuntimeError):
    """The import files cannot be written, or neo4j-admin refused or failed."""


@dataclass
class ImportFiles:
    """What :func:`write_import_files` wrote."""

    folder: Path
    nodes_file: Path
    relationships_file: Path
    nodes: int = 0
    relationships: int = 0
    evidence: int = 0
    seconds: float = 0.0
    lists: list[str] = field(default_factory=list)


def fold(triples: Iterable[Triple], include_negated: bool = False) -> nx.MultiDiGraph:
    """The graph ``kg load`` would build from ``triples`` (derived properties included)."""
    from ..derive import refresh
    from .networkx_store import NetworkXStore

    with tempfile.TemporaryDirectory(prefix="kg-bulk-") as tmp:
        store = NetworkXStore(Path(tmp) / "never-saved.json")
        store.load(triples, include_negated=include_negated)
        refresh(store)
        return store.graph


def _neo4j_type(values: list[Any]) -> str | None:
    kinds = {type(v) for v in values if v is not None}
    if not kinds:
        return None
    if kinds <= {bool}:
        return "boolean"
    if kinds <= {int}:
        return "long"
    if kinds <= {int, float}:
        return "double"
    if kinds <= {list, tuple}:
        items = {type(x) for v in values if v is not None for x in v}
        if items and items <= {bool}:
            return "boolean[]"
        if items and items <= {int}:
            return "long[]"
        if items and items <= {int, float}:
            return "double[]"
        return "string[]"
    return "string"


def _columns(records: list[dict[str, Any]], skip: set[str]) -> list[tuple[str, str]]:
    names: dict[str, None] = {}
    for rec in records:
        for k in rec:
            if k not in skip and not k.startswith("__"):
                names.setdefault(k, None)
    cols = []
    for name in names:
        kind = _neo4j_type([rec.get(name) for rec in records])
        if kind is not None:
            cols.append((name, kind))
    return cols


ABSENT_IF_EMPTY = frozenset({"first_date", "last_date"})  # the loaders never write ""
# lists the incremental loader leaves out while all their items are "" (OPTIONAL_LISTS)
ABSENT_IF_ALL_EMPTY = frozenset(OPTIONAL_LISTS)


def _cell(value: Any, kind: str, name: str = "") -> str | None:
    """The CSV text of one value; None for no property at all (an unquoted empty cell)."""
    if value is None or (value == "" and name in ABSENT_IF_EMPTY):
        return None
    if kind.endswith("[]"):
        items = [str(x).lower() if isinstance(x, bool) else str(x) for x in value]
        if not items or (name in ABSENT_IF_ALL_EMPTY and not any(items)):
            return None
        return ARRAY_DELIMITER.join(x if x != "" else EMPTY for x in items)
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


def _row(f, cells: list[str | None]) -> None:
    """One CSV line: every value quoted (quotes doubled), a missing one left empty."""
    f.write(",".join("" if c is None else '"' + c.replace('"', '""') + '"' for c in cells))
    f.write("\n")


def write_import_files(triples: Iterable[Triple], folder: str | os.PathLike, *,
                       include_negated: bool = False,
                       graph: nx.MultiDiGraph | None = None) -> ImportFiles:
    """Fold ``triples`` and write the two CSV files into ``folder`` (created)."""
    t0 = time.perf_counter()
    g = graph if graph is not None else fold(triples, include_negated)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BulkImportError(f"cannot create {folder}: {e.strerror or e}") from None
    files = ImportFiles(folder, folder / "nodes.csv", folder / "relationships.csv")
    nodes = [dict(data) for _, data in g.nodes(data=True)]
    node_cols = _columns(nodes, skip={"name"})
    edges = [(u, v, dict(data)) for u, v, data in g.edges(data=True)]
    edge_cols = _columns([d for _, _, d in edges], skip=set())
    files.lists = [name for name, kind in edge_cols if kind.endswith("[]")]
    try:
        with open(files.nodes_file, "w", encoding="utf-8", newline="") as f:
            _row(f, ["name:ID", *(f"{n}:{k}" for n, k in node_cols), ":LABEL"])
            for n, data in g.nodes(data=True):
                _row(f, [n, *(_cell(data.get(c), k, c) for c, k in node_cols),
                         ARRAY_DELIMITER.join(sorted(data.get("__labels__", ())))])
                files.nodes += 1
        with open(files.relationships_file, "w", encoding="utf-8", newline="") as f:
            _row(f, [":START_ID", ":END_ID", ":TYPE", *(f"{n}:{k}" for n, k in edge_cols)])
            for u, v, data in edges:
                _row(f, [u, v, data["type"], *(_cell(data.get(c), k, c) for c, k in edge_cols)])
                files.relationships += 1
                files.evidence += len(data.get("evidence_keys", ()))
    except OSError as e:
        raise BulkImportError(f"cannot write the import files in {folder}: "
                              f"{e.strerror or e}") from None
    files.seconds = time.perf_counter() - t0
    return files


def import_args(files: ImportFiles, database: str = "neo4j") -> list[str]:
    """The arguments of ``neo4j-admin`` that import ``files`` into ``database``."""
    return ["database", "import", "full", database,
            f"--nodes={files.nodes_file}", f"--relationships={files.relationships_file}",
            "--overwrite-destination=true", f"--array-delimiter={ARRAY_DELIMITER}",
            "--multiline-fields=true", "--skip-duplicate-nodes=false",
            "--bad-tolerance=0"]


def import_command(files: ImportFiles, database: str = "neo4j") -> str:
    """The shell command for a server installed elsewhere (``neo4j-admin`` on PATH)."""
    import shlex

    args = [a.replace(ARRAY_DELIMITER, "$'\\x1f'") for a in import_args(files, database)]
    return "neo4j-admin " + " ".join(a if "$'" in a else shlex.quote(a) for a in args)


def run_import(files: ImportFiles, server, database: str = "neo4j",
               timeout: float = 3600) -> float:
    """Run the importer of local ``server`` (a stopped :class:`kg.neo4j_server.Neo4jServer`)
    on ``files``; returns its wall time in seconds."""
    from ..neo4j_server import ADMIN_CLASS, _tool

    if server.is_running():
        raise BulkImportError(f"the Neo4j server in {server.home} is running; the importer "
                              "writes the database files itself, so stop it first "
                              "(`kg neo4j stop`), then start it again after the import")
    if not server.installed():
        server.install()
    server.write_config()
    java = _tool("java", "JAVA_HOME")
    env = {**os.environ, "NEO4J_HOME": str(server.home), "NEO4J_CONF": str(server.conf_dir)}
    log = server.home / "logs" / "import.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    cmd = [java, "-Xmx1g", "-cp", f"{server.lib_dir}/*", ADMIN_CLASS,
           *import_args(files, database)]
    t0 = time.perf_counter()
    with open(log, "w", encoding="utf-8") as out:
        try:
            rc = subprocess.call(cmd, cwd=server.home, env=env, stdout=out,
                                 stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                 timeout=timeout)
        except subprocess.TimeoutExpired:
            raise BulkImportError(f"neo4j-admin import took longer than {timeout:.0f} s; "
                                  f"see {log}") from None
    seconds = time.perf_counter() - t0
    if rc != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-6:]
        raise BulkImportError(f"neo4j-admin import failed (exit {rc}); see {log}:\n"
                              + "\n".join(tail))
    return seconds


def restore_statements(files: ImportFiles) -> list[str]:
    """Cypher that puts back the "" items the importer cannot hold (it drops empty list
    items, and a list of only empty items becomes no property at all): one pass per list
    property, in transactions of 10,000 relationships, on the started server."""
    import re

    out = []
    for prop in files.lists:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", prop):
            raise BulkImportError(f"unexpected relationship property name {prop!r}")
        out.append(f"MATCH ()-[r]->() WHERE '{EMPTY}' IN r.{prop} "
                   f"CALL {{ WITH r SET r.{prop} = [x IN r.{prop} | "
                   f"CASE WHEN x = '{EMPTY}' THEN '' ELSE x END] }} "
                   "IN TRANSACTIONS OF 10000 ROWS")
    return out


def restore_empty_items(store, files: ImportFiles) -> None:
    """Run :func:`restore_statements` (auto-commit: they batch their own transactions)."""

    def run():
        with store.driver.session(database=store.database) as session:
            for cypher in restore_statements(files):
                session.run(cypher).consume()

    store._guard(run)
