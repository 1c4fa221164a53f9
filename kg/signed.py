"""The alliance structure as a signed graph: balance, and the two camps it falls into.

The signed view has one undirected link per pair of actors (places are left out).
Friendly relations (BACKS, ALLIED_WITH, NEGOTIATES_WITH) vote + and hostile ones
(OPPOSES, ATTACKS) vote −, one vote per mention, in either direction; negated relations
do not vote. A link's sign is the majority of its votes; a pair with as many + as −
votes is *contested* and has sign 0.

**Balance** (structural balance theory, Heider; Cartwright and Harary): a triangle is
balanced when the product of its three signs is +, "the friend of my friend is my
friend" or "the enemy of my enemy is my friend". An unbalanced triangle, such as "A is
allied with B and C, but B attacks C", is where the structure strains;
:func:`unbalanced_triangles` lists them with the evidence of each side. Contested links
are left out.

**Camps**: a partition of each connected part of the signed view into two factions that
minimises the *frustration*, the number of votes it contradicts (+ votes across the two
camps, − votes inside one). That is the frustration index of signed-graph theory; it is
NP-hard in general, so :func:`camps` first sets aside the trees that hang off each
part's 2-core (each can agree with its one link), solves cores of up to
:data:`EXACT_LIMIT` actors exactly (Gray-code enumeration, one flip per step) and larger
cores by local search
(single-actor moves from a spanning-tree start and from seeded random starts; the best of
them, which is optimal on the hand-checked graphs in the tests but not guaranteed).
networkx has no signed-graph functions, hence this module.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from . import evidence as ev
from . import ontology

POSITIVE = ("BACKS", "ALLIED_WITH", "NEGOTIATES_WITH")
NEGATIVE = ("OPPOSES", "ATTACKS")
EXACT_LIMIT = 16
RESTARTS = 12


@dataclass
class Link:
    """The signed link between two actors ``a`` < ``b``, with the relations behind it."""

    a: str
    b: str
    positive: int = 0
    negative: int = 0
    relations: list[tuple[str, str, str, list[ev.Evidence]]] = field(default_factory=list)

    @property
    def sign(self) -> int:
        return (self.positive > self.negative) - (self.positive < self.negative)

    def summary(self) -> str:
        """"+ BACKS(2), ALLIED_WITH(1)" — the sign and each relation with its mentions."""
        mark = {1: "+", -1: "−", 0: "±"}[self.sign]
        parts = [f"{s}→{o} {rel}({len(items)})" if rel not in ("ALLIED_WITH",
                                                                "NEGOTIATES_WITH")
                 else f"{rel}({len(items)})" for s, rel, o, items in self.relations]
        return f"{mark} " + ", ".join(parts)


def is_actor(g: nx.MultiDiGraph, node: str) -> bool:
    """Actors (states, organizations, people, groups) take sides; places do not."""
    data = g.nodes[node]
    labels = data.get("__labels__") or set(ontology.labels_for(data.get("type") or "GROUP"))
    return "Actor" in labels


def signed_links(g: nx.MultiDiGraph) -> dict[tuple[str, str], Link]:
    """The signed view of a kg graph: one :class:`Link` per pair of actors with a signed
    relation (an attack on a base is left out: a place is not a side)."""
    links: dict[tuple[str, str], Link] = {}
    for u, v, data in g.edges(data=True):
        rel = data.get("type")
        if data.get("negated") or u == v or rel not in POSITIVE + NEGATIVE:
            continue
        if not (is_actor(g, u) and is_actor(g, v)):
            continue
        a, b = sorted((u, v))
        link = links.get((a, b))
        if link is None:
            link = links[(a, b)] = Link(a, b)
        items = ev.items(data)
        weight = len(items) or int(data.get("mentions") or 0)
        if rel in POSITIVE:
            link.positive += weight
        else:
            link.negative += weight
        link.relations.append((u, rel, v, items))
    for link in links.values():
        link.relations.sort(key=lambda r: (r[1], r[0], r[2]))
    return links


def signed_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """The signed view as an undirected graph: ``sign``, ``positive``, ``negative`` on links."""
    s = nx.Graph()
    for (a, b), link in signed_links(g).items():
        s.add_edge(a, b, sign=link.sign, positive=link.positive, negative=link.negative,
                   link=link)
    return s


# -- balance -------------------------------------------------------------------------

@dataclass
class Triangle:
    """Three actors joined by three signed links; unbalanced when the signs multiply to −."""

    actors: tuple[str, str, str]
    links: tuple[Link, Link, Link]

    @property
    def balanced(self) -> bool:
        ab, ac, bc = (link.sign for link in self.links)
        return ab * ac * bc > 0

    def to_row(self, sentences: int = 1) -> dict:
        a, b, c = self.actors
        ab, ac, bc = self.links
        evidence = []
        for link in self.links:
            for s, rel, o, items in link.relations:
                for e in items[:sentences]:
                    evidence.append({"subject": s, "relation": rel, "object": o,
                                     "sentence": e.sentence, "doc": e.doc, "date": e.date})
        return {"a": a, "b": b, "c": c, "a_b": ab.summary(), "a_c": ac.summary(),
                "b_c": bc.summary(), "balanced": self.balanced, "evidence": evidence}


def unbalanced_triangles(g: nx.MultiDiGraph) -> list[Triangle]:
    """Every unbalanced triangle of the signed view, sorted by its actors' names."""
    return [t for t in triangles(g) if not t.balanced]


def triangles(g: nx.MultiDiGraph) -> list[Triangle]:
    """Every triangle of signed (not contested) links, balanced or not, sorted by name."""
    s = signed_graph(g)
    out = []
    for a in sorted(s):
        for b in sorted(n for n in s[a] if n > a):
            if s[a][b]["sign"] == 0:
                continue
            for c in sorted(n for n in s[a] if n > b and n in s[b]):
                signs = (s[a][b]["sign"], s[a][c]["sign"], s[b][c]["sign"])
                if 0 in signs:
                    continue
                out.append(Triangle((a, b, c), (s[a][b]["link"], s[a][c]["link"],
                                                s[b][c]["link"])))
    return out


# -- camps ---------------------------------------------------------------------------

@dataclass
class Camps:
    """A two-camp partition: ``camp`` maps each actor to "1A", "1B", "2A"… (part, side)."""

    camp: dict[str, str]
    frustration: int
    votes: int
    exact: bool

    def members(self, label: str) -> list[str]:
        return sorted(n for n, c in self.camp.items() if c == label)


def frustration(weights: dict[tuple[str, str], tuple[int, int]], side: dict[str, int]) -> int:
    """Votes a partition contradicts: + votes across camps, − votes inside one."""
    total = 0
    for (a, b), (pos, neg) in weights.items():
        total += pos if side[a] != side[b] else neg
    return total


def camps(g: nx.MultiDiGraph, *, exact_limit: int = EXACT_LIMIT, seed: int = 0) -> Camps:
    """Two camps per connected part of the signed view, minimising frustration.

    Parts are numbered by size (largest first, then by first name); in each, side "A" is
    the camp of the actor with the most signed mentions (ties by name).
    """
    links = signed_links(g)
    return partition({k: (v.positive, v.negative) for k, v in links.items()},
                     exact_limit=exact_limit, seed=seed)


def partition(weights: dict[tuple[str, str], tuple[int, int]], *,
              exact_limit: int = EXACT_LIMIT, seed: int = 0) -> Camps:
    """:func:`camps` over plain ``{(a, b): (positive votes, negative votes)}``."""
    h = nx.Graph()  # built in sorted order, so the search never depends on load order
    for (a, b), (pos, neg) in sorted(weights.items()):
        if pos or neg:
            h.add_edge(a, b, pos=pos, neg=neg)
    parts = sorted((sorted(c) for c in nx.connected_components(h)),
                   key=lambda c: (-len(c), c[0]))
    labels: dict[str, str] = {}
    total, votes, exact = 0, 0, True
    for number, nodes in enumerate(parts, 1):
        sub = h.subgraph(nodes).copy()  # plain graphs: views are slow to walk
        # Trees hanging off the 2-core can always agree with their one link to it, so
        # only the core is searched; the rest follows its links (still optimal).
        core = sorted(nx.k_core(nx.Graph(sub), 2)) or nodes[:1]
        core_graph = sub.subgraph(core).copy()
        if len(core) <= exact_limit:
            side, cost = _exact(core_graph, core)
        else:
            side, cost = _local_search(core_graph, core, random.Random(seed))
            exact = False
        for a, b in nx.bfs_edges(sub, core[0]):
            if b not in side:
                d = sub[a][b]
                side[b] = side[a] if d["pos"] >= d["neg"] else 1 - side[a]
        cost = _cost(sub, side)
        total += cost
        votes += sum(d["pos"] + d["neg"] for _, _, d in sub.edges(data=True))
        strength = {n: sum(d["pos"] + d["neg"] for _, _, d in sub.edges(n, data=True))
                    for n in nodes}
        leader = min(nodes, key=lambda n: (-strength[n], n))
        for n in nodes:
            labels[n] = f"{number}{'A' if side[n] == side[leader] else 'B'}"
    return Camps(labels, total, votes, exact)


def _cost(h: nx.Graph, side: dict[str, int]) -> int:
    return sum(d["pos"] if side[a] != side[b] else d["neg"] for a, b, d in h.edges(data=True))


def _gain(h: nx.Graph, side: dict[str, int], n: str) -> int:
    """How much moving ``n`` to the other camp lowers the frustration."""
    gain = 0
    for m, d in h[n].items():
        if side[m] == side[n]:  # now together: − votes frustrated; apart after the move
            gain += d["neg"] - d["pos"]
        else:
            gain += d["pos"] - d["neg"]
    return gain


def _exact(h: nx.Graph, nodes: list[str]) -> tuple[dict[str, int], int]:
    """Every partition with ``nodes[0]`` in camp 0, in Gray-code order (one move a step)."""
    side = {n: 0 for n in nodes}
    cost = _cost(h, side)
    best, best_cost = dict(side), cost
    for step in range(1, 2 ** (len(nodes) - 1)):
        bit = (step & -step).bit_length()  # Gray code: flip the lowest set bit's node
        n = nodes[bit]
        cost -= _gain(h, side, n)
        side[n] ^= 1
        if cost < best_cost:
            best, best_cost = dict(side), cost
    return best, best_cost


def _local_search(h: nx.Graph, nodes: list[str],
                  rng: random.Random) -> tuple[dict[str, int], int]:
    starts = [_tree_start(h, nodes)]
    starts += [{n: rng.randint(0, 1) for n in nodes} for _ in range(RESTARTS)]
    best, best_cost = None, None
    for side in starts:
        _descend(h, nodes, side)
        cost = _cost(h, side)
        if best_cost is None or cost < best_cost:
            best, best_cost = side, cost
    assert best is not None and best_cost is not None
    return best, best_cost


def _tree_start(h: nx.Graph, nodes: Iterable[str]) -> dict[str, int]:
    """Camps that satisfy a maximum spanning tree of the strongest links."""
    t = nx.maximum_spanning_tree(
        nx.Graph((a, b, {"w": abs(d["pos"] - d["neg"])}) for a, b, d in h.edges(data=True)),
        weight="w")
    side: dict[str, int] = {}
    for root in nodes:
        if root in side:
            continue
        side[root] = 0
        for a, b in nx.bfs_edges(t, root):
            d = h[a][b]
            side[b] = side[a] if d["pos"] >= d["neg"] else 1 - side[a]
    return side


def _descend(h: nx.Graph, nodes: list[str], side: dict[str, int]) -> None:
    """Make the best single-actor move while one lowers the frustration.

    Gains are kept up to date as actors move: moving ``n`` turns each of its links from
    together to apart (or back), which negates that link's share of the neighbour's gain.
    """
    gains = {n: _gain(h, side, n) for n in nodes}
    while True:
        n = max(nodes, key=gains.__getitem__)  # first of the best in name order
        if gains[n] <= 0:
            return
        for m, d in h[n].items():
            share = d["neg"] - d["pos"] if side[m] == side[n] else d["pos"] - d["neg"]
            gains[m] -= 2 * share
        side[n] ^= 1
        gains[n] = -gains[n]
