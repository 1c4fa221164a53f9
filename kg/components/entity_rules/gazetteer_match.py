"""Entities the gazetteer knows: PhraseMatcher hits turned into candidates (capitals as
governments or places, demonyms and national forces, people named by nationality,
"Assad's forces"), plus borders named from demonyms and "<state>-led coalition".

A mixin of :class:`kg.components.entities.EntityRecognizer` (it reads the component's
``gz`` and matchers).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ... import resolve
from ...gazetteer import CAPITAL, DEMONYM, NAME, world_rules
from .common import (
    DASHES,
    ETHNICITY_MARKERS,
    LED_HEADS,
    NATIONAL_BODIES,
    NOT_NAMES,
    PEOPLE_ADJECTIVES,
    PEOPLE_NOUNS,
    Cand,
)
from .toks import Toks

# every ending of every national body's name ("council", "y council", "security council",
# ...): a candidate's last token (lower case) must be one of them for its text to be a name
_BODY_ENDINGS = frozenset(name[k:] for name in NATIONAL_BODIES for k in range(len(name)))


def _in_a_name(T: Toks, s: int, e: int, starts: set[int]) -> bool:
    """Whether a one-word place of the bulk world data is part of a person's name: an
    unknown capitalised word right before or after it."""
    if _first_name(T, s, e, starts):
        return True
    p = s - 1
    return (p >= 0 and T.cap[p] and p not in T.sent_starts and p + 1 not in T.sent_starts
            and not T.is_upper(p) and T.lower[p] not in NOT_NAMES and not T.is_stop(p)
            and not any(p - d in starts for d in range(4))
            and T.lower[p] not in resolve.ROLES and not (e < T.n and T.cap[e]))


def _first_name(T: Toks, s: int, e: int, starts: set[int]) -> bool:
    """Whether the state name at s is the first name of a person: a capitalised word
    follows that is no title, force, unit word or other known name ("Chad Smith", not
    "Chad President X", "Jordan Valley Authority" stays unknown either way)."""
    if e >= T.n or not T.cap[e] or T.is_upper(e) or e in starts:
        return False
    low = T.lower[e]
    if low in NOT_NAMES or low in resolve.ROLES or low in resolve.GENERIC_UNIT_WORDS:
        return False
    return not (s > 0 and T.cap[s - 1] and s not in T.sent_starts)  # headline case


class GazetteerRules:
    """Mixin of the ``kg_entities`` component (see the module docstring)."""

    @staticmethod
    def _force_end(T: Toks, j: int) -> int | None:
        """If tokens from j continue with force words ("security forces"), their end."""
        k, n = j, T.n
        while k < n and T.lower[k] in resolve.FORCE_MODIFIERS and k - j < 3:
            if T.cap[k] and T.lower[k] in resolve.NAME_MODIFIERS:
                return None  # "Libyan National Army" names a group, it is not Libya
            k += 1
        if k < n and T.lower[k] in resolve.FORCE_NOUNS:
            if not T.cap[k] or k > j:
                return k + 1
            if T.lower[k] in {"forces", "troops", "army", "military", "government", "regime"}:
                return k + 1
        if k > j and T.lower[k - 1] in resolve.FORCE_NOUNS and not T.cap[k - 1]:
            return k  # "the Iraqi government agreed": "government" is noun and modifier
        return None

    def _gazetteer(self, doc: Doc, T: Toks, cands: list[Cand]) -> None:
        hits = self.matcher(T.data)
        starts = {s for _, s, _, _ in hits}
        for key, s, e, exact_case in hits:
            kind, actor_name = key.kind, key.actor
            exact_case = exact_case or key.exact_only
            # lower-case text ("turkey", "us") is not a name, except "al-Tanf"-style
            if not exact_case and not T.cap[s] and not (
                    T.lower[s] in {"al", "el", "at", "as", "ad"} and e - s > 1
                    and any(T.cap[k] for k in range(s, e))):
                continue
            actor = self.gz.actors[actor_name]
            if actor.type == "LOCATION" and not actor.fuzzy and e - s == 1 \
                    and _in_a_name(T, s, e, starts):
                continue  # "Hassan Kabashi", "Ali Hassan": a person, not the town of Hassan
            if kind == CAPITAL:
                if resolve.capital_is_place(doc, s, e):
                    cands.append(Cand(s, e, "LOCATION", actor.capital or actor.name, "capital",
                                      prio=3, kind=kind))
                else:
                    cands.append(Cand(s, e, "STATE", actor.name, "capital", prio=3, kind=kind))
                continue
            if kind == NAME and actor.type == "STATE" and e - s == 1:
                world = world_rules()
                if T.text[s] in world["first_names"] and _first_name(T, s, e, starts):
                    continue  # "Chad Smith", "Jordan Peterson": a person's first name
                homonym = world["us_state_homonyms"].get(T.text[s])
                if homonym and self._us_context(T, s, e, cands):
                    cands.append(Cand(s, e, "LOCATION", homonym, "gazetteer", prio=3))
                    continue
            if kind == DEMONYM and s >= 1 and T.lower[s - 1] in ETHNICITY_MARKERS:
                continue  # "three ethnic Serbs were arrested": a people, not Serbia
            if kind == DEMONYM or actor.type == "STATE":
                fe = self._force_end(T, e)
                if fe is not None and s >= 2 and T.text[s - 1] == "-" and \
                        T.lower[s - 2] in {"pro", "anti", "non"}:
                    fe = None  # "pro-Washington forces" are not Washington's
                if fe is not None and T.text[fe - 1] == "Ministry":
                    fe = None  # "the Malian Defence Ministry": a ministry (see _ministry)
                if fe is not None:
                    # prio 2: a named unit of the same length wins ("Syrian National Army")
                    cands.append(Cand(s, fe, "STATE", actor.name, "national_force", prio=2,
                                      kind=kind))
                    continue
                if kind == DEMONYM and e < T.n and T.lower[e] in PEOPLE_NOUNS and not (
                        s >= 2 and T.text[s - 1] == "-"):
                    g = s
                    while g > 0 and T.lower[g - 1] in PEOPLE_ADJECTIVES:
                        g -= 1
                    cands.append(Cand(g, e + 1, "GROUP", T.span_text(g, e + 1), "group",
                                      prio=3, kind=kind))
                    continue
                source = "demonym" if kind == DEMONYM else "gazetteer"
                cands.append(Cand(s, e, "STATE", actor.name, source, prio=3, kind=kind))
                continue
            if e - s > 1 and not T.cap[e - 1] and \
                    self.resolver.state_forces_in_lower_case(T.span_text(s, e)):
                continue  # "Lebanese forces": the state's (its national_force), no party
            if actor.type == "PERSON" and actor.part_of:
                boss = self.gz.actors.get(actor.part_of)
                j = e
                if j < T.n and T.lower[j] in {"'s", "\u2019s"}:
                    j += 1
                if (boss is not None and boss.type == "STATE" and j < T.n
                        and T.lower[j] in {"administration", "regime", "government",
                                           "forces", "army", "troops"}):
                    cands.append(Cand(s, j + 1, "STATE", boss.name, "national_force", prio=3))
                    continue
            cands.append(Cand(s, e, actor.type, actor.name, "gazetteer", prio=3, kind=kind))
        self._borders(T, cands)
        self._led_groups(T, cands)
        self._national_bodies(T, cands)

    def _national_bodies(self, T: Toks, cands: list[Cand]) -> None:
        """"Russian Security Council", "Israel's National Security Council": a state's own
        council, not the UN one the bare name means (one node per state, named after its
        adjective; the state stays its own mention)."""
        states = {c.end: c for c in cands if c.label == "STATE" and c.source != "national_force"}
        for c in cands:
            # the last token must end one of the bodies' names before the whole text is built
            if c.label != "ORGANIZATION" or T.lower[c.end - 1] not in _BODY_ENDINGS \
                    or T.span_text(c.start, c.end).lower() not in NATIONAL_BODIES:
                continue
            s = c.start
            while s > 0 and T.cap[s - 1] and T.lower[s - 1] in {"national", "supreme"}:
                s -= 1  # "National Security Council"
            k = s - 1 if s > 0 and T.lower[s - 1] in {"'s", "\u2019s"} else s
            state = states.get(k)
            actor = self.gz.actors.get(state.kb) if state is not None else None
            if actor is None or actor.type != "STATE":
                continue
            adj = actor.demonyms[0] if actor.demonyms else actor.name
            c.start, c.kb, c.source = s, f"{adj} {T.span_text(s, c.end)}", "org_head"

    def _us_context(self, T: Toks, s: int, e: int, cands: list[Cand]) -> bool:
        """"Atlanta, Georgia", "the governor of Georgia", "Georgia lawmakers": the US state."""
        world = world_rules()
        if s >= 2 and T.lower[s - 1] == "of" and T.lower[s - 2] in world["us_state_before_of"]:
            return True
        if e < T.n and T.lower[e] in world["us_state_after"]:
            return True
        if s >= 2 and T.text[s - 1] == ",":
            for c in cands:
                if c.end == s - 1 and c.label == "LOCATION":
                    place = self.gz.actors.get(c.kb)
                    return place is not None and place.part_of == "United States"
        return False

    def _led_groups(self, T: Toks, cands: list[Cand]) -> None:
        """"the Emirati-led coalition", "a French-led mission": a coalition named after
        the state that leads it (one node per leading state; the gazetteer's own entries
        such as the US-led and Saudi-led coalitions match first, being longer)."""
        n = T.n
        for c in [c for c in cands if c.label == "STATE" and c.source != "national_force"]:
            j = c.end
            if j + 2 < n and T.text[j] in DASHES and T.lower[j + 1] == "led" \
                    and T.lower[j + 2] in LED_HEADS:
                kb = f"{c.kb}-led {T.lower[j + 2]}"
                hit = self.gz.lookup(kb) or self.gz.lookup(T.span_text(c.start, j + 3))
                if hit is not None:
                    kb = hit.actor
                cands.append(Cand(c.start, j + 3, "ORGANIZATION", kb, "org_head", prio=2))

    def _borders(self, T: Toks, cands: list[Cand]) -> None:
        """"the Iraqi-Syrian border", "Iran-Iraq border", "the Jordanian border": a
        LOCATION named from the states' demonyms, states sorted, so every spelling of the
        same border is one node."""
        states = {c.start: c for c in cands
                  if c.label == "STATE" and c.source != "national_force"}
        n = T.n
        for c in list(states.values()):
            parts = [c]
            j = c.end
            if j + 1 < n and T.text[j] in {"-", "\u2013", "/"} and j + 1 in states:
                parts.append(states[j + 1])
                j = states[j + 1].end
            if j < n and T.lower[j] in {"border", "borders", "frontier"} and not (
                    j + 1 < n and T.lower[j + 1] in {"crossing", "crossings", "guards"}):
                adj = []
                for name in sorted({p.kb for p in parts}):
                    actor = self.gz.actors.get(name)
                    adj.append(actor.demonyms[0] if actor and actor.demonyms else name)
                kb = "-".join(adj) + " border"
                cands.append(Cand(c.start, j + 1, "LOCATION", kb, "border", prio=3))
