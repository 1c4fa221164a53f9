"""``--as-of`` / ``--between`` / ``--min-sources``: any query over the evidence it returns.

Where the filter runs, and why: in Python, over the rows the query returns, the same code
for both backends. grand-cypher cannot filter the items of a list property (no list
comprehensions), and a relationship's evidence is such a list; filtering in Cypher would
mean one dialect per engine, and it would tie every saved query to how a backend stores
evidence. Instead :func:`run_filtered` rewrites the query to also return, for every
relationship variable of its ``MATCH``, the evidence lists of that relationship (as
hidden columns), runs it on the backend, and then for each row:

1. keeps, per relationship, the evidence inside the window (:func:`kg.evidence.in_window`:
   dated evidence whose date's period overlaps the window; a relationship with no dated
   evidence at all is kept whole and the row is marked ``undated: true``);
2. drops the row when a relationship has no evidence left, or fewer than ``min_sources``
   distinct sources (:func:`kg.evidence.corroboration`);
3. recomputes the columns that come from the evidence — ``r.mentions``,
   ``r.first_date``, ``r.last_date``, ``r.documents``, ``r.sources`` and the lists
   ``r.sentences``, ``r.docs``, ``r.dates``… — from what was kept, so ``mentions`` means
   "mentions within the window";
4. then sorts each ``UNION`` part again by its ``ORDER BY`` (counts may have changed),
   applies ``SKIP``/``LIMIT``, and drops repeated rows for ``UNION`` and ``DISTINCT``.

The result is what the query would return on the graph restricted to that evidence.
``WHERE`` conditions on evidence-derived properties joined by ``AND``
(``r.first_date >= $since``, ``r.sources >= 2``) are lifted out of the Cypher and tested
in Python on the recomputed values, so they too see only the window.

Limits, stated: such a condition inside ``OR``/``NOT`` is left to the engine and sees all
the evidence; aggregates would count evidence outside the window, so a query with
``COUNT``, ``SUM``, ``COLLECT``… is refused with a filter; and every relationship must be
named (``-[r:BACKS]->``, not ``-[:BACKS]->``) so its evidence can be looked at.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from . import evidence as ev
from .query import QueryError, _code_only, return_columns, split_union
from .store.graph_model import EVIDENCE_LISTS

HIDDEN = "kg_evidence_"
_REL_VAR = re.compile(r"-\s*\[\s*([A-Za-z_]\w*)?\s*[:\]{*]")
_AGGREGATE = re.compile(r"(?<![\w.])(COUNT|SUM|COLLECT|AVG|MIN|MAX|PERCENTILE\w*|STDEV\w*)\s*\(",
                        re.IGNORECASE)
_TAIL = re.compile(r"(?<![\w.])(ORDER\s+BY|SKIP|LIMIT)(?!\w)", re.IGNORECASE)
_SKIP_LIMIT = re.compile(r"(?<![\w.])(SKIP|LIMIT)\s+(\$?\w+)", re.IGNORECASE)
_RETURN = re.compile(r"(?<![\w.])RETURN(?!\w)", re.IGNORECASE)
_DISTINCT = re.compile(r"^\s*DISTINCT(?!\w)", re.IGNORECASE)
_PROPERTY = re.compile(r"^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$")
DERIVED = ("mentions", "first_date", "last_date", "documents", "sources")
_CONDITION = re.compile(r"^\s*([A-Za-z_]\w*)\.(" + "|".join(DERIVED) + r")\s*(>=|<=|<>|=|<|>)\s*"
                        r"(\$[A-Za-z_]\w*|\"[^\"\\]*\"|-?\d+(?:\.\d+)?)\s*$")
_WHERE = re.compile(r"(?<![\w.])WHERE(?!\w)", re.IGNORECASE)
_AND = re.compile(r"(?<![\w.])AND(?!\w)", re.IGNORECASE)
_BOOLEAN = re.compile(r"(?<![\w.])(OR|XOR|NOT)(?!\w)", re.IGNORECASE)
_COMPARE = {">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, "<>": lambda a, b: a != b,
            "=": lambda a, b: a == b, "<": lambda a, b: a < b, ">": lambda a, b: a > b}


@dataclass(frozen=True)
class EvidenceFilter:
    """Which evidence counts: inside ``window`` (None: all) and from ``min_sources`` sources."""

    window: ev.Window | None = None
    min_sources: int = 0

    @property
    def active(self) -> bool:
        return self.window is not None or self.min_sources > 0

    @classmethod
    def from_options(cls, as_of: str | None = None, between: tuple[str, str] | None = None,
                     since: str | None = None, min_sources: int = 0) -> EvidenceFilter:
        """The filter of the command-line options (partial dates cover their period)."""
        given = [x for x in (as_of, between, since) if x]
        if len(given) > 1:
            raise QueryError("give one of --as-of, --between and --since")
        window = None
        if as_of:
            window = ev.Window(end=ev.parse_bound(as_of, end=True))
        elif between:
            window = ev.Window(ev.parse_bound(between[0]), ev.parse_bound(between[1], end=True))
        elif since:
            window = ev.Window(start=ev.parse_bound(since))
        if min_sources < 0:
            raise QueryError("--min-sources must be 0 or more")
        return cls(window, min_sources)


def relationship_variables(cypher: str) -> list[str]:
    """The relationship variables of a query part's patterns, in order of appearance."""
    code = _code_only(cypher)
    returns = list(_RETURN.finditer(code))
    head = code[: returns[-1].start()] if returns else code
    names: list[str] = []
    for m in _REL_VAR.finditer(head):
        if not m.group(1):
            raise QueryError("--as-of/--between/--min-sources need every relationship of the "
                             "pattern named (-[r:BACKS]->, not -[:BACKS]->) so its evidence "
                             "can be filtered")
        if m.group(1) not in names:
            names.append(m.group(1))
    return names


@dataclass
class _Part:
    text: str
    variables: list[str]
    columns: list[tuple[str, str]]
    order: list[tuple[str, bool]]
    skip: Any
    limit: Any
    distinct: bool
    lists: dict[tuple[str, str], str]  # (variable, evidence list) → column holding it
    conditions: list[tuple[str, str, str, Any]]  # (variable, property, operator, value)


def _lift_conditions(part: str, variables: list[str], params: dict[str, Any]
                     ) -> tuple[str, list[tuple[str, str, str, Any]]]:
    """Take ``v.<derived> OP value`` conjuncts out of the WHERE (see the module docstring)."""
    code = _code_only(part)
    where = _WHERE.search(code)
    returns = list(_RETURN.finditer(code))
    if not where or not returns or _BOOLEAN.search(code[where.end():returns[-1].start()]):
        return part, []
    start, stop = where.end(), returns[-1].start()
    bounds, pos = [], start
    for m in _AND.finditer(code, start, stop):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, stop))
    kept, lifted = [], []
    for a, b in bounds:
        m = _CONDITION.match(part[a:b])
        if m and m.group(1) in variables:
            raw = m.group(4)
            if raw.startswith("$"):
                value = params.get(raw[1:])
            elif raw.startswith('"'):
                value = raw[1:-1]
            else:
                value = float(raw) if "." in raw else int(raw)
            lifted.append((m.group(1), m.group(2), m.group(3), value))
        else:
            kept.append(part[a:b].strip())
    if not lifted:
        return part, []
    clause = f" WHERE {' AND '.join(kept)}\n" if kept else "\n"
    return part[:where.start()].rstrip() + clause + part[stop:], lifted


def _prepare(part: str, params: dict[str, Any]) -> _Part:
    part, conditions = _lift_conditions(part, relationship_variables(part), params)
    code = _code_only(part)
    returns = list(_RETURN.finditer(code))
    if not returns:
        raise QueryError("a filtered query needs a RETURN")
    ret = returns[-1]
    columns = return_columns(part)
    if any(_AGGREGATE.search(_code_only(expr)) for _, expr in columns):
        raise QueryError("--as-of/--between/--min-sources cannot filter a query that "
                         "aggregates (COUNT, SUM, COLLECT…): the aggregate would count "
                         "evidence outside the window")
    variables = relationship_variables(part)
    tail = _TAIL.search(code, ret.end())
    cut = tail.start() if tail else len(part)
    # SKIP and LIMIT apply after filtering, in Python
    skip = limit = None
    rest = part[cut:]
    rest_code = code[cut:]
    kept_rest, pos = [], 0
    for m in _SKIP_LIMIT.finditer(rest_code):
        value = m.group(2)
        value = params.get(value[1:]) if value.startswith("$") else int(value)
        if m.group(1).upper() == "SKIP":
            skip = value
        else:
            limit = value
        kept_rest.append(rest[pos:m.start()])
        pos = m.end()
    kept_rest.append(rest[pos:])
    order, complete = _order_by("".join(kept_rest), columns)
    if complete:  # sorted in Python after filtering; the engine need not (nor fail on nulls)
        kept_rest = []
    # grand-cypher keeps one column per expression, so a list the query already returns
    # is read from its own column rather than asked for twice
    returned = {re.sub(r"\s+", "", e): n for n, e in columns}
    sources: dict[tuple[str, str], str] = {}
    hidden = []
    for v in variables:
        for name in EVIDENCE_LISTS:
            column = returned.get(f"{v}.{name}")
            if column is None:
                column = f"{HIDDEN}{v}_{name}"
                hidden.append(f", {v}.{name} AS {column}")
            sources[(v, name)] = column
    text = part[:cut].rstrip() + "".join(hidden) + " " + "".join(kept_rest)
    distinct = bool(_DISTINCT.match(part[ret.end():]))
    return _Part(text, variables, columns, order, skip, limit, distinct, sources, conditions)


def _order_by(tail: str, columns: list[tuple[str, str]]) -> tuple[list[tuple[str, bool]], bool]:
    """(column, descending) for each ORDER BY item that names a returned column, and
    whether every item did."""
    m = re.search(r"(?<![\w.])ORDER\s+BY(?!\w)(.*)$", tail, re.IGNORECASE | re.DOTALL)
    if not m:
        return [], True
    by_expr = {re.sub(r"\s+", "", e).lower(): n for n, e in columns}
    by_name = {n.lower(): n for n, _ in columns}
    out, complete = [], True
    for item in m.group(1).split(","):
        words = item.strip().split()
        if not words:
            continue
        desc = words[-1].upper() in ("DESC", "DESCENDING")
        if words[-1].upper() in ("ASC", "ASCENDING", "DESC", "DESCENDING"):
            words = words[:-1]
        key = "".join(words)
        name = by_name.get(key.lower()) or by_expr.get(key.lower())
        if name:
            out.append((name, desc))
        else:
            complete = False
    return out, complete


def _derived(kept: list[ev.Evidence]) -> dict[str, Any]:
    first, last = ev.date_span(kept)
    values: dict[str, Any] = {"mentions": len(kept), "first_date": first, "last_date": last}
    values.update(ev.corroboration(kept))
    values.update(ev.lists(kept))
    return values


def _filter_row(row: dict[str, Any], part: _Part, flt: EvidenceFilter) -> dict[str, Any] | None:
    derived: dict[str, dict[str, Any]] = {}
    undated = False
    for v in part.variables:
        lists = {name: row.get(part.lists[(v, name)]) for name in EVIDENCE_LISTS}
        items = ev.items(lists)
        kept, no_dates = (ev.in_window(items, flt.window) if flt.window is not None
                          else (items, False))
        if not kept:
            return None
        values = _derived(kept)
        if values["sources"] < flt.min_sources:
            return None
        undated = undated or no_dates
        derived[v] = values
    for v, prop, op, wanted in part.conditions:
        have = derived[v][prop]
        if have is None or wanted is None or isinstance(have, str) != isinstance(wanted, str):
            return None  # a comparison with null or across types is not true in Cypher
        if not _COMPARE[op](have, wanted):
            return None
    out: dict[str, Any] = {}
    for name, expr in part.columns:
        if name not in row:
            continue
        value = row[name]
        m = _PROPERTY.match(expr.strip())
        if m and m.group(1) in derived and m.group(2) in derived[m.group(1)]:
            value = derived[m.group(1)][m.group(2)]
        elif expr.strip() in derived and isinstance(value, dict):
            value = {**value, **{k: x for k, x in derived[expr.strip()].items() if k in value
                                 or k in ("documents", "sources")}}
        out[name] = value
    for name, value in row.items():  # columns return_columns could not name
        if name not in out and not name.startswith(HIDDEN):
            out[name] = value
    if flt.window is not None:
        out["undated"] = undated
    return out


def _sort(rows: list[dict[str, Any]], order: list[tuple[str, bool]]) -> list[dict[str, Any]]:
    """Stable sort by each ORDER BY column, last first; nulls last ascending (as Neo4j)."""
    for name, desc in reversed(order):
        present = [r for r in rows if r.get(name) is not None]
        missing = [r for r in rows if r.get(name) is None]
        present.sort(key=lambda r, n=name: r[n], reverse=desc)
        rows = missing + present if desc else present + missing
    return rows


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows without repeats (first kept), judged without the ``undated`` mark: a row
    reached once through dated evidence and once through undated is one row, undated
    only when every way to it was."""
    seen: dict[str, dict[str, Any]] = {}
    out = []
    for row in rows:
        key = json.dumps({k: v for k, v in row.items() if k != "undated"}, sort_keys=True,
                         ensure_ascii=False, default=str)
        first = seen.get(key)
        if first is None:
            seen[key] = row
            out.append(row)
        elif "undated" in first:
            first["undated"] = first["undated"] and row.get("undated", False)
    return out


def run_filtered(store, cypher: str, params: dict[str, Any] | None,
                 flt: EvidenceFilter) -> list[dict[str, Any]]:
    """Rows of ``cypher`` on ``store`` as if the graph held only the evidence ``flt`` keeps."""
    params = dict(params or {})
    if not flt.active:
        return store.query(cypher, params)
    parts, keep_all = split_union(cypher)
    rows: list[dict[str, Any]] = []
    for raw in parts:
        part = _prepare(raw, params)
        got = [r for r in (_filter_row(row, part, flt) for row in store.query(part.text, params))
               if r is not None]
        if part.distinct:
            got = _unique(got)
        got = _sort(got, part.order)
        start = int(part.skip or 0)
        got = got[start:] if part.limit is None else got[start:start + int(part.limit)]
        rows.extend(got)
    return rows if keep_all or len(parts) == 1 else _unique(rows)


def run_saved_filtered(store, name: str, params: dict[str, Any] | None,
                       flt: EvidenceFilter) -> list[dict[str, Any]]:
    """:func:`kg.query.run_saved_query` with an evidence filter."""
    from .query import bind_saved_params, get_saved_query

    q = get_saved_query(name)
    return run_filtered(store, q.text, bind_saved_params(q, params or {}), flt)
