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

from ..resolve import canonical_name, gazetteer, vocab
from .frame_common import CONF, Cand, role_words
from .frames import Linker
from .mentions import Mention

ACTORS = ("STATE", "ORGANIZATION", "PERSON", "GROUP")
PLACES = ("FACILITY", "LOCATION")


def _add(lk: Linker, s: Mention, rel: str, o: Mention, rule: str, kind: str = "heuristic",
         cue: tuple[int, int] | None = None) -> None:
    if s.name == o.name:
        return
    lk.cands.append(Cand(s, rel, o, rule, kind, CONF[kind], cue or (s.start, o.end)))


# organisations that are not a state's (or a parent organisation's) own body
NON_STATE_HEADS = vocab()["non_state_heads"]
# "its NATO ally Turkey": a possessed name before these nouns only modifies them
RELATIONAL_NOUNS = vocab()["relational_nouns"]


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


def possessives(lk: Linker) -> None:
    L = lk.lex
    title_words = L["honorifics"] | L["role_modifiers"] | role_words(L)
    for a in lk.mentions:
        if a.type not in ("STATE", "ORGANIZATION", "LOCATION") or not lk.possessive_after(a):
            continue
        j = a.end + (1 if a.end < len(lk.doc) and lk.low[a.end] in L["possessive"] else 0)
        end = lk.seg_end[a.start]
        head_role = False
        k = j
        while k < min(j + 4, end) and lk.mention_at(k) is None and lk.low[k] in title_words:
            head_role = head_role or lk.low[k] in L["head_roles"]
            k += 1
        b = lk.mention_at(k)
        if b is None or b.start != k or lk.low[k - 1:k] == [","]:
            continue
        if b.end < end and lk.low[b.end] in RELATIONAL_NOUNS:
            continue  # "its NATO ally Turkey": NATO is not the possessed actor
        if b.type == "ORGANIZATION" and a.type in ("STATE", "ORGANIZATION") \
                and not _body_of(b, a):
            continue  # "Lebanon's Hezbollah" is not part of Lebanon
        if b.type in ("PERSON", "ORGANIZATION", "GROUP") and a.type in ("STATE", "ORGANIZATION"):
            rel = "LEADS" if head_role and b.type == "PERSON" else "PART_OF"
            _add(lk, b, rel, a, "possessive." + rel.lower(), cue=(a.start, b.end))
        elif b.type == "LOCATION" and a.type in ("STATE", "LOCATION"):
            _add(lk, b, "LOCATED_IN", a, "possessive.located_in", cue=(a.start, b.end))
        elif b.type == "FACILITY" and a.type == "STATE" and not _military(lk, b):
            # "Syria's al-Hol camp", "Iraq's Basra port": where it is, not who runs it
            _add(lk, b, "LOCATED_IN", a, "possessive.located_in", cue=(a.start, b.end))
        elif b.type == "FACILITY" and a.type in ("STATE", "ORGANIZATION"):
            _add(lk, a, "OPERATES", b, "possessive.operates", cue=(a.start, b.end))
        elif b.type == "FACILITY" and a.type == "LOCATION":
            _add(lk, b, "LOCATED_IN", a, "possessive.located_in", cue=(a.start, b.end))


# words that make a facility a military installation ("the US's Tanf base"): a state's
# possessive on one names its operator; on a camp, port or prison it names its country
MILITARY_FACILITY_WORDS = frozenset({"base", "bases", "airbase", "garrison", "outpost",
                                     "naval", "air", "military", "barracks", "fort"})


def _military(lk: Linker, b: Mention) -> bool:
    words = {w.lower() for w in b.name.split()} | {lk.low[k] for k in range(b.start, b.end)}
    if b.end < len(lk.doc):
        words.add(lk.low[b.end])
    return bool(words & MILITARY_FACILITY_WORDS)


# places that run through several regions: "X in Y" after them describes something else
LINEAR_PLACES = frozenset({"border", "borders", "frontier", "river", "highway", "road", "line"})


def _in_list(lk: Linker, m: Mention) -> bool:
    """``m`` is one item of "A, B and C" (so a comma after it is not an apposition)."""
    if len(lk.coord_left(m, ACTORS + PLACES)) > 1:
        return True
    return len(lk.coord_right(m, ACTORS + PLACES)) > 1


def place_apposition(lk: Linker) -> None:
    L = lk.lex
    for a in lk.mentions:
        if a.type not in PLACES:
            continue
        end = lk.seg_end[a.start]
        j = a.end
        if j < end and lk.low[j] == ",":
            while j < end and lk.low[j] == ",":
                j += 1
            # "al-Waleed crossing, on Iraq's side of the border"
            if j < end and lk.low[j] == "on":
                k = j + 1 + (1 if j + 1 < end and lk.low[j + 1] == "the" else 0)
                b = lk.mention_at(k)
                if b is not None and b.type in ("STATE", "LOCATION"):
                    nxt = b.end + (1 if b.end < end and lk.low[b.end] in L["possessive"] else 0)
                    if nxt < end and lk.low[nxt] == "side":
                        _add(lk, a, "LOCATED_IN", b, "place.side")
                continue
            b = lk.mention_at(j)
            if b is None or b.start != j or b.type not in ("STATE", "LOCATION"):
                continue
            if b.adjectival_form or lk.possessive_after(b) or _in_list(lk, a) or _in_list(lk, b):
                continue
            if any(t.is_lower for t in lk.doc[b.start:b.end]):
                continue  # "…, American forces have …": a clause subject, not a place
            if b.end < end and lk.low[b.end] not in (",", ".", ";", ":", ")", "\u2014"):
                continue  # "Tehran, India gets …": B starts a new clause
            _add(lk, a, "LOCATED_IN", b, "place.comma")
        elif j < end and lk.low[j] in ("in", "inside"):
            if lk.governing_prep(a) in ("on", "along", "across", "over") or any(
                    lk.low[t] in LINEAR_PLACES for t in range(a.start, a.end)):
                continue  # "a village on the Euphrates in X", "near the border in X": the
                # "in" phrase places the village, not the river or the border
            k = j + 1
            while k < end and lk.low[k] in L["direction_adjectives"] and lk.mention_at(k) is None:
                k += 1
            b = lk.mention_at(k)
            if b is not None and b.type == "STATE" and lk.possessive_after(b):
                h = lk.head_of(b)  # "Hmeimim air base in Syria's Latakia province"
                b = h if h.type == "LOCATION" else b
            if b is None or b.type not in ("STATE", "LOCATION") or not lk.modifier_ok(b):
                continue
            if b.adjectival_form:
                continue
            _add(lk, a, "LOCATED_IN", b, "place.in")


# words that end a national-force mention ("US troops", "Syrian government forces")
TROOP_WORDS = frozenset({"troops", "forces", "soldiers", "army", "military", "navy", "personnel",
                         "marines", "units", "contingent", "warships"})
STATION_PREPS = frozenset({"in", "at", "near", "inside", "around", "along", "across"})


def forces_at(lk: Linker) -> None:
    """"US troops at Erbil airport", "Iranian forces in Deir ez-Zor" → DEPLOYED_IN. The
    national-force mention already names the state; the place follows its preposition."""
    for a in lk.mentions:
        if a.type != "STATE" or a.end - a.start < 2 or lk.low[a.end - 1] not in TROOP_WORDS:
            continue
        j = a.end
        end = lk.seg_end[a.start]
        if j >= end or lk.low[j] not in STATION_PREPS:
            continue
        k = j + 1
        while k < end and lk.low[k] in lk.lex["direction_adjectives"] \
                and lk.mention_at(k) is None:
            k += 1
        b = lk.mention_at(k)
        if b is None or b.type not in ("LOCATION", "FACILITY", "STATE") or b.adjectival_form:
            continue
        if b.type == "STATE" and lk.possessive_after(b):
            b = lk.head_of(b)
        for c in lk.coord_right(b, ("LOCATION", "FACILITY", "STATE")):  # "in Iraq and Syria"
            if not c.adjectival_form:
                _add(lk, a, "DEPLOYED_IN", c, "forces.at", kind="token_tight",
                     cue=(a.start, c.end))


# "Libya, where Russian personnel ...", "the Golan, where Hezbollah has built up posts"
PRESENCE_VERBS = frozenset({"has", "have", "had", "maintains", "maintain", "maintained",
                            "keeps", "keep", "kept", "built", "build", "builds", "established",
                            "establish", "set", "operates", "operate", "runs", "run"})
PRESENCE_NOUNS = frozenset({"headquarters", "base", "bases", "posts", "outposts", "positions",
                            "troops", "forces", "presence", "garrison", "garrisons", "units",
                            "fighters", "personnel", "camps", "camp"})


def where_present(lk: Linker) -> None:
    """"P, where X forces ..." / "P, where X has (built) bases/posts/headquarters" →
    (X, DEPLOYED_IN, P): a relative clause on a place that puts an actor's forces there."""
    for a in lk.mentions:
        if a.type not in ("STATE", "ORGANIZATION", "GROUP") or a.adjectival_form:
            continue
        lo = lk.seg_start[a.start]
        k = a.start - 1
        if k >= lo and lk.low[k] == "the":
            k -= 1
        if k - 2 < lo or lk.low[k] != "where" or lk.low[k - 1] != ",":
            continue
        p = lk.mention_at(k - 2)
        if p is None or p.type not in ("LOCATION", "FACILITY", "STATE") or p.adjectival_form:
            continue
        forces = a.type == "STATE" and a.end - a.start >= 2 \
            and lk.low[a.end - 1] in TROOP_WORDS
        if not forces:
            end = min(lk.seg_end[a.start], a.end + 9)
            verb = next((j for j in range(a.end, min(a.end + 3, end))
                         if lk.low[j] in PRESENCE_VERBS), None)
            forces = verb is not None and any(
                lk.low[j] in PRESENCE_NOUNS for j in range(verb + 1, end)
                if not lk.is_boundary(j))
        if forces:
            _add(lk, a, "DEPLOYED_IN", p, "where.present", cue=(p.start, a.end))


def _demonym_state(lk: Linker, m: Mention) -> Mention | None:
    """The STATE an adjectival mention names: "Syrian" (a STATE ent), or the demonym that
    opens a place name such as "Syrian border"."""
    if m.type == "STATE" and m.adjectival_form:
        return m
    if m.type == "LOCATION" and m.end - m.start >= 2:
        from ..resolve import is_demonym

        first = lk.text[m.start]
        if is_demonym(first):
            hit = canonical_name(first, "STATE")
            if hit and hit[1] == "STATE":
                return Mention(m.start, m.start + 1, hit[0], "STATE", "demonym", first)
    return None


def demonym_place_of(lk: Linker) -> None:
    """"the Syrian border town of al-Tanaf" → al-Tanaf LOCATED_IN Syria."""
    L = lk.lex
    for s in lk.mentions:
        state = _demonym_state(lk, s)
        if state is None:
            continue
        end = lk.seg_end[s.start]
        k = s.end
        place = False
        while k < min(s.end + 3, end) and lk.alpha[k] and lk.lowercase[k] \
                and lk.low[k] != "of":
            place = place or lk.low[k] in L["place_nouns"]
            k += 1
        if place and k + 1 < end and lk.low[k] == "of":
            b = lk.mention_at(k + 1)
            if b is not None and b.type in PLACES:
                _add(lk, b, "LOCATED_IN", state, "place.demonym_of")


def counterparts(lk: Linker) -> None:
    """"his Syrian counterpart, Faisal Mekdad" → (Faisal Mekdad, PART_OF, Syria): a
    counterpart is an official of the state the demonym names."""
    for a in lk.mentions:
        if a.type != "STATE" or not a.adjectival_form:
            continue
        j = a.end
        if j + 2 >= lk.seg_end[a.start] or lk.low[j] != "counterpart" or lk.low[j + 1] != ",":
            continue
        p = lk.mention_at(j + 2)
        if p is not None and p.start == j + 2 and p.type == "PERSON":
            _add(lk, p, "PART_OF", a, "counterpart.part_of", kind="token_tight",
                 cue=(a.start, p.end))


def org_of_person(lk: Linker) -> None:
    """"the Libyan National Army (LNA) of Khalifa Haftar" → (Khalifa Haftar, LEADS, LNA):
    an organisation "of" a named person is that person's."""
    for a in lk.mentions:
        if a.type != "ORGANIZATION":
            continue
        end = lk.seg_end[a.start]
        j = lk.paren_end(a.end)
        if j + 1 >= end or lk.low[j] != "of":
            continue
        p = lk.mention_at(j + 1)
        if p is not None and p.start == j + 1 and p.type == "PERSON" \
                and not lk.possessive_after(p):
            _add(lk, p, "LEADS", a, "org_of.leads", cue=(a.start, p.end))


# "the EU launched its own naval mission, Operation Aspides": a named unit apposed to a
# possessed unit noun belongs to the possessor
UNIT_NOUNS = frozenset({"mission", "operation", "force", "unit", "wing", "arm", "branch",
                        "agency", "service", "brigade", "division", "militia", "command"})


def owned_unit_apposition(lk: Linker) -> None:
    for b in lk.mentions:
        if b.type != "ORGANIZATION":
            continue
        lo = lk.seg_start[b.start]
        k = b.start - 1
        if k - 1 < lo or lk.low[k] != "," or lk.low[k - 1] not in UNIT_NOUNS:
            continue
        j = k - 2
        while j >= lo and k - 1 - j <= 3 and lk.mention_at(j) is None and lk.lowercase[j] \
                and lk.alpha[j] and lk.low[j] not in lk.lex["prepositions"]:
            j -= 1  # "its own naval [mission]"
        if j > lo and lk.low[j] in lk.lex["possessive"]:
            j -= 1  # "France's own naval mission"
        owner = lk.mention_at(j) if j >= lo else None
        if owner is None or owner.type not in ("STATE", "ORGANIZATION") \
                or not lk.possessive_after(owner) or owner.name == b.name:
            continue
        _add(lk, b, "PART_OF", owner, "unit.apposition", cue=(owner.start, b.end))


def titles(lk: Linker) -> None:
    """LEADS / PART_OF from ``kg_entities``' title constructions."""
    doc = lk.doc
    if "kg_titles" not in doc.spans:
        return
    for sp in doc.spans["kg_titles"]:
        info = getattr(sp._, "kg_title", None) if sp.has_extension("kg_title") else None
        if not info or not info.get("relation") or not info.get("org"):
            continue
        rel = info["relation"]
        if rel not in ("LEADS", "PART_OF"):
            continue
        ps, pe = info.get("person_start"), info.get("person_end")
        os_, oe = info.get("org_start"), info.get("org_end")
        if ps is not None and os_ is None and info.get("org_inferred"):
            # "In Syria, President Ahmed al-Sharaa …": the gazetteer's organisation counts
            # when the sentence names it too (that mention is the evidence)
            sent = doc[ps].sent
            same = [m for m in lk.mentions if m.name == info["org"]
                    and sent.start <= m.start and m.end <= sent.end]
            if same:
                m = min(same, key=lambda m: abs(m.start - ps))
                os_, oe = m.start, m.end
        if ps is None or os_ is None:
            continue
        p = Mention(ps, pe, info["person"], "PERSON", "title", doc[ps:pe].text)
        o = Mention(os_, oe, info["org"], info.get("org_type") or "ORGANIZATION", "title",
                    doc[os_:oe].text)
        _add(lk, p, rel, o, "title." + rel.lower(), kind="token_tight", cue=(sp.start, sp.end))


def run(lk: Linker) -> None:
    possessives(lk)
    place_apposition(lk)
    forces_at(lk)
    where_present(lk)
    demonym_place_of(lk)
    counterparts(lk)
    org_of_person(lk)
    owned_unit_apposition(lk)
    titles(lk)
