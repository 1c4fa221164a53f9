"""What changed: relations that appeared, disappeared or changed sign, with the sentences.

Two ways to ask, one answer shape (:class:`Change`):

* :func:`diff_graphs` compares two graphs (an older build and a newer one): a relation
  *appeared* when only the new graph has it, *disappeared* when only the old one does.
* :func:`diff_since` splits one graph's evidence at a date: *before* is the evidence dated
  before it, *after* the evidence dated on or after it (a partial date belongs to the
  side of its first day: "2020" is after 2020-01-01 and before 2020-06-01). A relation
  appeared when it is only stated after, and disappeared when it is only stated before
  ("only stated in older evidence"). Undated evidence is on neither side.

In both, a pair of actors *changed sign* when its signed link (:mod:`kg.signed`: the
majority of friendly against hostile mentions) is + on one side and − on the other,
allied → hostile or hostile → allied. Every change carries the evidence of each side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from . import evidence as ev
from .signed import Link, signed_links

APPEARED, DISAPPEARED, SIGN = "appeared", "disappeared", "changed sign"


@dataclass
class Change:
    """One change; ``relation`` is the relation type, or "+ → −" for a sign change."""

    change: str
    subject: str
    relation: str
    object: str
    before: list[dict[str, str]] = field(default_factory=list)
    after: list[dict[str, str]] = field(default_factory=list)

    def to_row(self, sentences: int | None = None) -> dict[str, Any]:
        cut = (lambda xs: xs) if sentences is None else (lambda xs: xs[:sentences])
        return {"change": self.change, "subject": self.subject, "relation": self.relation,
                "object": self.object, "before": cut(self.before), "after": cut(self.after)}


def _evidence_rows(items: list[ev.Evidence], subject: str = "", relation: str = "",
                   obj: str = "") -> list[dict[str, str]]:
    rows = []
    for e in sorted(items, key=lambda e: (e.date or "9999", e.doc, e.key)):
        row = {"date": e.date, "doc": e.doc, "sentence": e.sentence}
        if relation:
            row = {"subject": subject, "relation": relation, "object": obj, **row}
        rows.append(row)
    return rows


def _relations(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[ev.Evidence]]:
    return {(u, data["type"], v): ev.items(data) for u, v, data in g.edges(data=True)
            if not data.get("negated")}


def _link_evidence(link: Link) -> list[dict[str, str]]:
    out = []
    for s, rel, o, items in link.relations:
        out.extend(_evidence_rows(items, s, rel, o))
    return out


def _mark(sign: int) -> str:
    return "+" if sign > 0 else "−"


def _compare(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> list[Change]:
    before, after = _relations(old), _relations(new)
    changes = []
    for key in sorted(set(after) - set(before)):
        if after[key]:
            changes.append(Change(APPEARED, key[0], key[1], key[2], [],
                                  _evidence_rows(after[key])))
    for key in sorted(set(before) - set(after)):
        if before[key]:
            changes.append(Change(DISAPPEARED, key[0], key[1], key[2],
                                  _evidence_rows(before[key]), []))
    old_links, new_links = signed_links(old), signed_links(new)
    for pair in sorted(set(old_links) & set(new_links)):
        a, b = old_links[pair], new_links[pair]
        if a.sign and b.sign and a.sign != b.sign:
            changes.append(Change(SIGN, pair[0], f"{_mark(a.sign)} → {_mark(b.sign)}", pair[1],
                                  _link_evidence(a), _link_evidence(b)))
    order = {APPEARED: 0, DISAPPEARED: 1, SIGN: 2}
    changes.sort(key=lambda c: (order[c.change], c.subject, c.relation, c.object))
    return changes


def diff_graphs(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> list[Change]:
    """Relations only in ``new`` (appeared), only in ``old`` (disappeared), sign changes."""
    return _compare(old, new)


def diff_since(g: nx.MultiDiGraph, date: str) -> list[Change]:
    """``g``'s evidence dated before ``date`` against the evidence dated on or after it."""
    start = ev.parse_bound(date)
    return _compare(_dated_side(g, lambda d: d < start), _dated_side(g, lambda d: d >= start))


def _dated_side(g: nx.MultiDiGraph, keep) -> nx.MultiDiGraph:
    """A copy of ``g`` holding only the evidence whose first day passes ``keep``."""
    out = nx.MultiDiGraph()
    out.add_nodes_from(g.nodes(data=True))
    for u, v, k, data in g.edges(keys=True, data=True):
        kept = [e for e in ev.items(data) if ev.period(e.date) and keep(ev.period(e.date)[0])]
        if kept:
            out.add_edge(u, v, key=k, **{**data, **ev.lists(kept), "mentions": len(kept)})
    return out
