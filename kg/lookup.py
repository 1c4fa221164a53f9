"""Finding entities in a graph: names given at query time, search, and one actor's profile.

Extraction resolves the many ways a text names an actor to one canonical name; an analyst
typing a question writes names the same many ways ("hezbollah", "US", "Kata'ib Hezbollah",
a trailing space). :func:`resolve_in_graph` puts a typed name through the same resolution
as extraction (:func:`kg.resolve.canonical_name`: aliases, demonyms, spelling, case,
fuzzy), but against the names that are *in the graph*, so a name the graph has under
another spelling is found, and a name it lacks is reported instead of answering
"(no rows)". The order of tries:

1. the name as given (surrounding spaces dropped), then spelling-insensitively
   (:func:`kg.gazetteer.norm_key`) against the graph's names;
2. the gazetteer's canonical name for it, when the graph holds that name;
3. nothing: :class:`kg.errors.NameNotInGraph` with the closest graph names
   (rapidfuzz) as suggestions. Near misses are *suggested*, never silently taken: a
   question about "Hezbollah" must not quietly answer for "Kataib Hezbollah".

Which parameters are names is read from the statement itself (:func:`name_parameters`):
those compared with a ``name`` property (``{name: $x}``, ``n.name = $x``), the same rule
for saved queries and ad-hoc Cypher, so a date or a threshold is never "resolved".

Everything here reads the graph as a MultiDiGraph (``store.to_networkx()``), so it works
unchanged on both backends.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx
from rapidfuzz import fuzz, process

from .errors import NameNotInGraph
from .gazetteer import norm_key

SUGGEST_CUTOFF = 60.0  # WRatio below this is no suggestion worth printing
SUGGESTIONS = 3

_NAME_PARAM = re.compile(
    r"\{[^}]*?\bname\s*:\s*\$(\w+)"            # (x {name: $p}) and {type: …, name: $p}
    r"|\.name\s*=\s*\$(\w+)"                    # x.name = $p
    r"|\$(\w+)\s*=\s*\w+\.name\b")              # $p = x.name


def name_parameters(cypher: str) -> list[str]:
    """The ``$parameters`` a statement compares with an entity's ``name``, in order."""
    from .query import _code_only

    found: list[str] = []
    for m in _NAME_PARAM.finditer(_code_only(cypher)):
        p = next(g for g in m.groups() if g)
        if p not in found:
            found.append(p)
    return found


@dataclass(frozen=True)
class Resolution:
    """How a typed name became a graph name: ``how`` is exact, spelling or alias."""

    given: str
    name: str
    how: str

    @property
    def changed(self) -> bool:
        return self.given != self.name


class NameIndex:
    """The names of one graph, ready for resolution (build once per command)."""

    def __init__(self, names: Mapping[str, str]):
        self.types = dict(names)  # name → entity type
        self.by_key: dict[str, list[str]] = defaultdict(list)
        for n in self.types:
            self.by_key[norm_key(n)].append(n)
        self._choices = list(self.types)

    @classmethod
    def of_graph(cls, g: nx.MultiDiGraph) -> NameIndex:
        return cls({n: d.get("type", "") for n, d in g.nodes(data=True)})

    @classmethod
    def of_store(cls, store) -> NameIndex:
        """The names of a :class:`kg.store.Store` (on Neo4j one query, not the whole graph)."""
        if store.backend == "networkx":
            return cls.of_graph(store.to_networkx(evidence=False))
        rows = store.query("MATCH (n:Entity) RETURN n.name AS name, n.type AS type")
        return cls({r["name"]: r["type"] or "" for r in rows})

    def __contains__(self, name: str) -> bool:
        return name in self.types

    def suggest(self, text: str, limit: int = SUGGESTIONS) -> list[str]:
        """Graph names closest to ``text``, best first."""
        if not self._choices:
            return []
        hits = process.extract(text, self._choices, scorer=fuzz.WRatio, limit=limit,
                               score_cutoff=SUGGEST_CUTOFF, processor=norm_key)
        return [self._choices[i] for _, _, i in hits]


def resolve_in_graph(text: str, index: NameIndex) -> Resolution:
    """The graph name ``text`` stands for; :class:`NameNotInGraph` when there is none."""
    from .resolve import canonical_name

    given = text
    t = re.sub(r"\s+", " ", str(text)).strip()
    if t in index:
        return Resolution(given, t, "exact")
    same = index.by_key.get(norm_key(t), []) if t else []
    if len(same) == 1:
        return Resolution(given, same[0], "spelling")
    hit = canonical_name(t) if t else None
    if hit is not None and hit[0] in index:
        return Resolution(given, hit[0], "alias")
    if hit is not None and (same := index.by_key.get(norm_key(hit[0]), [])) and len(same) == 1:
        return Resolution(given, same[0], "alias")
    suggestions = index.suggest(t) if t else []
    if hit is not None and hit[0] not in suggestions:
        known = f" (kg knows it as {hit[0]}, who is in no relation of this graph)"
    else:
        known = ""
    hint = f"; did you mean {_or_list(suggestions)}?" if suggestions else \
        "; `kg entities` lists the names it has"
    raise NameNotInGraph(f"{given!r} is not in the graph{known}{hint}", name=given,
                         suggestions=tuple(suggestions))


def _or_list(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]


def resolve_params(cypher: str, params: dict[str, Any], index: NameIndex
                   ) -> tuple[dict[str, Any], list[Resolution]]:
    """``params`` with every name parameter of ``cypher`` resolved against the graph.

    Only text values are resolved. All names are tried before failing, so one error
    names every missing actor.
    """
    out = dict(params)
    done: list[Resolution] = []
    missing: list[NameNotInGraph] = []
    for p in name_parameters(cypher):
        value = params.get(p)
        if not isinstance(value, str):
            continue
        try:
            r = resolve_in_graph(value, index)
        except NameNotInGraph as e:
            missing.append(e)
            continue
        out[p] = r.name
        done.append(r)
    if len(missing) == 1:
        raise missing[0]
    if missing:
        raise NameNotInGraph("; ".join(str(e) for e in missing), name=missing[0].name,
                             suggestions=missing[0].suggestions)
    return out, done


# -- entities and their profiles ------------------------------------------------------

@dataclass
class EntitySummary:
    """One row of ``kg entities``: who, what kind, how they were written, how much evidence."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    relations: int = 0
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if d["score"] is None:
            d.pop("score")
        return d


def _asserted_edges(g: nx.MultiDiGraph):
    for u, v, data in g.edges(data=True):
        if not data.get("negated"):
            yield u, v, data


def aliases_seen(name: str, sentences: Iterable[str]) -> list[str]:
    """The gazetteer's other ways of writing ``name`` that occur in ``sentences``."""
    from .resolve import gazetteer

    actor = gazetteer().actor(name)
    if actor is None:
        return []
    forms = {a for a in (*actor.aliases, *actor.demonyms, actor.capital) if a and a != name}
    text = "\n".join(sentences)
    seen = [f for f in forms if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)]
    return sorted(seen, key=lambda f: (-text.count(f), f))


def list_entities(g: nx.MultiDiGraph, search: str | None = None, *,
                  entity_type: str | None = None, limit: int | None = None
                  ) -> list[EntitySummary]:
    """Entities of the graph, most-mentioned first; with ``search``, best match first.

    ``mentions`` counts the evidence sentences of the entity's asserted relationships,
    ``relations`` the relationships themselves; ``aliases`` are the gazetteer forms of the
    name that occur in that evidence.
    """
    mentions: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    sentences: dict[str, list[str]] = defaultdict(list)
    for u, v, data in _asserted_edges(g):
        for n in (u, v):
            mentions[n] += int(data.get("mentions", 0))
            relations[n] += 1
            sentences[n].extend(data.get("sentences", []))
    rows = []
    for n, data in g.nodes(data=True):
        if entity_type and data.get("type") != entity_type.upper():
            continue
        rows.append(EntitySummary(n, data.get("type", ""), aliases_seen(n, sentences[n]),
                                  mentions[n], relations[n]))
    if search is not None and search.strip():
        rows = _ranked(rows, search)
    else:
        rows.sort(key=lambda r: (-r.mentions, r.name))
    return rows[:limit] if limit else rows


def _ranked(rows: list[EntitySummary], search: str) -> list[EntitySummary]:
    """Rows matching ``search``, best first: the resolved name, then fuzzy over names and
    aliases."""
    from .resolve import canonical_name

    hit = canonical_name(search)
    key = norm_key(search)
    for r in rows:
        forms = [r.name, *r.aliases]
        best = max(fuzz.WRatio(key, norm_key(f)) for f in forms)
        if key and any(key in norm_key(f) for f in forms):
            best = max(best, 90.0)
        if key and any(norm_key(f).startswith(key) for f in forms):
            best = max(best, 95.0)
        if hit is not None and hit[0] == r.name or key == norm_key(r.name):
            best = 100.0
        r.score = round(best, 1)
    kept = [r for r in rows if r.score >= SUGGEST_CUTOFF]
    kept.sort(key=lambda r: (-r.score, -r.mentions, r.name))
    return kept


@dataclass
class RelationGroup:
    """One relation of an actor's profile, in one direction, with its counterparts."""

    relation: str
    direction: str  # "out": NAME → other; "in": other → NAME
    others: list[dict[str, Any]] = field(default_factory=list)  # name, type, mentions, …


def entity_profile(g: nx.MultiDiGraph, name: str) -> dict[str, Any]:
    """One actor: its type, aliases, counts and relations grouped by type, with evidence
    counts, the date range and the documents behind each relation."""
    if name not in g:
        raise NameNotInGraph(f"{name!r} is not in the graph", name=name)
    groups: dict[tuple[str, str], RelationGroup] = {}
    sentences: list[str] = []
    touching = [*g.out_edges(name, data=True), *g.in_edges(name, data=True)]
    for u, v, data in touching:
        if data.get("negated"):
            continue
        direction, other = ("out", v) if u == name else ("in", u)
        key = (data["type"], direction)
        group = groups.setdefault(key, RelationGroup(data["type"], direction))
        group.others.append({
            "name": other, "type": g.nodes[other].get("type", ""),
            "mentions": int(data.get("mentions", 0)),
            "first_date": data.get("first_date"), "last_date": data.get("last_date"),
            "documents": sorted({d for d in data.get("docs", [])}),
        })
        sentences.extend(data.get("sentences", []))
    for group in groups.values():
        group.others.sort(key=lambda o: (-o["mentions"], o["name"]))
    ordered = sorted(groups.values(), key=lambda gr: (
        -sum(o["mentions"] for o in gr.others), gr.relation, gr.direction))
    return {
        "name": name,
        "type": g.nodes[name].get("type", ""),
        "aliases": aliases_seen(name, sentences),
        "mentions": sum(o["mentions"] for gr in ordered for o in gr.others),
        "relations": [asdict(gr) for gr in ordered],
    }
