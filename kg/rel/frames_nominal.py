"""Frames for nominal cues: "X-backed Y", "pro-X Y", nominalisations with their agent
before ("Iran's support for Y") or in a by-phrase ("the expulsion of Y by X"), and
claims of an attack without a target ("Y claimed the attack", paired in bridging).

Each frame is a plain function ``(view, found, rule, start, end)`` registered with
:func:`kg.rel.registry.frame`; a rule file names it in ``"frame"``. It reads the
:class:`~kg.rel.view.DocView` and writes what it finds to :class:`~kg.rel.findings.Findings`.
"""

from __future__ import annotations

from . import clause_helpers, phrases, scan
from .emit import emit, hedged
from .findings import Claim, Descriptor, Findings, OpenAttack, OpenTarget
from .frame_common import PLURAL_DETERMINERS
from .frames_verbal import past_reported_what
from .mentions import Mention
from .registry import LeftOptions, NominalOptions, frame
from .rules import Rule
from .view import DocView


@frame('premod', tight=True)
def premod(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    agent = v.mention_at(ms - 1)
    if agent is None:
        return
    objs = scan.scan_right(v, me, rule.object_types, max_gap=1)
    if not objs and "LOCATION" in rule.object_types:
        objs = _apposed_place(v, me, rule.object_types)  # "Hodeidah, a Houthi-held port"
        if objs:
            emit(v, found, rule, [agent], objs, (ms, me))
            return
    if not objs:
        k = phrases.group_noun_near(v, me)
        a = phrases.apposed_to(v, k, rule.object_types) if k is not None else None
        if a is not None:  # "the SDF, a US-backed alliance," → the SDF
            both = any(v.low[j] in PLURAL_DETERMINERS for j in range(a.end, ms))
            # "A and B, both Iran-backed groups," → A and B
            objs = phrases.coord_left(v, a, rule.object_types) if both else [a]
            emit(v, found, rule, [agent], objs, (ms, me))
        elif k is not None:
            found.descriptors.append(Descriptor([agent], k, rule.relation))
        return
    emit(v, found, rule, [agent], objs[:1], (ms, me))


def _apposed_place(v: DocView, me: int, types: tuple[str, ...]) -> list[Mention]:
    """The place a place noun right after ``me`` stands for: "Hodeidah, a Houthi-held
    port" (apposed before) or "the Houthi-run capital, Sanaa" (apposed after)."""
    end = v.seg_end[me] if me < v.n else me
    j = me
    if j >= end or v.low[j] not in v.lex["place_part_nouns"] and v.low[j] not in {
            "capital", "stronghold", "enclave", "port", "city", "town"}:
        return []
    if j + 1 < end and v.low[j + 1] == ",":
        named = scan.name_in_apposition(v, j + 1, types + ("STATE",))
        if named is not None:
            return [named]
    a = phrases.apposed_to(v, j, types + ("STATE",))
    return [a] if a is not None else []


@frame('pro', tight=True)
def pro(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    agent = v.mention_at(me)
    if agent is None or agent.start != me:
        return
    objs = scan.scan_right(v, agent.end, rule.object_types, max_gap=1, coordinate=False)
    if not objs:
        k = phrases.group_noun_near(v, agent.end)
        if k is not None:
            found.descriptors.append(Descriptor([agent], k, rule.relation))
        return
    emit(v, found, rule, [agent], objs, (ms, agent.end))


def holder_verb_before(v: DocView, ms: int) -> int | None:
    """The verb that makes the left side the one who has the noun: "X has / enjoys / won /
    relies on the support of Y" (``holder_verbs``); also those after which nothing is had
    (the intention verbs, "X sought the backing of Y", and ``holder_loss_verbs``). At most
    a determiner and two modifiers stand between; None if another word stands there."""
    lo = v.seg_start[ms]
    k = ms - 1
    while k >= lo and ms - k <= 3 and v.alpha[k] and v.lowercase[k] \
            and (v.mention_of[k] is None or v.low[k] in v.lex["possessive_pronouns"]):
        w = v.low[k]
        if w in v.lex["holder_verbs"] or w in v.lex["intention_verbs"] \
                or w in v.lex["holder_loss_verbs"]:
            return k
        if w in {"on", "upon"} and k - 1 >= lo and v.low[k - 1] in v.lex["holder_verbs"]:
            return k - 1  # "relies on the support of Y"
        k -= 1
    return None


def agents_before(v: DocView, rule: Rule, ms: int) -> list[Mention]:
    mode = rule.options.agent
    if mode == "left":
        a = phrases.apposed_to(v, ms, rule.subject_types)
        if a is not None:  # "the YPG (YPG), the main component of the SDF" → the YPG
            if any(v.low[k] in v.lex["copulas"] for k in range(a.end, ms)):
                return phrases.coord_left(v, a, rule.subject_types)  # "A and B are both"
            return [a]
        subj, rel_i = scan.scan_left(v, ms, rule.subject_types, rule.options.max_left)
        if not subj and rel_i is not None and all(
                v.low[k] in v.lex["aux"] or v.low[k] in v.lex["copulas"]
                or v.low[k] in v.skippable for k in range(rel_i + 1, ms)):
            # "the Houthis, who are aligned with Iran": the relative pronoun's antecedent
            subj = scan.antecedent(v, rel_i, rule.subject_types)
        return subj
    agents = scan.possessor_or_premod(v, ms, rule.subject_types)
    if len(agents) == 1 and agents[0].end == ms:
        agents = regime_restorer(v, rule, agents)
    if mode == "possessor" and len(agents) == 1 and agents[0].end == ms \
            and not phrases.possessive_after(v, agents[0]):
        # "its NATO ally Turkey", "Turkey's NATO ally Greece": the premodifier only
        # labels the alliance; the agent is the possessor before it (QUAL-C)
        owner = scan.possessor_or_premod(v, agents[0].start, rule.subject_types)
        if owner and owner[0] is not agents[0]:
            return owner
    if mode == "named_possessor":
        # "its war": who "it" is may be another clause's subject; only the antecedent of
        # the relative clause it stands in is sure ("drones to Russia, which has used them
        # in its war in Ukraine" → Russia)
        return [a for a in agents if a.source != "coref" or relative_owner(v, a)]
    if mode in {"premod", "possessor"}:
        return agents
    if not agents and mode in {"any", "premod_or_left"} and ms - 1 > v.seg_start[ms] \
            and v.low[ms - 1] == "by" and v.low[ms].endswith("ing"):
        # "X boosted its influence in the region by sending instructors to Y": the means
        # clause's agent is the main clause's subject, however long the clause before it
        return scan.scan_left(v, ms - 1, rule.subject_types, 16)[0]
    if rule.options.body_premod_labels and len(agents) == 1 and agents[0].end == ms \
            and phrases.member_body(v, agents[0]):
        # "Turkey is a NATO ally of the US": the alliance only labels the tie
        return scan.left_or_antecedent(v, agents[0].start, rule.subject_types,
                                       rule.options.max_left)
    if not agents and mode in {"any", "premod_or_left"} and concessive(v, ms):
        return []  # "X expanded trade despite sanctions on Y": X is not the sanctioner
    if not agents and mode in {"any", "premod_or_left"}:
        agents = scan.left_or_antecedent(v, ms, rule.subject_types, rule.options.max_left)
        if agents and any(v.low[k] in v.lex["reaction_verbs"]
                          for k in range(max(a.end for a in agents), ms)):
            return []  # "X condemned the killing of Y": X reacts, Y's killer is not X
        if agents and any(v.low[k] == "and" and v.low[k - 1] == ","
                          for k in range(max(a.end for a in agents) + 1, ms)):
            return []  # "… scientist, X, and a series of attacks on Y": X is no agent
        if not agents:
            agents = shared_subject(v, ms, rule.subject_types)
    return agents


def act_agent_before(v: DocView, found: Findings, ms: int,
                     types: tuple[str, ...]) -> list[Mention]:
    """The agent of the latest force or deployment found earlier in the same segment,
    for a manner phrase after a comma ("…, in coordination with the Somali government")."""
    seg = v.segment_of[ms]
    for c in reversed(found.cands):
        if c.rel in {"ATTACKS", "DEPLOYED_IN"} and c.cue[0] < ms \
                and v.segment_of[c.cue[0]] == seg and c.subj.type in types:
            return [c.subj]
    return []


def regime_restorer(v: DocView, rule: Rule, agents: list[Mention]) -> list[Mention]:
    """"X triggered the reimposition / return of U.N. sanctions on Y": the premodifier only
    names the regime; the one who brings it back is the clause's subject (X), when one is
    named ("the return of U.S. sanctions angered Y" keeps the premodifier)."""
    a = agents[0]
    k = a.start - 1
    lo = v.seg_start[a.start]
    h = k - 1
    while h > lo and v.text[h] in {'"', "\u201d", "\u2019", "'"}:
        h -= 1  # "the 'snapback' of U.N. sanctions"
    if h < lo or v.low[k] != "of" or v.low[h] not in v.lex["regime_return_nouns"]:
        return agents
    subj = scan.left_or_antecedent(v, h, rule.subject_types, rule.options.max_left)
    if not subj:
        subj = process_launcher(v, h, rule.subject_types)
    return subj or agents


def process_launcher(v: DocView, h: int, types: tuple[str, ...]) -> list[Mention]:
    """"A launched a process that would lead to the reimposition of sanctions": the one who
    set the procedure going brings the regime back (frames.json procedure_nouns before
    "that / which", a verb before the noun, its subject to the left)."""
    lo = v.seg_start[h]
    for k in range(h - 1, max(lo, h - 8), -1):
        if v.low[k] in {"that", "which"}:
            j = k - 1
            while j > lo and v.alpha[j] and v.lowercase[j] and k - j <= 3 \
                    and v.low[j] not in v.lex["procedure_nouns"]:
                j -= 1
            if v.low[j] not in v.lex["procedure_nouns"]:
                return []
            return scan.scan_left(v, j, types, 12)[0]
    return []


def relative_owner(v: DocView, a: Mention) -> bool:
    """``a`` (a resolved pronoun) stands in a relative clause ", which / who …" whose
    antecedent, the mention right before the comma, is the same actor."""
    lo = v.seg_start[a.start]
    for i in range(a.start - 1, lo, -1):
        w = v.low[i]
        if w in {",", ";", ":", "\u2014", "(", ")"}:
            return False
        if w in {"which", "who"}:
            m = v.mention_at(i - 2) if i - 2 >= lo and v.low[i - 1] == "," else None
            return m is not None and m.name == a.name
    return False


def carried_out_by(v: DocView, k: int, types: tuple[str, ...]) -> list[Mention]:
    """The agent of "(the attack on Y) was carried out / led / claimed by X" at ``k``."""
    end = v.seg_end[k] if k < v.n else k
    if k >= end or v.low[k] not in {"was", "were", "had", "has"}:
        return []
    k += 1
    if k < end and v.low[k] == "been":
        k += 1
    return event_agent(v, k, end, types, participle_required=True)


def event_agent(v: DocView, k: int, end: int, types: tuple[str, ...],
                participle_required: bool = False) -> list[Mention]:
    """The agent named at ``k`` after an event: "by X", "claimed / carried out by X",
    "blamed on X" (``event_agent_participles``; with ``participle_required`` a bare "by"
    is not enough)."""
    if k < end and v.low[k] in v.lex["event_agent_participles"]:
        k += 1
        if k < end and v.low[k] == "out":
            k += 1
        if k < end and v.low[k] == "on" and v.low[k - 1] == "blamed":
            return scan.scan_right(v, k + 1, types, max_gap=1)
    elif participle_required:
        return []
    if k < end and v.low[k] == "by":
        return scan.scan_right(v, k + 1, types, max_gap=1)
    return []


def concessive(v: DocView, ms: int) -> bool:
    """Does "despite" / "in spite of" open the phrase of the nominal cue at ``ms``?"""
    lo = v.seg_start[ms]
    k = ms - 1
    while k > lo and v.low[k] in v.skippable and v.low[k] != "of":
        k -= 1
    if k > lo and v.low[k] == "of":
        k -= 1  # "in spite of"
    return k >= lo and v.low[k] in v.lex["concessive_prepositions"]


def shared_subject(v: DocView, ms: int, types: tuple[str, ...]) -> list[Mention]:
    """The subject of a verb whose object the nominal cue heads, when that verb shares the
    subject of the clause before: "X denied arming Y but has demanded an end to Z" → X."""
    lo = v.seg_start[ms]
    k = ms - 1
    while k > lo and v.low[k] in v.skippable:
        k -= 1
    if k <= lo or not (v.low[k] in v.verb_forms or v.low[k].endswith("ed")
                       or v.low[k] in v.lex["irregular_predicate_verbs"]):
        return []
    return clause_helpers.elided_subject(v, k, types)


@frame('nominal', NominalOptions)
def nominal(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    if phrases.bare_part_object(v, ms):
        return  # "the EU has funded part of the mission": a share, not a membership
    if rule.relation == "PART_OF" and phrases.members_as_patients(v, ms):
        return  # "police detained members of the PKK": the members are the patients
    # "a campaign against what it says are Hezbollah efforts": the object after the copula
    start = past_reported_what(v, me) if me < v.n and v.low[me] == "what" else me
    objs = scan.scan_right(v, start, rule.object_types, max_gap=rule.options.max_right)
    if rule.options.in_names_place and v.low[me - 1] == "in" \
            and phrases.apposed_to(v, ms, rule.subject_types) is not None:
        # "the SDF, which holds X, is the main US partner in Syria": the partner is named,
        # Syria is where it is ("Syria's allies in Iran" are Iran's rulers)
        objs = [o for o in objs if o.type != "STATE" or o.text != o.name]
    if not objs and rule.relation in {"BACKS", "ATTACKS", "OPPOSES"}:
        objs = clause_helpers.including_list(v, me, rule.object_types)  # "to groups like A"
    if not objs and rule.relation == "ATTACKS":
        objs = clause_helpers.national_targets(v, start, rule.object_types)  # "on Russian
        # oil refineries": the state whose sites they are
    if not objs and rule.relation == "ATTACKS":
        objs = clause_helpers.targets_in(v, start, rule.object_types)  # "air strikes on
        # army depots across Syria": the state where the unnamed sites are
    agents: list[Mention] = []
    # "the expulsion of ISIS by Iraqi forces": the agent follows in a by-phrase
    after = objs[-1].end if objs else len(v.doc)
    end = v.seg_end[ms]
    for k in range(after, min(after + 2, end)):
        if v.low[k] == "by":
            agents = scan.scan_right(v, k + 1, rule.subject_types, max_gap=2)
            break
        if v.is_boundary(k) or v.low[k] in {",", "."}:
            break
    if objs and not agents and rule.relation == "ATTACKS":
        agents = carried_out_by(v, after, rule.subject_types)  # "the attack on Y was
        # carried out by X"
    holder = holder_verb_before(v, ms) if objs else None
    if holder is not None and v.low[holder] in v.lex["holder_loss_verbs"]:
        return  # "Hamas lost control of Gaza City", "lost its grip on Y": no more
    if holder is not None and rule.options.holder_inverts and v.low[me - 1] == "of":
        # "X enjoys the backing of Y": Y backs X (not "sought the support of")
        if v.low[holder] in v.lex["holder_verbs"]:
            held = scan.scan_left(v, holder, rule.object_types, rule.options.max_left)[0]
            if held:
                emit(v, found, rule, objs, held, (ms, me))
        return
    if objs and rule.options.members_after:
        named = clause_helpers.including_after(v, objs[-1].end, rule.subject_types)
        if named:  # "several factions of the PMF, including A and B" → A, B
            emit(v, found, rule, named, objs[:1], (ms, me))
            return
    if not agents and v.low[ms].endswith("ed") and ms > v.seg_start[ms] \
            and v.mention_at(ms - 1) is None and v.low[ms - 1] in v.lex["group_nouns"] \
            and not (ms - 2 >= v.seg_start[ms] and v.low[ms - 2] in {"other", "allied"}):
        return  # "drug gangs allied with X": the unnamed gangs are, not the clause's subject
    if not agents and v.low[ms] == "responsible" and ms - 2 >= v.seg_start[ms] \
            and v.low[ms - 1] in v.lex["members_of_nouns"] \
            and (owner := v.mention_at(ms - 2)) is not None and owner.type in rule.subject_types:
        agents = [owner]  # "targeting a Kataib Hezbollah commander responsible for attacks
        # on X": the commander's group, even as the object of another verb
    if not agents:
        agents = agents_before(v, rule, ms)
    if not agents and objs and rule.relation == "ALLIED_WITH" and ms > v.seg_start[ms] \
            and (v.low[ms - 1] == "," or (
                ms - 2 >= v.seg_start[ms] and v.low[ms - 1].endswith("ing")
                and v.low[ms - 2] in {",", "and"})):  # "…, guarding X and fighting alongside Y"
        agents = act_agent_before(v, found, ms, rule.subject_types)  # "X struck Y near Z,
        # on Monday, in coordination with W": the one who acted
    if agents and not objs and rule.relation == "ATTACKS":
        found.open_attacks.append(OpenAttack(agents, me, (ms, me)))
    if objs and not agents and rule.relation == "ATTACKS":
        found.open_targets.append(OpenTarget(ms, objs))
    if agents and objs:
        emit(v, found, rule, agents, objs, (ms, me))


@frame('claim', LeftOptions)
def claim(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Y claimed (responsibility for) the attack": when no target follows, Y is the
    attacker of the last attack named without one (resolved in :mod:`bridging`)."""
    end = v.seg_end[ms]
    if me < end and v.low[me] in {"on", "against", "targeting", "upon"}:
        return  # "claimed the attack on X": ATTACKS.noun reads it
    subj, rel_i = scan.scan_left(v, ms, rule.subject_types, rule.options.max_left)
    if not subj and rel_i is not None:
        subj = scan.antecedent(v, rel_i, rule.subject_types)
    if not subj or hedged(v, ms):
        return
    if me < end and v.low[me] in {"in", "at", "near"}:
        places = scan.scan_right(v, me + 1, ("LOCATION", "FACILITY"), max_gap=2)
        if places:  # "X claimed the bombing in Kabul": the place was the target
            emit(v, found, rule, subj, places[:1], (ms, me))
            return
    found.claims.append(Claim(ms, subj))


@frame('nominal_by')
def nominal_by(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    agents = scan.scan_right(v, me, rule.subject_types, max_gap=2)
    if not agents:
        return
    end = v.seg_end[ms]
    k = max(a.end for a in agents)
    objs: list[Mention] = []
    if k < end and v.low[k] in {"against", "on", "targeting", "upon"}:
        objs = scan.scan_right(v, k + 1, rule.object_types, max_gap=3)
    if objs:
        emit(v, found, rule, agents, objs, (ms, me))
    elif rule.relation == "ATTACKS":
        found.open_attacks.append(OpenAttack(agents, k, (ms, me)))
