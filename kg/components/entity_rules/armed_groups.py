"""Armed groups news names by what they are, not by a name: "Syrian rebels", "the Syrian
opposition", "Islamist insurgents", "Turkish-backed factions", and the rebels of
"rebel-held Idlib" (named after the place's state).

The node is "<demonym> <head>" ("Syrian rebels" for rebels, rebel forces and the
opposition alike), "<ideology> <head>" ("Islamist insurgents"), or "<backer>-backed
<noun>" ("Turkish-backed factions"). A bare mention ("the rebels", "the opposition",
"rebel fighters") is that group when the article names exactly one such group; when it
names none, a bare "opposition" in a sentence about war is the opposition of the state
whose government forces or known leader the sentence (or the one before) names. Politics
is not war: "opposition parties", "opposition leader" and "its opposition to" are never an
armed group, and an article that names its rebels ("Houthi rebels") leaves "the rebels"
to ``kg_coref``. Their adversary, "government forces" or "government-held areas" with
no state written, is the state the article last called a government, else the state
whose forces or leader are named nearby.

A mixin of :class:`kg.components.entities.EntityRecognizer`; the word lists are in
``kg/data/words/entities.json``.
"""

from __future__ import annotations

from bisect import bisect_right

from ... import resolve
from ...wordlists import words
from .common import GOVERNMENT_WORDS, Cand, covered_by
from .toks import Toks

_W = words("entities")
_HEADS = _W.table("armed_heads")
HEAD_OF = {w: head for head, forms in _HEADS.items() for w in forms}
PLURAL_HEADS = frozenset(_HEADS) | {"opposition"}  # a head on its own
ARMED_GROUP_NOUNS = _W["armed_group_nouns"]
BACKED_GROUP_NOUNS = _W["backed_group_nouns"]
IDEOLOGY = _W["ideology_adjectives"]
POLITICAL = _W["political_opposition"]
WAR_CUES = _W["war_cues"]
UMBRELLA_NOUNS = _W["umbrella_nouns"]
OWNERS = frozenset({"whose", "his", "her", "its", "their", "'s", "\u2019s"})
_HELD = _W["held_participles"]
_SKIP_BEFORE = _W["armed_premodifiers"]


class ArmedGroupRules:
    """Mixin of the ``kg_entities`` component (see the module docstring)."""

    def _armed_groups(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        n = T.n
        by_end: dict[int, Cand] = {}
        by_start: dict[int, Cand] = {}
        covered = covered_by(cands)
        for c in cands:
            by_end.setdefault(c.end, c)
            by_start.setdefault(c.start, c)
        named: dict[str, set[str]] = {}  # head → the groups the article names
        bare: list[tuple[int, int, str]] = []
        made: list[Cand] = []
        for h in T.data.where(frozenset(HEAD_OF)):
            if h in covered or h in headline:
                continue
            low, head = T.lower[h], HEAD_OF[T.lower[h]]
            if h + 3 < n and T.text[h + 1] == "-" and T.lower[h + 2] in _HELD:
                kb = self._held_place_group(T, h + 3, head, by_start)
                if kb is not None:  # "rebel-held Idlib": the rebels of Idlib's state
                    made.append(Cand(h, h + 1, "ORGANIZATION", kb, "armed_group", prio=2))
                    named.setdefault(head, set()).add(kb)
                continue
            end = h + 1
            if end < n and T.lower[end] in ARMED_GROUP_NOUNS and low not in _HEADS:
                end += 1  # "rebel factions", "opposition fighters"
            elif low not in PLURAL_HEADS:
                continue  # "a rebel", "a militant group's leader"
            if low == "opposition" and _political(T, h, end):
                continue
            k = h - 1
            while k >= 0 and T.lower[k] in _SKIP_BEFORE:
                k -= 1
            adjective, start, dem = None, h, None
            if _is_demonym(by_end.get(k + 1)):
                dem = by_end[k + 1]
                adjective, start = T.span_text(dem.start, dem.end), dem.start
            elif k >= 0 and T.lower[k] in IDEOLOGY and T.cap[k]:
                adjective, start = T.text[k][:1].upper() + T.text[k][1:], k
                if _is_demonym(by_end.get(k)):
                    dem = by_end[k]  # "Syrian Islamist rebels": the Syrian ones
                    adjective, start = T.span_text(dem.start, dem.end), dem.start
            backer = by_end.get(start - 2) if start >= 3 and T.lower[start - 1] == "backed" \
                and T.text[start - 2] == "-" else None
            first = backer.start if backer is not None else start
            if first >= 2 and T.lower[first - 1] == "of" and T.lower[first - 2] in UMBRELLA_NOUNS:
                continue  # "the SNA, an alliance of Turkish-backed factions": the SNA's members
            if first >= 1 and T.lower[first - 1] in OWNERS:
                continue  # "Sharaa, whose Islamist rebels": his group, named elsewhere
            if backer is not None and backer.label in {"STATE", "ORGANIZATION"} \
                    and T.lower[end - 1] in BACKED_GROUP_NOUNS:
                # named by its backer: not the rebels a bare "the rebels" means
                kb = f"{self._backer_word(T, backer)}-backed {T.lower[end - 1]}"
            elif adjective is not None:
                kb = f"{adjective} {head}"
                named.setdefault(head, set()).add(kb)
            else:
                if low != "opposition" or (h > 0 and T.lower[h - 1] == "the"):
                    bare.append((h, end, head))
                continue
            if any(i in covered and not (dem is not None and dem.start <= i < dem.end)
                   for i in range(start, end)):
                continue  # another actor inside: "Houthi rebels" is the gazetteer's
            made.append(Cand(start, end, "ORGANIZATION", kb, "armed_group", prio=2))
        cands.extend(made)
        if bare:
            self._bare_armed(T, cands, bare, named)
        self._government_forces(T, cands, headline)

    def _backer_word(self, T: Toks, backer: Cand) -> str:
        """The backer as the name of a group says it: as written ("Turkish", "US",
        "IRGC"; "U.S." is "US"), a capital as its state's adjective ("Ankara-backed" →
        "Turkish")."""
        if backer.source == "capital":
            state = self.gz.actors.get(backer.kb)
            if state is not None and state.demonyms:
                return state.demonyms[0]
        return T.span_text(backer.start, backer.end).replace(".", "")  # "U.S." → "US"

    def _held_place_group(self, T: Toks, j: int, head: str,
                          by_start: dict[int, Cand]) -> str | None:
        """"rebel-held Idlib": "<demonym of Idlib's state> rebels" (None: no state known)."""
        c = by_start.get(j)
        if c is None or c.label not in {"LOCATION", "STATE", "FACILITY"}:
            return None
        state = self._state_of(c.kb)
        return f"{state.demonyms[0]} {head}" if state is not None and state.demonyms else None

    def _state_of(self, name: str):
        actor = self.gz.actors.get(name)
        for _ in range(4):
            if actor is None or actor.type == "STATE":
                return actor
            actor = self.gz.actors.get(actor.part_of) if actor.part_of else None
        return None

    def _bare_armed(self, T: Toks, cands: list[Cand], bare: list[tuple[int, int, str]],
                    named: dict[str, set[str]]) -> None:
        """Bare mentions: the one group of that kind the article names, else (opposition
        only, in a sentence about war, and no named group of rebels in the article) the
        opposition of the state whose forces or leader are named nearby."""
        own_rebels = any(c.label == "ORGANIZATION" and c.source != "armed_group"
                         and any(T.lower[i] in HEAD_OF for i in range(c.start, c.end))
                         for c in cands)
        starts = sorted(T.sent_starts)
        taken = covered_by(cands)
        for s, e, head in bare:
            if any(i in taken for i in range(s, e)):
                continue
            groups = named.get(head, set())
            kb = next(iter(groups)) if len(groups) == 1 else None
            if kb is None and not groups and not own_rebels and T.lower[s] == "opposition":
                kb = self._opposition_of(T, s, cands, starts)
            if kb is not None:
                cands.append(Cand(s, e, "ORGANIZATION", kb, "armed_group", prio=1))
                taken.update(range(s, e))

    def _opposition_of(self, T: Toks, i: int, cands: list[Cand],
                       starts: list[int]) -> str | None:
        k = bisect_right(starts, i) - 1
        s0 = starts[k] if k >= 0 else 0
        hi = starts[k + 1] if k + 1 < len(starts) else T.n
        if not any(T.lower[j] in WAR_CUES for j in range(s0, hi)):
            return None
        state = self._state_in_context(T, i, cands, starts)
        return f"{state.demonyms[0]} rebels" if state is not None and state.demonyms else None

    def _state_in_context(self, T: Toks, i: int, cands: list[Cand], starts: list[int]):
        """The state whose forces or known leader this sentence (first) or the one before
        names nearest to token i."""
        k = bisect_right(starts, i) - 1
        lo = starts[k - 1] if k >= 1 else 0
        hi = starts[k + 1] if k + 1 < len(starts) else T.n
        s0 = starts[k] if k >= 0 else 0
        best = None
        for c in cands:
            if not lo <= c.start < hi:
                continue
            state = None
            if c.label == "STATE" and c.source == "national_force":
                state = self.gz.actors.get(c.kb)
            elif c.label == "PERSON":
                state = self._state_of(c.kb)
            if state is None:
                continue
            d = abs(c.start - i) + (0 if c.start >= s0 else T.n)  # this sentence first
            if best is None or d < best[0]:
                best = (d, state)
        return best[1] if best is not None else None

    def _government_forces(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """"government forces", "regime troops", "government-held areas" with no state
        written: the state the article last called a government ("the Syrian government
        … government forces"), else the state whose forces or known leader are named
        nearby. "pro-government militias" are not the government."""
        heads = T.data.where(GOVERNMENT_WORDS)
        if not heads:
            return  # most Docs: nothing below needs building
        covered = {k for c in cands for k in range(c.start, c.end)}
        called = sorted((c for c in cands if c.label == "STATE" and c.source == "national_force"
                         and any(T.lower[k] in GOVERNMENT_WORDS for k in range(c.start, c.end))),
                        key=lambda c: c.start)
        starts = sorted(s for s in T.sent_starts if s < T.n)
        for h in heads:
            if h in covered or h in headline or h + 1 >= T.n \
                    or (T.cap[h] and h not in T.sent_starts):
                continue
            if h >= 2 and T.text[h - 1] == "-" and T.lower[h - 2] in {"pro", "anti"}:
                continue
            if T.lower[h + 1] in resolve.FORCE_NOUNS and not T.cap[h + 1]:
                end = h + 2  # "government forces"
            elif h + 2 < T.n and T.text[h + 1] == "-" and T.lower[h + 2] in _HELD:
                end = h + 1  # "government-held areas"
            else:
                continue
            before = [c for c in called if c.end <= h]
            state = self.gz.actors.get(before[-1].kb) if before else \
                self._state_in_context(T, h, cands, starts)
            if state is not None and state.type == "STATE":
                cands.append(Cand(h, end, "STATE", state.name, "national_force", prio=1))


def _is_demonym(c: Cand | None) -> bool:
    return c is not None and c.label in {"STATE", "GROUP"} and c.source == "demonym"


def _political(T: Toks, h: int, end: int) -> bool:
    """"opposition parties", "the opposition leader", "Iran's opposition to the deal",
    "the parliamentary opposition": politics or an objection, not an armed group."""
    if end < T.n and T.lower[end] in POLITICAL:
        return True
    return h > 0 and (T.lower[h - 1] in POLITICAL or T.lower[h - 1] in {"'s", "\u2019s", "its",
                                                                           "their", "his", "her"})
