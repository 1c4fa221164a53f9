"""Unknown places: facilities named after a place or with a facility head ("the Mosul
airport", "Tiyas Air Base") and capitalised names after in/near/at (low confidence, unless
the world data knows the small place: "near Voi" is Voi in Kenya).

A mixin of :class:`kg.components.entities.EntityRecognizer`; the in/near/at rule only fills
tokens the main rules left free.
"""

from __future__ import annotations

import re

from ...gazetteer import CAPITAL, norm_key
from ...wordlists import words
from .common import (
    DASHES,
    DESCRIBED_PLACE_NOUNS,
    FACILITY_HEADS,
    FACILITY_MODIFIERS,
    FACILITY_PREFIXES,
    FEATURE_HEADS,
    LOWER_ORG_HEADS,
    NOT_NAMES,
    ORG_HEADS,
    PLACE_OF_NOUNS,
    PLACE_TRIGGERS,
    PLACE_TRIGGERS_OF,
    PLACE_VERB_TRIGGERS,
    PLURAL_FACILITY_HEADS,
    REGION_HEADS,
    REGION_POSITION_WORDS,
    Cand,
    _canonical,
    covered_by,
)
from .toks import Toks

# "its 201st military base", "the 5th air base": a site named by its number after a
# determiner (with a modifier: "the 3rd base" of a game is none)
ORDINAL = re.compile(r"^[0-9]+(st|nd|rd|th)$")
NUMBERED_SITE_OWNERS = frozenset({"the", "its", "their", "his", "'s", "\u2019s"})

# "Kherson, in southern Ukraine": the relation engine's compass words, one list for both
DIRECTION_WORDS = words("frames")["direction_adjectives"] - {"the", "a", "an"}


class PlaceRules:
    """Mixin of the ``kg_entities`` component (see the module docstring)."""

    def _facilities(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """A man-made site named after its place or with a capitalised head: "Jeddah 1
        rehabilitation centre", "the Mosul airport", "Tiyas Air Base", "the Kuweires
        airbase" are FACILITY names, not the city (or an unknown capitalised word)."""
        n = T.n
        places = {c.end: c for c in cands if c.label == "LOCATION"
                  or (c.kind == CAPITAL and c.end - c.start <= 3)}
        covered = covered_by(cands)
        for h in T.data.where(FACILITY_HEADS | PLURAL_FACILITY_HEADS.keys()):
            if h < 1 or h in headline:
                continue
            if T.lower[h] in {"field", "fields"} and T.lower[h - 1] not in {"oil", "gas"}:
                continue  # "oil field" is a site, "the battle field" is not
            if h + 1 < n and T.text[h + 1] in DASHES:
                continue  # "camp-style"
            k = h
            while k > 0 and h - k < 3 and k not in places and (
                    T.text[k - 1].isdigit() or T.lower[k - 1] in FACILITY_MODIFIERS
                    or (T.cap[k - 1] and (k - 1) not in covered
                        and T.lower[k - 1] not in NOT_NAMES)):
                k -= 1
            sing = PLURAL_FACILITY_HEADS.get(T.lower[h])
            place = places.get(k)
            numbered = sing is None and k > 1 and ORDINAL.match(T.text[k - 1]) is not None \
                and T.lower[k - 2] in NUMBERED_SITE_OWNERS and (k - 1) not in covered \
                and k < h and all(T.lower[i] in FACILITY_MODIFIERS for i in range(k, h))
            if numbered:
                s = k - 1  # "its 201st military base": a base known by its number
            elif place is not None and (place.kind == CAPITAL or place.label == "LOCATION"):
                s = place.start  # "Jeddah 1 rehabilitation centre", "Mosul airport"
            else:
                # an unknown name: its words must be capitalised ("Tiyas Air Base") or
                # follow "the" ("the Kuweires airbase"), and not just start the sentence
                s = k
                while s < h and not T.cap[s]:
                    s += 1
                name = [i for i in range(s, h) if T.cap[i] and T.lower[i] not in
                        FACILITY_MODIFIERS and not T.is_stop(i)]
                if not name or any(i in covered for i in range(s, h)):
                    continue
                if not T.cap[h] and not (s > 0 and (T.lower[s - 1] == "the" or (
                        sing is not None and T.lower[s - 1] in {"and", ","}))):
                    continue  # "the Nevatim and Ramon air bases": listed names too
                if s in T.sent_starts and len(name) == 1 and not T.cap[h]:
                    continue
            if any(i in covered and not (place and place.start <= i < place.end)
                   for i in range(s, h + 1)):
                continue
            if sing is not None and s >= 2 and T.text[s - 1] in DASHES \
                    and T.lower[s - 2] in {"al", "el", "ad", "as", "ash", "an", "ar", "at"}:
                s -= 2  # "the Al-Jufra air bases": the article belongs to the name
            text = T.span_text(s, h + 1) if sing is None else f"{T.span_text(s, h)} {sing}"
            hit = self.gz.lookup(text)
            if sing is not None:
                # a plural head names facilities only when the gazetteer knows the singular
                # ("the Al-Jufra air bases") or names are listed ("the A and B air bases");
                # "Damascus camps" are camps in Damascus
                if hit is None and (place is not None or s == 0
                                    or T.lower[s - 1] not in {"and", ","}):
                    continue
                self._listed_facilities(T, cands, covered, s, h, sing, places)
                cands.append(Cand(s, h + 1, "FACILITY", hit.actor if hit else text,
                                  "facility", prio=2))
                continue
            if hit is not None:
                continue  # the gazetteer has it
            first = T.span_text(s, place.end) if place is not None and place.start == s \
                else T.text[s]
            known = self.facility_index.get((norm_key(first), T.lower[h]), set())
            kb = next(iter(known)) if len(known) == 1 else text
            cands.append(Cand(s, h + 1, "FACILITY", kb, "facility", prio=2))

    def _positioned_regions(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """"the Middle Juba region", "Lower Shabelle region": a position word and a known
        name before a region head are one region, not the known city or state."""
        for c in list(cands):
            s, h = c.start - 1, c.end
            if s < 0 or h >= T.n or s in headline or not T.cap[s] \
                    or T.lower[s] not in REGION_POSITION_WORDS or T.lower[h] not in REGION_HEADS \
                    or c.label not in {"STATE", "LOCATION"}:
                continue
            cands.append(Cand(s, h, "LOCATION", T.span_text(s, h), "place", prio=3))

    def _listed_facilities(self, T: Toks, cands: list[Cand], covered: set[int], s: int,
                           h: int, sing: str, places: dict[int, Cand]) -> None:
        """"the Al-Khadim and Al-Jufra air bases": the names listed before the last one
        share its head, so each is a facility ("Al-Khadim air base"), not the town."""
        m = s
        while m < h and T.lower[m] not in FACILITY_MODIFIERS:
            m += 1
        mods = T.span_text(m, h) if m < h else ""
        k = s - 1
        while k > 0 and T.lower[k] in {"and", ","}:
            e = k
            c = places.get(e) or next((c for c in cands if c.end == e), None)
            if c is not None and c.label == "STATE":
                return  # "bases in Iraq and Damascus camps": a country names no camp
            if c is not None:
                b = c.start
            else:
                b = e
                while b > 0 and e - b < 3 and T.cap[b - 1] and (b - 1) not in covered:
                    b -= 1
                if b == e:
                    return
            text = " ".join(x for x in (T.span_text(b, e), mods, sing) if x)
            hit = self.gz.lookup(text)
            cands.append(Cand(b, e, "FACILITY", hit.actor if hit else text, "facility",
                              prio=4))  # over the town's own gazetteer name (prio 3)
            k = b - 1

    def _places(self, T: Toks, fill: list[Cand], taken: set[int], headline: set[int]) -> None:
        """Capitalised names after in/near/at (or "the city of"): places, low confidence;
        and capitalised names with a natural-feature head ("Second Thomas Shoal", "Thitu
        Island"), wherever they stand."""
        n = T.n
        for h in T.data.where(FEATURE_HEADS):
            if h in taken or h in headline:
                continue
            s = h
            while s > 0 and h - s < 3 and T.cap[s - 1] and (s - 1) not in taken \
                    and not T.is_upper(s - 1) and (s - 1) not in T.sent_starts:
                s -= 1
            if s == h:
                continue
            if not T.cap[h]:
                # "the Yarlung Tsangpo river", "the Batanes islands": a lower-case head
                # after "the" and an unknown name; the place is the name, as news and
                # gazetteers write it (not a common word: "the Sunni heartland")
                if s == 0 or T.lower[s - 1] != "the" or any(
                        T.is_stop(i) or T.lower[i] in NOT_NAMES for i in range(s, h)):
                    continue
                text = T.span_text(s, h)
                hit = _canonical(text, "LOCATION")
                if hit is not None and hit[1] != "LOCATION":
                    continue  # "the Kurdish valley": a demonym, no place name
                fill.append(Cand(s, h, "LOCATION", hit[0] if hit else text, "place"))
                continue
            text = T.span_text(s, h + 1)
            hit = _canonical(text, "LOCATION")
            fill.append(Cand(s, h + 1, "LOCATION", hit[0] if hit else text, "place"))
        for h in T.data.where(REGION_HEADS):
            # "in Rakhine state", "Hiraan region": the name without its head, as news and
            # gazetteers name the place ("Shan State" and "Shan" are one province)
            s = h
            while s > 0 and h - s < 3 and T.cap[s - 1] and (s - 1) not in taken \
                    and not T.is_upper(s - 1) and (s - 1) not in T.sent_starts \
                    and (s - 1) not in headline and T.lower[s - 1] not in NOT_NAMES:
                s -= 1
            if s == h or h in taken or (s > 0 and (T.lower[s - 1] in DASHES
                                                   or T.text[s - 1] in {"-", "'s", "’s"})):
                continue
            text = T.span_text(s, h)
            hit = _canonical(text, "LOCATION")
            fill.append(Cand(s, h, "LOCATION", hit[0] if hit else text, "place"))
        self._described_places(T, fill, taken, headline)
        self._place_before_comma_in(T, fill, taken, headline)
        for i in T.data.where(PLACE_TRIGGERS_OF | PLACE_VERB_TRIGGERS):
            low = T.lower[i]
            verb_cue = low in PLACE_VERB_TRIGGERS
            if low in PLACE_TRIGGERS or verb_cue \
                    or low == "of" and i > 0 and T.lower[i - 1] in PLACE_OF_NOUNS:
                j = i + 1
            else:
                continue
            if j >= n or j in taken or j in headline or not T.cap[j]:
                continue
            end = self._name_run(T, j, max_len=3)
            if end == j or any(k in taken for k in range(j, end)):
                continue
            if end < n and (T.lower[end] in ORG_HEADS or T.lower[end] in LOWER_ORG_HEADS):
                continue
            if any(T.is_upper(k) and len(T.text[k]) > 1 for k in range(j, end)):
                continue
            text = T.span_text(j, end)
            if verb_cue:  # "retook Kherson": only a place the world data knows
                known = self.resolver.cue_place(text)
                if known is not None:
                    fill.append(Cand(j, end, "LOCATION", known.name, "world_place"))
                continue
            hit = _canonical(text, "LOCATION")
            if hit is not None:
                fill.append(Cand(j, end, hit[1], hit[0], "fuzzy"))
                continue
            # a small place of the world data ("near Voi"): its own name, its country known
            known = self.resolver.cue_place(text)
            if known is not None:
                fill.append(Cand(j, end, "LOCATION", known.name, "world_place"))
                continue
            label = "FACILITY" if T.lower[j] in FACILITY_PREFIXES and end - j >= 2 \
                else "LOCATION"  # "at Camp Humphreys", "near Fort Bragg": a site
            fill.append(Cand(j, end, label, text, "place"))

    def _place_before_comma_in(self, T: Toks, fill: list[Cand], taken: set[int],
                               headline: set[int]) -> None:
        """"Kherson, in southern Ukraine, …": a name the world data knows only after a place
        cue is a place when a known state or place follows as ", in (direction) X" — the
        cue stands after the name (at a sentence start, where no "in" precedes it)."""
        n = T.n
        for i in T.data.where(frozenset({"in"})):
            if i < 2 or T.text[i - 1] != "," or i - 1 in headline:
                continue
            k = i + 1
            while k < n and T.lower[k] in DIRECTION_WORDS:
                k += 1
            if k >= n or k not in taken or not T.cap[k]:
                continue  # the place after "in" must be one the main rules found
            e = i - 1
            s = e
            while s > 0 and e - s < 3 and T.cap[s - 1] and (s - 1) not in taken:
                s -= 1
            if s == e:
                continue
            known = self.resolver.cue_place(T.span_text(s, e))
            if known is not None:
                fill.append(Cand(s, e, "LOCATION", known.name, "world_place"))

    def _described_places(self, T: Toks, fill: list[Cand], taken: set[int],
                          headline: set[int]) -> None:
        """An unknown capitalised name described as a place: "Kismayo, a port city in
        southern Somalia,", "Mekelle is the capital of Tigray", "Stepanakert, the capital of
        Nagorno-Karabakh,": a place, low confidence. The description needs its article and
        a following "of"/"in" (or a capital named by its state's demonym is tagged by the
        main rules), so "Hezbollah, a group in Lebanon" (no place noun) stays out; "X is
        located in" needs none."""
        n = T.n
        for h in T.data.where(DESCRIBED_PLACE_NOUNS):
            if h + 1 >= n or T.lower[h + 1] not in {"of", "in"} or h in headline:
                continue
            if T.lower[h] in {"located", "situated"}:
                c = h - 1  # "Kupiansk is located in"
                if c < 1 or T.lower[c] not in {"is", "was", "are", "were"}:
                    continue
            else:
                k = h - 1
                while k > 0 and h - k <= 3 and not T.cap[k] and T.lower[k] not in {
                        "a", "an", "the", ","} and T.text[k].isalpha():
                    k -= 1  # "a (small) port city", "the (provincial) capital"
                if k < 1 or T.lower[k] not in {"a", "an", "the"}:
                    continue
                c = k - 1
                if T.lower[c] not in {",", "is", "was", "remains"}:
                    continue
            end = c
            s = end
            while s > 0 and end - s < 3 and T.cap[s - 1] and (s - 1) not in taken \
                    and (s - 1) not in headline and not T.is_stop(s - 1) \
                    and T.lower[s - 1] not in NOT_NAMES:
                s -= 1
            if s == end or (s > 0 and (T.cap[s - 1] or T.text[s - 1] in DASHES)):
                continue  # no name, or one that runs on into a longer (taken) name
            if any(T.is_upper(i) and len(T.text[i]) > 1 for i in range(s, end)):
                continue  # an acronym names an organisation
            text = T.span_text(s, end)
            hit = _canonical(text, "LOCATION")
            fill.append(Cand(s, end, "LOCATION", hit[0] if hit else text, "place"))
