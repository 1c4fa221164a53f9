"""One relationship's evidence as items, and what analysts ask of it: when, how often, who.

A relationship keeps its evidence in parallel lists (see :mod:`kg.store.graph_model`);
:func:`items` zips them into :class:`Evidence` records. Everything here is plain
functions over those records, so the time window of ``kg query --as-of`` (see
:mod:`kg.asof`), ``kg diff`` and the corroboration counts work the same whatever backend
the lists came from.

Dates are ISO strings of the precision the text gave (``2019-12-29``, ``2019-12`` or
``2019``). A partial date stands for its whole period: "2019-12" is in a window when any
day of December 2019 is. So ``--as-of 2019-12-15`` keeps "2019-12" and "2019", and
``--between 2020-01-01 2020-12-31`` keeps "2020" but not "2019-12".

Corroboration: ``documents`` is the number of distinct documents and ``sources`` the
number of distinct publishing sources behind a relationship, where a sentence repeated
word for word (a wire story reprinted by several outlets) counts once, with the first
document that carried it (earliest date, then document id). A document whose outlet is
unknown counts as a source of its own: nothing says two unnamed documents share one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import KgError
from .store.graph_model import EVIDENCE_LISTS


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence of a relationship ("" where a list had nothing)."""

    key: str
    doc: str
    sentence: str
    rule: str
    date: str
    attributed_to: str
    outlet: str


_FIELDS = {"evidence_keys": "key", "docs": "doc", "sentences": "sentence", "rules": "rule",
           "dates": "date", "attributed_to": "attributed_to", "outlets": "outlet"}
assert set(_FIELDS) == set(EVIDENCE_LISTS)


def items(props: Mapping[str, Any]) -> list[Evidence]:
    """The evidence of a relationship's properties (lists shorter than the keys are padded,
    as in graphs saved before a list existed)."""
    keys = list(props.get("evidence_keys") or [])
    cols = {}
    for name, attr in _FIELDS.items():
        values = list(props.get(name) or [])
        cols[attr] = [(values[i] if i < len(values) and values[i] is not None else "")
                      for i in range(len(keys))]
    return [Evidence(**{attr: cols[attr][i] for attr in cols}) for i in range(len(keys))]


def lists(evidence: Iterable[Evidence]) -> dict[str, list[str]]:
    """The parallel lists of ``evidence`` (inverse of :func:`items`)."""
    ev = list(evidence)
    return {name: [getattr(e, attr) for e in ev] for name, attr in _FIELDS.items()}


# -- time ----------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(KgError, ValueError):
    """A date option that is not YYYY, YYYY-MM or YYYY-MM-DD."""


def period(date: str) -> tuple[str, str] | None:
    """The first and last day an ISO date of any precision stands for, or None."""
    m = _ISO.match((date or "").strip()[:10])
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def parse_bound(text: str, *, end: bool = False) -> str:
    """A window bound from the command line; a partial date means its first day (or its
    last day when it closes the window): ``--as-of 2019`` is "as of 31 December 2019"."""
    p = period(str(text))
    if p is None:
        raise DateError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return p[1] if end else p[0]


@dataclass(frozen=True)
class Window:
    """Days ``start``..``end`` inclusive (ISO, either open when None)."""

    start: str | None = None
    end: str | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise DateError(f"the window starts ({self.start}) after it ends ({self.end})")

    def contains(self, date: str) -> bool:
        """True when ``date``'s period overlaps the window; undated is never inside."""
        p = period(date)
        if p is None:
            return False
        first, last = p
        return (self.start is None or last >= self.start) and (self.end is None or
                                                               first <= self.end)

    def describe(self) -> str:
        if self.start and self.end:
            return f"between {self.start} and {self.end}"
        if self.end:
            return f"as of {self.end}"
        if self.start:
            return f"since {self.start}"
        return "at any time"


def in_window(evidence: Iterable[Evidence], window: Window) -> tuple[list[Evidence], bool]:
    """The evidence a relationship keeps in ``window``, and whether it is undated.

    Dated evidence is kept when its date is inside the window. A relationship with no
    dated evidence at all cannot be placed in time: it keeps all its evidence and is
    marked undated (True). A relationship with dated evidence keeps only the dated
    items inside the window; its undated items go, since nothing puts them inside.
    """
    ev = list(evidence)
    if not any(period(e.date) for e in ev):
        return ev, True
    return [e for e in ev if window.contains(e.date)], False


def date_span(evidence: Iterable[Evidence]) -> tuple[str | None, str | None]:
    """``first_date``/``last_date`` over the dated evidence (as the loaders compute it)."""
    dates = [e.date for e in evidence if e.date]
    return (min(dates), max(dates)) if dates else (None, None)


# -- corroboration -------------------------------------------------------------------

def wire_key(sentence: str) -> str:
    """What two reprints of one sentence share: its words, lower-cased, in order."""
    return " ".join(re.findall(r"\w+", sentence.lower()))


def document_of(doc_id: str) -> str:
    """The document a piece of evidence belongs to: parts of a long article are one."""
    return re.sub(r"#part-\d+$", "", doc_id)


def independent(evidence: Iterable[Evidence]) -> list[Evidence]:
    """The evidence left when each repeated sentence counts once (first printing kept)."""
    seen: set[str] = set()
    out = []
    for e in sorted(evidence, key=lambda e: (e.date or "9999", document_of(e.doc), e.key)):
        k = wire_key(e.sentence) or e.key
        if k in seen:
            continue
        seen.add(k)
        out.append(e)
    return out


def corroboration(evidence: Iterable[Evidence]) -> dict[str, int]:
    """``documents`` and ``sources`` behind a relationship (see the module docstring)."""
    kept = independent(evidence)
    docs = {document_of(e.doc) for e in kept}
    sources = {("outlet", e.outlet.strip().casefold()) if e.outlet.strip()
               else ("document", document_of(e.doc)) for e in kept}
    return {"documents": len(docs), "sources": len(sources)}


def graph_in_window(g, window: Window | None, min_sources: int = 0):
    """A copy of the MultiDiGraph ``g`` as :func:`in_window` and ``min_sources`` see it:
    what ``kg balance --as-of`` computes the signed view from."""
    import networkx as nx

    out = nx.MultiDiGraph()
    out.add_nodes_from(g.nodes(data=True))
    for u, v, k, data in g.edges(keys=True, data=True):
        evidence = items(data)
        kept = in_window(evidence, window)[0] if window is not None else evidence
        if not kept or corroboration(kept)["sources"] < min_sources:
            continue
        first, last = date_span(kept)
        attrs = {**data, **lists(kept), **corroboration(kept), "mentions": len(kept)}
        attrs.pop("first_date", None)
        attrs.pop("last_date", None)
        if first:
            attrs.update(first_date=first, last_date=last)
        out.add_edge(u, v, key=k, **attrs)
    return out
