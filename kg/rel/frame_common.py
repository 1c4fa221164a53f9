"""What every argument-linking frame shares: the confidence scale and the word classes
the frames test tokens against.

Kept apart from the frames themselves so the bridging and structural passes can use them
without importing the frames. (What the frames find is in :mod:`.findings`.)
"""

from __future__ import annotations

from typing import Any

from .. import ontology
from ..wordlists import words

_W = words("frames")  # the word lists named below live in kg/data/words/frames.json

# Confidence by kind of evidence; see kg/components/relations.py for the documented scale.
CONF = {"dep": 0.9, "token_tight": 0.8, "token": 0.7, "heuristic": 0.6, "bridge": 0.5}
QUOTES = _W["quotes"]
# words after which a cue is a noun, never a finite verb ("the strikes", "their attacks")
DETERMINERS = _W["determiners"]
# prepositions that make a mention a place, not an actor ("troops in Syria supporting X")
LOCATIVE = _W["locative"]
# words that open a subordinate clause (never prepositions like "since 2016")
SUBORDINATORS = _W["subordinators"]
# participles after which the mention still belongs to the target ("a convoy carrying IRGC
# officers", "depots belonging to X"): scan_right does not stop at them
# "A and B, both Iran-backed groups": a plural apposition describes every item of the list
PLURAL_DETERMINERS = _W["plural_determiners"]
APPOSITION_DETERMINERS = _W["articles"] | PLURAL_DETERMINERS
COMPOUND_PARTICIPLES = _W["compound_participles"]
# cue words that name a base ("a base in Tartus", "its naval facility in Tartus" → the
# Tartus base); "facilities in X" may be any site, so it names no base
SYNTH_BASE_WORDS = _W["synth_base_words"]
# names of alliances: "its NATO ally" is a NATO member, not NATO
ALLIANCE_WORDS = _W["alliance_words"]
PLACE_TYPES = frozenset({"FACILITY", "LOCATION", "STATE"})
# the ontology's places (its "Place" label): FACILITY, LOCATION
PLACE_ENTITY_TYPES = frozenset(t for t in ontology.entity_types()
                                if "Place" in ontology.labels_for(t))
HOLDING = _W["holding"]


_ROLE_WORDS: dict[int, tuple[dict[str, Any], frozenset[str]]] = {}


def role_words(L: dict[str, Any]) -> frozenset[str]:
    """Every word of the ``head_roles`` and ``member_roles`` lists, computed once per
    word-list object (it used to be rebuilt for every Doc, a large part of the cost of a
    short one)."""
    hit = _ROLE_WORDS.get(id(L))
    if hit is None or hit[0] is not L:
        hit = (L, frozenset(w for r in (L["head_roles"] | L["member_roles"]) for w in r.split()))
        _ROLE_WORDS[id(L)] = hit
    return hit[1]


_WORD_SETS: dict[int, tuple[dict[str, Any], tuple[frozenset[str], ...]]] = {}


def word_sets(L: dict[str, Any]) -> tuple[frozenset[str], ...]:
    """The view's skippable words, title words and the words that stop ``clause_helpers.noun_use``'s
    walk, built once per word-list object (set unions per Doc, or per cue, were a visible
    part of the cost)."""
    hit = _WORD_SETS.get(id(L))
    if hit is None or hit[0] is not L:
        hit = (L, (L["light_nouns"] | L["direction_adjectives"],
                   L["honorifics"] | role_words(L) | {"former"},
                   L["prepositions"] | L["aux"] | L["clause_aux"] | L["relative_pronouns"]
                   | {"and", "or", "but", "to", "not", "never"}))
        _WORD_SETS[id(L)] = hit
    return hit[1]
