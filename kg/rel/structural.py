"""Relations carried by the shape of a noun phrase rather than by a cue word.

* possessives: "Iran's Revolutionary Guards" (PART_OF), "Iraq's Anbar province"
  (LOCATED_IN), "Russia's Foreign Minister Sergey Lavrov" (PART_OF), "the US's Tanf base"
  (OPERATES) — typed by the two mentions; an organisation is PART_OF its possessor only
  when it is that actor's own body (gazetteer ``part_of`` chain, or an unknown name whose
  head is not a non-state head such as movement/militia): "Lebanon's Hezbollah" is not
  part of Lebanon; "its NATO ally Turkey" (name before a relational noun) is skipped;
* place apposition: "Dohuk, Iraq" and "the Basra port in southern Iraq" (LOCATED_IN),
  "the Syrian border town of al-Tanaf" (LOCATED_IN), "F, on Iraq's side of the border";
* titles: ``doc.spans["kg_titles"]`` from ``kg_entities`` ("US President Donald Trump" →
  LEADS, "spokesman for the CJTF" → PART_OF); a known official's organisation from the
  gazetteer counts when the same sentence names it ("In Syria, President X").

These are heuristics (a comma is weak evidence), hence the ``heuristic`` confidence, except
titles, which are tight token patterns.
"""

from __future__ import annotations

from ..resolve import ROLES, canonical_name, gazetteer
from ..wordlists import words
from . import phrases, scan
from .findings import Cand, Findings
from .frame_common import CONF, role_words
from .mentions import Mention
from .view import DocView

_W = words("frames")  # the word lists named below live in kg/data/words/frames.json

ACTORS = ("STATE", "ORGANIZATION", "PERSON", "GROUP")
PLACES = ("FACILITY", "LOCATION")


def _add(v: DocView, found: Findings, s: Mention, rel: str, o: Mention, rule: str,
         kind: str = "heuristic", cue: tuple[int, int] | None = None) -> None:
    if s.name == o.name:
        return
    found.cands.append(Cand(s, rel, o, rule, kind, CONF[kind], cue or (s.start, o.end)))


# organisations that are not a state's (or a parent organisation's) own body
NON_STATE_HEADS = words("entities")["non_state_heads"]
# "its NATO ally Turkey": a possessed name before these nouns only modifies them
RELATIONAL_NOUNS = words("entities")["relational_nouns"]


def _body_of(b: Mention, a: Mention) -> bool:
    """Whether organisation ``b`` can be PART_OF ``a`` on a possessive alone: "Iran's IRGC",
    "Syria's Air Force Intelligence", "Russia's Defence Ministry" yes; "Yemen's Houthi
    movement", "Lebanon's Hezbollah" no. A known organisation must belong to ``a`` by its
    gazetteer ``part_of`` chain; an unknown one must not have a non-state head word."""
    gz = gazetteer()
    actor = gz.actors.get(b.name)
    if actor is not None:
        seen: set[str] = set()
        while actor is not None and actor.part_of and actor.name not in seen:
            seen.add(actor.name)
            if actor.part_of == a.name:
                return True
            actor = gz.actors.get(actor.part_of)
        return False
    words = b.name.lower().split()
    return bool(words) and words[-1] not in NON_STATE_HEADS


def possessives(v: DocView, found: Findings) -> None:
    L = v.lex
    title_words = L["honorifics"] | L["role_modifiers"] | role_words(L)
    for a in v.mentions:
        if a.type not in {"STATE", "ORGANIZATION", "LOCATION"} \
                or not phrases.possessive_after(v, a):
            continue
        j = a.end + (1 if a.end < len(v.doc) and v.low[a.end] in L["possessive"] else 0)
        end = v.seg_end[a.start]
        head_role = deputy = False
        k = j
        while k < min(j + 4, end) and v.mention_at(k) is None and v.low[k] in title_words:
            head_role = head_role or v.low[k] in L["head_roles"]
            deputy = deputy or v.low[k] in L["deputy_words"]
            k += 1
        head_role = head_role and not deputy  # "Sudan's vice president X": an official
        if head_role and k - j >= 2 and ROLES.get(" ".join(v.low[k - 2:k])) == "PART_OF":
            head_role = False  # "Uganda's military chief X": the head of a part of the state
        b = v.mention_at(k)
        if b is None and k == j:  # "Russia's western Kursk region", "Hezbollah's elite X"
            while k < min(j + 2, end) and (v.low[k] in L["unit_adjectives"] or (
                    v.low[k] in L["direction_adjectives"]
                    and v.low[k] not in {"the", "a", "an", "occupied"})):
                k += 1
            b = v.mention_at(k) if k > j else None
            wanted = "ORGANIZATION" if v.low[k - 1] in L["unit_adjectives"] else "LOCATION"
            if b is not None and b.type != wanted:
                continue
        if b is None or b.start != k or v.low[k - 1:k] == [","]:
            continue
        if b.end < end and v.low[b.end] in RELATIONAL_NOUNS:
            continue  # "its NATO ally Turkey": NATO is not the possessed actor
        if b.type == "ORGANIZATION" and a.type in {"STATE", "ORGANIZATION"} \
                and not _body_of(b, a):
            continue  # "Lebanon's Hezbollah" is not part of Lebanon
        if b.type == "GROUP" and a.type == "STATE":
            continue  # "Syria's Druze", "Iraq's Kurds": a people of the state, no member
        if b.type in {"PERSON", "ORGANIZATION", "GROUP"} and a.type in {"STATE", "ORGANIZATION"}:
            rel = "LEADS" if head_role and b.type == "PERSON" else "PART_OF"
            _add(v, found, b, rel, a, "possessive." + rel.lower(), cue=(a.start, b.end))
        elif b.type == "LOCATION" and a.type in {"STATE", "LOCATION"}:
            if (b.end < end and v.low[b.end] in L["shore_nouns"]) \
                    or set(b.name.lower().split()) & L["sea_words"]:
                continue  # "Syria's Mediterranean coast": the coast is Syria's, not the sea
            _add(v, found, b, "LOCATED_IN", a, "possessive.located_in", cue=(a.start, b.end))
        elif b.type == "FACILITY" and a.type == "STATE" and not _military(v, b):
            # "Syria's al-Hol camp", "Iraq's Basra port": where it is, not who runs it
            _add(v, found, b, "LOCATED_IN", a, "possessive.located_in", cue=(a.start, b.end))
        elif b.type == "FACILITY" and a.type in {"STATE", "ORGANIZATION"}:
            _add(v, found, a, "OPERATES", b, "possessive.operates", cue=(a.start, b.end))
        elif b.type == "FACILITY" and a.type == "LOCATION":
            _add(v, found, b, "LOCATED_IN", a, "possessive.located_in", cue=(a.start, b.end))


# words that make a facility a military installation ("the US's Tanf base"): a state's
# possessive on one names its operator; on a camp, port or prison it names its country
MILITARY_FACILITY_WORDS = _W["military_facility_words"]


def _military(v: DocView, b: Mention) -> bool:
    words = {w.lower() for w in b.name.split()} | {v.low[k] for k in range(b.start, b.end)}
    if b.end < len(v.doc):
        words.add(v.low[b.end])
    return bool(words & MILITARY_FACILITY_WORDS)


# places that run through several regions: "X in Y" after them describes something else
LINEAR_PLACES = _W["linear_places"]


def _in_list(v: DocView, m: Mention) -> bool:
    """``m`` is one item of "A, B and C" (so a comma after it is not an apposition)."""
    if len(phrases.coord_left(v, m, ACTORS + PLACES)) > 1:
        return True
    return len(phrases.coord_right(v, m, ACTORS + PLACES)) > 1


def _part_of_place(v: DocView, k: int, end: int) -> int:
    """"in the northern part of Mali", "in the Syrian part of the Golan Heights": the index
    of the place after "the <direction or demonym> part of (the)"; else ``k``."""
    j = k + 1 if k < end and v.low[k] == "the" else k
    m = v.mention_at(j)
    if m is not None and m.adjectival_form and m.start == j:
        j = m.end  # "the Syrian part of"
    elif j < end and v.low[j] in v.lex["direction_adjectives"]:
        j += 1
    before = v.mention_at(j - 1) if j > 0 else None
    if j + 1 >= end or v.low[j] not in {"part", "parts", "half", "side"} \
            or v.low[j + 1] != "of" or not (v.low[j - 1] in v.lex["direction_adjectives"] or (
                before is not None and before.adjectival_form)):
        return k
    j += 2
    return j + 1 if j < end and v.low[j] == "the" else j


def _list_goes_on(v: DocView, k: int, end: int) -> bool:
    """After "A, B": ", C and D" (capitalised names up to an "and"/"or" and one more
    name) continues a list."""
    if k + 1 >= end or v.low[k] != "," or not v.text[k + 1][:1].isupper():
        return False
    for j in range(k + 2, min(k + 8, end - 1)):
        if v.low[j] in {"and", "or"}:
            return v.text[j + 1][:1].isupper()
        if v.text[j] != "," and not v.text[j][:1].isupper():
            return False
    return False


def _comma_in(v: DocView, found: Findings, a: Mention, k: int, end: int) -> None:
    """"A, in (northern) B," with ``k`` after "in": A lies in B when B ends the phrase."""
    L = v.lex
    while k < end and v.low[k] in L["direction_adjectives"] and v.mention_at(k) is None:
        k += 1
    b = v.mention_at(k)
    if b is None or b.start != k:
        return
    if b.type == "STATE" and phrases.possessive_after(v, b):
        h = phrases.head_of(v, b)
        b = h if h.type == "LOCATION" else None  # "A, in Russia's latest strike": no place
    if b is None or b.type not in {"STATE", "LOCATION"} or b.adjectival_form \
            or not phrases.modifier_ok(v, b):
        return
    nxt = b.end
    while nxt < end and v.low[nxt] in L["area_words"]:
        nxt += 1  # "in Pakistan's Punjab province,"
    if nxt < end and v.low[nxt] not in {",", ".", ";", ":", ")", "\u2014"}:
        return  # "A, in Gaza's north", "A, in Israel on Monday": not an apposed place
    _add(v, found, a, "LOCATED_IN", b, "place.comma_in")


def place_apposition(v: DocView, found: Findings) -> None:
    L = v.lex
    for a in v.mentions:
        if a.type not in PLACES:
            continue
        end = v.seg_end[a.start]
        j = a.end
        if j < end and v.low[j] == ",":
            while j < end and v.low[j] == ",":
                j += 1
            # "al-Waleed crossing, on Iraq's side of the border"
            if j < end and v.low[j] == "on":
                k = j + 1 + (1 if j + 1 < end and v.low[j + 1] == "the" else 0)
                b = v.mention_at(k)
                if b is not None and b.type in {"STATE", "LOCATION"}:
                    nxt = b.end + (1 if b.end < end and v.low[b.end] in L["possessive"] else 0)
                    if nxt < end and v.low[nxt] == "side":
                        _add(v, found, a, "LOCATED_IN", b, "place.side")
                continue
            if j < end and v.low[j] == "in":
                # "Muridke, in Pakistan's Punjab province," / "Kiryat Shmona, in northern
                # Israel"
                if a.type == "LOCATION" and not _in_list(v, a):
                    _comma_in(v, found, a, j + 1, end)
                continue
            b = v.mention_at(j)
            if b is None or b.start != j or b.type not in {"STATE", "LOCATION"}:
                continue
            if b.adjectival_form or phrases.possessive_after(v, b) or _in_list(v, a) \
                    or _in_list(v, b):
                continue
            if any(t.is_lower for t in v.doc[b.start:b.end]):
                continue  # "…, American forces have …": a clause subject, not a place
            if b.end < end and v.low[b.end] not in {",", ".", ";", ":", ")", "\u2014"}:
                continue  # "Tehran, India gets …": B starts a new clause
            if _list_goes_on(v, b.end, end):
                continue  # "Donetsk, Luhansk, Zaporizhzhia and Kherson": names the entities
                # did not all know, listed, not apposed
            _add(v, found, a, "LOCATED_IN", b, "place.comma")
        elif j + 2 < end and v.low[j] == "near" and a.type == "FACILITY":
            # "the X refugee camp near the city of B in the northern West Bank": the site
            # lies in the place that holds B
            k = j + 1
            k += int(v.low[k] == "the")
            if k + 1 < end and v.low[k] in L["place_nouns"] and v.low[k + 1] == "of":
                k += 2
            near = v.mention_at(k)
            if near is None or near.start != k or near.type not in PLACES + ("STATE",) \
                    or near.end + 1 >= end or v.low[near.end] != "in":
                continue
            k = near.end + 1
            k += int(v.low[k] == "the")
            while k < end and v.low[k] in L["direction_adjectives"] and v.mention_at(k) is None:
                k += 1
            b = v.mention_at(k)
            if b is not None and b.start == k and b.type in {"STATE", "LOCATION"} \
                    and not b.adjectival_form and not phrases.possessive_after(v, b):
                _add(v, found, a, "LOCATED_IN", b, "place.near_in")
        elif j < end and v.low[j] in {"in", "inside"}:
            if phrases.governing_prep(v, a) in {"on", "along", "across", "over"} or any(
                    v.low[t] in LINEAR_PLACES for t in range(a.start, a.end)):
                continue  # "a village on the Euphrates in X", "near the border in X": the
                # "in" phrase places the village, not the river or the border
            k = j + 1
            while k < end and v.low[k] in L["direction_adjectives"] and v.mention_at(k) is None:
                k += 1
            k = _part_of_place(v, k, end)
            b = v.mention_at(k)
            if b is not None and b.type == "STATE" and phrases.possessive_after(v, b):
                h = phrases.head_of(v, b)  # "Hmeimim air base in Syria's Latakia province"
                b = h if h.type == "LOCATION" else b
            if b is None or b.type not in {"STATE", "LOCATION"} or not phrases.modifier_ok(v, b):
                continue
            if b.adjectival_form:
                continue
            _add(v, found, a, "LOCATED_IN", b, "place.in")


# words that end a national-force mention ("US troops", "Syrian government forces")
TROOP_WORDS = _W["troop_words"]
STATION_PREPS = _W["station_preps"]


def forces_at(v: DocView, found: Findings) -> None:
    """"US troops at Erbil airport", "Iranian forces in Deir ez-Zor" → DEPLOYED_IN. The
    national-force mention already names the state; the place follows its preposition."""
    for a in v.mentions:
        if a.type != "STATE" or a.end - a.start < 2 or v.low[a.end - 1] not in TROOP_WORDS:
            continue
        j = a.end
        end = v.seg_end[a.start]
        if j >= end or v.low[j] not in STATION_PREPS:
            continue
        k = j + 1
        while k < end and v.low[k] in v.lex["direction_adjectives"] \
                and v.mention_at(k) is None:
            k += 1
        b = v.mention_at(k)
        if b is None or b.type not in {"LOCATION", "FACILITY", "STATE"} or b.adjectival_form:
            continue
        if b.type == "STATE" and phrases.possessive_after(v, b):
            b = phrases.head_of(v, b)
        # "in Iraq and Syria"
        for c in phrases.coord_right(v, b, ("LOCATION", "FACILITY", "STATE")):
            if not c.adjectival_form:
                _add(v, found, a, "DEPLOYED_IN", c, "forces.at", kind="token_tight",
                     cue=(a.start, c.end))


# "Libya, where Russian personnel ...", "the Golan, where Hezbollah has built up posts"
PRESENCE_VERBS = _W["presence_verbs"]
PRESENCE_NOUNS = _W["presence_nouns"]


def where_present(v: DocView, found: Findings) -> None:
    """"P, where X forces ..." / "P, where X has (built) bases/posts/headquarters" →
    (X, DEPLOYED_IN, P): a relative clause on a place that puts an actor's forces there."""
    for a in v.mentions:
        if a.type not in {"STATE", "ORGANIZATION", "GROUP"} \
                or (a.adjectival_form and (a.type != "STATE" or a.end >= v.n)):
            continue  # but "where Russian troops ...": the state's forces
        lo = v.seg_start[a.start]
        k = a.start - 1
        while k >= lo and a.start - k <= 5 and (v.text[k][:1].isdigit() or v.low[k] in {
                "the", "an", "estimated", "roughly", "approximately"}
                or v.low[k] in v.lex["people_quantity_words"]):
            k -= 1  # "where some 4,000 Chadian soldiers": a count of the forces
        if k - 2 < lo or v.low[k] != "where":
            continue
        p = scan.where_antecedent(v, k, ("LOCATION", "FACILITY", "STATE"))
        if p is None:
            continue
        forces = a.type == "STATE" and (a.end - a.start >= 2 or a.adjectival_form) \
            and v.low[a.end - 1 + int(a.adjectival_form)] in TROOP_WORDS
        if not forces:
            end = min(v.seg_end[a.start], a.end + 9)
            verb = next((j for j in range(a.end, min(a.end + 3, end))
                         if v.low[j] in PRESENCE_VERBS), None)
            forces = verb is not None and any(
                v.low[j] in PRESENCE_NOUNS for j in range(verb + 1, end)
                if not v.is_boundary(j))
        if forces:
            _add(v, found, a, "DEPLOYED_IN", p, "where.present", cue=(p.start, a.end))


def _demonym_state(v: DocView, m: Mention) -> Mention | None:
    """The STATE an adjectival mention names: "Syrian" (a STATE ent), or the demonym that
    opens a place name such as "Syrian border"."""
    if m.type == "STATE" and m.adjectival_form:
        return m
    if m.type == "LOCATION" and m.end - m.start >= 2:
        from ..resolve import is_demonym

        first = v.text[m.start]
        if is_demonym(first):
            hit = canonical_name(first, "STATE")
            if hit and hit[1] == "STATE":
                return Mention(m.start, m.start + 1, hit[0], "STATE", "demonym", first)
    return None


def _premod_place(v: DocView, m: Mention) -> bool:
    """``m`` is a place name used as a modifier after "the" (and direction adjectives):
    "the (northern) Kosovo village of", "the Donetsk town of"."""
    if m.type not in {"STATE", "LOCATION"} or m.adjectival_form:
        return False
    k = m.start - 1
    lo = v.seg_start[m.start]
    while k >= lo and v.low[k] in v.lex["direction_adjectives"] and v.low[k] != "the":
        k -= 1
    return k >= lo and v.low[k] == "the"


def demonym_place_of(v: DocView, found: Findings) -> None:
    """"the Syrian border town of al-Tanaf" → al-Tanaf LOCATED_IN Syria; so does a name
    before the place noun: "the northern Kosovo village of Banjska"."""
    L = v.lex
    for s in v.mentions:
        state = _demonym_state(v, s)
        if state is None and _premod_place(v, s):
            state = s
        if state is None:
            continue
        end = v.seg_end[s.start]
        k = s.end
        place = False
        while k < min(s.end + 3, end) and v.alpha[k] and v.lowercase[k] \
                and v.low[k] != "of":
            place = place or v.low[k] in L["place_nouns"]
            k += 1
        if (state is s or any(v.low[j] in L["light_nouns"] or v.low[j] in v.verb_forms
                              for j in range(s.end, k))) \
                and v.low[k - 1] not in L["place_nouns"]:
            continue  # "the Sayyida Zeinab district south of Damascus", "which Armenians
            # call the capital of X": the place noun must end a noun phrase
        if any(v.low[j] in v.verb_forms or v.low[j] in ("the", "a", "an")
               for j in range(s.end, k)):
            continue  # "which Armenians call the capital of X": a clause, not a modifier
        if place and k + 1 < end and v.low[k] == "of":
            b = v.mention_at(k + 1)
            if b is not None and b.type in PLACES:
                _add(v, found, b, "LOCATED_IN", state, "place.demonym_of")


def counterparts(v: DocView, found: Findings) -> None:
    """"his Syrian counterpart, Faisal Mekdad" → (Faisal Mekdad, PART_OF, Syria): a
    counterpart is an official of the state the demonym names."""
    for a in v.mentions:
        if a.type != "STATE" or not a.adjectival_form:
            continue
        j = a.end
        if j + 1 >= v.seg_end[a.start] or v.low[j] != "counterpart":
            continue
        k = j + 2 if v.low[j + 1] == "," else j + 1  # "his Rwandan counterpart (,) X"
        p = v.mention_at(k)
        if p is not None and p.start == k and p.type == "PERSON":
            # the counterpart of a president or prime minister holds that office
            lo = v.seg_start[a.start]
            role = next((v.low[t] for t in range(a.start - 1, max(lo, a.start - 12) - 1, -1)
                         if v.low[t] in HEAD_ROLES or v.low[t] in v.lex["member_roles"]),
                        None)
            rel = "LEADS" if role in HEAD_ROLES and role in v.lex["state_head_roles"] \
                else "PART_OF"
            _add(v, found, p, rel, a, "counterpart." + rel.lower(), kind="token_tight",
                 cue=(a.start, p.end))


def whose_party(v: DocView, found: Findings) -> None:
    """"Lai, whose Democratic Progressive Party champions …" → (Lai, PART_OF, DPP): the
    party a "whose" names after a person is that person's."""
    for p in v.mentions:
        k = p.end
        if p.type != "PERSON" or k + 2 >= v.seg_end[p.start] or v.low[k] != "," \
                or v.low[k + 1] != "whose":
            continue
        j = k + 3 if v.low[k + 2] == "own" else k + 2
        m = v.mention_at(j)
        if m is not None and m.start == j and m.type == "ORGANIZATION" \
                and (v.low[m.end - 1] in v.lex["party_heads"]
                     or v.low[m.start] in v.lex["party_heads"]):  # "Party of Action and ..."
            _add(v, found, p, "PART_OF", m, "whose.party", cue=(p.start, m.end))


def org_of_person(v: DocView, found: Findings) -> None:
    """"the Libyan National Army (LNA) of Khalifa Haftar" → (Khalifa Haftar, LEADS, LNA):
    an organisation "of" a named person is that person's; a named unit "of" an
    organisation or state is part of it ("the Eastern Theatre Command of the PLA")."""
    for a in v.mentions:
        if a.type != "ORGANIZATION":
            continue
        end = v.seg_end[a.start]
        j = phrases.paren_end(v, a.end)
        if j + 1 >= end or v.low[j] != "of":
            continue
        p = v.mention_at(j + 1)
        if p is not None and p.start == j + 1 and p.type == "PERSON" \
                and not phrases.possessive_after(v, p):
            _add(v, found, p, "LEADS", a, "org_of.leads", cue=(a.start, p.end))
        elif a.name.lower().rsplit(" ", 1)[-1] in v.lex["unit_name_heads"]:
            k = j + 1 + int(j + 1 < end and v.low[j + 1] == "the")
            b = v.mention_at(k)
            if b is not None and b.start == k and b.type in {"ORGANIZATION", "STATE"} \
                    and not b.adjectival_form and not phrases.possessive_after(v, b):
                # "the Eastern Theatre Command of the People's Liberation Army": its unit
                _add(v, found, a, "PART_OF", b, "unit_of.part_of", cue=(a.start, b.end))


# "the EU launched its own naval mission, Operation Aspides": a named unit apposed to a
# possessed unit noun belongs to the possessor
UNIT_NOUNS = _W["unit_nouns"]


def owned_unit_apposition(v: DocView, found: Findings) -> None:
    for b in v.mentions:
        if b.type != "ORGANIZATION":
            continue
        lo = v.seg_start[b.start]
        k = b.start - 1
        if k - 1 < lo or v.low[k] != "," or v.low[k - 1] not in UNIT_NOUNS:
            continue
        j = k - 2
        while j >= lo and k - 1 - j <= 3 and v.mention_at(j) is None and v.lowercase[j] \
                and v.alpha[j] and v.low[j] not in v.lex["prepositions"]:
            j -= 1  # "its own naval [mission]"
        if j > lo and v.low[j] in v.lex["possessive"]:
            j -= 1  # "France's own naval mission"
        owner = v.mention_at(j) if j >= lo else None
        if owner is None or owner.type not in {"STATE", "ORGANIZATION"} \
                or not phrases.possessive_after(v, owner) or owner.name == b.name:
            continue
        _add(v, found, b, "PART_OF", owner, "unit.apposition", cue=(owner.start, b.end))


HEAD_ROLES = _W["head_roles"]
STATE_BODY_NOUNS = _W["state_body_nouns"]


def leader_government(v: DocView, found: Findings) -> None:
    """"President Ahmed al-Sharaa's government" → (Ahmed al-Sharaa, LEADS, Syria): the
    entities read "<leader>'s government" as the state, so the head-of-state title before
    it has no person of its own; the known person written inside the mention leads the
    state it names."""
    for m in v.mentions:
        if m.type != "STATE" or m.end - m.start < 3 or v.low[m.end - 1] not in STATE_BODY_NOUNS \
                or v.low[m.end - 2] not in v.lex["possessive"]:
            continue
        lo = v.seg_start[m.start]
        k = m.start - 1
        if k < lo or not (v.low[k] in HEAD_ROLES
                          or (k - 1 >= lo and f"{v.low[k - 1]} {v.low[k]}" in HEAD_ROLES)):
            continue
        hit = canonical_name(v.doc[m.start:m.end - 2].text, "PERSON")
        if hit is None or hit[1] != "PERSON":
            continue
        p = Mention(m.start, m.end - 2, hit[0], "PERSON", "title", v.doc[m.start:m.end - 2].text)
        _add(v, found, p, "LEADS", m, "title.government", kind="token_tight",
             cue=(k, m.end))


FORCE_UNIT_HEADS = _W["force_unit_heads"]


def state_in_name(v: DocView, found: Findings) -> None:
    """"U.S. Africa Command", "US Central Command (CENTCOM)" → PART_OF the United States:
    a known body of a state (gazetteer ``part_of``) whose written name opens with that
    state's name."""
    gz = gazetteer()
    for m in v.mentions:
        if m.type != "ORGANIZATION" or m.end - m.start < 2 or m.source == "coref" \
                or v.low[m.end - 1] not in FORCE_UNIT_HEADS:
            continue  # a command or a force ("Africa Command"), not a ministry or parliament
        state = gz.container(m.name)
        if state is None or state.type != "STATE":
            continue
        for j in (m.start + 1, m.start + 2):
            if j >= m.end:
                break
            hit = canonical_name(v.doc[m.start:j].text, "STATE")
            if hit is not None and hit[0] == state.name:
                owner = Mention(m.start, j, state.name, "STATE", "name", v.doc[m.start:j].text)
                _add(v, found, m, "PART_OF", owner, "name.part_of", cue=(m.start, m.end))
                break


def _ousted(v: DocView, k: int) -> bool:
    """The title at ``k`` is the object of an ousting verb ("toppled (elected) President
    X", "ousted the prime minister, X")."""
    lo = v.seg_start[k]
    j = k - 1
    while j >= lo and k - j <= 3 and v.low[j] in v.lex["ousted_title_fillers"]:
        j -= 1
    return j >= lo and v.low[j] in v.lex["ousting_verbs"]


def _took_power(v: DocView, k: int) -> bool:
    """", who seized / took power …" right after the person ending at ``k``."""
    end = v.seg_end[k - 1]
    if k + 3 >= len(v.low) or v.low[k] != "," or v.low[k + 1] != "who":
        return False
    j = k + 2
    while j < min(k + 5, end) and v.low[j] in {"has", "had", "later", "then", "first"}:
        j += 1
    return j + 1 < len(v.low) and v.low[j] in v.lex["power_taking_verbs"] \
        and v.low[j + 1] == "power"


def titles(v: DocView, found: Findings) -> None:
    """LEADS / PART_OF from ``kg_entities``' title constructions."""
    doc = v.doc
    if "kg_titles" not in doc.spans:
        return
    for sp in doc.spans["kg_titles"]:
        info = getattr(sp._, "kg_title", None) if sp.has_extension("kg_title") else None
        if not info or not info.get("relation") or not info.get("org"):
            continue
        rel = info["relation"]
        if rel not in {"LEADS", "PART_OF"}:
            continue
        ps, pe = info.get("person_start"), info.get("person_end")
        os_, oe = info.get("org_start"), info.get("org_end")
        if ps is not None and os_ is None and info.get("org_inferred"):
            # "In Syria, President Ahmed al-Sharaa …": the gazetteer's organisation counts
            # when the sentence names it too (that mention is the evidence)
            sent = doc[ps].sent
            same = [m for m in v.mentions if m.name == info["org"]
                    and sent.start <= m.start and m.end <= sent.end] \
                or [m for m in v.mentions if m.name == info["org"]]
            # "The cabinet met under President X" in an article that names the state
            # elsewhere: the gazetteer's organisation, evidenced by the document
            if same:
                m = min(same, key=lambda m: abs(m.start - ps))
                os_, oe = m.start, m.end
        if ps is None or os_ is None:
            continue
        if oe + 1 < len(doc) and v.low[oe] in v.lex["possessive"]:
            owned = v.mention_at(oe + 1)
            if owned is not None and owned.start == oe + 1 and owned.type == "ORGANIZATION":
                # "commander of Iran's Quds Force": the role is in the owned organisation
                info = dict(info, org=owned.name, org_type=owned.type)
                os_, oe = owned.start, owned.end
        if rel == "LEADS" and _ousted(v, sp.start):
            continue  # "who toppled elected President X": X leads no more
        if rel == "PART_OF" and info.get("org_type") == "STATE" and _took_power(v, pe):
            rel = "LEADS"  # "Senior General X, who seized power in a 2021 coup": the ruler
        p = Mention(ps, pe, info["person"], "PERSON", "title", doc[ps:pe].text)
        o = Mention(os_, oe, info["org"], info.get("org_type") or "ORGANIZATION", "title",
                    doc[os_:oe].text)
        _add(v, found, p, rel, o, "title." + rel.lower(), kind="token_tight",
             cue=(sp.start, sp.end))


def group_members(v: DocView, found: Findings) -> None:
    """PART_OF from ``kg_entities``' named groups ("Britain, France and Germany … The
    trio, known as the E3": each listed state PART_OF E3); the group's mention nearest the
    member is the evidence."""
    doc = v.doc
    if "kg_members" not in doc.spans:
        return
    for sp in doc.spans["kg_members"]:
        member = v.mention_at(sp.start)
        group = min((m for m in v.mentions if m.name == sp.kb_id_),
                    key=lambda m: abs(m.start - sp.start), default=None)
        if member is not None and group is not None:
            _add(v, found, member, "PART_OF", group, "group.member", kind="token_tight",
                 cue=(group.start, group.end))


def run(v: DocView, found: Findings) -> None:
    possessives(v, found)
    place_apposition(v, found)
    forces_at(v, found)
    where_present(v, found)
    demonym_place_of(v, found)
    counterparts(v, found)
    whose_party(v, found)
    org_of_person(v, found)
    owned_unit_apposition(v, found)
    titles(v, found)
    state_in_name(v, found)
    leader_government(v, found)
    group_members(v, found)
