"""Clause scans: the nearest plausible subject left of a cue and the first plausible
object right of it, with the relative-clause, parenthetical, apposition and
possessor cases news prose needs.

Plain functions over the read-only :class:`~kg.rel.view.DocView`. Every scan is bounded by
a token window inside the cue's segment, so the frames stay linear in the number of cue
matches.
"""

from __future__ import annotations

from ..resolve import TITLE_FILLERS
from . import clause_helpers, phrases
from .emit import place_reading
from .frame_common import (
    COMPOUND_PARTICIPLES,
    HOLDING,
    LOCATIVE,
    PLACE_TYPES,
    QUOTES,
    role_words,
)
from .mentions import Mention
from .view import DocView


# ---- scans -------------------------------------------------------------------------------
def scan_left(v: DocView, pos: int, types: tuple[str, ...], max_tokens: int = 14,
              coordinate: bool = True) -> tuple[list[Mention], int | None]:
    """Nearest plausible subject left of ``pos``; also the index of a relative pronoun
    met before any subject (``None`` otherwise)."""
    lo = v.seg_start[pos] if pos < len(v.doc) else v.seg_start[pos - 1]
    gerund = pos < len(v.low) and v.low[pos].endswith("ing")
    included: list[Mention] = []
    i = pos - 1
    if gerund and i >= lo:  # a participle right after a noun phrase modifies it
        m = v.mention_at(i)
        if m is not None and m.type in types and phrases.modifier_ok(v, m) \
                and phrases.governing_prep(v, m) not in LOCATIVE:
            return [m], None  # "aid to the Kurdish forces fighting ISIS" → the forces
        k = m.start - 1 if m is not None else i
        k -= int(k > lo and v.low[k] == "the")
        if m is not None and m.type in types and not m.adjectival_form \
                and k - 1 >= lo and v.low[k] in {"from", "of"} \
                and v.low[k - 1] in v.lex["group_nouns"]:
            return [m], None  # "with fighters from X killing Y": the group's members act
        if m is None and v.low[i] in v.lex["group_nouns"] and i - 1 >= lo \
                and (o := v.mention_at(i - 1)) is not None and o.type in types \
                and not o.adjectival_form and o.type != "STATE":
            return [o], None  # "with Boko Haram fighters killing Y": the named group's men
        if m is None and v.low[i] in v.lex["group_nouns"]:
            a = phrases.apposed_to(v, i, types)  # "Hamas, the militant group fighting X"
            return ([a] if a is not None else []), None  # "militias fighting X": unnamed
    if gerund and i >= lo and v.low[i] in v.lex["document_nouns"] and not adopted_text(v, i):
        return [], None  # "vetoed a resolution condemning X": the text condemns, not the
        # one who blocked it ("adopted a resolution condemning X" does: scanned on)
    if gerund and i - 2 >= lo and v.low[i] in v.lex["stopped_activity"] and v.low[i - 1] == "to" \
            and (m := v.mention_at(i - 2)) is not None and m.type in types:
        return [m], None  # "called on Iran to stop arming X": Iran is arming X
    if gerund and i - 1 >= lo and v.low[i] == "of" \
            and v.low[i - 1] in v.lex["accusation_verbs"]:
        j, passive = i - 2, False
        while j >= lo and v.low[j] in v.lex["aux"] and v.low[j] != ",":
            passive = passive or v.low[j] in {"was", "were", "is", "are", "been", "being"}
            j -= 1
        if passive:  # "X has been accused of arming Y": X is the agent
            return scan_left(v, i - 1, types, max_tokens, coordinate)
        return [], None  # "firms it accuses of supplying X": the agent is not named
    if i - 1 >= lo and v.low[i] == "from":
        m = v.mention_at(i - 1)  # "prevent Tehran from entrenching": Tehran acts
        if m is not None and m.type in types and phrases.is_verb_object(v, m):
            return [m], None
    while i >= lo and pos - i <= max_tokens:
        if v.low[i] == "," and (j := short_aside_start(v, i, lo)) is not None:
            max_tokens += i - j + 1  # "Ukraine, for its part, has stepped up strikes on X"
            i = j - 1
            continue
        if v.low[i] == "," and predicate_only(v, i + 1, pos):
            j = parenthetical_start(v, i)
            if j is not None and not included \
                    and (listed := examples_of_unnamed(v, j, i, types)):
                return listed, None  # "Several factions inside X, including A and B, are"
            if j is not None:  # "Russia, which intervened in 2015, operates ..."
                max_tokens += i - j + 1  # the parenthetical does not count
                i = phrases.skip_paren_left(v, j - 1, lo)
                continue
        if v.low[i] == "and" and not included and coordinated_predicate(v, i, pos):
            # "Qatar hosts US troops and has close ties with X": the clause's subject
            return (clause_helpers.opening_subject(v, i, types)
                    or relative_subject(v, i, types)), None
        if v.text[i] == ")" and not included:
            k = next((k for k in range(i - 1, max(lo, i - 5) - 1, -1)
                      if v.text[k] == "("), None)
            if k is not None:  # "the People's Protection Units (YPG), the main ..."
                max_tokens += i - k + 1  # the acronym does not count
                i = k - 1
                continue
        if v.low[i] == "whose" and not included:
            owner = whose_owner(v, i, pos, types)
            if owner is not None:  # "Russia, whose air force operates from X" → Russia
                return whose_owners(v, owner, types), None
        if v.is_boundary(i):
            return included, None
        # lo <= i < len(doc) here: the token -> mention list itself (mention_at's bounds
        # check is a call per token of every scan)
        if v.low[i] in v.lex["relative_pronouns"] and v.mention_of[i] is None:
            return included, (None if included else i)
        m = v.mention_of[i]
        if m is not None and m.type == "STATE":
            m = place_reading(v, m, types)  # "Eastern Libya, under the control of X"
        if m is not None and contrasted(v, m):
            i = m.start - 1  # "X, not the PMF, was behind the attack": not PMF
            continue
        if m is not None and m.type in types and not included:
            gp = phrases.governing_prep(v, m)
            if gp == "including":  # "Several factions, including A and B, attacked ..."
                included = phrases.coord_left(v, m, types)
                heads = listed_before_including(v, included, types)
                if heads:  # "A, B and their allies including C": all of them
                    return heads + included, None
            elif gp == "by" and after_event_noun(v, m):
                return [m], None  # "a drone strike by X killed ..." → X
            elif (outer := inserted_participle_owner(v, m, types)) is not None:
                return [outer], None  # "The Taliban, represented by X, denied …" → Taliban
            elif gp == "by" and after_leader_participle(v, m):
                return [m], None  # "opposition forces led by X toppled Y" → X
        if m is not None and m.adjectival_form and not included \
                and not phrases.modifier_ok(v, m):
            k = phrases.group_noun_near(v, m.end)
            a = phrases.apposed_to(v, k, types) if k is not None and k < pos else None
            if a is not None:  # "Hamas, the Palestinian group fighting X" → Hamas
                return [a], None
        if m is not None:
            if m.type in types and not included and members_phrase_opening(v, m):
                # "Fighters from X attacked ...": X acts through them; "the rulers of A, B
                # and C on Saturday formed ...": each of the list
                listed = [c for c in scan_right(v, m.start, types, max_gap=0) if c.end <= pos]
                return (listed if m in listed else [m]), None
            if (m.type in types and gerund and m.end < len(v.low)
                    and v.low[m.end] in {"of", "from"} and phrases.is_verb_object(v, m)):
                return [m], None  # "accused X of arming ...": X is the agent
            if included and m.end < len(v.low) and v.low[m.end] in v.lex["possessive"]:
                return included, None  # "Iran's allies, including A and B, attacked": A, B
            if not included and m.start - 2 >= lo and v.text[m.start - 1] in {"-", "\u2013"} \
                    and (first := v.mention_of[m.start - 2]) is not None \
                    and not v.doc[m.start - 2].whitespace_ and not v.doc[m.start - 1].whitespace_:
                i = first.start - 1  # "A-B dialogue in a call with X": the pair modifies
                continue  # the noun; the subject is further left
            if (m.type in types and not phrases.is_prep_object(v, m)
                    and not phrases.is_verb_object(v, m) and phrases.modifier_ok(v, m)
                    and not phrases.labels_an_affiliate(v, m)):
                # a possessor belongs to the noun phrase it opens: "Iran's support" → Iran
                return (phrases.coord_left(v, m, types) if coordinate else [m]), None
            i = m.start - 1
            continue
        i -= 1
    return included, None


def members_phrase_opening(v: DocView, m: Mention) -> bool:
    """Is ``m`` the X of "fighters from X" / "members of X" / "forces loyal to X" opening
    its clause? News
    gives a group's acts to its members ("Militants of X stormed ..."); the phrase must
    open the clause, so that "arrested members of X and ..." stays an object."""
    lo = v.seg_start[m.start]
    p = m.start - 1
    if p > lo and v.low[p] in v.lex["possessive"] and (owner := v.mention_at(p - 1)) is not None:
        p = owner.start - 1  # "Forces loyal to Yemen's STC took …": the STC's forces
    if p > lo and v.low[p] == "the":
        p -= 1  # "fighters from the Islamic State"
    if p - 2 >= lo and (v.low[p], v.low[p - 1]) in (("to", "loyal"), ("with", "aligned"),
                                                     ("with", "affiliated")):
        p -= 1  # "forces loyal to X attacked …": X acts through its forces
    if p - 1 < lo or v.low[p] not in {"of", "from", "loyal", "aligned", "affiliated"}:
        return False
    if v.low[p] == "of" and v.low[p - 1] in v.lex["counted_group_nouns"] and (
            m.type != "STATE" or m.text.lower().rsplit(" ", 1)[-1] in v.lex["members_of_nouns"]):
        pass  # "Hundreds of Rwandan soldiers are fighting …" (not "thousands of Syrians")
    elif v.low[p - 1] not in v.lex["members_of_nouns"]:
        return False
    k = p - 2
    while k >= lo and (v.low[k] in v.skippable or v.text[k][:1].isdigit()):
        k -= 1
    # "X, a member of the PMF, is …" is an apposition to X, not a subject of its own
    return k < lo or (v.text[k] == "," and v.mention_at(k - 1) is None) \
        or dateline_dash(v, k)


def dateline_dash(v: DocView, k: int) -> bool:
    """The dash that ends a dateline ("NIAMEY, Niger (AFP) - The leaders of …"): the
    story's first clause opens after it."""
    lo = v.seg_start[k]
    return v.text[k] in {"-", "\u2013", "\u2014", "--"} and k - 1 >= lo \
        and (v.text[k - 1] == ")" or (v.alpha[k - 1] and v.text[k - 1].isupper())
             or (k - lo <= 5 and v.alpha[lo] and len(v.text[lo]) > 1 and v.text[lo].isupper()
                 and lo + 1 < k and v.text[lo + 1] == ","))  # "ADEN, Yemen — …"


def coordinated_predicate(v: DocView, i: int, pos: int) -> bool:
    """Does "and" at ``i`` join a second predicate ("… hosts US troops and has close
    ties with …") rather than a second subject ("Iran and Syria have ...")? Only
    auxiliaries lie between it and the cue, and the mention before it is the object
    of a verb."""
    lo = v.seg_start[i]
    if i - 1 < lo or not all(v.low[k] in v.lex["aux"] and v.low[k] != ","
                             for k in range(i + 1, pos)) or i + 1 == pos:
        return False
    m = v.mention_at(i - 1)
    if m is None:
        return False
    g = v.governor(m)
    return g >= lo and v.alpha[g] and v.lowercase[g] \
        and v.low[g] not in v.lex["prepositions"] \
        and v.low[g] not in {"and", "or", "the", "a", "an"} \
        and v.low[g] not in v.lex["relative_pronouns"]


def predicate_only(v: DocView, k: int, pos: int) -> bool:
    """Tokens k..pos-1 are only the start of a predicate: auxiliaries, at most one verb
    ("has maintained a", "attacked the"), then determiners/light words."""
    while k < pos and (v.low[k] in v.lex["aux"] or v.low[k] in v.lex["clause_adverbs"]) \
            and v.low[k] != ",":
        k += 1  # "has nonetheless condemned", "has also said"
    if k + 1 < pos and v.low[k + 1] == "to" and v.alpha[k] and v.lowercase[k] \
            and v.low[k][-3:] in {"ing", "ted", "ned", "ses", "pes", "eks", "ims", "nds"}:
        k += 2  # "is hoping to retain", "is expected to sign", "plans to open"
    if k < pos and (v.low[k] in v.verb_forms
                    or v.low[k] in v.lex["irregular_predicate_verbs"] or (
            v.alpha[k] and v.lowercase[k] and v.low[k][-2:] in {"ed", "es"}
            and v.low[k] not in v.lex["prepositions"])):
        k += 1
        if k < pos and v.low[k] in v.lex["verb_particles"] \
                and not (k + 1 < pos and v.text[k + 1] == "-"):
            k += 1  # "has kept up", "has stepped up", "carried out": a phrasal verb
        while k < pos:  # "has held back-channel talks": a hyphenated modifier of the cue
            if v.low[k] in v.skippable:
                k += 1
            elif k + 2 < pos and v.text[k + 1] == "-" and v.alpha[k] and v.alpha[k + 2] \
                    and v.lowercase[k] and v.lowercase[k + 2]:
                k += 3
            else:
                break
    while k < pos and v.low[k] in v.skippable:
        k += 1
    return k == pos


def relative_subject(v: DocView, i: int, types: tuple[str, ...]) -> list[Mention]:
    """The antecedent of the relative pronoun that opens the predicate ending before
    ``i``: "the KRG, which hosts US troops and has ..." → the KRG."""
    lo = v.seg_start[i]
    for k in range(i - 1, max(lo, i - 12) - 1, -1):
        if v.is_boundary(k):
            return []
        if v.low[k] in {"which", "who"} and v.mention_at(k) is None:
            return antecedent(v, k, types)
    return []


def diplomat_after(v: DocView, m: Mention) -> bool:
    """A diplomat noun right after ``m`` ("the Turkish ambassador", "Iran's envoy")."""
    k = m.end
    if k < len(v.doc) and v.low[k] in v.lex["possessive"]:
        k += 1
    return k < v.seg_end[m.start] and v.low[k] in v.lex["diplomat_nouns"]


def whose_owners(v: DocView, owner: Mention, types: tuple[str, ...]) -> list[Mention]:
    """The owners of "whose forces" after a list: "A and B, whose forces clashed" → A and
    B; leaders named with their title are the state or organisation they lead ("Kyrgyz
    President X and Tajik leader Y, whose forces" → Kyrgyzstan and Tajikistan; "President
    X, whose forces fought Y" → the authority X heads: the forces are theirs)."""
    owners = phrases.coord_left(v, owner, types + ("PERSON",)) if owner.type == "PERSON" \
        else phrases.coord_left(v, owner, types)
    if any(o.type == "PERSON" for o in owners):
        from .frames_verbal import titled_state  # (frames_verbal imports this module)

        led = led_actors(v)
        states = [o if o.type != "PERSON" else (
            Mention(o.start, o.end, led[o.name][0], led[o.name][1], o.source, o.text)
            if o.name in led else titled_state(v, o)) for o in owners]
        if all(st.type in {"STATE", "ORGANIZATION"} for st in states):
            return [st for st in states if st.type in types]
        return [owner] if owner.type in types else []
    return owners


def led_actors(v: DocView) -> dict[str, tuple[str, str]]:
    """Person → (name, type) of the state or organisation their title says they lead
    ("Tajik leader X", "President X" of an authority: kg_titles)."""
    spans = v.doc.spans.get("kg_titles", [])
    out: dict[str, tuple[str, str]] = {}
    for sp in spans:
        info = sp._.kg_title
        if info and info.get("relation") == "LEADS" and info.get("org") \
                and info.get("org_type") in {"STATE", "ORGANIZATION"}:
            out.setdefault(info["person"], (info["org"], info["org_type"]))
    return out


def whose_owner(v: DocView, whose: int, pos: int, types: tuple[str, ...]) -> Mention | None:
    """"X, whose forces/air force ..." before a cue at ``pos``: X acts through its own
    forces. Only force nouns (and auxiliaries) may stand between "whose" and the cue."""
    end = pos
    light = next((k for k in range(whose + 2, min(pos, whose + 6))
                  if v.low[k] in v.lex["whose_light_verbs"]), None)
    if light is not None and pos - light <= 3 and all(
            v.alpha[k] and v.lowercase[k] and v.low[k] not in v.lex["prepositions"]
            for k in range(light + 1, pos)):
        end = light  # "A and B, whose forces fought deadly clashes": the noun is the cue
    between = range(whose + 1, end)
    if not 0 < len(between) <= 4 or not any(v.low[k] in v.lex["force_nouns"]
                                             for k in between):
        return None
    if not all(v.low[k] in v.lex["force_nouns"] or v.low[k] in v.lex["aux"]
               or v.low[k] in v.skippable for k in between):
        return None
    k = whose - 1
    if k >= v.seg_start[whose] and v.low[k] == ",":
        k -= 1
    m = v.mention_at(k) if k >= v.seg_start[whose] else None
    return m if m is not None and m.type in types and phrases.modifier_ok(v, m) else None


def left_or_antecedent(v: DocView, pos: int, types: tuple[str, ...],
                       max_tokens: int = 14) -> list[Mention]:
    """The subject left of ``pos``; when a relative pronoun comes first and only a short
    verb phrase lies between ("X, which has been negotiating a truce with Y"), the
    pronoun's named antecedent."""
    found, rel_i = scan_left(v, pos, types, max_tokens)
    if found or rel_i is None or pos - rel_i > 9:
        return found
    counted = {j for j in range(rel_i + 2, pos) if v.low[j] == "of"
               and v.low[j - 1] in v.lex["counted_group_nouns"]}
    if pos - rel_i > 6 + 2 * len(counted):
        return found  # "which has carried out hundreds of air strikes on X": a count
    k = rel_i - 2 if rel_i >= 1 and v.low[rel_i - 1] == "," else rel_i - 1
    if v.mention_at(k) is None and not (
            k >= 0 and v.low[k] in v.lex["group_nouns"]) \
            and not short_apposition(v, k, types):
        return []  # "officers who wanted ...": the antecedent is not a named actor (but
        # "X, a leftist who has clashed with Y": the noun is apposed to X)
    if all(v.low[j] in v.lex["aux"] or v.low[j] in v.skippable
           or (v.alpha[j] and v.lowercase[j]
               and (v.low[j] == "to" or v.low[j] not in v.lex["prepositions"]))
           or (j == pos - 1 and v.low[j] in {"at", "in"})  # "which has been at war with"
           or j in counted
           for j in range(rel_i + 1, pos)):
        return antecedent(v, rel_i, types)
    return []


def short_apposition(v: DocView, k: int, types: tuple[str, ...]) -> bool:
    """Is the noun at ``k`` the head of a short apposition to a name: "X, a leftist (who)",
    "X, a former general (who)" — a determiner right after the comma, at most three
    words to the noun?"""
    lo = v.seg_start[k] if 0 <= k < v.n else 0
    if k < lo or not (v.alpha[k] and v.lowercase[k]):
        return False
    j = k - 1
    while j > lo and k - j <= 3 and v.alpha[j] and v.lowercase[j] \
            and v.low[j] not in {"a", "an", "the"}:
        j -= 1
    if j - 2 < lo or v.low[j] not in {"a", "an", "the"} or v.text[j - 1] != ",":
        return False
    m = v.mention_at(j - 2)
    return m is not None and m.type in types


def contrasted(v: DocView, m: Mention) -> bool:
    """A mention denied in a contrast: "X, not the PMF,", "rather than Iran"."""
    k = m.start - 1
    lo = v.seg_start[m.start]
    while k >= lo and v.low[k] in {"the", "a", "an"}:
        k -= 1
    if k < lo:
        return False
    return v.low[k] == "not" and k - 1 >= lo and v.low[k - 1] == "," \
        or (v.low[k] == "than" and k - 1 >= lo and v.low[k - 1] == "rather") \
        or (v.low[k] == "of" and k - 1 >= lo and v.low[k - 1] == "instead")


def after_leader_participle(v: DocView, m: Mention) -> bool:
    """"forces led by X", "rebels spearheaded by X": X heads the group that acts."""
    g = v.governor(m)
    lo = v.seg_start[m.start]
    return g - 2 >= lo and v.low[g] == "by" \
        and v.low[g - 1] in {"led", "headed", "commanded", "spearheaded"} \
        and v.low[g - 2] in v.lex["group_nouns"] and v.mention_at(g - 2) is None


def after_event_noun(v: DocView, m: Mention) -> bool:
    g = v.governor(m)
    return g > v.seg_start[m.start] and v.low[g] == "by" \
        and v.low[g - 1] in v.lex["event_nouns"]


def short_aside_start(v: DocView, close: int, lo: int) -> int | None:
    """The comma opening a short adverbial aside that the comma at ``close`` ends
    (", for its part,", ", in turn,", ", meanwhile,"): at most four words, opened by an
    aside word, naming no actor but a possessive pronoun."""
    for j in range(close - 1, max(lo, close - 6) - 1, -1):
        if v.low[j] == ",":
            if j + 1 >= close or v.low[j + 1] not in v.lex["aside_openers"] \
                    or v.mention_at(j - 1) is None:
                return None
            for k in range(j + 1, close):
                m = v.mention_at(k)
                if m is not None and not (m.source == "coref" and m.text.lower()
                                          in v.lex["possessive_pronouns"]):
                    return None
            return j
        if v.punct[j] or v.is_boundary(j):
            return None
    return None


def examples_of_unnamed(v: DocView, open_: int, close: int,
                        types: tuple[str, ...]) -> list[Mention]:
    """The items of an aside ", including A and B," (``open_`` and ``close`` its commas)
    after a subject that no name heads: "Several of the factions inside the PMF,
    including A and B, are backed by X" → A and B, not the PMF (a prepositional object).
    A named subject before the aside stays the subject ("Hezbollah, including its elite
    unit, …")."""
    items = clause_helpers.including_after(v, open_, types)
    if not items or max(m.end for m in items) != close:
        return []
    before = v.mention_at(phrases.skip_paren_left(v, open_ - 1, v.seg_start[open_]))
    if before is not None and not phrases.is_prep_object(v, before):
        return []
    return items


def adopted_text(v: DocView, noun: int) -> bool:
    """Is the text named at ``noun`` ("a resolution", "an EU statement") the object of a
    verb by which the clause's subject makes it its own ("adopted", "issued", "voted
    for")? Looks back over its determiner and modifiers (at most four words)."""
    lo = v.seg_start[noun]
    j = noun - 1
    while j >= lo and noun - j <= 5:
        w = v.low[j]
        if w in v.lex["adoption_verbs"]:
            return True
        if w in {"for", "on"} and j - 1 >= lo and v.low[j - 1] in v.lex["adoption_verbs"]:
            return True  # "voted for a resolution", "signed on to"
        if v.mention_at(j) is None and not (v.alpha[j] and v.lowercase[j]) \
                and v.text[j] not in {"-", "\u2013"} and not v.text[j].isdigit():
            return False
        j -= 1
    return False


def parenthetical_start(v: DocView, close: int) -> int | None:
    """Index of the comma opening a parenthetical that ``close`` ends, when a mention
    stands right before it (", which ...", ", the group backed by X,")."""
    lo = v.seg_start[close]
    k = close - 1
    # an aside is at most 20 tokens long; a relative clause may run to 32 ("The Houthis,
    # who seized Sanaa in 2014 and have fought a coalition backing …, are led by X")
    while k > max(lo, close - 32):
        if k <= close - 20 and v.text[k] != ")" and not v.is_boundary(k) \
                and not (v.low[k] == "," and v.low[k + 1] in v.lex["relative_pronouns"]):
            k -= 1
            continue
        if v.text[k] == ")":  # "..., one of the factions in the PMF (PMF), is ..."
            k = phrases.skip_paren_left(v, k, lo)
            continue
        if v.is_boundary(k) and v.low[k] not in {"since", "after", "before", "until",
                                                       "whose", "as"}:
            return None  # ", which has fought X since 2022,": a date, not a new clause
            # (", which designated X as a terrorist group,": a complement)
        if v.low[k] == "," and k - 3 >= lo and v.text[k - 1].isdigit() \
                and len(v.text[k - 1]) <= 3 and v.low[k - 2] == "," \
                and v.mention_at(k - 3) is not None:
            return k - 2  # "X, 37, the youngest of the leaders, has ...": an age, then more
        if v.low[k] == ",":
            prev, nxt = v.mention_at(k - 1), v.mention_at(k + 1)
            if prev is not None and nxt is not None and nxt.start == k + 1 \
                    and nxt.type == prev.type \
                    and len(phrases.coord_right(v, nxt, (nxt.type,))) > 1:
                return None  # "Britain, France and Germany acted,": a list, not an aside
            before = phrases.skip_paren_left(v, k - 1, lo)  # "the SNA (SNA), an alliance ...,"
            return k if v.mention_at(k - 1) is not None or (
                before >= lo and v.mention_at(before) is not None) or (
                v.low[k - 1] in v.lex["group_nouns"] and k + 1 < close
                and v.low[k + 1] in v.lex["relative_pronouns"]) else None
            # "the militias, which Iran arms, attacked X": the unnamed group is the subject
        k -= 1
    return None


def scan_right(v: DocView, pos: int, types: tuple[str, ...], allow_preps: tuple[str, ...] = (),
               max_gap: int = 3, coordinate: bool = True,
               prep_after_gap: bool = False) -> list[Mention]:
    """First plausible object right of ``pos`` (with its coordinated mentions). A
    preposition stops the scan unless ``allow_preps`` has it, and then only right after
    the cue ("fought against X", not "struck a deal with X") unless ``prep_after_gap``
    ("deployed near the old station in X")."""
    if pos >= len(v.doc):
        return []
    end = v.seg_end[pos]
    gap = 0
    j = pos
    while j < end and gap <= max_gap:
        m = v.mention_at(j)
        if m is not None and m.source == "coref" \
                and m.text.lower() in v.lex["possessive_pronouns"]:
            j = m.end  # "its northern border": the pronoun only determines the object
            continue
        if m is not None and m.end + 2 < end and v.text[m.end] in {"-", "\u2013"} \
                and v.low[m.end + 1] in COMPOUND_PARTICIPLES \
                and v.mention_at(m.end + 2) is not None:
            j = m.end + 2  # "run by the Kurdish-led Council": the name after the compound
            continue
        if m is not None:
            h = phrases.head_of(v, m)
            h = place_reading(v, h, types)  # "held Sanaa since 2014": the city;
            # "controls eastern Libya": the region
            if "PERSON" in types and m.type != "PERSON" \
                    and (named := possessed_role_name(v, m, end)) is not None:
                # "killed Hamas's military chief, X," / "met Egypt's spy chief, X,": both
                return [m, named] if m.type in types else [named]
            if h.type in types and phrases.modifier_ok(v, h):
                k = h.end
                while k < end and k - h.end < 2 and v.low[k] in TITLE_FILLERS:
                    k += 1  # "a Hamas (senior) commander, X,"
                if "PERSON" in types and k + 1 < end and v.low[k] in role_words(v.lex) \
                        and v.text[k + 1] == "," \
                        and (named := name_in_apposition(v, k + 1, ("PERSON",))) is not None:
                    return [h, named]  # "killed a Kataib Hezbollah commander, X,": both
                return phrases.coord_right(v, h, types) if coordinate else [h]
            if h is not m and m.type in types and phrases.modifier_ok(v, m):
                return [m]
            if m.adjectival_form and h is m:  # "a Yemeni rebel movement, the Houthis"
                k = m.end
                while k < end and k - m.end < 3 and v.alpha[k] and v.lowercase[k] \
                        and v.low[k] not in v.lex["group_nouns"]:
                    k += 1
                if k + 1 < end and v.low[k] in v.lex["group_nouns"] and v.text[k + 1] == ",":
                    named = name_in_apposition(v, k + 1, types)
                    if named is not None:
                        return [named]
            return []
        w = v.low[j]
        if w == "so" and j + 2 < end and v.text[j + 1] == "-" \
                and v.low[j + 2] == "called":
            j += 3  # "part of the so-called Axis of Resistance"
            continue
        if v.is_boundary(j) or w in v.lex["relative_pronouns"]:
            break
        if v.text[j] in QUOTES:
            j += 1
            continue
        if w in {"and", "or"} and gap == 0:
            k = j + 1
            while k < end and v.text[k] in QUOTES:
                k += 1
            if k < end and v.low[k] in v.verb_forms:
                j = k + 1  # "curb or end X", "arm and train X": a shared object
                continue
        if v.text[j] == "-" and j + 1 < end and j > pos and v.low[j - 1] in {"north", "south"} \
                and v.low[j + 1] in v.lex["compass_words"]:
            j += 1  # "north-eastern Syria": one compass word
            continue
        if v.text[j] in {"-", "\u2013"} and j + 1 < end and gap \
                and v.low[j + 1] in COMPOUND_PARTICIPLES:
            j += 2  # "run by the Kurdish-led administration": a modifier of the name
            continue
        if v.text[j] == "," and gap and (v.low[j - 1] in v.lex["group_nouns"] or (
                v.low[j - 1] in role_words(v.lex) and "PERSON" in types)):
            # "killed a Hamas commander, X," names the person killed
            named = name_in_apposition(v, j, types)
            if named is not None:  # "an end to another armed group, the FDLR, which ..."
                return [named]
        if v.punct[j] or w in {"and", "or"}:
            break
        if w == "than" and j > pos and v.low[j - 1] in {"more", "less", "fewer"}:
            j += 1  # "struck more than 60 Houthi targets": a quantity, not a comparison
            continue
        if w == "of" and j > pos and v.low[j - 1] in v.lex["counted_group_nouns"] \
                and "LOCATION" not in types:
            j += 1  # "killed dozens of Nigerien soldiers": a count, not a partitive owner
            continue  # (a place scan stops: "sent thousands of Afghan fighters" is no place)
        if w == "of" and j > pos and "PERSON" in types and v.low[j - 1] in role_words(v.lex):
            comma = next((k for k in range(j + 1, min(j + 9, end)) if v.text[k] == ","
                          or v.is_boundary(k)), None)
            named = name_in_apposition(v, comma, ("PERSON",)) \
                if comma is not None and v.text[comma] == "," else None
            if named is not None:
                return [named]  # "met the head of the U.N. watchdog, X,": the person
        if w in {"of", "in"} and j > pos and "STATE" in types \
                and v.low[j - 1] in v.lex["state_body_nouns"]:
            n = v.mention_at(j + 2 if w == "of" and j + 1 < end and v.low[j + 1] == "the"
                             else j + 1)
            if n is not None and n.type == "STATE" and (w == "of" or n.text != n.name):
                j += 1  # "a deal with the government of Libya", "backs the authorities
                continue  # in Damascus": the state itself
        if w == "of" and j > pos and v.low[j - 1] in v.lex["place_part_nouns"] \
                and all(t in PLACE_TYPES for t in types):
            j += 1  # "active in the desert of Anbar": the place is after "of"
            continue
        if w in v.lex["prepositions"]:
            if w not in allow_preps or (gap and not prep_after_gap):
                break
            if gap and w in {"to", "toward", "towards"} and v.low[j - 1] in v.lex["route_nouns"]:
                break  # "patrol the main supply road to X": where the road leads
        elif gap and w.endswith("ing") and v.lowercase[j] and w not in HOLDING \
                and (w in v.verb_forms or v.alpha[j]):
            break  # "money to militias fighting the US", "fired at ships transiting
            # the strait": the later mention is not the recipient or target
        elif w not in v.skippable and not (
                j + 1 < end and w in v.lex["role_modifiers"] and v.low[j + 1] in v.title_words):
            gap += 1  # (but "with interim President X": the modifier belongs to the title)
        j += 1
    return []


def possessed_role_name(v: DocView, m: Mention, end: int) -> Mention | None:
    """The person named after "X's <role>," ("Sudan's army chief, Abdel Fattah al-Burhan,"):
    where a person is wanted, the role's holder, not the state that owns the role."""
    k = m.end
    if k >= end or v.low[k] not in v.lex["possessive"]:
        return None
    k += 1
    n = 0
    roles = role_words(v.lex)
    while k < end and n < 4 and (v.low[k] in roles or v.low[k] in TITLE_FILLERS
                                 or v.low[k] in v.lex["force_nouns"]
                                 or v.low[k] in v.lex["role_state_adjectives"]):
        k, n = k + 1, n + 1
    if not n or k >= end or v.text[k] != "," or v.low[k - 1] not in roles:
        return None
    return name_in_apposition(v, k, ("PERSON",))


def name_in_apposition(v: DocView, comma: int, types: tuple[str, ...]) -> Mention | None:
    """The name that a comma after a group noun opens: "a militant group, Islamic Jihad,",
    "a Yemeni rebel movement, the Houthis." The apposition must close (a comma, the end of
    the clause, or a relative pronoun) right after the name."""
    end = v.seg_end[comma]
    k = comma + 1
    if k < end and v.low[k] == "the":
        k += 1
    while k < end and k - comma <= 3 and v.low[k] in v.lex["honorifics"] \
            and v.mention_at(k) is None:
        k += 1  # "Sudan's military leader, Gen. X,": the rank is not the name
    m = v.mention_at(k)
    if m is None or m.start != k or m.type not in types or m.adjectival_form:
        return None
    after = m.end
    if after < end and v.text[after] == "(":  # "the Democratic Forces for ... (FDLR),"
        close = next((k for k in range(after + 1, min(after + 6, end)) if v.text[k] == ")"),
                     None)
        after = close + 1 if close is not None else after
    if after >= end or v.text[after] in {",", ".", ";"} or v.is_boundary(after) \
            or v.low[after] in v.lex["relative_pronouns"]:
        return m
    return None


def adjacent_left(v: DocView, pos: int, types: tuple[str, ...], skip: frozenset[str]) -> \
        tuple[Mention | None, int]:
    """Mention ending just before ``pos`` (skipping ``skip`` words); else the index
    where the walk stopped."""
    lo = v.seg_start[pos]
    i = pos - 1
    steps = 0
    while i >= lo and steps < 5:
        m = v.mention_at(i)
        if m is not None:
            m = place_reading(v, m, types)  # "Eastern Libya is controlled by X": the region
            return (m if m.type in types else None), i
        if v.low[i] not in skip:
            return None, i
        i -= 1
        steps += 1
    return None, i


def share_left(v: DocView, pos: int, types: tuple[str, ...]) -> Mention | None:
    """The state named as a share right before ``pos`` (over auxiliaries and light words):
    "much of Yemen (is) | under ...", "most of Afghanistan | fell to ..."."""
    m, _ = adjacent_left(v, pos, types, (v.lex["aux"] | v.skippable) - {","})
    return m if m is not None and phrases.named_as_share(v, m) else None


def possessor_or_premod(v: DocView, pos: int, types: tuple[str, ...],
                        premod_only: bool = False) -> list[Mention]:
    """Agent written before a noun: "Iran's support", "US airstrikes", "X-led campaign"."""
    lo = v.seg_start[pos]
    i = pos - 1
    # "X-led campaign", "X-backed offensive"
    if i - 2 >= lo and v.low[i] in {"led", "backed", "sponsored"} and v.low[i - 1] == "-":
        m = v.mention_at(i - 2)
        return [m] if m and m.type in types else []
    steps = 0
    while i >= lo and steps <= 2:
        m = v.mention_at(i)
        if m is not None:
            if m.type not in types or not (m.end == pos or phrases.possessive_after(v, m)):
                return []
            if premod_only and m.end != pos and not phrases.possessive_after(v, m):
                return []
            return phrases.coord_left(v, m, types)
        w = v.low[i]
        if w in v.lex["possessive"]:
            i -= 1
            continue
        if not (v.alpha[i] and v.lowercase[i]) or w in v.lex["prepositions"] \
                or w in {"and", "or", "the", "a", "an"} or v.is_boundary(i):
            return []
        steps += 1
        i -= 1
    return []


def name_governor(v: DocView, m: Mention) -> int:
    """Like :meth:`DocView.governor`, but also over capitalised words the mention left out
    ("of the Islamic Revolutionary Guard" when the name is "Revolutionary Guard")."""
    lo = v.seg_start[m.start]
    i = m.start - 1
    while i >= lo and v.mention_at(i) is None and (
            v.low[i] in v.skippable or (v.alpha[i] and not v.lowercase[i] and m.start - i <= 2)):
        i -= 1
    return i


def listed_before_including(v: DocView, included: list[Mention],
                            types: tuple[str, ...]) -> list[Mention]:
    """"A, B and their allies including C and D": A and B head the list that the allies
    (C, D) close."""
    first = min(included, key=lambda m: m.start)
    lo = v.seg_start[first.start]
    k = v.governor(first)
    if k < lo or v.low[k] != "including":
        return []
    k -= 1
    while k >= lo and k > first.start - 8 and v.mention_at(k) is None \
            and v.alpha[k] and v.lowercase[k] and v.low[k] not in {"and", "or"}:
        k -= 1
    if k - 1 < lo or v.low[k] not in {"and", "or"} \
            or v.low[k + 1] not in v.lex["possessive_pronouns"]:
        return []
    before = v.mention_at(k - 1)
    return phrases.coord_left(v, before, types) if before is not None \
        and before.type in types else []


def inserted_participle_owner(v: DocView, m: Mention, types: tuple[str, ...]) -> Mention | None:
    """"A, represented by M," / "A, led by M,": the actor before the inserted participle
    phrase is the clause's subject, not M."""
    lo = v.seg_start[m.start]
    g = m.start - 1
    if g - 2 >= lo and v.low[g] == "as" and v.low[g - 1] == "known":
        c = g - 2 if v.low[g - 2] == "," else g - 3  # "M, (widely) known as Q,"
        p = v.mention_at(c - 1) if c - 1 >= lo and v.low[c] == "," else None
        if p is not None and m.end < v.seg_end[m.start] and v.low[m.end] == ",":
            m = p  # the alias apposition belongs to M: look before M
            g = m.start - 1
    while g >= lo and m.start - g <= 5 and v.mention_at(g) is None \
            and (v.low[g] in v.title_words or v.low[g] in v.skippable):
        g -= 1  # "represented by Defence Minister X"
    if g - 2 < lo or v.low[g] != "by" or v.low[g - 2] != "," \
            or v.low[g - 1] not in v.lex["inserted_participles"]:
        return None
    if m.end >= v.seg_end[m.start] or v.low[m.end] != ",":
        return None
    a = v.mention_at(g - 3)
    return a if a is not None and a.type in types else None


def _apposition_head(v: DocView, k: int, types: tuple[str, ...]) -> Mention | None:
    """The place an apposition ending at ``k`` describes, when the apposition is a place
    noun with a prepositional phrase: "Nyala, the largest city in South Darfur," / "El
    Obeid, the capital of North Kordofan," → Nyala / El Obeid. A relative pronoun after
    the closing comma describes the apposition's head, not the name inside its phrase.
    Not a copula ("X is the offshoot of Y, which …": Y) nor a relational noun ("the
    Syrian wing of the PKK, which …": the PKK)."""
    m = v.mention_at(k)
    if m is None or m.end != k + 1:
        return None
    g = v.governor(m)
    lo = v.seg_start[k]
    if g - 1 < lo or v.low[g] not in {"in", "of", "near", "on"} \
            or v.low[g - 1] not in v.lex["place_nouns"]:
        return None
    j = g - 2  # the apposition opens with a comma and a determiner or possessive
    while j >= lo and g - j <= 6 and v.low[j] != "," and v.mention_at(j) is None:
        j -= 1
    if j < lo or v.low[j] != ",":
        return None
    a = phrases.apposed_to(v, g - 1, types)
    return a if a is not None and a is not m and a.name != m.name else None


def where_antecedent(v: DocView, k: int, types: tuple[str, ...]) -> Mention | None:
    """The place a ", where" at ``k`` is about: the name before the comma ("Erbil, where
    ..."), the name a description before it is apposed to ("Abkhazia, Georgia's
    breakaway region, where ..."), or the name of an area phrase ("the Avashin area near
    the border, where ..."); else None."""
    lo = v.seg_start[k]
    if k - 2 < lo or v.low[k] != "where" or v.low[k - 1] != ",":
        return None
    k -= 2
    m = v.mention_at(k)
    if m is None and v.alpha[k] and v.lowercase[k]:
        m = phrases.apposed_to(v, k, types)  # "X, Georgia's breakaway region, where"
        j = k
        while m is None and j > lo and k - j < 6 and not v.punct[j - 1]:
            j -= 1  # "the Avashin area near the border, where": the named area
            n = v.mention_at(j)
            if n is not None:
                m = n if n.end < v.n and v.low[n.end] in v.lex["area_words"] else None
                break
    if m is None or phrases.governing_prep(v, m) in {"on", "of", "in", "near", "along"}:
        c = next((c for c in range(k - 1, max(lo, k - 12), -1)
                  if v.low[c] == "," or v.is_boundary(c)), None)
        opener = v.mention_at(c + 1) if c is not None else None
        if c is not None and v.low[c] == "," and (v.low[c + 1] in {"the", "a", "an"} or (
                opener is not None and opener.end < v.n
                and v.low[opener.end] in v.lex["possessive"])):
            m = v.mention_at(c - 1) or m  # "X, Georgia's breakaway region on the Black
            # Sea, where": X, not the sea
    if m is None or m.type not in types or m.adjectival_form:
        return None
    return m


def antecedent(v: DocView, rel_i: int, types: tuple[str, ...]) -> list[Mention]:
    """What a relative pronoun refers to: the nearest mention before it that is not the
    object of a preposition ("the highway in the south of the country, which ..." →
    the highway), else the agent of a "by" phrase ("attacks by X on a base, which
    killed ..." → X)."""
    lo = v.seg_start[rel_i]
    k = rel_i - 1
    if k - 1 >= lo and v.low[k] == "of" and v.low[k - 1] in v.lex["share_quantifiers"]:
        # "herders in central Mali, many of whom accuse X": a share of the noun before,
        # named only when that noun is a mention no preposition governs
        k -= 2
        while k >= lo and v.low[k] == ",":
            k -= 1
        m = v.mention_at(k)
        return [m] if m is not None and m.type in types \
            and phrases.governing_prep(v, m) is None else []
    while k >= lo and v.low[k] == ",":
        k -= 1
    if k < rel_i - 1 and (a := _apposition_head(v, k, types)) is not None:
        return [a]  # "Nyala, the largest city in South Darfur, which X holds": Nyala
    if k >= lo and v.mention_at(k) is None and (
            v.low[k] in v.lex["group_nouns"] or (v.alpha[k] and v.lowercase[k])):
        a = phrases.apposed_to(v, k, types)  # "the STC, a separatist movement that controls"
        if a is not None:  # "Russia, Armenia's security guarantor, which keeps a base"
            return [a]
        j = k - 1
        while j > lo and k - j <= 3 and v.alpha[j] and v.lowercase[j] and v.low[j] != "and":
            j -= 1
        if v.low[k] in v.lex["group_nouns"] and j > lo and v.low[j] == "and" \
                and not any(v.low[t] in {"a", "an"} for t in range(j + 1, k)) \
                and (named := v.mention_at(j - 1)) is not None and named.type in types:
            return [named]  # "Kataib Hezbollah and allied factions, which Iran arms"; not
            # "X and a powerful militia that controls Y": a new group, unnamed
        if v.low[k] in v.lex["group_nouns"]:
            return []  # "struck militias that Iran trains": an unnamed group
    if k >= lo and v.mention_at(k) is None and v.low[k] in v.lex["area_words"]:
        return []  # "Russia's Kursk region, which X invaded": an unnamed place
    m = v.mention_at(k)
    if m is not None and m.type not in types and m.type in {"STATE", "LOCATION"}:
        g = v.governor(m)
        n = v.mention_at(g - 1) if g - 1 >= lo and v.low[g] in {"in", "near"} \
            else None
        if n is not None and n.type in types and n.type in {"FACILITY", "LOCATION"}:
            return [n]  # "the air base in eastern Libya, which is controlled by X"
    if m is not None and m.type in types and m.type in {"ORGANIZATION", "STATE"} \
            and (g := name_governor(v, m)) - 1 >= lo and v.low[g] == "of" \
            and v.low[g - 1] in v.lex["member_part_nouns"]:
        if v.low[rel_i] == "that" and v.low[rel_i - 1] != ",":
            # "X \u2014 an arm of the IRGC that funds Y": the arm, i.e. X
            j = g - 2
            while j >= lo and v.alpha[j] and v.lowercase[j] and g - j <= 5:
                j -= 1
            part = v.mention_at(j - 1) if j >= lo and v.text[j] in {
                ",", "\u2014", "\u2013"} else None
            return [part] if part is not None and part.type in types else []
        return [m]  # "the Syrian wing of the PKK, which ...": the parent organisation
    if m is not None and m.type == "PERSON" and "PERSON" in types \
            and v.low[rel_i] == "who":
        return [m]  # "the death of Soleimani, who commanded X": "who" is a person
    if m is not None and m.type in types and phrases.modifier_ok(v, m) \
            and ((gp := phrases.governing_prep(v, m)) not in {
            "in", "at", "near", "inside", "outside", "around", "across", "from", "of",
            "into", "along", "on"} or (gp == "into" and m.type == "ORGANIZATION")):
        # "recruited Afghans into the Fatemiyoun Brigade, which fought …": a body joined
        if rel_i + 1 < v.seg_end[rel_i] and v.low[rel_i + 1] in v.lex["plural_aux"]:
            return phrases.coord_left(v, m, types)  # "by A and B, which have blocked X"
        return [m]  # "a group aligned with the PKK, which has fought ..." → the PKK
    i = rel_i - 1
    while i >= lo and rel_i - i <= 14:
        if v.is_boundary(i):
            break
        m = v.mention_at(i)
        if m is not None:
            if m.type in types and not phrases.is_prep_object(v, m) and phrases.modifier_ok(v, m):
                return [m]
            i = m.start - 1
            continue
        i -= 1
    for k in range(rel_i - 1, lo, -1):
        if v.is_boundary(k):
            break
        if v.low[k] == "by":
            n = v.mention_at(k + 1) or v.mention_at(k + 2)
            if n is not None and n.type in types:
                return [n]
    return []
