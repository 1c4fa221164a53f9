"""Turning found arguments into relation candidates: the kind and confidence of the
evidence, hedged cues ("may deploy") and intentions ("to push X") that demote an attack
to opposition, and bases synthesised from "a base in <town>".

Every frame ends in :func:`emit`, so these checks apply to all of them in one place; the
candidates go to :class:`~kg.rel.findings.Findings`.
"""

from __future__ import annotations

from ..resolve import canonical_name, gazetteer
from .findings import Cand, Findings
from .frame_common import CONF, SYNTH_BASE_WORDS
from .mentions import Mention
from .rules import Rule
from .view import DocView


# ---- emission ------------------------------------------------------------------------------
def emit(v: DocView, found: Findings, rule: Rule, subjects: list[Mention],
         objects: list[Mention], cue: tuple[int, int], kind: str | None = None,
         relation: str | None = None) -> int:
    """Add a candidate for every (subject, object) pair whose types the rule accepts, after
    the modality checks (intention, hedging) and the object-type relabelling; returns how
    many were added."""
    kind = kind or rule.spec.kind
    rel = relation or rule.relation
    rule_id = rule.id
    if conditional(v, cue[0]):
        return 0  # "if Russia attacks a NATO member", "unless Turkey sends troops"
    if rel == "ATTACKS" and intention_before(v, cue[0]):
        rel, rule_id = "OPPOSES", rule.id + ".intent"
    if hedged(v, cue[0]):
        if rel != "ATTACKS":
            return 0  # "Ankara may establish bases in X" is not a fact yet
        rel, rule_id = "OPPOSES", rule.id + ".hedged"  # "X could strike Y": a threat
    subjects = [s for s in subjects if not urged(v, cue[0], s) and not kin_possessor(v, s)]
    objects = [o for o in objects if not kin_possessor(v, o)]
    subjects = [person_government(v, s) for s in subjects]
    objects = [person_government(v, o) for o in objects]
    # "at the request of President X's predecessor", "X's son Y": the other person acts
    # "X urged Syria to expel the Russian military": Syria has not done it
    if rel in {"ATTACKS", "OPPOSES"} and stop_pledged(v, cue[0]):
        return 0  # "the Houthis pledged to stop targeting X": a promise to end, no threat
    if rel in v.lex["endable_relations"] and ended(v, cue[0], rel):
        return 0  # "Turkey ended its deployment in Qatar", "lifted its blockade of Gaza"
    if rule.relation == "OPERATES" and v.low[cue[0]] in v.lex["founding_verbs"] \
            and infinitive(v, cue[0]):
        return 0  # "was trying to build new bases in X": no base yet
    if (rel in v.lex["intended_not_done_relations"] or rule.relation == "OPERATES") \
            and deliberated(v, cue[0]):
        return 0  # "discussed setting up bases in X", "weighing sending troops": not done
    if rel == "NEGOTIATES_WITH" and advocated(v, cue[0]):
        return 0  # "called for talks between A and B": asked for, not held
    if rel in v.lex["intended_not_done_relations"] and infinitive(v, cue[0]):
        return 0  # "a bill to deploy troops", "a push to wrest control of": not done yet
    if rel == "CONTROLS" and cue[0] > v.seg_start[cue[0]] and v.low[cue[0] - 1] == "for":
        return 0  # "fighting / vying for control of X": nobody holds it yet
    if rel in v.lex["intended_not_done_relations"] and hypothetical(v, cue[0]):
        return 0  # "a possible incursion into X", "fears of a deployment": not a fact
    if rel == "ATTACKS" and hypothetical(v, cue[0]):
        if getattr(rule.options, "both_ways", False):
            return 0  # "fears of a war between A and B": no attack is asserted
        rel, rule_id = "OPPOSES", rule.id + ".hypothetical"
    elif rel == "ATTACKS" and future(v, cue[0]):
        rel, rule_id = "OPPOSES", rule.id + ".future"  # "X would retaliate against Y"
    elif rel in v.lex["future_not_done_relations"] and future(v, cue[0]):
        return 0  # "China will arm Russia", "Turkey would send troops": not done yet
    if rel == "NEGOTIATES_WITH" and (k := talks_verb(v, cue[0])) is not None \
            and (future(v, k) or infinitive(v, k)):
        return 0  # "X would hold talks with Y", "is set to open talks": not held yet
    if rel == "OPPOSES" and rule.relation == "ATTACKS":
        objects = [o for o in objects if o.type not in {"LOCATION", "FACILITY"}]
        # "plans an offensive on Rafah": a plan against a place is no stance toward an actor
    if ("LOCATION" in rule.object_types and "STATE" not in rule.object_types) \
            or rel == "CONTROLS" or rule.options.capital_is_place:
        objects = [capital_as_place(o) for o in objects]  # "controlled Sanaa": the city;
        # "controls 90 percent of Port-au-Prince": the city, not Haiti
    if rel == "LOCATED_IN":
        objects = [o for o in objects
                   if not (o.end < v.n and v.low[o.end] in v.lex["line_feature_heads"])]
        # "sits on the Dnipro river": a river or a coast is beside the place, not around it
    if rel == "CONTROLS":
        objects = [region_as_place(v, o) for o in objects]  # "holds eastern Libya": the
        # region ("X-held parts of northern Yemen" too), not the whole state
    remap = rule.options.object_type_relation
    n = 0
    for s in subjects:
        if s.type not in rule.subject_types:
            continue
        for o in objects:
            if o.name == s.name or o.type not in rule.object_types:
                continue
            r = remap.get(o.type, rel)
            if r != rel and cue[0] > 0 and v.low[cue[0] - 1] in v.lex["civil_site_modifiers"]:
                continue  # "its enrichment facilities at Isfahan": no troops in the town
            if r != rel and rule.options.synthesize_facility and o.type == "LOCATION" \
                    and town_like(v, o) and any(v.low[k] in SYNTH_BASE_WORDS
                                                   for k in range(cue[0], cue[1])):
                fac = Mention(o.start, o.end, facility_name(
                    o.name, rule.options.synthesize_facility), "FACILITY", "synth", o.text)
                found.cands.append(Cand(s, rel, fac, rule_id + ".synth", "heuristic",
                                       CONF["heuristic"], cue))
            found.cands.append(Cand(s, r, o, rule_id, kind, CONF[kind], cue))
            if r == "DEPLOYED_IN" and rule.options.base_operator and held_site(v, o):
                found.cands.append(Cand(s, "OPERATES", o, rule_id + ".base", kind,
                                        CONF[kind], cue))
            n += 1
    return n


def person_government(v: DocView, m: Mention) -> Mention:
    """"negotiating with Petro's government", "Kiir's administration": a leader named as
    the owner of a government stands for the state he serves (the gazetteer's
    ``part_of``), as "the Petro government" does when the resolver reads it whole."""
    k = m.end
    if m.type != "PERSON" or k + 1 >= len(v.low) or v.low[k] not in v.lex["possessive"] \
            or v.low[k + 1] not in v.lex["government_nouns"]:
        return m
    state = gazetteer().container(m.name)
    if state is None or state.type != "STATE":
        return m
    return Mention(m.start, m.end, state.name, "STATE", m.source, m.text)


def kin_possessor(v: DocView, m: Mention) -> bool:
    """A person named only as the possessor of a relative or a predecessor ("President X's
    predecessor, Y", "X's son Y"): the phrase means someone else."""
    k = m.end
    return m.type == "PERSON" and k + 1 < len(v.low) and v.low[k] in v.lex["possessive"] \
        and v.low[k + 1] in v.lex["kin_nouns"]


def held_site(v: DocView, m: Mention) -> bool:
    """A facility written as a military base or camp ("Ain al-Asad air base", "Camp
    Humphreys"), which forces stationed there hold; not an airport, a refugee camp or a
    nuclear site, where forces may be without running the place."""
    if m.type != "FACILITY":
        return False
    words = m.text.lower().split()  # as written: "al-Tanaf" may be known as a base
    return words[-1] in v.lex["held_site_heads"] or (
        words[0] in v.lex["held_site_openers"] and not set(words) & v.lex["civilian_site_words"])


def capital_as_place(m: Mention) -> Mention:
    """A capital written for its state ("Sanaa said …" is Yemen) is the city itself where
    a relation wants a place: "the Houthis have held Sanaa since 2014"."""
    if m.type != "STATE" or m.source != "ent":
        return m
    actor = gazetteer().actors.get(m.name)
    capital = actor.capital if actor is not None else None
    if capital and capital.lower() == m.text.lower():
        return Mention(m.start, m.end, capital, "LOCATION", m.source, m.text)
    return m


def region_as_place(v: DocView, m: Mention) -> Mention:
    """A state's name after a compass word ("eastern Libya", "north-eastern Syria") names a
    region of it, which a relation wanting a place holds as a place: "X controls eastern
    Libya" says nothing of the whole state. Named as news and gazetteers write such
    regions: "Eastern Libya", "Southern Lebanon", and the compass noun for two directions
    ("Northeast Syria"). Not an adjective ("southern Lebanese town"), not a possessor
    ("northern Syria's Afrin": the head is the place), not a share ("much of northern
    Yemen" names a share of the region; the share rules leave it out)."""
    if m.type != "STATE" or m.source != "ent" or m.adjectival_form:
        return m
    k = m.start - 1
    if k < v.seg_start[m.start] or v.low[k] not in v.lex["compass_words"] \
            or v.mention_of[k] is not None:
        return m
    if m.end < v.n and v.low[m.end] in v.lex["possessive"]:
        return m
    w = v.low[k].replace("-", "")
    if k - 2 >= v.seg_start[m.start] and v.text[k - 1] == "-" \
            and v.low[k - 2] in {"north", "south"} and not v.doc[k - 2].whitespace_:
        k -= 2  # "north-eastern" is three tokens
        w = v.low[k] + w
    j = k - 1 - int(k - 1 >= v.seg_start[m.start] and v.low[k - 1] == "the")
    if j - 1 >= v.seg_start[m.start] and v.low[j] == "of" \
            and v.low[j - 1] in v.lex["share_nouns"]:
        return m  # "much of (the) northern Yemen": a share of the region
    if w in {"north", "south", "east", "west"}:
        w += "ern"  # "north Syria" is northern Syria
    elif len(w) > len("southern") and w.endswith("ern"):
        w = w[:-3]  # "north-eastern Syria" is Northeast Syria
    return Mention(k, m.end, f"{w.capitalize()} {m.name}", "LOCATION", m.source,
                   v.doc[k:m.end].text)


def place_reading(v: DocView, m: Mention, types: tuple[str, ...]) -> Mention:
    """A state's mention as the place a scan for places (and not states) wants: its capital
    written for it ("held Sanaa") is the city, "eastern Libya" the region; else ``m``."""
    if m.type != "STATE" or "LOCATION" not in types or "STATE" in types:
        return m
    c = capital_as_place(m)
    return c if c is not m else region_as_place(v, m)


def facility_name(place: str, kind: str) -> str:
    """"a base in Tartus" is the known "Tartus naval base" when the gazetteer has it
    under that alias; otherwise "Tartus base"."""
    name = f"{place} {kind}"
    hit = canonical_name(name, "FACILITY")
    return hit[0] if hit is not None and hit[1] == "FACILITY" else name


def town_like(v: DocView, m: Mention) -> bool:
    """A place that can name a base ("a base in Tanf"), not a region ("outposts in the
    Kurdistan region", "bases in northern Iraq's provinces")."""
    if m.start > 0 and (v.low[m.start - 1] == "the"
                        or v.low[m.start - 1] in v.lex["direction_adjectives"]):
        return False
    words = {w.lower() for w in m.name.split()} | {v.low[k] for k in range(m.start, m.end)}
    if m.end < len(v.low):
        words.add(v.low[m.end])
    return not words & v.lex["area_words"]


def hedged(v: DocView, pos: int) -> bool:
    """A cue under "may", "might" or "could" ("may establish", "could soon deploy")."""
    lo = v.seg_start[pos]
    k = pos - 1
    while k >= lo and pos - k <= 3 and v.low[k] in {"also", "soon", "still", "eventually",
                                                     "even", "not", "yet", "then"}:
        k -= 1
    return k >= lo and v.text[k] in {"may", "might", "could"}  # not the month May


def intention_before(v: DocView, pos: int) -> bool:
    """An intention verb governs the cue: through a to-infinitive ("threatened ... to
    push X") or as the verb of a nominal cue ("threatened a new military operation against
    X", "plans an offensive on Y"): a threat or a plan, not an attack that happened."""
    lo = v.seg_start[pos]
    k, n = pos - 1, 0
    while k >= lo and n < 4 and v.alpha[k] and v.lowercase[k] and v.mention_at(k) is None:
        if v.low[k] in v.lex["intention_verbs"]:
            return True
        if v.low[k] not in v.skippable and v.low[k] not in v.lex["np_modifiers"]:
            break
        k, n = k - 1, n + 1
    for k in range(pos - 1, max(lo, pos - 4) - 1, -1):  # "to launch a new offensive"
        if v.low[k] == "to":
            for j in range(k - 1, max(lo, k - 6) - 1, -1):
                if v.low[j] in v.lex["intention_verbs"]:
                    return True  # "threatened a new ground incursion to push X"
                if j < k - 3 and (v.mention_at(j) is not None or v.is_boundary(j)
                                  or v.punct[j]):
                    return False
            return False
    return False


def ended(v: DocView, pos: int, rel: str = "") -> bool:
    """A nominal cue that an ending verb governs: "ended its deployment in X", "lifted the
    blockade of Y", "scrapped its sanctions on Z". A pact or an aid that talks "concluded"
    is made, not ended (``deal_making_verbs``)."""
    lo = v.seg_start[pos]
    k = pos - 1
    while k >= lo and pos - k <= 3:
        m = v.mention_at(k)
        if m is not None and m.end == pos and m.start > lo and m.source != "coref":
            k = m.start - 1  # "vetoed EU aid to Y": the premodifier names the giver
            continue
        if not (v.low[k] in v.skippable or v.low[k] in v.lex["possessive_pronouns"]
                or v.low[k] in v.lex["appos_adjectives"]) \
                or not (m is None or m.source == "coref"):
            break
        k -= 1  # "ended its deployment", "closed its last base": "its" may be a resolved pronoun
    if k - 1 >= lo and v.low[k] == "over" and v.low[k - 1] in v.lex["handover_verbs"]:
        k -= 1  # "handed over its last base in X"
    elif k < lo or v.low[k] not in v.lex["ending_verbs"]:
        return False
    if rel in {"ALLIED_WITH", "BACKS"} and v.low[k] in v.lex["deal_making_verbs"]:
        return False  # "concluded a defence pact": signed
    j = k - 1
    while j >= lo and k - j <= 2 and v.low[j] in {"to", "yet", "be", "immediately", "soon"}:
        j -= 1
    # "will not lift sanctions", "refused to end the blockade": nothing ends
    return not (j >= lo and (v.low[j] in {"not", "n't", "never"}
                             or v.low[j] in v.lex["refusal_verbs"]))


def stop_pledged(v: DocView, pos: int) -> bool:
    """A cue after "agreed / pledged to stop (its)": "pledged to stop targeting X", "agreed
    to halt its bombing campaign" promise an end ("called on X to stop arming Y" is not a
    promise: there X is arming Y)."""
    lo = v.seg_start[pos]
    k = pos - 1
    while k >= lo and pos - k <= 3 and v.low[k] not in v.lex["stopped_activity"] and (
            v.low[k] in v.skippable or v.low[k] in v.lex["possessive_pronouns"]
            or (v.alpha[k] and v.lowercase[k] and v.low[k] not in v.verb_forms)) \
            and (v.mention_at(k) is None or v.mention_at(k).source == "coref"):
        k -= 1  # "agreed to halt its rocket attacks on X"
    if k - 2 < lo or v.low[k] not in v.lex["stopped_activity"] or v.low[k - 1] != "to":
        return False
    j = k - 2
    while j > lo and v.low[j] in v.lex["aux"]:
        j -= 1
    return v.low[j] in v.lex["pledge_verbs"]


def infinitive(v: DocView, pos: int) -> bool:
    """A cue in a to-infinitive that states a purpose or plan, not a fact: "a bill to deploy
    troops", "launched a push to wrest control of". Verbs that entail their complement
    ("continued to occupy", "began to deploy") keep it a fact."""
    lo = v.seg_start[pos]
    k = pos - 1
    if k >= lo and v.low[k] in v.lex["infinitive_light_verbs"]:
        k -= 1  # "to wrest control of", "to take control of"
    if k < lo or v.low[k] != "to" or k - 1 < lo:
        return False
    if not (v.alpha[pos] and v.lowercase[pos]) or v.low[pos].endswith(("ed", "ing")):
        return False  # "moved to Syria", "to deployed forces": not an infinitive
    j = k - 1
    while j > lo and v.low[j] in v.lex["aux"]:
        j -= 1
    return v.low[j] not in v.lex["implicative_verbs"]


def deliberated(v: DocView, pos: int) -> bool:
    """A gerund cue that a verb of discussion or planning governs ("have discussed setting
    up training bases", "is weighing sending troops"): the act is under discussion."""
    k = pos - 1
    return k >= v.seg_start[pos] and v.low[pos].endswith("ing") \
        and (v.low[k] in v.lex["deliberation_verbs"] or v.low[k] in v.lex["intention_verbs"])


def advocated(v: DocView, pos: int) -> bool:
    """A nominal cue that someone asks for: "called for talks between A and B", "advocates
    for Venezuela-Guyana dialogue", "urged a new truce": the talks are not (yet) held."""
    lo = v.seg_start[pos]
    k = pos - 1
    while k >= lo and pos - k <= 6 and (
            v.low[k] in v.skippable or v.mention_at(k) is not None
            or v.text[k] in {"-", "\u2013"} or v.low[k] in {"peace", "ceasefire", "truce"}):
        k -= 1  # "a new peace", "Venezuela-Guyana"
    if k > lo and v.low[k] == "for":
        k -= 1
    return k >= lo and v.low[k] in v.lex["advocacy_words"] and v.mention_at(k) is None


def urged(v: DocView, pos: int, subject: Mention) -> bool:
    """A cue in a to-infinitive that someone asks ``subject`` to carry out: "urged Syria's
    government to expel …", "called on Iraq to disarm …". The subject is the urging
    verb's object, so the act is a request, not a fact."""
    lo = v.seg_start[pos]
    k = pos - 1
    if k < lo or v.low[k] != "to" or subject.start > pos:
        return False
    return any(v.low[j] in v.lex["urging_verbs"]
               for j in range(max(lo, subject.start - 3), subject.start))


def talks_verb(v: DocView, pos: int) -> int | None:
    """The light verb of a noun cue of talks ("hold (direct) talks", "open a new round of
    talks"), whose modality is the talks'; None when there is none."""
    lo = v.seg_start[pos]
    k = pos - 1
    while k >= lo and pos - k <= 5 and v.alpha[k] and v.lowercase[k] \
            and v.low[k] not in v.lex["talks_light_verbs"]:
        k -= 1
    return k if k >= lo and pos - k <= 5 and v.low[k] in v.lex["talks_light_verbs"] else None


def hypothetical(v: DocView, pos: int) -> bool:
    """An attack named as a possibility: "a possible war", "fears of strikes", "to avert a
    war between A and B", "any Israeli attack on X"."""
    lo = v.seg_start[pos]
    k, n = pos - 1, 0
    while k >= lo and n < 4:
        if v.low[k] in v.lex["hypothetical_words"]:
            return True
        m = v.mention_of[k]
        if m is not None and m.adjectival_form and m.start - 1 >= lo \
                and v.low[m.start - 1] in v.lex["hypothetical_words"]:
            return True  # "any Israeli attack", "a possible Turkish incursion"
        if m is not None or v.is_boundary(k):
            break
        k, n = k - 1, n + 1
    return False


def conditional(v: DocView, pos: int) -> bool:
    """The cue stands in a clause opened by "if" / "unless" (``conditional_openers``),
    with no clause boundary or sentence punctuation between: "if X attacks Y" asserts
    nothing, not even a stance of X."""
    lo = v.seg_start[pos]
    for k in range(pos - 1, max(lo, pos - 12) - 1, -1):
        if v.low[k] in v.lex["conditional_openers"]:
            return True
        if v.is_boundary(k) or v.low[k] in {",", ";", ":"}:
            return False
    return False


def future(v: DocView, pos: int) -> bool:
    """A verbal attack cue under "would", "will", "must" or "should", or after "capable
    of": a threat or a conditional, not an attack that happened."""
    lo = v.seg_start[pos]
    if pos - 2 >= lo and v.low[pos - 1] == "of" and v.low[pos - 2] == "capable":
        return True  # "capable of striking X"
    if not (v.alpha[pos] and v.lowercase[pos]) or v.low[pos].endswith(("ed", "s")):
        return False
    k = pos - 1
    while k >= lo and pos - k <= 3 and v.low[k] in {"also", "soon", "not", "then", "never",
                                                     "certainly", "be", "to"}:
        k -= 1
    return k >= lo and v.low[k] in v.lex["future_modals"]
