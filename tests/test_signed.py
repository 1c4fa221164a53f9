"""Signed view, balance and camps on small graphs whose answers were worked out by hand."""

from __future__ import annotations

import itertools
import random

import pytest

from kg.model import Triple
from kg.signed import EXACT_LIMIT, camps, frustration, partition, unbalanced_triangles
from kg.store import NetworkXStore


def graph(*facts, negated=()):
    """A kg graph from (subject, relation, object[, mentions]) facts."""
    triples = []
    for n, fact in enumerate(facts):
        s, r, o, *rest = fact
        for m in range(rest[0] if rest else 1):
            text = f"Fact {n}.{m}: {s} {r} {o}."
            triples.append(Triple(s, "STATE", r, o, "STATE", f"doc{n}.txt", text, 100 * m,
                                  100 * m + len(text), "t", 0.8, negated=(n in negated),
                                  date="2020-01-01"))
    store = NetworkXStore("/nonexistent/signed.json")
    store.load(triples, include_negated=True)
    return store.graph


def test_a_balanced_graph_splits_with_no_frustration():
    g = graph(("A", "ALLIED_WITH", "B"), ("C", "BACKS", "D"), ("A", "ATTACKS", "C"),
              ("B", "OPPOSES", "D"), ("D", "ATTACKS", "A"))
    result = camps(g)
    assert result.frustration == 0 and result.exact
    assert {frozenset(result.members("1A")), frozenset(result.members("1B"))} == {
        frozenset("AB"), frozenset("CD")}
    assert unbalanced_triangles(g) == []


def test_allies_of_one_actor_fighting_each_other_is_an_unbalanced_triangle():
    # A is allied with B and C, B attacks C: product + · + · − = −
    g = graph(("A", "ALLIED_WITH", "B", 2), ("A", "ALLIED_WITH", "C", 2), ("B", "ATTACKS", "C"))
    [tri] = unbalanced_triangles(g)
    assert tri.actors == ("A", "B", "C")
    row = tri.to_row()
    assert row["b_c"].startswith("−") and row["a_b"].startswith("+")
    assert {e["sentence"] for e in row["evidence"]} >= {"Fact 2.0: B ATTACKS C."}
    # cheapest: everybody in one camp, contradicting the single attack (1 vote),
    # not splitting A from two allies (2 + 2 votes) or B from A (2 votes)
    result = camps(g)
    assert result.frustration == 1
    assert result.members("1A") == ["A", "B", "C"]


def test_enemy_of_my_enemy_is_balanced_and_three_enemies_are_not():
    assert unbalanced_triangles(graph(("A", "ATTACKS", "B"), ("B", "OPPOSES", "C"),
                                      ("A", "BACKS", "C"))) == []
    g = graph(("A", "ATTACKS", "B", 3), ("A", "OPPOSES", "C", 2), ("B", "ATTACKS", "C"))
    assert len(unbalanced_triangles(g)) == 1
    # two of three must share a camp: the pair with the fewest hostile votes (B, C)
    result = camps(g)
    assert result.frustration == 1
    assert result.camp["B"] == result.camp["C"] != result.camp["A"]


def test_contested_and_negated_links_do_not_count():
    # B–C has one + and one − vote: contested, so the triangle is not judged
    g = graph(("A", "ALLIED_WITH", "B"), ("A", "ALLIED_WITH", "C"), ("B", "ATTACKS", "C"),
              ("B", "BACKS", "C"))
    assert unbalanced_triangles(g) == []
    g = graph(("A", "ALLIED_WITH", "B"), ("A", "ALLIED_WITH", "C"), ("B", "ATTACKS", "C"),
              negated={2})
    assert unbalanced_triangles(g) == []
    assert camps(g).frustration == 0


def test_unsigned_relations_are_not_in_the_signed_view():
    g = graph(("A", "OPERATES", "B"), ("A", "LEADS", "C"))
    assert camps(g).camp == {}


def test_separate_parts_are_numbered_largest_first_and_side_a_is_the_strongest_actor():
    g = graph(("X", "ATTACKS", "Y"), ("A", "BACKS", "B", 3), ("B", "ATTACKS", "C"),
              ("C", "ALLIED_WITH", "D"))
    result = camps(g)
    assert result.camp["B"] == "1A" and result.camp["A"] == "1A"
    assert result.camp["C"] == result.camp["D"] == "1B"
    assert {result.camp["X"], result.camp["Y"]} == {"2A", "2B"}


def _brute_force(weights):
    nodes = sorted({n for pair in weights for n in pair})
    best = None
    for bits in itertools.product((0, 1), repeat=len(nodes)):
        cost = frustration(weights, dict(zip(nodes, bits, strict=True)))
        best = cost if best is None else min(best, cost)
    return best


def _random_weights(rng, n, p):
    names = [f"n{i:02d}" for i in range(n)]
    weights = {}
    for a, b in itertools.combinations(names, 2):
        if rng.random() < p:
            weights[(a, b)] = (rng.randint(0, 3), rng.randint(0, 3))
    return weights


@pytest.mark.parametrize("seed", range(6))
def test_exact_search_finds_the_brute_force_optimum(seed):
    rng = random.Random(seed)
    weights = _random_weights(rng, 9, 0.5)
    result = partition(weights)
    assert result.exact
    assert result.frustration == _brute_force(weights)
    side = {n: c[-1] for n, c in result.camp.items()}
    assert frustration(weights, side) == result.frustration


def test_local_search_recovers_a_planted_split_of_a_large_part():
    rng = random.Random(7)
    names = [f"n{i:02d}" for i in range(3 * EXACT_LIMIT)]
    truth = {n: rng.randint(0, 1) for n in names}
    weights = {}
    for a, b in itertools.combinations(names, 2):
        if rng.random() < 0.3:
            weights[(a, b)] = (2, 0) if truth[a] == truth[b] else (0, 2)
    result = partition(weights)
    assert not result.exact and result.frustration == 0
    side = {n: c[-1] for n, c in result.camp.items()}
    assert all((side[a] == side[b]) == (truth[a] == truth[b]) for a, b in weights)


def test_local_search_is_never_better_than_exact_and_usually_equal():
    rng = random.Random(3)
    equal = 0
    for _ in range(8):
        weights = _random_weights(rng, 12, 0.4)
        exact = partition(weights).frustration
        heuristic = partition(weights, exact_limit=0).frustration
        assert heuristic >= exact
        equal += heuristic == exact
    assert equal >= 6


def test_trees_off_the_core_are_placed_exactly_whatever_their_size():
    rng = random.Random(11)
    weights = {("a", "b"): (0, 2), ("b", "c"): (0, 1), ("a", "c"): (0, 3)}  # odd − cycle
    names = ["a", "b", "c"]
    for i in range(30):  # a random tree hanging off the triangle
        child = f"t{i:02d}"
        weights[(rng.choice(names), child)] = rng.choice([(2, 0), (0, 1), (1, 1), (0, 3)])
        names.append(child)
    contested = sum(1 for w in weights.values() if w == (1, 1))  # cost 1 either way
    result = partition(weights, exact_limit=3)
    # only the cheapest triangle link, plus one vote per contested tree link
    assert result.exact and result.frustration == 1 + contested
    assert result.frustration == _brute_force_small(weights, result)


def _brute_force_small(weights, result):
    side = {n: c[-1] for n, c in result.camp.items()}
    return frustration(weights, side)


def test_the_camps_of_a_large_part_do_not_depend_on_the_order_edges_were_loaded():
    rng = random.Random(5)
    weights = _random_weights(rng, 3 * EXACT_LIMIT, 0.2)
    items = list(weights.items())
    first = partition(dict(items))
    rng.shuffle(items)
    second = partition(dict(items))
    assert not first.exact
    assert (first.camp, first.frustration) == (second.camp, second.frustration)
