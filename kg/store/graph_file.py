"""The embedded graph's file format: tables as JSON lines, evidence stored once, appended.

Version 2 (written since issue 15) is a header line, then tables, one JSON array a line::

    {"format":"kg-graph","version":2,"doc_ids":"path-below-input-folder"}
    ["n",[[NAME,{PROPS,"labels":[...]}],...]]            nodes
    ["r",[[ID,SOURCE,TARGET,KEY,{PROPS}],...]]            relationships' own properties
    ["d",[DOC,...]]                                       document ids (numbered on from 0)
    ["s",[TEXT,...]]                                      strings: sentences, rules, dates…
    ["e",[[ID,EVIDENCE_KEY,DOC,SENTENCE,RULE,DATE,ATTRIBUTED_TO,OUTLET],...]]   evidence
    ["c",LINES]                                           end of a save: LINES lines so far

An ``e`` row is one piece of evidence of relationship ``ID``: DOC indexes the ``d`` table,
the other fields the ``s`` table, so a sentence behind five relationships, a rule name or
a date is written once, not once per list item. In a relationship's PROPS the evidence
lists of :mod:`kg.store.graph_model` are ``null``: they keep the place of the lists, so a
graph read back has its attributes in the order it was saved with.

**A save that only added appends.** A load adds nodes, relationships and evidence and
changes some properties (mentions, dates, corroboration, camps). Such a save copies the
bytes the file already had, then writes one segment holding only the new and changed
rows, then a ``c`` line. A later ``n`` or ``r`` row with the same name or id replaces the
earlier one. What a save encodes grows with what changed; the old bytes are copied, not
encoded again. The copy still goes to a temp file renamed over the graph
(:func:`kg.outputs.open_output`), so a crash or a full disk mid-save leaves the previous
file as it was. When replaced rows outnumber live ones, or the graph lost something (a
node, a relationship, evidence, another document-id scheme), the save writes the whole
graph again, compacted.

**Reading can leave evidence for later.** The ``s`` and ``e`` lines (most of the bytes)
are parsed only when something asks for evidence: ``kg stats`` counts documents from the
``d`` table, and a query that names no evidence property runs without them
(:class:`kg.store.networkx_store.NetworkXStore`).

The last line must be the ``c`` line counting the lines before it (the header aside);
an empty, cut or half-copied file is reported as damaged, never half-read. Version 1
files (one JSON document with ``nodes`` and ``relationships``, evidence lists inline; what
``kg export --format json`` still writes) are read too, and the next save writes version
2. Limits: values must be JSON (what kg writes is); a program that edits evidence lists in
place rather than appending to them must save with ``compact=True``, because an appended
save only looks at how far each list grew. JSON is encoded and parsed by ``orjson``.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from itertools import chain, repeat
from pathlib import Path

import networkx as nx
import orjson

from ..errors import KgError
from ..gc_pause import gc_paused
from ..outputs import open_output
from .graph_model import EVIDENCE_LISTS

FORMAT = "kg-graph"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)

_HEADER_START = b'{"format":"kg-graph","version":'
_EVIDENCE_FIELDS = (("docs", "d"), ("sentences", "s"), ("rules", "s"), ("dates", "s"),
                    ("attributed_to", "s"), ("outlets", "s"))
_LAZY = (b'["s",', b'["e",')
_EVIDENCE_SET = frozenset(EVIDENCE_LISTS)
_OMITTED = _EVIDENCE_SET | {"__labels__"}


class GraphFileError(KgError, RuntimeError):
    """The graph file is missing, truncated, or not a kg graph."""


@dataclass
class FileState:
    """What a version-2 file holds, as far as an appended save needs to know: its size,
    node and relationship properties as written, relationship ids, how many pieces of
    evidence of each relationship are written, and the two string tables."""

    size: int
    doc_ids: str | None
    nodes: dict[str, dict] = field(default_factory=dict)
    rel_ids: dict[tuple, int] = field(default_factory=dict)
    rel_keys: list[tuple] = field(default_factory=list)
    rel_props: list[dict] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)
    lines: int = 0
    replaced: int = 0
    pending: list[bytes] | None = None  # evidence lines not parsed yet (lazy read)
    _index: dict[str, dict[str, int]] = field(default_factory=dict)

    def index(self, table: str) -> tuple[dict[str, int], list[str]]:
        values = self.docs if table == "d" else self.strings
        if table not in self._index:
            self._index[table] = {v: i for i, v in enumerate(values)}
        return self._index[table], values


def _dumps(value) -> bytes:
    try:
        return orjson.dumps(value)
    except TypeError as e:  # orjson.JSONEncodeError: a value that is not JSON
        raise GraphFileError(f"cannot save the graph: {e}") from None


# -- writing ---------------------------------------------------------------------------

def node_props(data: dict) -> dict:
    """A node's properties as written: ``__labels__`` (a set) as a sorted ``labels``
    list, in its place."""
    props = {("labels" if k == "__labels__" else k): (sorted(v) if k == "__labels__" else v)
             for k, v in data.items()}
    props.setdefault("labels", [])
    return props


def edge_props(data: dict) -> dict:
    """A relationship's own properties as written: ``null`` where the evidence lists and
    ``__labels__`` (always ``{type}``) are."""
    return {k: (None if k in _OMITTED else v) for k, v in data.items()}


class _Segment:
    """The rows one save adds, keeping ``state`` up to date as they are made."""

    def __init__(self, state: FileState):
        self.state = state
        self.tables: dict[str, list] = {"n": [], "r": [], "d": [], "s": [], "e": []}
        self._rids: list[int] = []
        self._keys: list[str] = []
        self._columns: list[list] = [[] for _ in _EVIDENCE_FIELDS]

    def node(self, name: str, props: dict) -> None:
        self.tables["n"].append([name, props])
        self.state.nodes[name] = props

    def rel(self, rid: int, key: tuple, props: dict) -> None:
        self.tables["r"].append([rid, *key, props])
        self.state.rel_props[rid] = props

    def evidence(self, rid: int, data: dict, start: int) -> None:
        """Queue the evidence of relationship ``rid`` from list position ``start`` on; the
        rows are made in :meth:`encode`, a column at a time."""
        keys = data.get("evidence_keys") or ()
        stop = len(keys)
        if stop > start:
            self._rids.extend(repeat(rid, stop - start))
            self._keys.extend(keys[start:stop])
            for column, (name, _) in zip(self._columns, _EVIDENCE_FIELDS, strict=True):
                values = data.get(name) or ()
                column.extend(values[start:stop])
                if len(values) < stop:  # a list shorter than evidence_keys: "" for the rest
                    column.extend([""] * (stop - max(start, len(values))))
        self.state.evidence[rid] = stop

    def _intern(self, values: list, table: str) -> list[int]:
        """Indexes of ``values`` in ``table``, adding the strings it lacks (in order)."""
        index, known = self.state.index(table)
        if None in values:
            values = ["" if v is None else v for v in values]
        new = [v for v in dict.fromkeys(values) if v not in index]
        if new:
            index.update(zip(new, range(len(known), len(known) + len(new)), strict=True))
            known.extend(new)
            self.tables[table].extend(new)
        return [index[v] for v in values]

    def _evidence_rows(self) -> None:
        if not self._rids:
            return
        docs = self._intern(self._columns[0], "d")
        n = len(self._rids)
        strings = self._intern(list(chain.from_iterable(self._columns[1:])), "s")
        columns = [strings[i * n:(i + 1) * n] for i in range(len(self._columns) - 1)]
        self.tables["e"] = list(zip(self._rids, self._keys, docs, *columns, strict=True))

    @property
    def empty(self) -> bool:
        return not (self._rids or any(self.tables.values()))

    def encode(self) -> list[bytes]:
        """The segment's lines, each ending with a newline (written one after the other,
        never joined: at 1,000× a table line is tens of MB)."""
        self._evidence_rows()
        out = [_dumps([tag, rows]) + b"\n" for tag, rows in self.tables.items() if rows]
        self.state.lines += len(out) + 1
        out.append(_dumps(["c", self.state.lines]) + b"\n")
        self.state.size += sum(map(len, out))
        return out


def full_lines(g: nx.MultiDiGraph) -> tuple[list[bytes], FileState]:
    """The whole graph as the lines of a version-2 file, and the state an appended save
    starts from."""
    with gc_paused():
        header = _dumps({"format": FORMAT, "version": FORMAT_VERSION,
                         "doc_ids": g.graph.get("doc_ids")}) + b"\n"
        state = FileState(size=len(header), doc_ids=g.graph.get("doc_ids"))
        seg = _Segment(state)
        for n, data in g.nodes(data=True):
            seg.node(n, node_props(data))
        edges = list(g.edges(keys=True, data=True))
        state.rel_props = [{}] * len(edges)
        state.evidence = [0] * len(edges)
        for rid, (u, v, k, data) in enumerate(edges):
            state.rel_ids[u, v, k] = rid
            state.rel_keys.append((u, v, k))
            seg.rel(rid, (u, v, k), edge_props(data))
            seg.evidence(rid, data, 0)
        lines = [header, *seg.encode()]
    return lines, state


def appended_lines(g: nx.MultiDiGraph, state: FileState) -> list[bytes] | None:
    """The lines an appended save of ``g`` adds after the file's ``state.size`` bytes
    (none when nothing changed), or None when only a whole rewrite is right; after None
    ``state`` is spent."""
    if g.graph.get("doc_ids") != state.doc_ids or state.pending is not None:
        return None
    with gc_paused():
        seg = _Segment(state)
        seen = 0
        for n, data in g.nodes(data=True):
            props = node_props(data)
            old = state.nodes.get(n)
            if old is not None:
                seen += 1
            if props != old:
                state.replaced += old is not None
                seg.node(n, props)
        if seen != len(state.nodes):
            return None  # a node was removed
        seen, old_rels = 0, len(state.rel_keys)
        for u, v, k, data in g.edges(keys=True, data=True):
            props = edge_props(data)
            rid = state.rel_ids.get((u, v, k))
            if rid is None:
                rid = state.rel_ids[u, v, k] = len(state.rel_keys)
                state.rel_keys.append((u, v, k))
                state.rel_props.append({})
                state.evidence.append(0)
            else:
                seen += 1
                if len(data.get("evidence_keys") or ()) < state.evidence[rid]:
                    return None  # evidence was taken away
            if props != state.rel_props[rid]:
                state.replaced += bool(state.rel_props[rid])
                seg.rel(rid, (u, v, k), props)
            seg.evidence(rid, data, state.evidence[rid])
        if seen != old_rels:
            return None  # a relationship was removed
        if state.replaced > len(state.nodes) + len(state.rel_keys):
            return None  # more replaced rows than live ones: compact
        return [] if seg.empty else seg.encode()


def write_file(path: str | os.PathLike, lines: list[bytes], *, keep: int = 0) -> None:
    """Write ``lines`` to ``path`` through :func:`kg.outputs.open_output` (temp file and
    rename), after the first ``keep`` bytes the file has now (an appended save)."""
    try:
        with open_output(Path(path), binary=True) as out:
            if keep:
                with open(path, "rb") as old:
                    left = keep
                    while left:
                        block = old.read(min(left, 1 << 20))
                        if not block:
                            raise OSError(errno.EIO, f"{path} is shorter than when it was read")
                        out.write(block)
                        left -= len(block)
            for line in lines:
                out.write(line)
    except OSError as e:  # e.g. disk full: the rename never happened
        raise GraphFileError(f"cannot write graph file {path}: {e.strerror or e}; "
                             "the previous graph file is unchanged") from None


# -- reading ---------------------------------------------------------------------------

def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise GraphFileError(f"cannot read graph file {path}: {e}") from None


def is_v2(data: bytes) -> bool:
    """Whether ``data`` starts like a version-2 (or later) file."""
    return data.startswith(_HEADER_START) and not data.startswith(_HEADER_START + b"1,")


def _loads(line: bytes, origin: str):
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError as e:
        raise GraphFileError(f"graph file {origin} is damaged ({e}); rebuild it with "
                             "`kg build`") from None


def read_v2(data: bytes, origin: str, *, evidence: bool = True
            ) -> tuple[nx.MultiDiGraph, FileState]:
    """The graph of a version-2 file; ``evidence=False`` leaves the evidence lists out
    (``state.pending`` keeps their lines for :func:`attach_evidence`)."""
    lines = data.split(b"\n")
    head = _loads(lines[0], origin)
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise GraphFileError(f"{origin} is not a kg graph file")
    if head.get("version") not in READABLE_VERSIONS:
        raise GraphFileError(f"{origin} has graph format version {head.get('version')!r}; "
                             f"this kg reads versions {', '.join(map(str, READABLE_VERSIONS))}")
    body = lines[1:-1]
    if lines[-1] != b"" or not body or _loads(body[-1], origin) != ["c", len(body)]:
        raise GraphFileError(f"graph file {origin} is truncated (it does not end with its "
                             "end record); rebuild it with `kg build`")
    state = FileState(size=len(data), doc_ids=head.get("doc_ids"), lines=len(body))
    with gc_paused():
        try:
            pending = []
            for line in body:
                if line.startswith(_LAZY):
                    pending.append(line)
                else:
                    _fold(_loads(line, origin), state)
            state.evidence = [0] * len(state.rel_props)
            g = _graph(state)
            state.pending = pending
        except (KeyError, TypeError, ValueError, IndexError) as e:
            raise GraphFileError(f"graph file {origin} is damaged: {type(e).__name__} "
                                 f"{e}") from None
    if evidence:
        attach_evidence(g, state, origin)
    return g, state


def _fold(line: list, state: FileState) -> None:
    """Apply one node, relationship, document or end line to ``state``."""
    tag, rows = line
    if tag == "n":
        nodes = state.nodes
        for name, props in rows:
            if not isinstance(name, str) or not isinstance(props, dict):
                raise TypeError(f"node {name!r} is not a name and properties")
            state.replaced += name in nodes
            nodes[name] = props
    elif tag == "r":
        rel_props, rel_keys = state.rel_props, state.rel_keys
        for rid, u, v, k, props in rows:
            if not isinstance(props, dict) or not isinstance(props.get("type"), str):
                raise TypeError(f"relationship {rid!r} has no type")
            key = (u, v, k)
            if rid == len(rel_props):
                rel_keys.append(key)
                state.rel_ids[key] = rid
                rel_props.append(props)
            elif 0 <= rid < len(rel_props) and key == rel_keys[rid]:
                state.replaced += 1
                rel_props[rid] = props
            else:
                raise ValueError(f"relationship {rid!r} out of sequence")
    elif tag == "d":
        state.docs.extend(rows)
    elif tag != "c":
        raise ValueError(f"unknown table {tag!r}")


def _graph(state: FileState) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(doc_ids=state.doc_ids)
    g.add_nodes_from(
        (name, {("__labels__" if k == "labels" else k): (set(v) if k == "labels" else v)
                for k, v in props.items()})
        for name, props in state.nodes.items())
    g.add_edges_from(
        (u, v, k, {name: ({props["type"]} if name == "__labels__" else value)
                   for name, value in props.items() if name not in _EVIDENCE_SET}
         | ({} if "__labels__" in props else {"__labels__": {props["type"]}}))
        for (u, v, k), props in zip(state.rel_keys, state.rel_props, strict=True))
    return g


def attach_evidence(g: nx.MultiDiGraph, state: FileState, origin: str) -> None:
    """Parse the evidence a lazy read left out and put the lists on ``g``'s edges."""
    if state.pending is None:
        return
    with gc_paused():
        try:
            lists = _evidence_lists(state, [_loads(line, origin) for line in state.pending])
            _place(g, state, lists)
        except (KeyError, TypeError, ValueError, IndexError) as e:
            raise GraphFileError(f"graph file {origin} is damaged: {type(e).__name__} "
                                 f"{e}") from None
    state.pending = None


def _evidence_lists(state: FileState, lines: list) -> list[dict | None]:
    strings, docs = state.strings, state.docs
    lists: list[dict | None] = [None] * len(state.rel_keys)
    for tag, rows in lines:
        if tag == "s":
            strings.extend(rows)
            continue
        if tag != "e":
            raise ValueError(f"unknown table {tag!r}")
        for rid, key, doc, sentence, rule, date, attributed, outlet in rows:
            if rid < 0:
                raise IndexError(f"evidence of relationship {rid}")
            ls = lists[rid]
            if ls is None:
                ls = lists[rid] = {name: [] for name in EVIDENCE_LISTS}
            ls["evidence_keys"].append(key)
            ls["docs"].append(docs[doc])
            ls["sentences"].append(strings[sentence])
            ls["rules"].append(strings[rule])
            ls["dates"].append(strings[date])
            ls["attributed_to"].append(strings[attributed])
            ls["outlets"].append(strings[outlet])
    return lists


def _place(g: nx.MultiDiGraph, state: FileState, lists: list[dict | None]) -> None:
    """Put the lists into the edges' attribute dicts (in place: NetworkX shares each dict
    between the successor and predecessor views), where the saved order had them."""
    adj = g._adj
    evidence = state.evidence
    for rid, ((u, v, k), props) in enumerate(zip(state.rel_keys, state.rel_props,
                                                  strict=True)):
        ls = lists[rid]
        data = adj[u][v][k]
        ordered = dict.fromkeys(props)  # the saved order; then values, then the lists
        ordered.update(data)
        ordered.update(ls if ls is not None else {name: [] for name in EVIDENCE_LISTS})
        data.clear()
        data.update(ordered)
        evidence[rid] = len(ordered["evidence_keys"])


def documents(state: FileState) -> int:
    """Distinct documents (the part of an id before ``#``) the evidence comes from."""
    return len({d.split("#", 1)[0] for d in state.docs})
