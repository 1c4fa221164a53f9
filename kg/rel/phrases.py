"""Noun-phrase questions the frames ask about a token or a mention: which mention sits
at a token, what governs it (a preposition? a verb?), which mention it modifies, which
mentions are coordinated with it, and what an unnamed group noun is in apposition to.

Plain functions over the read-only :class:`~kg.rel.view.DocView` (no state of their own),
so the phrase logic can be read apart from the clause scans built on it (:mod:`.scan`).
"""

from __future__ import annotations

from ..resolve import gazetteer
from .frame_common import APPOSITION_DETERMINERS, PLACE_TYPES
from .mentions import SET_SEP, Mention, members
from .view import DocView

# "Hezbollah, the Lebanese group", "the SDF — a US-backed alliance —"
APPOSITION_MARKS = frozenset({",", "\u2014", "\u2013"})

MODIFIER_GAP_MAX = 3  # words allowed between a modifier mention and the mention it modifies


# ---- small predicates -------------------------------------------------------------
def governing_prep(v: DocView, m: Mention) -> str | None:
    """The preposition governing ``m``, looking through a list it belongs to
    ("from Afghanistan, Iraq, and Syria" → "from" for all three)."""
    seen = 0
    while seen < 8:
        g = v.governor(m)
        if g < v.seg_start[m.start]:
            return None
        w = v.low[g]
        if w == "of" and m.type in {"LOCATION", "FACILITY"} and g > v.seg_start[m.start] \
                and v.low[g - 1] in v.lex["place_nouns"]:
            return None  # "the town of Bakhmut": the name is the phrase's head, not an "of"-object
        if w == "in" and m.type == "STATE" and m.text != m.name and g > v.seg_start[m.start] \
                and v.low[g - 1] in v.lex["state_body_nouns"]:
            return None  # "the government in Khartoum accused": the seat names the state
        if w in v.lex["prepositions"]:
            return w
        if w in v.lex["possessive"] and (owner := v.mention_at(g - 1)) is not None \
                and owner is not m and owner.end == g:
            m = owner  # "home to the U.S. Navy's Fifth Fleet": the possessor's preposition
            seen += 1
            continue
        if w not in {"and", "or", ","}:
            return None
        if w == "," and not list_continues(v, m):
            return None  # "Through the coalition, Washington supports ...": not a list
        k = g - 1
        while k >= v.seg_start[m.start] and v.low[k] in {",", "and", "or"}:
            k -= 1
        prev = v.mention_at(k)
        if prev is None or prev is m:
            return None
        if {prev.type, m.type} & {"LOCATION", "FACILITY"} \
                and {prev.type, m.type} & {"ORGANIZATION", "PERSON", "GROUP"}:
            return None  # "in the mountains, and they attacked ...": no list of both
        m = prev
        seen += 1
    return None


def list_continues(v: DocView, m: Mention) -> bool:
    k = m.end
    end = v.seg_end[m.start]
    return k < end and v.low[k] in {",", "and", "or"}


def is_prep_object(v: DocView, m: Mention, allow_by: bool = False) -> bool:
    w = governing_prep(v, m)
    return w is not None and not (w == "by" and allow_by)


def is_verb_object(v: DocView, m: Mention) -> bool:
    g = v.governor(m)
    if g > v.seg_start[m.start] and v.text[g - 1] in {"-", "\u2013"}:
        return False  # "Kurdish-led SDF": a compound modifier, not a verb
    return g >= v.seg_start[m.start] and v.low[g] in v.verb_forms


def possessive_after(v: DocView, m: Mention) -> bool:
    if m.end < len(v.doc) and v.low[m.end] in v.lex["possessive"]:
        return True
    text, name = m.text.lower(), m.name.lower()
    return (m.source == "coref" and text in v.lex["possessive_pronouns"]) or (
        text.endswith("s") and not name.endswith("s") and text[:-1] == name.split()[-1])


def modifier_ok(v: DocView, m: Mention) -> bool:
    """An adjectival demonym names its state unless it modifies a non-state noun."""
    doc = v.doc
    if m.end + 1 < len(doc) and v.text[m.end] in {"-", "\u2013"} \
            and v.low[m.end + 1] not in {"led", "held", "controlled"} \
            and v.alpha[m.end + 1]:
        return False  # "Iran-Iraq border", "US-Iranian struggle": part of a compound
    if m.type == "STATE" and not m.adjectival_form and m.end + 1 < v.seg_end[m.start] \
            and v.low[m.end] in v.lex["possessive"]:
        j = m.end + 1  # "Syria's rebels", "Haiti's gangs": the state's, not the state
        while j < min(m.end + 4, v.seg_end[m.start]) and v.low[j] in v.lex["np_modifiers"]:
            j += 1
        return not (j < v.seg_end[m.start] and v.low[j] in v.lex["possessed_non_state_heads"])
    if not m.adjectival_form or m.end >= len(doc):
        return True
    j = m.end
    end = v.seg_end[m.start]
    # "Syrian government forces" is Syria; "Syrian oil fields", "Syrian men" are not
    while j < min(m.end + 3, end) and v.alpha[j] and v.lowercase[j]:
        if v.low[j] in v.lex["non_state_heads"] and not (
                m.type == "ORGANIZATION" and (v.low[j] in v.lex["group_nouns"]
                                       or v.low[j] in v.lex["members_of_nouns"])):
            return False  # but "Houthi fighters" are the Houthis: a group's own members
        if v.low[j] not in v.lex["np_modifiers"]:
            break
        j += 1
    return True


def labels_an_affiliate(v: DocView, m: Mention) -> bool:
    """Does ``m`` only label another actor, "the al-Qaeda affiliate", "an Iranian proxy",
    "a Russian ally" (a determiner before it, an ``affiliate_nouns`` word right after)? The
    affiliate acts, not ``m``."""
    k = m.start - 1
    return m.end < v.n and v.low[m.end] in v.lex["affiliate_nouns"] \
        and k >= v.seg_start[m.start] and v.low[k] in APPOSITION_DETERMINERS


# ---- heads and coordination ------------------------------------------------------------
def head_of(v: DocView, m: Mention) -> Mention:
    """The mention a modifier belongs to: "Iran's Revolutionary Guards" → the Guards."""
    end = v.seg_end[m.start]
    j = m.end
    if j < end and v.low[j] in v.lex["possessive"]:
        j += 1
    elif not m.adjectival_form:
        # a full name heads its own phrase ("the SDF fought ISIS") unless a title or a
        # place noun follows: "ISIS leader Abu Bakr", "the Syrian border town of X"
        k = j
        while k < end and v.low[k] in v.title_words and k - j < 4:
            k += 1
        n = v.mention_at(k)
        if k > j and n is not None and n.start == k and n.type == "PERSON" \
                and v.low[j] != "of":  # "the LNA of commander X": the force heads it
            return n
        k = j
        while k < end and v.low[k] in v.lex["place_nouns"] and k - j < 3:
            k += 1
        n = v.mention_at(k + 1) if k < end and v.low[k] == "of" else None
        return n if k > j and n is not None and n.start == k + 1 else m
    if j + 2 < end and v.low[j] in {"counterpart", "counterparts"} \
            and v.low[j + 1] == ",":
        n = v.mention_at(j + 2)  # "his Syrian counterpart, Faisal Mekdad" → the person
        if n is not None and n.start == j + 2 and n.type == "PERSON":
            return n
    limit = j + MODIFIER_GAP_MAX
    saw_place = saw_title = False
    if j == m.end and j + 2 < end and v.text[j] in {"-", "\u2013"} \
            and v.alpha[j + 1] and v.lowercase[j + 1] \
            and v.low[j + 1] != "led":
        j += 2  # "Iran-aligned Houthis", "US-backed SDF": the head follows
        n = v.mention_at(j)
        return n if n is not None and n.start == j else m
    while j < min(limit + 1, end):
        n = v.mention_at(j)
        if n is not None:
            if j == m.end and not possessive_after(v, m):
                return m  # two mentions side by side without a marker: keep the first
            return n
        w = v.low[j]
        if w == "of" and (saw_place or saw_title):
            j += 1
            continue
        if w in v.title_words and not v.lowercase[j]:
            saw_title = True
            j += 1
            limit += 1
            continue
        if v.is_boundary(j) or v.punct[j] or w in v.lex["prepositions"] \
                or w in {"and", "or"} or not v.alpha[j] \
                or w in v.lex["relative_pronouns"] or w in v.lex["clause_aux"]:
            break
        if w in v.lex["place_nouns"]:
            saw_place = True
        j += 1
    return m


def coord_right(v: DocView, m: Mention, types: tuple[str, ...]) -> list[Mention]:
    """``m`` and the mentions coordinated after it. Commas alone do not make a list
    ("Dohuk, Iraq" is an apposition): the chain needs an "and"/"or"."""
    if SET_SEP in m.name:
        return members(m)  # "the two countries": both, a list in one mention
    out = [m]
    conj = False
    end = v.seg_end[m.start]
    j = m.end
    while j < end:
        while j < end and v.low[j] in v.lex["force_nouns"] and v.mention_at(j) is None:
            j += 1  # "backed by US aircraft and by ...": the force noun ends the item
        k = paren_end(v, j)  # "the PKK (PKK) and the YPG": skip the acronym
        skipped_pp = False
        if k + 1 < end and v.low[k] in {"in", "from"} and m.type not in {"STATE",
                                                                          "LOCATION"}:
            p = v.mention_at(k + 1)  # "Hezbollah in Lebanon, Hamas in Gaza and ..."
            if p is not None and p.start == k + 1 and p.type in {"LOCATION", "STATE"}:
                k, skipped_pp = p.end, True
        saw = False
        while k < end and v.low[k] in {",", "and", "or", "&"}:
            saw = True
            conj = conj or v.low[k] != ","
            k += 1
        if not saw:
            break
        while k < end and v.low[k] in v.skippable and v.mention_at(k) is None:
            k += 1
        if k + 2 < end and v.low[k] == "so" and v.text[k + 1] == "-" and v.low[k + 2] == "called":
            k += 3  # "A and the so-called B": a name the writer distances himself from
        if m.type == "PERSON":
            t = k
            if (d := v.mention_at(t)) is not None and d.adjectival_form and d.type == "STATE" \
                    and d.end < end and v.low[d.end] in v.title_words:
                t = d.end  # "A and Russian President B"
            while t < end and t - k < 4 and v.mention_at(t) is None and v.low[t] in v.title_words:
                t += 1  # "met Foreign Minister A and Defence Minister B": both persons
            if t > k and (p := v.mention_at(t)) is not None and p.type == "PERSON":
                k = t
        if k + 1 < end and v.low[k] in {"in", "at", "near"} and v.mention_at(k) is None \
                and m.type in {"LOCATION", "FACILITY"} and all(t in PLACE_TYPES for t in types):
            k += 1  # "active in the desert of Anbar and in the Hamrin mountains"
            skipped_pp = False  # "at A in B and at C": C is a new place phrase
            while k < end and v.low[k] in v.skippable and v.mention_at(k) is None:
                k += 1
            if (p := v.mention_at(k)) is not None and p.adjectival_form:
                break  # "in Aden and in the Saudi capital": the capital is not named
        if k + 1 < end and v.low[k] == "by" and v.mention_at(k) is None \
                and governing_prep(v, out[0]) == "by":
            k += 1  # "backed by A and by B": the agent phrase repeats its preposition
            while k < end and v.low[k] in v.skippable and v.mention_at(k) is None:
                k += 1
        n = v.mention_at(k)
        if n is not None and n.adjectival_form and n.end + 2 < end \
                and v.text[n.end] in {"-", "\u2013"} \
                and v.low[n.end + 1] in v.lex["compound_participles"] \
                and (named := v.mention_at(n.end + 2)) is not None:
            n = named  # "Turkey and Turkish-backed factions": the item is the factions
        if n is None or n.type not in types or not modifier_ok(v, n):
            break
        if n.source == "coref" and n.text.lower() in v.lex["possessive_pronouns"]:
            break  # "Syrian forces and their vehicles": the item is not the pronoun
        if skipped_pp and n.type in {"STATE", "LOCATION"}:
            break  # "ISIS in Syria and Iraq": the list continues the place phrase
        n = head_of(v, n)
        if len(out) == 1 and v.low[j] == "," and starts_clause(v, n):
            break  # "funds the group, and the IRGC sends it ...": a new subject
        out.append(n)
        j = n.end
    return out if conj else [m]


def starts_clause(v: DocView, m: Mention) -> bool:
    """Is ``m`` followed by a finite verb or an auxiliary, i.e. the subject of a new
    clause rather than one more item of a list?"""
    k = m.end
    end = v.seg_end[m.start]
    while k < end and v.low[k] in {"also", "then", "later", "now", "still", "has",
                                      "have", "had"}:
        k += 1
    if k >= end:
        return False
    w = v.low[k]
    return (w in v.verb_forms and not w.endswith("ing")) \
        or w in v.lex["clause_aux"] or (k > m.end and w.endswith("ed"))


def part_of_named(v: DocView, m: Mention) -> bool:
    """Does the phrase name only a part of ``m`` ("eastern Libya", "most of Syria",
    "Yemen's capital")?"""
    if m.end < v.n and v.low[m.end] in v.lex["possessive"]:
        return True
    k = m.start - 1
    lo = v.seg_start[m.start]
    if k >= lo and v.low[k] in v.lex["direction_adjectives"] and v.low[k] != "the":
        return True
    return k - 1 >= lo and v.low[k] == "of" and v.low[k - 1] in v.lex["place_part_nouns"]


def bare_part_object(v: DocView, k: int) -> bool:
    """Is the noun at ``k`` ("part", ``quantity_part_nouns``) the bare object of a verb,
    a quantity ("has funded part of the mission", "destroyed part of X's arsenal"), not a
    membership ("is part of", "X, part of Y", "became part of", "as part of", "a key part
    of")? Only the word right before decides: a preposition other than "as", or a
    lower-case word that is no copula, auxiliary or conjunction and is not itself after a
    determiner ("an integral part")."""
    if v.low[k] not in v.lex["quantity_part_nouns"]:
        return False
    lo = v.seg_start[k]
    j = k - 1
    if j < lo or not (v.alpha[j] and v.lowercase[j]):
        return False
    w = v.low[j]
    if w in v.lex["prepositions"]:
        return w != "as"  # "paid for part of X" is a share; "as part of X" a membership
    if w in v.lex["copulas"] or w in v.lex["aux"] or w in v.lex["coordinators"] \
            or w in v.lex["part_openers"]:
        return False
    return not (j - 1 >= lo and v.low[j - 1] in APPOSITION_DETERMINERS)


def object_of_modifier(v: DocView, m: Mention) -> bool:
    """Is ``m`` the object of a participle or relative clause that describes an unnamed
    noun before it ("the militias fighting the US", "rebels who attacked Syria", "the group
    that fought Israel")? Then a passive after it ("... are backed by Iran") is said of
    that noun, not of ``m``."""
    lo = v.seg_start[m.start]
    k = m.start - 1
    if k >= lo and v.low[k] in v.lex["articles"]:
        k -= 1
    if k < lo or not (v.alpha[k] and v.lowercase[k]) or v.low[k] in v.lex["prepositions"]:
        return False
    if v.low[k].endswith("ing") and k - 1 >= lo and v.alpha[k - 1] and v.lowercase[k - 1] \
            and v.low[k - 1] not in v.lex["aux"] and v.low[k - 1] not in v.lex["copulas"]:
        return True  # "the militias fighting the US"
    j = k - 1
    while j >= lo and k - j <= 2 and v.alpha[j] and v.lowercase[j] \
            and v.low[j] not in v.lex["relative_pronouns"]:
        j -= 1  # "who (have) attacked", "that fought"
    return j >= lo and v.low[j] in v.lex["relative_pronouns"] and j - 1 >= lo \
        and v.mention_at(j - 1) is None and v.alpha[j - 1] and v.lowercase[j - 1]


def topic_follows(v: DocView, k: int) -> bool:
    """Does a topic phrase follow the verb ending at ``k``, right after it or after a short
    object ("engaged the Taliban on trade", "engaged on security")? "on / over / about"
    and a bare lower-case noun is a subject of talks; "on the border" is a place."""
    end = v.seg_end[k] if k < v.n else k
    for j in range(k, min(k + 6, end - 1)):
        if v.is_boundary(j) or v.punct[j]:
            return False
        if v.low[j] in v.lex["topic_prepositions"] and v.alpha[j + 1] and v.lowercase[j + 1] \
                and v.low[j + 1] not in v.lex["light_nouns"]:
            return True
    return False


def members_as_patients(v: DocView, k: int) -> bool:
    """Is the membership noun at ``k`` ("members") the object of a verb ("police arrested
    senior members of the PKK", "Egypt tried dozens of members of the Brotherhood")? Then
    the members are what the clause acts on, and its subject is no member. A copula,
    auxiliary, "become/remain", a conjunction, "as/among" or an apposition's comma before
    the noun ("X is / became / remains a member of", "X, a member of", "as members of",
    "among the members of") keep the membership reading."""
    if v.low[k] not in v.lex["patient_member_nouns"]:
        return False
    lo = v.seg_start[k]
    j = k - 1
    while j >= lo and k - j <= 5 and (v.low[j] in v.lex["member_premodifiers"]
                                      or v.text[j].isdigit()):
        j -= 1
    if j < lo or not (v.alpha[j] and v.lowercase[j]):
        return False
    w = v.low[j]
    if w in v.lex["prepositions"]:
        return w not in {"as", "among", "amongst", "of"}
    return not (w in v.lex["copulas"] or w in v.lex["aux"] or w in v.lex["coordinators"]
                or w in v.lex["part_openers"] or w in v.lex["member_non_verbs"])


def named_as_share(v: DocView, m: Mention) -> bool:
    """Is the state ``m`` named as a share of it: "much of Yemen", "large parts of
    Somalia", "half of the country X"? (the share nouns: ``share_nouns``). A share of
    "southern Somalia" or of "Yemen's north" is a share of a region, not of the state."""
    k = m.start - 1
    lo = v.seg_start[m.start]
    if k >= lo and v.low[k] == "the":
        k -= 1
    return k - 1 >= lo and v.low[k] == "of" and v.low[k - 1] in v.lex["share_nouns"] \
        and not possessive_after(v, m)


def member_body(v: DocView, m: Mention) -> bool:
    """Is ``m`` a body that states or groups are members of (an alliance, a bloc, a union):
    a word of ``member_body_words`` in its name, its text or one of its aliases ("NATO" is
    the North Atlantic Treaty Organization)? "Hezbollah" and "Wagner Group" are not."""
    if m.type != "ORGANIZATION":
        return False
    names = [m.name, m.text]
    actor = gazetteer().actors.get(m.name)
    if actor is not None:
        names.extend(actor.aliases)
    body = v.lex["member_body_words"]
    return any(w in body for n in names for w in n.lower().split())


def paren_end(v: DocView, k: int) -> int:
    """Token after a parenthesis opening at ``k`` ("the LNA (LNA) of"), else ``k``."""
    if k < len(v.doc) and v.text[k] == "(":
        for j in range(k + 1, min(k + 8, v.seg_end[k])):
            if v.text[j] == ")":
                return j + 1
    return k


def skip_paren_left(v: DocView, i: int, lo: int) -> int:
    if i >= lo and v.text[i] == ")":
        k = i - 1
        while k >= lo and v.text[k] != "(":
            k -= 1
        return k - 1
    return i


def coord_left(v: DocView, m: Mention, types: tuple[str, ...]) -> list[Mention]:
    """``m`` and the mentions coordinated before it (same "and"/"or" condition)."""
    if SET_SEP in m.name:
        return members(m)
    out = [m]
    conj = m.end < len(v.doc) and v.low[m.end] in {"and", "or"}
    lo = v.seg_start[m.start]
    i = m.start - 1
    while i >= lo:
        i = skip_paren_left(v, i, lo)
        if m.type == "PERSON":  # "Turkish President A and Russian President B met"
            k = i
            while k >= lo and ((v.low[k] in v.title_words and v.mention_at(k) is None)
                               or ((t := v.mention_at(k)) is not None and t.adjectival_form
                                   and t.type == "STATE")):
                k = v.mention_at(k).start - 1 if v.mention_at(k) is not None else k - 1
            if k < i and k >= lo and v.low[k] in {"and", ","}:
                i = k
        while i >= lo and v.low[i] in v.skippable and v.mention_at(i) is None:
            i -= 1
        if i < lo or v.low[i] not in {",", "and", "or", "&"}:
            break
        if len(out) > 1 and v.low[i] in {"and", "or", "&"} \
                and v.low[out[-1].end] == "," and not list_continues(v, out[0]):
            break  # "Despite efforts by Turkey and Russia, Haftar ...": no list
        while i >= lo and v.low[i] in {",", "and", "or", "&"}:
            conj = conj or v.low[i] != ","
            i -= 1
        i = skip_paren_left(v, i, lo)
        n = v.mention_at(i)
        if n is None or n.type not in types:
            break
        out.append(n)
        i = n.start - 1
    return out if conj else [m]


def group_noun_near(v: DocView, j: int, span: int = 2) -> int | None:
    end = v.seg_end[j] if j < len(v.doc) else len(v.doc)
    for k in range(j, min(j + span + 1, end)):
        if v.low[k] in v.lex["group_nouns"]:
            return k
        if v.low[k] not in v.skippable and not v.alpha[k]:
            return None
    return None


def apposed_to(v: DocView, noun: int, types: tuple[str, ...]) -> Mention | None:
    """The named mention a descriptive noun is in apposition to:
    "Hezbollah, the Lebanese group [funded by Iran]" → Hezbollah."""
    lo = v.seg_start[noun]
    k = noun - 1
    while k >= lo and noun - k <= 8 and v.low[k] not in APPOSITION_MARKS:
        if not (v.alpha[k] or v.mention_at(k) is not None
                or v.text[k] in {"-", "\u2013"} or v.low[k] in v.lex["possessive"]):
            return None
        if v.low[k] in v.lex["copulas"] and v.mention_at(k) is None and any(
                v.low[j] in APPOSITION_DETERMINERS for j in range(k + 1, noun)):
            # "The SDF are a US-backed alliance", "Egypt has long been a key US partner"
            j = k - 1
            while j >= lo and v.low[j] in v.lex["aux"] and v.mention_at(j) is None:
                if v.text[j] == ",":
                    from . import scan  # here, not at the top: scan imports this module
                    p = scan.parenthetical_start(v, j)
                    if p is not None:  # "The SDF, the force that holds X, is a key US
                        j = skip_paren_left(v, p - 1, lo)  # partner": the subject
                        break  # before the aside
                j -= 1
            m = v.mention_at(j) if j >= lo else None
            return m if m is not None and m.type in types else None
        if v.low[k] in v.lex["copulas"] and v.mention_at(k) is None:
            return None  # "Egypt, Jordan and the UAE are members": a clause, no apposition
        k -= 1
    if k < lo or v.low[k] not in APPOSITION_MARKS or not any(v.low[j] in APPOSITION_DETERMINERS
                                               or v.low[j] in v.lex["possessive"]
                                               for j in range(k + 1, noun)):
        return None  # "Russia, Armenia's security guarantor," is an apposition too
    m = v.mention_at(skip_paren_left(v, k - 1, lo))  # "the SNA (SNA), a ..."
    if m is None or m.type not in types:
        m = v.mention_at(k - 1)
    return m if m is not None and m.type in types else None
