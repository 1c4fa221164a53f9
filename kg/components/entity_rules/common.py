"""Shared pieces of the ``kg_entities`` rules: the word lists the unknown-actor rules test
tokens against (from ``kg/data/words/entities.json``), the confidence of each way of finding
an entity, the candidate record every rule emits, and memoised name resolution.

Kept in one place so every rule family (and the component) scores and resolves the same
way; the lists themselves are data, loaded through :func:`kg.resolve.vocab`.
"""

from __future__ import annotations

from ... import resolve
from ...gazetteer import NAME
from ...wordlists import words

_W = words("entities")  # the word lists named below live in kg/data/words/entities.json

_V = resolve.vocab()
# capitalised heads that make a name an organisation ("… Division", "… Front")
ORG_HEADS = _V["org_heads"]
# lower-case heads allowed right after a capitalised name ("Euphrates Shield coalition")
LOWER_ORG_HEADS = _V["lower_org_heads"]
NAME_INNER = _W["name_inner"]
PARTICLES = _W["particles"]
SECOND_IN_COMMAND = _W["second_in_command"]
# "the opposition leader X": a leader of a part, not of the state named before
NOT_LEADING_BEFORE = _W["not_leading_before"]
# "took over as", "served as": longest first, as word tuples
ROLE_ASSUMPTION = sorted((tuple(p.split()) for p in _W["role_assumption_phrases"]),
                         key=len, reverse=True)
OWNED_UNIT_NOUNS = _W["owned_unit_nouns"]
MEMBER_RANK_WORDS = _W["member_rank_words"]
MILITARY_RANKS = _W["military_ranks"]
STATE_BODY_HEADS = _W["state_body_heads"]
HEADS_OF_GOVERNMENT = _W["heads_of_government"]
ENVOY_ROLES = _W["envoy_roles"]
RULING_WORDS = _W["ruling_words"]
# "Information Minister X", "Minister of State for Foreign Affairs X": a portfolio is part
# of the title
PORTFOLIO_WORDS = _W["portfolio_words"]
PORTFOLIO_ROLES = _W["portfolio_roles"]
# words that are not names on their own but can be part of a unit's name
UNIT_NAME_WORDS = _W["unit_name_words"]
# capitalised words that are not names (months, pronouns, "First", "Read", …)
NOT_NAMES = _V["not_names"]
STOP_ACRONYMS = frozenset(w.upper() for w in _V["stop_acronyms"])
# lower-case role words that still introduce a name ("spokesman Dillon")
LOWER_CASE_ROLES_OK = _V["lower_case_roles_ok"]
SPEECH_VERBS = _V["speech_verbs"]
PLACE_TRIGGERS = _V["place_triggers"]
PLACE_OF_NOUNS = _V["place_of_nouns"]
DESCRIBED_PLACE_NOUNS = frozenset(_V["described_place_nouns"])
# natural features that make a capitalised name a place: "Second Thomas Shoal"
FEATURE_HEADS = frozenset(_V["feature_heads"])
# "Rakhine state", "Hiraan region": an unknown capitalised name before an administrative head
REGION_HEADS = frozenset(_V["region_heads"])
REGION_POSITION_WORDS = frozenset(_V["region_position_words"])
APPOINTMENT_VERBS = frozenset(_V["appointment_verbs"])
LEADER_PARTICIPLES = frozenset(_V["leader_participles"])
# verbs whose object is usually a place: "retook Kherson" (world-data places only)
PLACE_VERB_TRIGGERS = frozenset(_V["place_verb_triggers"])
# "young Syrian men", "Afghan fighters": people named by nationality are a GROUP
PEOPLE_NOUNS = _V["people_nouns"]
PEOPLE_ADJECTIVES = _V["people_adjectives"]
# "ethnic Serbs": a people, not the state
ETHNICITY_MARKERS = frozenset(_V["ethnicity_markers"])
# "Jeddah 1 rehabilitation centre", "Tiyas Air Base", "the Kuweires airbase": facilities
# named after a place or with a capitalised facility head
FACILITY_HEADS = frozenset(h.split()[-1] for h in _V["facility_heads"])
# "the A and B air bases" → "A air base", "B air base"
PLURAL_FACILITY_HEADS = {k: v[0] for k, v in _V.table("plural_facility_heads").items()}
FACILITY_MODIFIERS = _V["facility_modifiers"]
# "at Camp Humphreys": a facility named by its first word
FACILITY_PREFIXES = frozenset(_V["facility_prefixes"])
ANAPHOR_NOUNS = _V["anaphor_nouns"]
LED_HEADS = _W["led_heads"]
DESCRIPTOR_NOUNS = _W["descriptor_nouns"]
NUMBER_WORDS = _W["number_words"]
NATIONAL_BODIES = _W["national_bodies"]
DASHES = ("-", "\u2013")
# the trigger words of the scans below, as sets for TokenData.where (one vectorised lookup
# per Doc instead of a Python loop over every token)
PLACE_TRIGGERS_OF = frozenset(PLACE_TRIGGERS) | {"of"}
BACKED_OR_PRO = frozenset(resolve.BACKED_WORDS) | {"pro"}
ANY_ORG_HEADS = frozenset(ORG_HEADS) | frozenset(LOWER_ORG_HEADS)
GOVERNMENT_WORDS = _W["government_words"]
WHO_WORDS = _W["who_words"]

CONF = {"gazetteer": 0.95, "national_force": 0.9, "demonym": 0.85, "capital": 0.85,
        "border": 0.8, "title": 0.8, "acronym_defined": 0.85, "acronym": 0.55,
        "org_head": 0.7, "backed": 0.7, "group": 0.7, "speaker": 0.65, "place": 0.5, "fuzzy": 0.75,
        "alias": 0.8, "ner": 0.6, "facility": 0.7, "world_place": 0.7,
        "armed_group": 0.7}
NER_MAP = {"ORG": "ORGANIZATION", "PERSON": "PERSON", "GPE": "LOCATION", "NORP": "GROUP",
           "FAC": "FACILITY", "LOC": "LOCATION"}


# (the candidate list asked about last, how many of its candidates the set holds, the set)
_covered_last: tuple = (None, 0, set())


def covered_by(cands: list) -> set[int]:
    """The token indices the candidates cover, as a new set (callers add to it).

    The rules ask for this set of the Doc's growing candidate list in a dozen passes; the
    set of the list asked about last is kept, and only the candidates appended since are
    added to it (``cands`` must only grow between calls, as the component's list does; a
    shorter or other list is read whole)."""
    global _covered_last
    last, done, covered = _covered_last
    if last is not cands or len(cands) < done:
        done, covered = 0, set()
    if len(cands) > done:
        covered.update([k for c in cands[done:] for k in range(c.start, c.end)])
    # one tuple, replaced whole: another thread sees one list's count with its own set
    _covered_last = (cands, len(cands), covered)
    return set(covered)


class Cand:
    """A candidate entity before overlaps are settled."""

    __slots__ = ("start", "end", "label", "kb", "source", "conf", "prio", "kind")

    def __init__(self, start, end, label, kb, source, prio=1, kind=NAME):
        self.start, self.end, self.label, self.kb = start, end, label, kb
        self.source, self.conf, self.prio, self.kind = source, CONF[source], prio, kind

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Cand({self.start},{self.end},{self.label},{self.kb!r},{self.source})"


def _canonical(text: str, type_hint: str | None = None) -> tuple[str, str] | None:
    """:func:`kg.resolve.canonical_name` of the resolver in force (the component's while it
    runs; memoised there)."""
    return resolve.current().canonical_name(text, type_hint)


def _fuzzy_cached(text: str) -> tuple[str, str] | None:
    """The fuzzy match of a capitalised run no rule claimed (memoised by the resolver)."""
    return resolve.current().fuzzy_actor(text)
