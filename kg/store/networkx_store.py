"""The embedded backend: a NetworkX MultiDiGraph saved as a file (:mod:`.graph_file`).

It needs no server, so it is the default. Labels and relationship types live in the
``__labels__`` attribute because that is what grand-cypher matches ``(:State)`` and
``[:BACKS]`` against.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from .. import ontology
from ..model import Triple
from ..outputs import write_text
from . import graph_file
from .graph_file import FORMAT, FORMAT_VERSION, GraphFileError
from .graph_lock import GraphLock
from .graph_model import (
    EVIDENCE_LISTS,
    LoadResult,
    add_evidence,
    edge_key,
    evidence_rows,
    new_edge_attrs,
)

__all__ = ["DEFAULT_GRAPH", "FORMAT", "FORMAT_VERSION", "GraphFileError", "NetworkXStore",
           "graph_stats", "read_graph", "write_graph"]

JSON_VERSION = 1
"""The single-document layout (nodes and relationships with their evidence inline) that
graph files had before version 2, and that ``kg export --format json`` still writes."""
DEFAULT_GRAPH = Path(".kg") / "graph.json"
DOC_IDS = "path-below-input-folder"
"""How the graph's document ids were made (see kg.read); absent in graphs of older kg."""


def _labels(entity_type: str) -> set[str]:
    return set(ontology.labels_for(entity_type))


_EVIDENCE_WORDS = re.compile(r"\b(?:" + "|".join(EVIDENCE_LISTS) + r")\b")
_STRINGS = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")
_ON_A_VARIABLE = re.compile(r"\b(?:type|labels|id|elementId|count)\s*\(\s*(?:[A-Za-z_]\w*|\*)\s*\)",
                            re.IGNORECASE)
_PROPERTY = re.compile(r"\b[A-Za-z_]\w*\s*\.\s*[A-Za-z_]\w*")
_CALL = re.compile(r"\b[A-Za-z_]\w*\s*\(")
_WORDS = {"distinct", "as", "and", "or", "xor", "not", "null", "true", "false", "in", "is",
          "starts", "ends", "with", "contains", "case", "when", "then", "else", "end"}


def needs_evidence(cypher: str) -> bool:
    """Whether a query may read evidence lists: it names one, or returns something that
    could hold them (a whole relationship or node, ``*``, ``collect(r)``…). Anything else
    runs on a graph read without them; a test runs every saved query both ways."""
    from ..query import QueryError, return_columns, split_union

    if _EVIDENCE_WORDS.search(_STRINGS.sub(" ", cypher)):
        return True
    try:
        parts, _ = split_union(cypher)
    except QueryError:
        return True
    for part in parts:
        columns = return_columns(part)
        if not columns:
            return True
        for _, expr in columns:
            rest = _CALL.sub("(", _PROPERTY.sub(" ", _ON_A_VARIABLE.sub(
                " ", _STRINGS.sub(" ", expr))))
            if "*" in rest or {w.lower() for w in re.findall(r"[A-Za-z_]\w*", rest)} - _WORDS:
                return True
    return False


class NetworkXStore:
    """Holds the graph in memory; ``save`` writes it atomically to ``path``.

    A writer opens the store with ``lock=True``: the graph's lock
    (:mod:`kg.store.graph_lock`) is then held from the read to :meth:`close`, so
    concurrent loads take turns and none loses the other's triples. A store opened
    without the lock may still ``save``, but only if nobody wrote the file since it was
    read; otherwise the save is refused rather than undoing the other writer's work.
    """

    backend = "networkx"

    def __init__(self, path: str | os.PathLike | None = None, *, create: bool = True,
                 lock: bool = False, on_wait: Callable[[str], None] | None = None,
                 lock_timeout: float | None = None):
        self.path = Path(path) if path is not None else DEFAULT_GRAPH
        self._lock = GraphLock(self.path, timeout=lock_timeout, on_wait=on_wait)
        if lock:
            self._lock.acquire()
        try:
            self._stamp = _stamp(self.path)
            self._file: graph_file.FileState | None = None
            if self.path.exists():
                self._graph, self._file = _read(self.path, evidence=False)
            elif create:
                self._graph = nx.MultiDiGraph(doc_ids=DOC_IDS)
            else:
                raise GraphFileError(
                    f"no graph at {self.path}; build one first with `kg build PATH...`"
                )
        except BaseException:
            self._lock.release()
            raise

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The whole graph, evidence lists included (parsed on first use)."""
        if self._file is not None and self._file.pending is not None:
            graph_file.attach_evidence(self._graph, self._file, str(self.path))
        return self._graph

    # -- writing -------------------------------------------------------------------
    def load(self, triples: Iterable[Triple], *, include_negated: bool = False,
             batch_size: int = 5000) -> LoadResult:
        """Fold triples into the in-memory graph (``batch_size`` is for Neo4j; unused)."""
        g = self.graph
        result = LoadResult()
        legacy = _LegacyDocIds(g) if g.graph.get("doc_ids") != DOC_IDS else None
        for row in evidence_rows(triples, include_negated=include_negated):
            result.rows += 1
            if legacy is not None:
                legacy.check(row.doc, self.path)
            for name, etype in ((row.subject, row.subject_type), (row.object, row.object_type)):
                if name not in g:
                    g.add_node(name, name=name, type=etype, __labels__=_labels(etype))
                    result.nodes_created += 1
            key = edge_key(row.relation, row.negated)
            if not g.has_edge(row.subject, row.object, key):
                attrs = new_edge_attrs(row.relation, row.negated)
                g.add_edge(row.subject, row.object, key=key, __labels__={row.relation}, **attrs)
                result.relationships_created += 1
            if add_evidence(g.edges[row.subject, row.object, key], row):
                result.evidence_added += 1
        g.graph["doc_ids"] = DOC_IDS  # checked (or new): the graph now names documents by path
        return result

    def set_properties(self, nodes: dict[str, dict], relationships: list[tuple]) -> None:
        """Set derived properties (see :mod:`kg.derive`): ``{name: props}`` on nodes and
        ``(subject, object, key, props)`` on relationships."""
        g = self.graph
        for name, props in nodes.items():
            if name in g:
                g.nodes[name].update(props)
        for u, v, k, props in relationships:
            if g.has_edge(u, v, k):
                g.edges[u, v, k].update(props)

    def save(self, path: str | os.PathLike | None = None, *, compact: bool = False) -> Path:
        """Write the graph to ``path`` (default: where it was read). A save to the same
        file that only added appends what is new (see :mod:`.graph_file`); ``compact``
        writes the whole graph again (a program that edited evidence lists in place, rather
        than appending to them, needs it)."""
        target = Path(path) if path is not None else self.path
        if self._lock.held:
            self._write(target, compact)
        else:
            with GraphLock(target):
                if target == self.path and _stamp(target) != self._stamp:
                    raise GraphFileError(
                        f"{target} was changed by another writer since this store read it; "
                        "nothing saved (open the store with lock=True to write safely)")
                self._write(target, compact)
        if target == self.path:
            self._stamp = _stamp(target)
        return target

    def _write(self, target: Path, compact: bool) -> None:
        g = self.graph
        state, self._file = self._file, None  # spent if anything below fails
        if state is not None and not compact and target == self.path:
            keep = state.size
            lines = graph_file.appended_lines(g, state)
            if lines is not None:
                if lines:  # else nothing changed: the file stays as it is, byte for byte
                    graph_file.write_file(target, lines, keep=keep)
                self._file = state
                return
        lines, state = graph_file.full_lines(g)
        graph_file.write_file(target, lines)
        if target == self.path:
            self._file = state

    def clear(self) -> None:
        self._graph = nx.MultiDiGraph(doc_ids=DOC_IDS)
        self._file = None

    # -- reading -------------------------------------------------------------------
    def query(self, cypher: str, params: dict | None = None, *, write: bool = False,
              timeout: float | None = None) -> list[dict]:
        from ..query import run_on_networkx

        g = self.graph if write or needs_evidence(cypher) else self._graph
        return run_on_networkx(g, cypher, params or {}, write=write, timeout=timeout)

    def to_networkx(self, *, evidence: bool = True) -> nx.MultiDiGraph:
        """The graph; ``evidence=False`` may leave the evidence lists out (for callers that
        read only names, types and the relationships' own properties)."""
        return self.graph if evidence else self._graph

    def stats(self) -> dict:
        if self._file is not None and self._file.pending is not None:
            return graph_stats(self._graph, documents=graph_file.documents(self._file))
        return graph_stats(self.graph)

    def close(self) -> None:
        self._lock.release()

    def __enter__(self) -> NetworkXStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _LegacyDocIds:
    """Guards a graph written before document ids were paths below the input folder.

    Such a graph names ``corpus/2020/report.txt`` just ``report.txt``; loading the same
    article again as ``2020/report.txt`` would count it twice, and ``2021/report.txt``
    would have been merged into it. Ids of files that lay directly in the folder given
    did not change, so most old graphs take new triples as they are (and are marked as
    migrated); a load that brings a path whose file name the graph already holds is
    refused instead, with what to do.
    """

    def __init__(self, g: nx.MultiDiGraph):
        self.old: set[str] | None = None
        self.g = g

    def check(self, doc_id: str, path: Path) -> None:
        base = doc_id.split("#", 1)[0]
        if "/" not in base:
            return
        if self.old is None:
            self.old = {d.split("#", 1)[0] for _, _, data in self.g.edges(data=True)
                        for d in data.get("docs", ())}
        name = base.rsplit("/", 1)[1]
        if name in self.old and base not in self.old:
            raise GraphFileError(
                f"{path} was built by an older kg that named documents by file name only; "
                f"{base!r} may be its {name!r} and would be counted twice. Rebuild the graph "
                f"from the articles (kg build --fresh …)")


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    """What tells one version of a graph file from the next (None: no file)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def graph_stats(g: nx.MultiDiGraph, *, documents: int | None = None) -> dict:
    """Entities by type, relations by type (asserted and negated), documents (counted
    from the evidence unless given)."""
    entities: dict[str, int] = {}
    for _, data in g.nodes(data=True):
        entities[data.get("type", "?")] = entities.get(data.get("type", "?"), 0) + 1
    relations: dict[str, int] = {}
    negated = 0
    docs: set[str] = set()
    for _, _, data in g.edges(data=True):
        if data.get("negated"):
            negated += 1
        else:
            relations[data["type"]] = relations.get(data["type"], 0) + 1
        if documents is None:
            docs.update(d.split("#", 1)[0] for d in data.get("docs", []))
    return {
        "entities": dict(sorted(entities.items())),
        "relations": dict(sorted(relations.items())),
        "negated_relations": negated,
        "nodes": g.number_of_nodes(),
        "relationships": g.number_of_edges(),
        "documents": len(docs) if documents is None else documents,
    }


def to_json_data(g: nx.MultiDiGraph) -> dict:
    nodes = []
    for n, data in g.nodes(data=True):
        d = {k: v for k, v in data.items() if k != "__labels__"}
        d["labels"] = sorted(data.get("__labels__", ()))
        d["id"] = n
        nodes.append(d)
    edges = []
    for u, v, k, data in g.edges(keys=True, data=True):
        d = {k2: v2 for k2, v2 in data.items() if k2 != "__labels__"}
        d.update(source=u, target=v, key=k)
        edges.append(d)
    return {"format": FORMAT, "version": JSON_VERSION, "doc_ids": g.graph.get("doc_ids"),
            "nodes": nodes, "relationships": edges}


def from_json_data(data: dict, origin: str = "graph file") -> nx.MultiDiGraph:
    """The graph of a version-1 document (graph files before version 2, and
    ``kg export --format json``)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise GraphFileError(f"{origin} is not a kg graph file (no \"format\": \"{FORMAT}\")")
    if data.get("version") != JSON_VERSION:
        raise GraphFileError(f"{origin} has graph format version {data.get('version')!r}; "
                             "this kg reads versions "
                             f"{', '.join(map(str, graph_file.READABLE_VERSIONS))}")
    g = nx.MultiDiGraph(doc_ids=data.get("doc_ids"))  # None: written before DOC_IDS
    try:
        for node in data["nodes"]:
            d = dict(node)
            nid = d.pop("id")
            d["__labels__"] = set(d.pop("labels", ()))
            g.add_node(nid, **d)
        for edge in data["relationships"]:
            d = dict(edge)
            u, v, k = d.pop("source"), d.pop("target"), d.pop("key")
            d["__labels__"] = {d["type"]}
            if "outlets" not in d:  # graph files written before outlets were kept
                d["outlets"] = [""] * len(d.get("evidence_keys", []))
            if any(not isinstance(d.get(name, []), list) for name in EVIDENCE_LISTS):
                raise TypeError(f"evidence of {u!r} -> {v!r} is not a list")
            g.add_edge(u, v, key=k, **d)
    except (KeyError, TypeError, ValueError) as e:
        raise GraphFileError(f"{origin} is damaged: {type(e).__name__} {e}") from None
    return g


def _read(path: Path, *, evidence: bool = True
          ) -> tuple[nx.MultiDiGraph, graph_file.FileState | None]:
    """The graph in ``path`` and, for a version-2 file, what an appended save needs."""
    data = graph_file.read_bytes(path)
    if graph_file.is_v2(data):
        return graph_file.read_v2(data, str(path), evidence=evidence)
    try:
        with graph_file.gc_paused():
            doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise GraphFileError(f"cannot read graph file {path}: {e}") from None
    except json.JSONDecodeError as e:
        raise GraphFileError(f"graph file {path} is truncated or not JSON ({e.msg} at line "
                             f"{e.lineno}); rebuild it with `kg build`") from None
    except RecursionError:
        raise GraphFileError(f"graph file {path} is not a kg graph (JSON nested too "
                             "deeply)") from None
    with graph_file.gc_paused():
        return from_json_data(doc, origin=str(path)), None


def read_graph(path: str | os.PathLike) -> nx.MultiDiGraph:
    """The whole graph in a graph file of any version kg reads."""
    return _read(Path(path))[0]


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` safely (temp file and rename; devices and links written into): see
    :func:`kg.outputs.open_output`."""
    write_text(path, text)


def write_graph(g: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write the whole graph to ``path`` in the current format (atomically)."""
    graph_file.write_file(path, graph_file.full_lines(g)[0])
