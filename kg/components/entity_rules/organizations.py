"""Unknown organisations: capitalised names with an organisation head ("… Brigade",
"Army of …"), a state's ministry (one node per state), the Y of "X-backed Y"/"pro-X Y",
and acronyms (with "Full Name (ACR)" making ACR an alias).

A mixin of :class:`kg.components.entities.EntityRecognizer`.
"""

from __future__ import annotations

import re

from ... import resolve
from ...gazetteer import NAME
from ...wordlists import words
from .common import (
    ANY_ORG_HEADS,
    BACKED_OR_PRO,
    DESCRIPTOR_NOUNS,
    LOWER_ORG_HEADS,
    NAME_INNER,
    NOT_NAMES,
    NUMBER_WORDS,
    ORG_HEADS,
    PARTICLES,
    STOP_ACRONYMS,
    UNIT_NAME_WORDS,
    Cand,
    _canonical,
    covered_by,
)
from .toks import Toks

# a possessive inside an organisation's name ("People's Party"), only after these words:
# not a state's ("Turkey's Justice and Development Party" is the party of Turkey)
POSSESSIVE_MARKS = frozenset({"'s", "\u2019s", "'", "\u2019"})
POSSESSIVE_NAME_WORDS = words("entities")["possessive_name_words"]

# an ordinal opening a unit's name ("33rd Front", "5th Fleet")
ORDINAL = re.compile(r"^[0-9]+(st|nd|rd|th)$")


class OrganizationRules:
    """Mixin of the ``kg_entities`` component (see the module docstring)."""

    def _org_heads(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """Capitalised names ending in an organisation head ("Hamza Division", "Popular
        Front", "Caesar Files for Justice organization") or starting with one followed by
        of/for ("Army of Islam")."""
        gaz_ends = {c.end for c in cands}
        org_suffix = {(c.end, c.start) for c in cands if c.label == "ORGANIZATION"}
        covered = covered_by(cands)
        n = T.n
        found: list[tuple[int, int]] = []
        for h in T.data.where(ANY_ORG_HEADS):
            low = T.lower[h]
            if low in ORG_HEADS and T.cap[h]:
                lower_head = False
            elif low in LOWER_ORG_HEADS and T.text[h].islower():
                lower_head = True
            else:
                continue
            s = h
            while s > 0 and h - s < 10 and (T.cap[s - 1] or (T.lower[s - 1] in NAME_INNER
                                                             and T.lower[s - 1] != "the")
                                             or (not lower_head and s > 1
                                                 and T.lower[s - 1] in POSSESSIVE_MARKS
                                                 and T.lower[s - 2] in POSSESSIVE_NAME_WORDS)):
                s -= 1  # "the Cambodian People's Party", "the Workers' Party"
            while s < h and not T.cap[s]:
                s += 1
            if not lower_head and s > 0 and ORDINAL.match(T.text[s - 1]):
                s -= 1  # "the 33rd Front", "the 82nd Airborne Division": a numbered unit
            e = h + 1
            if not lower_head and e + 1 < n and T.lower[e] in {"of", "for"}:
                k = e + 1
                if k < n and T.lower[k] == "the":
                    k += 1
                if k < n and T.cap[k]:
                    k2 = k
                    while k2 < n and (T.cap[k2] or (T.lower[k2] in {"and", "of", "-"}
                                                    and k2 + 1 < n and T.cap[k2 + 1])):
                        k2 += 1
                    if not any(k <= c.start < k2 < c.end for c in cands):
                        e = k2  # but "… Command of the People's Liberation Army" does not
                        # cut a known name in two: the command is a name of its own
            found.append((s, e))
        states = {c.start: c for c in cands if c.label == "STATE"}
        for s, e in found:
            while s < e and (T.is_stop(s) or T.lower[s] in NOT_NAMES
                             or T.lower[s] in resolve.ROLES) and not (
                    T.lower[s] in NUMBER_WORDS and T.cap[s] and s not in T.sent_starts):
                s += 1  # but "the Three Brotherhood Alliance" keeps its number
            while e > s and T.lower[e - 1] in NAME_INNER:
                e -= 1
            if "ministry" in T.lower[s:e] and s not in headline:
                c = self._ministry(T, s, e, states)
                if c is not None:
                    cands.append(c)
                continue
            if e - s < 2 or s in headline:
                continue
            if s >= 2 and T.text[s - 1] == "-" and T.lower[s - 2] in {"pro", "anti"}:
                continue  # "pro-Washington forces" are not Washington's
            if T.text[e - 1].islower() and any(k in covered for k in range(s, e)):
                continue  # "President Assad's forces", "Iraqi security forces": no new name
            if any(T.lower[k] in NOT_NAMES and T.lower[k] not in NAME_INNER
                   and T.lower[k] not in ORG_HEADS and T.lower[k] not in UNIT_NAME_WORDS
                   for k in range(s, e)):
                continue
            if T.text[e - 1].islower() and not any(
                    T.cap[k] and k not in T.sent_starts for k in range(s, e)):
                continue  # "Armed factions": only the sentence's first word is capitalised
            if any(T.lower[k] == "and" and ((k + 1 < e and T.lower[k + 1] == "the")
                                             or k in gaz_ends) for k in range(s, e)):
                continue  # "Iran and the Revolutionary Guard": two names, not one
            text = T.span_text(s, e)
            if self.gz.lookup(text) is not None:
                continue  # the gazetteer already has it exactly
            if any(end == e and start > s and T.lower[start - 1] not in {"and", "of", "&"}
                   for end, start in org_suffix):
                continue  # "Afghan Fatemiyoun Brigade" is the known Fatemiyoun Brigade
                # (but "Peace and Security Council" is not the known Security Council)
            # "Iraqi Security Forces": a state word plus generic words is the state
            core = [k for k in range(s, e) if T.lower[k] not in resolve.GENERIC_UNIT_WORDS
                    and T.lower[k] not in ORG_HEADS and T.text[k] != "-"]
            if core and not any(T.cap[k] and T.lower[k] in resolve.NAME_MODIFIERS
                                for k in range(s, e)):
                st = self.gz.lookup(" ".join(T.text[k] for k in core))
                if st is not None and self.gz.actors[st.actor].type == "STATE" and \
                        core == list(range(core[0], core[-1] + 1)):
                    cands.append(Cand(s, e, "STATE", st.actor, "national_force", prio=2))
                    continue
            hit = _canonical(text)
            if hit is not None:
                cands.append(Cand(s, e, hit[1], hit[0], "org_head", prio=2))
            else:
                cands.append(Cand(s, e, "ORGANIZATION", text, "org_head", prio=2))

    def _described_groups(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """An unknown capitalised name the text describes as a group: "Viv Ansanm, a
        coalition of gangs", "pro-government militias known as Wazalendo", "the faction
        loyal to X, known as Los Chapitos". The description, not the name, says it is an
        organisation; one to four name words (with de/la/los/al- inside)."""
        covered = {k for c in cands for k in range(c.start, c.end)}
        n = T.n
        for i in T.data.where(DESCRIPTOR_NOUNS):
            if i in headline:
                continue
            # "X, a coalition of …": the name before the comma
            k = i - 1
            while k > 0 and i - k <= 3 and T.text[k].isalpha() and T.text[k].islower() \
                    and T.lower[k] not in {"a", "an", "the"}:
                k -= 1  # "a loose coalition", "an armed group"
            if k >= 2 and T.lower[k] in {"a", "an"} and T.text[k - 1] == ",":
                self._name_before(T, k - 1, covered, cands)
            # "militias known as X", "the faction ..., known as X"
            j = i + 1
            while j < n and j - i <= 8 and T.lower[j] != "known" and T.text[j] not in ".;":
                j += 1
            if j + 2 < n and T.lower[j] == "known":
                a = j + 1 + (T.lower[j + 1] in {"locally", "collectively", "also"})
                if a + 1 < n and T.lower[a] == "as":
                    b = a + 1 + (T.lower[a + 1] == "the")
                    self._name_at(T, b, covered, cands)

    def _name_before(self, T: Toks, e: int, covered: set[int], cands: list[Cand]) -> None:
        s = e
        while s > 0 and e - s < 4 and (s - 1) not in covered and (
                (T.cap[s - 1] and T.text[s - 1][:1].isalpha()) or T.lower[s - 1] in PARTICLES
                or T.lower[s - 1] in {"de", "la", "los", "las", "del"}):
            s -= 1
        while s < e and not T.cap[s]:
            s += 1
        self._add_described(T, s, e, covered, cands)

    def _name_at(self, T: Toks, s: int, covered: set[int], cands: list[Cand]) -> None:
        e = s
        known = next((c for c in cands if c.start == s and c.label == "ORGANIZATION"), None)
        if known is not None and known.end < T.n and T.cap[known.end] \
                and known.end not in covered:
            e = known.end  # "militias known as Mai-Mai Kata": a known name begins a longer one
        elif known is not None:
            return
        while e < T.n and e - s < 5 and e not in covered and (
                (T.cap[e] and T.text[e][:1].isalpha()) or (
                e > s and T.lower[e] in {"de", "la", "los", "las", "del", "al", "-"}
                and e + 1 < T.n and T.cap[e + 1])):
            e += 1
        self._add_described(T, s, e, covered, cands, known_prefix=known.end if known else s)

    def _add_described(self, T: Toks, s: int, e: int, covered: set[int],
                       cands: list[Cand], known_prefix: int | None = None) -> None:
        free = s if known_prefix is None else known_prefix
        if e <= s or e <= free or any(k in covered for k in range(free, e)) \
                or T.lower[s] in NOT_NAMES or any(T.lower[k] in resolve.ROLES for k in range(s, e)):
            return
        text = T.span_text(s, e)
        hit = _canonical(text)
        if hit is not None and hit[1] != "ORGANIZATION":
            return  # a place, a person, a state: not a new group
        cands.append(Cand(s, e, "ORGANIZATION", hit[0] if hit else text, "org_head", prio=2))
        covered.update(range(s, e))

    def _ministry(self, T: Toks, s: int, e: int, states: dict[int, Cand]) -> Cand | None:
        """A state's ministry is one organisation per state: "Niger's Defence Ministry",
        "the Defence Ministry of Niger", "the Nigerien Ministry of Defence" are all
        "Nigerien Defence Ministry" (or the gazetteer's name for it). Without a state in
        the phrase ("the Foreign Ministry said") the ministry is left out rather than made
        one node for every country's ministry."""
        state = None
        words = []
        before = next((c for c in states.values() if c.end == s), None)
        if before is not None:
            s = before.start  # "the Turkish Defence Ministry" ("Turkish" is a language too)
        k = s
        while k < e:
            c = states.get(k)
            if c is not None and c.end <= e:
                state = c
                k = c.end
                continue
            if T.lower[k] not in {"ministry", "of", "the", "'s", "\u2019s", "and", "for"}:
                words.append(T.lower[k])
            k += 1
        if state is None and s >= 2 and T.lower[s - 1] in {"'s", "\u2019s"}:
            c = next((c for c in states.values() if c.end == s - 1), None)
            state = c
        if state is None or not words or any(not T.cap[i] for i in range(s, e)
                                              if T.lower[i] in words):
            return None
        actor = self.gz.actors.get(state.kb)
        adj = actor.demonyms[0] if actor is not None and actor.demonyms else state.kb
        word = " ".join("Defence" if w == "defense" else w.title() for w in words)
        kb = f"{adj} {word} Ministry"
        hit = self.gz.lookup(kb)
        if hit is not None and self.gz.actors[hit.actor].type == "ORGANIZATION":
            kb = hit.actor
        return Cand(s, e, "ORGANIZATION", kb, "org_head", prio=2)

    def _backed(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """The Y of "X-backed Y" and "pro-X Y" when Y is a capitalised name."""
        n = T.n
        for i in T.data.where(BACKED_OR_PRO):
            low = T.lower[i]
            if low in resolve.BACKED_WORDS and i >= 2 and T.text[i - 1] == "-":
                j = i + 1
            elif low == "pro" and i + 2 < n and T.text[i + 1] == "-":
                j = i + 2
                while j < n and T.cap[j] and j - i < 6:
                    j += 1  # the backer's name
            else:
                continue
            if j >= n or j in headline or not T.cap[j]:
                continue
            end = self._name_run(T, j)
            if end < n and T.lower[end] in LOWER_ORG_HEADS:
                known = self.gz.lookup(T.span_text(j, end)) if end > j else None
                if known is not None and known.kind == NAME \
                        and self.gz.actors[known.actor].type == "ORGANIZATION":
                    continue  # "the Belgrade-backed Serb List party": the known Serb List
                end += 1
            if end == j or T.lower[j] in NOT_NAMES:
                continue
            if end - j >= 2 and T.text[end - 1].islower() and _apposed_to_a_name(T, i, cands):
                continue  # "Hezbollah, the Iran-backed Shiite movement": Hezbollah itself
            text = T.span_text(j, end)
            if self.gz.lookup(text) is not None:
                continue
            hit = _canonical(text)
            if hit is not None:
                cands.append(Cand(j, end, hit[1], hit[0], "backed", prio=2))
            else:
                cands.append(Cand(j, end, "ORGANIZATION", text, "backed", prio=2))

    def _acronyms(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """Unknown acronyms; "Full Name (ACR)" makes ACR an alias of the name."""
        n = T.n
        known = {c.start for c in cands}
        ends = {c.end: c for c in cands}
        for i in T.data.text_positions(_acronym_shaped):
            txt = T.text[i]
            if not (2 <= len(txt) <= 6 and txt.isalpha() and txt.isupper()):
                continue
            if txt in STOP_ACRONYMS or i in known:
                continue
            prev_up = i > 0 and T.text[i - 1].isalpha() and T.text[i - 1].isupper()
            next_up = i + 1 < n and T.text[i + 1].isalpha() and T.text[i + 1].isupper()
            if prev_up and next_up:
                continue  # shouting, not an acronym
            if i >= 2 and T.text[i - 1] == "(" and i + 1 < n and T.text[i + 1] == ")":
                before = ends.get(i - 1)
                if before is not None:
                    cands.append(Cand(i, i + 1, before.label, before.kb, "acronym_defined",
                                      prio=2))
                    continue
                s = i - 1
                while s > 0 and (T.cap[s - 1] or T.lower[s - 1] in NAME_INNER) and i - s < 10:
                    s -= 1
                while s < i - 1 and (not T.cap[s] or T.lower[s] in {"the", "a", "an"}):
                    s += 1
                words = [k for k in range(s, i - 1) if T.cap[k] and T.lower[k] not in NAME_INNER]
                initials = "".join(T.text[k][0] for k in words).upper()
                if len(initials) >= 2 and (initials == txt or _subseq(txt, initials)):
                    name = T.span_text(s, i - 1)
                    cands.append(Cand(s, i - 1, "ORGANIZATION", name, "acronym_defined", prio=2))
                    cands.append(Cand(i, i + 1, "ORGANIZATION", name, "acronym_defined", prio=2))
                    continue
            if i in headline:
                continue
            cands.append(Cand(i, i + 1, "ORGANIZATION", txt, "acronym", prio=1))


def _acronym_shaped(t: str) -> bool:
    return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


def _subseq(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _apposed_to_a_name(T: Toks, i: int, cands: list[Cand]) -> bool:
    """Does the "X-backed" at ``i`` open an apposition to a named organisation: "Hezbollah,
    the Iran-backed Shiite movement", "Hamas — Qatar's ally and an Iran-backed group"?
    Then the description is that organisation, not a new actor."""
    ends = {c.end: c for c in cands}
    backer = ends.get(i - 1)
    k = (backer.start if backer is not None else i - 2) - 1
    if k >= 0 and T.lower[k] in {"the", "a", "an"}:
        k -= 1
    elif k >= 1 and T.lower[k] in {"'s", "\u2019s"} and k in ends:
        k = ends[k].start - 1  # "Hezbollah, Lebanon's Iran-backed Shiite movement"
    if k < 1 or T.text[k] not in {",", "\u2014", "\u2013"}:
        return False
    named = ends.get(k)
    return named is not None and named.label in {"ORGANIZATION", "GROUP"}

