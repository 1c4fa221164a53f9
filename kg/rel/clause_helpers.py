"""Clause-level helpers several frames share: a subject elided after "and"/"but" or a
participle, the actor opening a segment, "members of X", "including A and B" lists,
places after "most of them in", and whether a cue word is a noun or a passive.

Plain functions over the read-only :class:`~kg.rel.view.DocView`; split from the frames
so each frame module reads as the construction it handles.
"""

from __future__ import annotations

from ..resolve import is_demonym
from . import phrases, scan
from .frame_common import DETERMINERS, PLACE_ENTITY_TYPES, SUBORDINATORS
from .mentions import Mention
from .rules import word_lists
from .view import DocView

# the irregular past forms of the cue verbs ("struck", "fought", "sent"): verbs, not nouns
PAST_FORMS = frozenset(f for forms in word_lists("verbs").table("irregular").values()
                       for f in forms)


def elided_subject(v: DocView, ms: int, types: tuple[str, ...]) -> list[Mention]:
    """The subject a verb shares with the clause before it: "The UAE withdrew its troops
    but still backs the STC" (after "but"/"and"), "Turkey invaded in 2018, seizing Afrin"
    (a participle after a comma: the sentence's subject, if it opens the sentence)."""
    lo = v.seg_start[ms]
    k = ms - 1
    while k >= lo and v.low[k] in {"still", "also", "now", "later", "then", "has",
                                      "have", "had", "continues", "continue", "to", "been"}:
        k -= 1
    if k < lo:
        return []
    if v.low[k] in {"but", "and"} and k - 1 >= lo and v.low[k - 1] != ",":
        subj = scan.scan_left(v, k, types)[0]
        if subj or not v.low[ms].endswith("ed"):
            return subj
        # "The Wagner Group, the company run by X, fought ... and deployed fighters to
        # Mali": a second finite verb shares the subject that opens the sentence
        return opening_subject(v, k, types)
    if v.low[k] == "," and v.low[ms].endswith("ing") and k == ms - 1:
        return opening_subject(v, k, types)
    return []


def owner_of_target(v: DocView, k: int, types: tuple[str, ...]) -> list[Mention]:
    """"struck its positions", "bombed their nuclear facilities": the possessive pronoun
    (resolved by coreference) before a target noun names the attacked actor."""
    m = v.mention_at(k)
    if m is None or m.start != k or m.source != "coref" or m.type not in types \
            or m.text.lower() not in v.lex["possessive_pronouns"]:
        return []
    end = v.seg_end[k]
    for j in range(m.end, min(m.end + 3, end)):
        if v.low[j] in v.lex["target_of_nouns"]:
            return [m]
        if not (v.alpha[j] and v.lowercase[j]):
            return []
    return []


def purpose_subject(v: DocView, found, ms: int, types: tuple[str, ...]) -> list[Mention]:
    """The agent of a purpose infinitive right after a deployment or an attack: "X began a
    ground operation into Lebanon to target Y", "sent troops to Syria to fight Y" → X. Only
    when "to" follows that event's object directly, so "Iran armed Hezbollah to attack Y"
    (no force in motion) stays unread."""
    k = ms - 1
    if k <= v.seg_start[ms] or v.low[k] != "to":
        return []
    seg = v.segment_of[ms]
    for c in reversed(found.cands):
        if c.rel not in {"DEPLOYED_IN", "ATTACKS"} or v.segment_of[c.cue[0]] != seg:
            continue
        if max(c.obj.end, c.cue[1]) == k and c.subj.type in types:
            return [c.subj]
    return []


def opening_subject(v: DocView, k: int, types: tuple[str, ...]) -> list[Mention]:
    """The actor that opens the segment, when no relative clause or subordinate
    clause lies between it and token ``k``."""
    lo = v.seg_start[k]
    dash = next((d for d in range(lo + 1, min(lo + 10, k)) if scan.dateline_dash(v, d)), None)
    if dash is not None:
        lo = dash + 1  # "QUETTA, Pakistan (Reuters) - Gunmen from X ambushed …": after it
    j = lo
    while j < lo + 2 and v.low[j] in {"the", "a", "an"} and v.mention_at(j) is None:
        j += 1
    m = v.mention_at(j)
    if m is None and j + 2 < k and v.low[j] in v.lex["members_of_nouns"] \
            and v.low[j + 1] in {"from", "of"}:
        n = v.mention_at(j + 2 + int(v.low[j + 2] == "the"))
        if n is not None and n.type in types and not n.adjectival_form \
                and scan.members_phrase_opening(v, n):
            m, j = n, n.start  # "Gunmen from the BLA ambushed …, killing Y": the BLA
    if m is not None and m.start == j and m.type in types and not m.adjectival_form \
            and not _open_clause_between(v, m.end, k):
        # "X vowed revenge for a strike that hit Y, killing Z": not X's act
        return phrases.coord_right(v, m, types)
    return []


def _open_clause_between(v: DocView, start: int, k: int) -> bool:
    """A relative or subordinate clause between ``start`` and ``k`` that is still open at
    ``k``; an aside closed by its comma ("X, who seized power in 2021, expelled Y and …")
    leaves X the subject."""
    t = start
    while t < k:
        w = v.low[t]
        if w in v.lex["relative_pronouns"] or w in SUBORDINATORS:
            if w not in v.lex["relative_pronouns"] or t == 0 or v.low[t - 1] != ",":
                return True
            close = next((c for c in range(t + 1, k) if v.low[c] == ","), None)
            if close is None:
                return True
            t = close + 1
            continue
        t += 1
    return False


def members_of(v: DocView, pos: int, types: tuple[str, ...],
                targets: bool = False) -> list[Mention]:
    """"killed seven members of the IRGC", "trained fighters of the SNA": the group;
    with ``targets`` also "bombed hideouts of the group", "struck positions of X"."""
    end = v.seg_end[pos] if pos < len(v.doc) else pos
    nouns = v.lex["members_of_nouns"] | (v.lex["target_of_nouns"] if targets
                                             else frozenset())
    k = pos
    while k < min(pos + 4, end) and v.mention_at(k) is None \
            and ((v.alpha[k] and v.lowercase[k])
                 or (targets and v.text[k][:1].isdigit())) \
            and v.low[k] not in nouns and v.low[k] not in v.lex["prepositions"]:
        k += 1
    if targets and k + 2 < end and v.low[k] in nouns \
            and v.low[k + 1] in {"used", "belonging", "operated", "run", "held",
                                    "controlled", "owned"} \
            and v.low[k + 2] in {"by", "to"}:
        return scan.scan_right(v, k + 3, types, max_gap=0)  # "targets used by the PKK"
    if k + 1 < end and v.low[k] in nouns and (v.low[k + 1] == "of" or (
            v.low[k + 1] == "from" and v.low[k] in v.lex["members_of_nouns"])):
        # "killed seven members of the IRGC", "a field commander from the Radwan Force"
        j = k + 2
        while j < min(k + 6, end) and v.mention_at(j) is None and v.lowercase[j] \
                and (v.low[j] in v.title_words or v.low[j] in v.skippable):
            j += 1  # "the forces of eastern commander Khalifa Haftar"
        return scan.scan_right(v, j, types, max_gap=0)
    return []


def targets_in(v: DocView, pos: int, types: tuple[str, ...]) -> list[Mention]:
    """The state in which unnamed targets were hit: "struck nine sites in Pakistan",
    "hit what it called militant infrastructure at sites across Syria", "attacked a
    military camp in central Mali" (a state's forces' site is the state's). A target named
    by its owner ("Hezbollah targets") is the object itself and never reaches here."""
    if "STATE" not in types:
        return []
    end = v.seg_end[pos] if pos < len(v.doc) else pos
    saw_target = False
    for k in range(pos, min(pos + 10, end)):
        w = v.low[k]
        if v.text[k] in scan.QUOTES:
            continue  # "struck what it called “terrorist infrastructure” at sites in X"
        if v.mention_at(k) is not None or v.is_boundary(k) or v.punct[k] \
                or w in v.lex["relative_pronouns"]:
            return []
        if w in v.lex["located_target_nouns"] and k > pos \
                and v.low[k - 1] in v.lex["non_state_target_owners"]:
            return []  # "strikes on militia targets in Iraq": the militia's, not Iraq's
        if w in v.lex["located_target_nouns"] or (
                w in v.lex["state_site_nouns"] and k > pos
                and v.low[k - 1] in v.lex["state_force_adjectives"]):
            saw_target = True  # "nine sites in X", "a military camp in central X"
        elif w in {"in", "inside", "across", "throughout"} and saw_target:
            j = k + 1
            while j < end and v.low[j] in v.skippable and v.mention_at(j) is None:
                j += 1
            m = v.mention_at(j)
            if m is None or m.start != j or m.type != "STATE" or m.adjectival_form:
                return []
            return [m]
        elif (w in v.lex["prepositions"] and w not in {"at", "of"}) \
                or (not v.alpha[k] and not v.text[k][:1].isdigit()):
            return []
    return []


def national_targets(v: DocView, pos: int, types: tuple[str, ...]) -> list[Mention]:
    """The state whose sites a state's adjective names: "drone strikes on Russian oil
    refineries", "hit Iranian nuclear facilities" (the adjective that names no state's
    thing elsewhere, "Syrian oil fields", does here: a strike on them hits the state);
    not when the sites are another actor's ("… oil fields held by the SDF")."""
    if "STATE" not in types:
        return []
    end = v.seg_end[pos] if pos < len(v.doc) else pos
    j = pos
    while j < end and v.low[j] in v.skippable and v.mention_at(j) is None:
        j += 1
    m = v.mention_at(j)
    if m is None or m.start != j or m.type != "STATE" or not m.adjectival_form:
        return []
    k = m.end
    while k < min(m.end + 3, end) and v.alpha[k] and v.lowercase[k]:
        if v.low[k] in v.lex["located_target_nouns"]:
            after = k + 1
            if after + 1 < end and v.low[after] in v.lex["holder_participles"] \
                    and v.low[after + 1] == "by":
                return []  # "Syrian oil fields held by the SDF": the holder's
            return [m]
        k += 1
    return []


def both_named(v: DocView, pos: int, types: tuple[str, ...]) -> list[Mention]:
    """"designated both cartels as …", "the two militias": the last two actors of the
    paragraph's previous two sentences whose names hold the noun ("the Sinaloa Cartel and
    the Jalisco New Generation Cartel"), when there are exactly two."""
    end = v.seg_end[pos] if pos < len(v.doc) else pos
    k = pos
    if k + 1 < end and v.low[k] == "the" and v.low[k + 1] == "two":
        k += 2
    elif k < end and v.low[k] == "both":
        k += 1
    else:
        return []
    if k >= end or not v.low[k].endswith("s") or v.mention_at(k) is not None:
        return []
    head = v.low[k][:-1]
    s0 = v.seg_start[pos]
    lo = s0
    for _ in range(2):
        if lo == 0 or v.newline[lo - 1]:
            break
        lo = v.seg_start[lo - 1]
    last: dict[str, Mention] = {}
    for m in v.mentions:
        if m.start >= pos:
            break
        if m.start >= lo and m.type in types and head in m.name.lower().split():
            last[m.name] = m
    return sorted(last.values(), key=lambda m: m.start) if len(last) == 2 else []


def including_list(v: DocView, pos: int, types: tuple[str, ...]) -> list[Mention]:
    """Objects named in an "including" list after an unnamed group: "arms a network of
    allied groups, including Hezbollah, Hamas and the Houthis" → those three."""
    end = v.seg_end[pos] if pos < len(v.doc) else pos
    saw_group = False
    places = all(t in PLACE_ENTITY_TYPES for t in types)
    for k in range(pos, min(pos + 12, end)):
        w = v.low[k]
        m = v.mention_at(k)
        if m is not None and places and m.type in {"STATE", "LOCATION"}:
            saw_group = True  # "controls most of Syria, including the cities of X"
            continue
        if m is not None or v.is_boundary(k) or w in v.lex["relative_pronouns"]:
            return []
        if w in v.lex["group_nouns"] or w in v.lex["members_nouns"] \
                or (places and w in v.lex["place_plurals"]):
            saw_group = True
        elif w in {"including", "such", "like", "among"} and saw_group:
            start = k + 2 if w in {"such", "among"} and k + 1 < end \
                and v.low[k + 1] in {"as", "them"} else k + 1
            if w in {"such", "among"} and start == k + 1:
                return []
            items = scan.scan_right(v, start, types, ("of",), max_gap=2, prep_after_gap=True) \
                if places \
                else scan.scan_right(v, start, types, max_gap=0)
            # "seized a string of towns including A and B": no comma needed for places;
            # "groups like A and B", "militias such as A" name examples of the group
            return items if v.low[k - 1] == "," or places or w != "including" else []
    return []


def share_places(v: DocView, k: int, types: tuple[str, ...]) -> list[Mention]:
    """Places after ", most/some/all of them (are/based) in ..." at token ``k``."""
    if k >= len(v.doc):
        return []
    end = v.seg_end[k]
    j = k + 1
    if j + 3 >= end or v.low[k] != ",":
        return []
    if v.low[j] in {"mainly", "mostly", "largely", "primarily", "chiefly", "notably"}:
        j += 1  # "keeps 2,500 troops in Iraq, mainly at A and at B"
    else:
        if v.low[j] == "the":
            j += 1
        if v.low[j] not in v.lex["share_quantifiers"] or v.low[j + 1] != "of" \
                or v.low[j + 2] not in {"them", "whom", "those", "which"}:
            return []
        j += 3
    while j < end and v.low[j] in {"are", "were", "is", "was", "now", "currently",
                                      "based", "stationed", "deployed", "positioned"}:
        j += 1
    if j + 1 < end and v.low[j] in {"in", "at", "near", "inside", "around", "along"}:
        return scan.scan_right(v, j + 1, types, max_gap=1)
    return []


def including_after(v: DocView, k: int, types: tuple[str, ...]) -> list[Mention]:
    """The items of ", including A and B" / ", such as A" right after token ``k``
    (an acronym in parentheses before the comma is skipped)."""
    n = len(v.doc)
    if k < n and v.text[k] == "(":
        close = next((j for j in range(k, min(k + 8, v.seg_end[k]))
                      if v.text[j] == ")"), None)
        if close is None:
            return []
        k = close + 1
    if k + 1 >= n or v.low[k] != "," or k + 1 >= v.seg_end[k]:
        return []
    w = v.low[k + 1]
    if w == "including":
        start = k + 2
    elif w == "such" and k + 2 < n and v.low[k + 2] == "as":
        start = k + 3
    else:
        return []
    return scan.scan_right(v, start, types, max_gap=0) if start < n else []


def noun_use(v: DocView, ms: int) -> bool:
    """Is the cue word at ``ms`` used as a noun? It is when a determiner or "of" opens
    its phrase: right before it ("the strikes"), or "of" with at most three plain
    modifiers between ("a series of sabotage attacks")."""
    if v.low[ms].endswith("ing"):
        return False
    lo = v.seg_start[ms]
    stop = v.noun_stop
    k = ms - 1
    if k >= lo and v.low[k] in DETERMINERS and v.mention_of[k] is None:  # 0 <= lo <= k
        return True
    if k >= lo and v.low[k] in v.lex["prepositions"] and v.low[k] not in {"to", "with"} \
            and v.mention_of[k] is None:
        return True  # "concern about attacks on X", "after strikes on Y": a noun (not
        # "responded with strikes on Y", which the verb rule reads with its subject)
    m = v.mention_of[k] if k >= lo else None
    if m is not None and m.adjectival_form and m.start - 1 >= lo \
            and v.low[m.start - 1] in DETERMINERS and is_demonym(m.text):
        return True  # "condemned the Israeli strike on X": a noun with a demonym
    while k >= lo and ms - k <= 4:  # "its cells attack X" stays a verb: only "of" decides
        w = v.low[k]
        if w == "of":
            return True
        if w in DETERMINERS and v.mention_of[k] is None:
            # "stormed the last army garrison": a bare cue after a singular word cannot be
            # its present verb (that would be "garrisons"), so the determiner opens a noun
            # phrase; a past form is a verb ("A drone struck X", "a gunman attacked Y")
            cue = v.low[ms]
            return not cue.endswith(("s", "ed")) and cue not in PAST_FORMS \
                and not v.low[ms - 1].endswith("s")
        if v.mention_of[k] is not None or not v.alpha[k] or not v.lowercase[k] \
                or w in stop or w in v.verb_forms:
            return False
        k -= 1
    return False


def clause_subject(v: DocView, objs: list[Mention]) -> bool:
    k = max(o.end for o in objs)
    return k < v.seg_end[objs[0].start] and v.low[k] in v.lex["clause_aux"]


def passive_before(v: DocView, ms: int) -> bool:
    lo = v.seg_start[ms]
    i = ms - 1
    while i >= lo and v.low[i] in {"reportedly", "allegedly", "largely", "heavily",
                                       "also", "still", "now", "earlier", "already",
                                       "openly", "widely", "not", "never", "once",
                                       "directly", "long"}:
        i -= 1
    return i >= lo and v.low[i] in {"was", "were", "is", "are", "be", "been", "being",
                                       "get", "got", "gets"}
