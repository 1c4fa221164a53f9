"""Saved queries in ``cypher/`` and running Cypher on either backend.

A saved query is a ``.cypher`` file whose header comments describe it::

    // title: Who backs an actor
    // description: Actors that back $name, strongest evidence first.
    // param name: the backed actor's canonical name (example: Kataib Hezbollah)

grand-cypher has no query parameters, so on the embedded backend ``$name`` is replaced
by a literal that is escaped for grand-cypher's string grammar; the value can never end
the string and become query text. On Neo4j the same text runs with real parameters.

Why the escaping is ASCII-only: grand-cypher's lexer takes a double-quoted string up to
the first quote not preceded by an odd run of backslashes, and then hands the token to
Python's ``eval``. So every ``\\`` and ``"`` of a value is escaped, and every character
outside printable ASCII (newlines, NUL, curly quotes, emoji…) is written as a ``\\uXXXX``
escape that ``eval`` turns back into the same character. The token is therefore a plain
ASCII string literal whatever the value, and it decodes to exactly the value.

The embedded engine understands a subset of Cypher (MATCH … WHERE … RETURN … ORDER BY
… SKIP … LIMIT; no OPTIONAL MATCH, WITH, UNWIND, CASE or writes). Two gaps are bridged
here so saved queries can be written once for both engines:

* ``UNION`` / ``UNION ALL``: each part runs on its own and the rows are concatenated
  (``UNION`` then drops repeated rows, keeping the first), as Neo4j does.
* columns come back in ``RETURN`` order, named as written (alias or expression text).

Two grand-cypher 1.2.0 bugs are worked around (see ``_run_single``): its search hints
lost every match whose two ends were pinned by property maps on kg's MultiDiGraph, and
hints taken from WHERE drop rows when the WHERE has an OR. A test checks the runner
against grand-cypher's plain matcher on random multigraphs.

Undirected relationship patterns ``-[r:T]-`` are *not* bridged: grand-cypher reads them
as "edges in both directions", so they are refused on the embedded backend with a hint
to write the two directions as a ``UNION``.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.classes.reportviews import OutMultiEdgeView

from .errors import KgError


class QueryError(KgError, ValueError):
    """A query that cannot run: unknown name, missing parameter, bad value, write refused."""


@dataclass
class Param:
    name: str
    description: str = ""
    example: str = ""


@dataclass
class SavedQuery:
    name: str
    title: str
    description: str
    params: list[Param] = field(default_factory=list)
    text: str = ""
    path: Path | None = None
    # columns a later UNION part leaves null when it only lists what earlier parts missed
    fallback: list[str] = field(default_factory=list)

    def example_command(self) -> str:
        """A shell command that runs this query with its example values."""
        args = " ".join(f"-p {p.name}={_shell_word(p.example)}" for p in self.params)
        return f"kg query {self.name} {args}".rstrip()

    def example_params(self) -> dict[str, Any]:
        return {p.name: p.example for p in self.params}

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "parameters": [
                {"name": p.name, "description": p.description, "example": p.example}
                for p in self.params
            ],
            "example": self.example_command(),
        }


def _shell_word(value: str) -> str:
    if re.fullmatch(r"[\w.,:@%+/-]+", value or ""):
        return value
    return "'" + value.replace("'", "'\"'\"'") + "'"


_HEADER = re.compile(r"^//\s*(title|description|param|fallback)\s*(\w*)\s*:\s*(.*)$")
_EXAMPLE = re.compile(r"\(example:\s*(.*?)\)\s*$")


def cypher_dir() -> Path:
    """Where saved queries live: ``$KG_CYPHER_DIR``, the repository's ``cypher/``, or the
    copy packed into an installed wheel."""
    env = os.environ.get("KG_CYPHER_DIR")
    if env:
        if not Path(env).is_dir():
            raise QueryError(f"KG_CYPHER_DIR={env} is not a folder of saved queries; fix or "
                             "unset it")
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "cypher", here / "_cypher"):
        if candidate.is_dir():
            return candidate
    return here.parent / "cypher"


def parse_saved_query(path: Path) -> SavedQuery:
    title, description, params, fallback = path.stem, "", [], []
    body = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _HEADER.match(line.strip())
        if m:
            kind, pname, value = m.group(1), m.group(2), m.group(3).strip()
            if kind == "title":
                title = value
            elif kind == "description":
                description = (description + " " + value).strip()
            elif kind == "param" and pname:
                ex = _EXAMPLE.search(value)
                example = ex.group(1).strip() if ex else ""
                desc = value[: ex.start()].strip() if ex else value
                params.append(Param(pname, desc, example))
            elif kind == "fallback":
                fallback.extend(c.strip() for c in value.split(",") if c.strip())
        elif not line.strip().startswith("//"):
            body.append(line)
    return SavedQuery(path.stem, title, description, params, "\n".join(body).strip(), path,
                      fallback)


def list_saved_queries(directory: Path | None = None, *,
                       on_skip: Callable[[Path, str], None] | None = None) -> list[SavedQuery]:
    """The readable saved queries; a file that cannot be read (not UTF-8, unreadable) is
    left out and reported to ``on_skip(path, reason)`` (default: a warning), so one bad
    file never takes the others down."""
    directory = directory or cypher_dir()
    out = []
    for path in sorted(directory.glob("*.cypher")):
        try:
            out.append(parse_saved_query(path))
        except (OSError, UnicodeDecodeError) as e:
            reason = _unreadable(e)
            if on_skip is None:
                warnings.warn(f"skipped saved query {path}: {reason}", stacklevel=2)
            else:
                on_skip(path, reason)
    return out


def _unreadable(e: Exception) -> str:
    if isinstance(e, UnicodeDecodeError):
        return f"not UTF-8 (byte 0x{e.object[e.start]:02x} at offset {e.start})"
    return getattr(e, "strerror", None) or str(e)


def get_saved_query(name: str, directory: Path | None = None) -> SavedQuery:
    skipped: dict[str, str] = {}
    queries = {q.name: q for q in list_saved_queries(
        directory, on_skip=lambda p, why: skipped.__setitem__(p.stem, f"{p}: {why}"))}
    if name in skipped:
        raise QueryError(f"saved query {name!r} cannot be read: {skipped[name]}")
    if name not in queries:
        close = difflib.get_close_matches(name, list(queries), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise QueryError(f"no saved query named {name!r}{hint}; available: "
                         f"{', '.join(sorted(queries)) or 'none'} (see `kg query --list`)")
    return queries[name]


def bind_saved_params(query: SavedQuery, given: dict[str, Any]) -> dict[str, Any]:
    """Check ``given`` against the query's declared parameters.

    A value for a parameter whose example is text stays text even when it looks like a
    number (``-p name=1914`` means the actor named "1914"), because the CLI's ``-p``
    parser turns numeric-looking values into numbers.
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        valid = ", ".join(f"{p.name} (e.g. {p.example})" for p in query.params) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(unknown)}; "
                         f"its parameters: {valid}")
    missing = [p for p in query.params if p.name not in given]
    if missing:
        hint = " ".join(f"-p {p.name}={_shell_word(p.example)}" for p in missing)
        raise QueryError(f"query {query.name!r} needs {', '.join(p.name for p in missing)}; "
                         f"e.g. {hint}")
    bound = {}
    for name, value in given.items():
        example = declared[name].example
        if not _looks_numeric(example) and isinstance(value, (bool, int, float)):
            value = json.dumps(value) if isinstance(value, bool) else str(value)
        if _ISO_DATE.fullmatch(example) and not (
                isinstance(value, str) and _ISO_DATE.fullmatch(value)):
            # Dates are compared as ISO text, so any other string would compare too and
            # answer rows that have nothing to do with the question.
            raise QueryError(f"parameter {name!r} of query {query.name!r} takes an ISO date "
                             f"(YYYY, YYYY-MM or YYYY-MM-DD, e.g. {example}); got {value!r}")
        bound[name] = value
    return bound


_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return text in ("true", "false")
    return True


# -- reading Cypher text -----------------------------------------------------------------

def segments(cypher: str) -> Iterator[tuple[str, str]]:
    """Split Cypher text into ("code" | "string" | "comment", text) pieces.

    Strings are '…', "…" and `…` with backslash escapes; comments are ``// …`` to the end
    of the line and ``/* … */``. Parameters are only substituted, and keywords only
    looked for, in code.
    """
    i, n, start = 0, len(cypher), 0
    while i < n:
        c = cypher[i]
        if c in "\"'`":
            end = i + 1
            while end < n and cypher[end] != c:
                end += 2 if cypher[end] == "\\" and c != "`" else 1
            kind, stop = "string", min(end + 1, n)
        elif cypher.startswith("//", i):
            nl = cypher.find("\n", i)
            kind, stop = "comment", n if nl < 0 else nl
        elif cypher.startswith("/*", i):
            close = cypher.find("*/", i + 2)
            kind, stop = "comment", n if close < 0 else close + 2
        else:
            i += 1
            continue
        if start < i:
            yield "code", cypher[start:i]
        yield kind, cypher[i:stop]
        i = start = stop
    if start < n:
        yield "code", cypher[start:]


def _code_only(cypher: str) -> str:
    """The text with string contents and comments blanked to spaces, same length, so
    keyword searches see code only and positions still match the original."""
    out = []
    for kind, text in segments(cypher):
        if kind == "code":
            out.append(text)
        elif kind == "string":
            out.append(text[0] + " " * (len(text) - 2) + text[-1] if len(text) > 1 else " ")
        else:
            out.append(" " * len(text))
    return "".join(out)


_WRITE_WORDS = re.compile(
    r"(?<![\w.$])(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|INSERT|LOAD\s+CSV|CALL)(?!\w)",
    re.IGNORECASE)
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_UNION = re.compile(r"(?<![\w.$])UNION(\s+ALL)?(?!\w)", re.IGNORECASE)
_PROPERTY_MAP = re.compile(r"\(\s*\w*\s*(?::\s*[\w|]+\s*)?\{")
_UNDIRECTED = re.compile(r"(?<![<\w])-(\[[^\]]*\])?-(?![>\w])")


def is_write(cypher: str) -> bool:
    """True when the statement contains a clause that changes the graph."""
    return bool(_WRITE_WORDS.search(_code_only(cypher)))


def query_parameters(cypher: str) -> list[str]:
    """The ``$names`` a statement uses, in order of first use."""
    seen: list[str] = []
    for name in _PARAM.findall(_code_only(cypher)):
        if name not in seen:
            seen.append(name)
    return seen


def literal(value: Any) -> str:
    """A grand-cypher literal for ``value``: the only way a value enters query text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise QueryError(f"parameter value {value!r} has no Cypher literal")
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            code = ord(ch)
            if ch in "\\\"":
                out.append("\\" + ch)
            elif 0x20 <= code < 0x7F:
                out.append(ch)
            elif code <= 0xFFFF:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
        return '"' + "".join(out) + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise QueryError(f"parameter values must be text, numbers, booleans or lists, "
                     f"not {type(value).__name__}")


def substitute_params(cypher: str, params: dict[str, Any]) -> str:
    """``$name`` → escaped literal, in code only; comments are dropped (grand-cypher
    knows ``//`` comments but not ``/* */``)."""
    out = []
    for kind, chunk in segments(cypher):
        if kind == "comment":
            out.append(" ")
            continue
        if kind == "code":
            def repl(m: re.Match) -> str:
                if m.group(1) not in params:
                    raise QueryError(f"query uses ${m.group(1)} but no value was given "
                                     f"(pass -p {m.group(1)}=VALUE)")
                return literal(params[m.group(1)])

            chunk = _PARAM.sub(repl, chunk)
        out.append(chunk)
    return "".join(out)


def split_union(cypher: str) -> tuple[list[str], bool]:
    """The parts of a ``UNION`` (or ``UNION ALL``) query, and whether it keeps repeats."""
    parts, current, kinds = [], [], set()
    for kind, chunk in segments(cypher):
        if kind != "code":
            current.append(chunk)
            continue
        pos = 0
        for m in _UNION.finditer(chunk):
            current.append(chunk[pos:m.start()])
            parts.append("".join(current))
            current, pos = [], m.end()
            kinds.add(bool(m.group(1)))
        current.append(chunk[pos:])
    parts.append("".join(current))
    if len(kinds) > 1:
        raise QueryError("a query cannot mix UNION and UNION ALL")
    if any(not p.strip() for p in parts):
        raise QueryError("UNION needs a full query on each side")
    return parts, kinds == {True}


def return_columns(cypher: str) -> list[tuple[str, str]]:
    """(column name, expression) for each item of the last RETURN, in order."""
    code = _code_only(cypher)
    starts = [m.end() for m in re.finditer(r"(?<![\w.])RETURN(?!\w)", code, re.IGNORECASE)]
    if not starts:
        return []
    text = "".join(t if k != "comment" else " " * len(t) for k, t in segments(cypher))
    tail = text[starts[-1]:]
    tail_code = code[starts[-1]:]
    stop = re.search(r"(?<![\w.])(ORDER\s+BY|SKIP|LIMIT)(?!\w)", tail_code, re.IGNORECASE)
    items_text = tail[: stop.start()] if stop else tail
    items_text = re.sub(r"^\s*DISTINCT(?!\w)", "", items_text, flags=re.IGNORECASE)
    columns, depth, buf = [], 0, ""
    for kind, chunk in segments(items_text):
        if kind != "code":
            buf += chunk
            continue
        for ch in chunk:
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
            if ch == "," and depth == 0:
                columns.append(buf)
                buf = ""
            else:
                buf += ch
    columns.append(buf)
    out = []
    for item in (c.strip() for c in columns):
        if not item:
            continue
        m = re.match(r"^(.*?)\s+AS\s+([A-Za-z_]\w*|`[^`]+`)$", item, re.IGNORECASE | re.DOTALL)
        if m:
            out.append((m.group(2).strip("`"), m.group(1).strip()))
        else:
            out.append((item, item))
    return out


# -- the embedded backend ------------------------------------------------------------

_UNSUPPORTED_HINT = ("the embedded backend understands MATCH, WHERE, RETURN [DISTINCT], "
                     "ORDER BY, SKIP, LIMIT and UNION with double-quoted strings; not "
                     "OPTIONAL MATCH, WITH, UNWIND, CASE or undirected -[r]- patterns")


def _plain(value: Any) -> Any:
    """Rows must be JSON-able: sets become sorted lists, node/edge dicts lose internals."""
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, dict):
        return {("labels" if k == "__labels__" else k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _AnyKeyEdgeView(OutMultiEdgeView):
    """``(u, v) in G.edges`` true when any edge joins u and v, whatever its key."""

    def __contains__(self, e) -> bool:
        if len(e) == 2:
            u, v = e
            return u in self._adjdict and v in self._adjdict[u]
        return super().__contains__(e)


class _HintSafeGraph(nx.MultiDiGraph):
    """A MultiDiGraph sharing another's data, whose edge view answers 2-tuples.

    grand-cypher 1.2.0 double-checks its search hints with ``(u, v) in G.edges``; on a
    MultiDiGraph networkx reads that as "is there an edge with key 0", and kg's edge
    keys are relation names, so every match whose two ends were both pinned by a
    property map was dropped ("evidence between A and B" came back empty).
    """

    @property
    def edges(self):  # type: ignore[override]
        return _AnyKeyEdgeView(self)


_VIEW_CACHE = {"adj", "succ", "pred", "nodes", "edges", "out_edges", "in_edges", "degree",
               "in_degree", "out_degree"}


def _hint_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``g``'s data behind :class:`_HintSafeGraph` (no copy: the dicts are shared)."""
    if not isinstance(g, nx.MultiDiGraph) or isinstance(g, _HintSafeGraph):
        return g
    view = _HintSafeGraph.__new__(_HintSafeGraph)
    view.__dict__.update({k: v for k, v in g.__dict__.items() if k not in _VIEW_CACHE})
    return view


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _run_single(g: nx.MultiDiGraph, text: str) -> tuple[list[str], list[dict[str, Any]]]:
    from grandcypher import GrandCypher

    if _UNDIRECTED.search(_code_only(text)):
        raise QueryError("undirected relationship patterns such as -[r:T]- match nothing on "
                         "the embedded backend (grand-cypher reads them as 'both ways'); write "
                         "(a)-[r:T]->(b) and (a)<-[r:T]-(b) as two parts of a UNION")
    # Node property maps ({name: "…"}) become search hints, which keeps anchored queries
    # fast (measured: an incoming-anchored 2-hop query, 1.6 s → 65 ms on 2,000 nodes /
    # 10,000 edges). grand-cypher 1.2.0 fails without a property map in the pattern
    # ("'NoneType' object is not callable"), so the hint is only on when there is one,
    # with a plain retry as a safety net. Hints derived from WHERE are always off: with
    # OR they drop correct rows.
    hints = bool(_PROPERTY_MAP.search(_code_only(text)))
    while True:
        engine = GrandCypher(_hint_safe(g))
        engine.auto_where_hints = False
        engine.auto_node_jsondata_hints = hints
        try:
            result = engine.run(text)
            break
        except TypeError as e:
            if not hints:
                raise QueryError(_explain(e)) from None
            hints = False
        except MemoryError:
            raise  # the query's memory budget ran out (kg.query_budget reports it)
        except Exception as e:  # grand-cypher raises lark and assorted errors
            raise QueryError(_explain(e)) from None
    keys = list(result)
    names: dict[str, str] = {}
    for name, expr in return_columns(text):
        for key in keys:
            if key not in names and (key == name or _squash(key) in (_squash(expr),
                                                                       _squash(name))):
                names[key] = name
                break
    ordered = [k for k in names] + [k for k in keys if k not in names]
    columns = [names.get(k, k) for k in ordered]
    length = max((len(v) for v in result.values()), default=0)
    rows = [{names.get(k, k): _plain(result[k][i]) for k in ordered} for i in range(length)]
    return columns, rows


def _explain(e: Exception) -> str:
    text = str(e).strip()
    first = text.splitlines()[0] if text else type(e).__name__
    where = ""
    if hasattr(e, "line") and hasattr(e, "column"):
        where = f" at line {e.line}, column {e.column}"
    if "'''" in first or "matches '''" in first:
        return (f"grand-cypher could not parse the query{where}: single-quoted strings are "
                f"not supported, use double quotes")
    if "not supported between instances of 'float' and 'str'" in first:
        return (f"grand-cypher could not run the query: ORDER BY a property some rows lack "
                f"(grand-cypher cannot sort missing values among text): {first}")
    if type(e).__name__.startswith("Unexpected"):
        return f"grand-cypher could not parse the query{where}: {first}; {_UNSUPPORTED_HINT}"
    return f"grand-cypher could not run the query: {first}"


def _row_key(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False, default=str)


def run_on_networkx(g: nx.MultiDiGraph, cypher: str, params: dict[str, Any],
                    *, write: bool = False, timeout: float | None = None) -> list[dict[str, Any]]:
    """Run read-only Cypher with grand-cypher; return rows as dicts (column → value).

    The query runs within its budget (:mod:`kg.query_budget`): ``timeout`` seconds (default
    ``KG_QUERY_TIMEOUT`` or 10), a memory cap and a row cap, in a child process that is
    killed when it overruns, so a runaway pattern costs one error line, not the machine.
    """
    from .query_budget import Budget, check_params, run_budgeted

    if write or is_write(cypher):
        raise QueryError("the embedded (networkx) backend answers read-only Cypher; the graph "
                         "changes only through `kg build` / `kg load` (or use --backend neo4j)")
    check_params(params)
    budget = Budget.from_env(timeout)
    text = substitute_params(cypher, params)
    parts, keep_all = split_union(text)
    if len(parts) > 1:
        shapes = [[name for name, _ in return_columns(p)] for p in parts]
        if any(s != shapes[0] for s in shapes):
            raise QueryError(f"all parts of a UNION must return the same columns, in the same "
                             f"order: {' vs '.join(map(str, shapes))}")
    return run_budgeted(lambda: _union_rows(g, parts, keep_all), budget)


def _union_rows(g: nx.MultiDiGraph, parts: list[str], keep_all: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for part in parts:
        _, part_rows = _run_single(g, part)
        for row in part_rows:
            if not keep_all and len(parts) > 1:
                key = _row_key(row)
                if key in seen:
                    continue
                seen.add(key)
            rows.append(row)
    return rows


def run_query(store, cypher: str, params: dict[str, Any] | None = None,
              *, write: bool = False) -> list[dict[str, Any]]:
    return store.query(cypher, params or {}, write=write)


def without_fallback_repeats(rows: list[dict[str, Any]], columns: list[str]
                             ) -> list[dict[str, Any]]:
    """Drop a row whose ``columns`` are all null when another row agrees with it on every
    other column and has a value there.

    This is how a saved query lists "with and without": grand-cypher has no OPTIONAL
    MATCH, so ``bases`` unions the bases that have a location with every base (its
    ``located_in`` a property no node has, hence null on both engines); this keeps the
    null row only for bases no earlier row located (declared as ``// fallback: located_in``).
    """
    if not columns:
        return rows

    def rest(row: dict[str, Any]) -> str:
        return _row_key({k: v for k, v in row.items() if k not in columns})

    known = {rest(r) for r in rows if any(r.get(c) is not None for c in columns)}
    return [r for r in rows
            if any(r.get(c) is not None for c in columns) or rest(r) not in known]


def run_saved_query(store, name: str, params: dict[str, Any] | None = None,
                    directory: Path | None = None, *, resolve: bool = False
                    ) -> list[dict[str, Any]]:
    """Rows of a saved query; ``resolve`` puts name parameters through
    :func:`kg.lookup.resolve_params` against the graph's names first (as ``kg query``
    does), raising :class:`kg.errors.NameNotInGraph` for a name the graph lacks."""
    q = get_saved_query(name, directory)
    bound = bind_saved_params(q, params or {})
    if resolve:
        from .lookup import NameIndex, resolve_params

        bound, _ = resolve_params(q.text, bound, NameIndex.of_store(store))
    return without_fallback_repeats(store.query(q.text, bound), q.fallback)
