"""Frames for the construction families of issue 10 that the older frames do not read.

Each frame is one construction; the rules that use it (and an example phrase each) are in
``kg/data/relations/<RELATION>.json``; their word lists are in ``kg/data/words/frames.json``:

* ``hyphen_pair``: "the Israel-Hamas truce", "Turkey-PKK clashes" — two actors joined by
  a hyphen before a contact or conflict noun;
* ``one_of_allies``: "Iraq, one of the closest US partners" — an apposition that makes the
  named actor an ally;
* ``and_its_ally``: "Hezbollah and its ally, the Amal Movement";
* ``appos_member``: "the Quds Force — an arm of the IRGC —": a dash apposition;
* ``held_areas``: "Houthi-controlled areas of Yemen";
* ``led_delegation``: "the Iranian delegation, led by Foreign Minister X", "Hamas,
  represented by X": the person belongs to the delegation's owner;
* ``withdrawal``: "the withdrawal of Israeli forces from Gaza": a presence before it ends;
* ``victim_of``: "three Hezbollah fighters were killed in an Israeli strike";
* ``appos_place``: "Erbil, the capital of the Kurdistan Region", "Gao is a city in
  northern Mali", "Sanaa, the Yemeni capital,";
* ``fronted_passive``: "Classified as a terrorist group by X, Y ...";
* ``join_in``: "A, B and C will join the US in the new mission": all of them are part of
  the mission (a named operation, often through "the mission" resolved by ``kg_coref``);
* ``result_of_attack``: "A conducted a strike …, resulting in the death of members of B";
* ``ceasefire_pair``: "A and B agreed to a ceasefire after days of clashes";
* ``at_request``: "A intervened at B's request";
* ``appos_ally``: "Y, a Kremlin ally," / "Y, an Iranian proxy," / "Y, a proxy of X,";
* ``under_named_control``: "Sanaa, under Houthi control since 2014," / "the city is under
  RSF control": the actor named inside the phrase controls the place before it;
* ``recruited_people``: "X recruited thousands of young men", "X recruited men from A and
  B", "recruiting among Fulani herders": people who are no named group, named by the
  phrase itself (or by the country they come from);
* ``based_premod``: "the Venezuela-based Tren de Aragua gang": the group is deployed in
  the place before the hyphen (a civilian body named as such is only based there);
* ``handed_over``: "A handed the city of X back to B", "ceded X to B": the receiver holds
  the place named between the verb and "to";
* ``aide_to``: "X, a senior adviser to President Y," / "an aide to Y, X,": X serves the
  state (or body) Y serves;
* ``with_backing``: "Y retook X with Egyptian support", "…, which deployed with U.N.
  backing": the actor between "with" and the support noun backs Y;
* ``condemned_event``: "Y condemned the assault" with no actor named in the object: Y
  opposes the attacker of the latest attack before it (completed in :mod:`bridging`);
* ``claimed_by``: "The attack was led / carried out by Y": Y is the attacker of the last
  attack named without one (completed in :mod:`bridging`, as "Y claimed the attack");
* ``condemned_move``: "A seized the shoal …, a move B condemned" / "…, a step condemned by
  B": B opposes A, the actor that opens the sentence;
* ``demanded_yield``: "A demanded / insisted that B (must) disarm / withdraw / step down",
  "A called on B to surrender": a demand that B give way;
* ``weapon_passive``: "Iranian missiles were fired at X": the actor named before the
  weapon attacked X;
* ``backers_in``: "Hezbollah's backers in Tehran": the government a capital names backs
  the possessor;
* ``hosted_trainers``: "X has hosted Russian military instructors": the instructors'
  state backs X (a leader named with his state's title stands for the state);
* ``refused_handover``: "A has refused to extradite / hand over B": A shelters B;
* ``deal_under_which``: "a ceasefire under which A agreed to … and B pledged to …": A and
  B are the parties;
* ``seen_as``: "A views / regards / describes B, whose …, as a 'separatist'": B is cast as
  an enemy in an "as" phrase that may come after an aside about B.

Plain functions over the read-only :class:`~kg.rel.view.DocView`, registered by name
(:mod:`.registry`); each adds what it finds to :class:`~kg.rel.findings.Findings`.
"""

from __future__ import annotations

from ..gazetteer import CAPITAL
from ..resolve import gazetteer
from . import clause_helpers, phrases, scan
from .emit import capital_as_place, emit, hedged, hypothetical, region_as_place
from .findings import Claim, Findings
from .frames_nominal import carried_out_by, event_agent
from .frames_verbal import titled_state
from .mentions import Mention
from .registry import (
    DelegationOptions,
    LeftOptions,
    OwnedNounOptions,
    PlaceOptions,
    SeenAsOptions,
    SymmetricOptions,
    UnderControlOptions,
    frame,
)
from .rules import Rule
from .view import DocView


@frame('hyphen_pair', SymmetricOptions)
def hyphen_pair(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"A-B <noun>": the cue is the noun; A and B sit just before it."""
    k = ms - 1
    lo = v.seg_start[ms]
    while k >= lo and ms - k <= 3 and v.mention_at(k) is None and v.alpha[k] \
            and v.lowercase[k]:
        k -= 1  # "Israel-Hamas truce talks", "US-Iran nuclear talks"
    b = v.mention_at(k)
    if b is None or b.end != k + 1 or b.start - 2 < lo \
            or v.text[b.start - 1] not in v.lex["dashes"]:
        return
    a = v.mention_at(b.start - 2)
    if a is None or a.name == b.name:
        return
    types = rule.subject_types
    if a.type not in types or b.type not in types:
        return
    if hypothetical(v, a.start):
        return
    emit(v, found, rule, [a], [b], (ms, me))
    if rule.options.both_ways:
        emit(v, found, rule, [b], [a], (ms, me))

@frame('one_of_allies')
def one_of_allies(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Y, one of X's closest allies" / "Y, one of the most important X partners"."""
    if ms < 2 or v.low[ms - 1] != ",":
        return
    y = v.mention_at(ms - 2)
    if y is None or y.type not in rule.object_types:
        return
    inside = [m for m in (v.mention_at(k) for k in range(ms + 2, me - 1)) if m]
    if len(inside) != 1 or inside[0].type not in rule.subject_types:
        return
    emit(v, found, rule, inside[:1], [y], (ms, me))

@frame('and_its_ally')
def and_its_ally(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"X and its ally(,) Y": X is allied with the ally named after the phrase."""
    x = v.mention_at(ms - 1)
    if x is None or x.type not in rule.subject_types:
        return
    start = me + 1 if me < v.seg_end[ms] and v.low[me] == "," else me
    y = scan.scan_right(v, start, rule.object_types, max_gap=1)
    emit(v, found, rule, [x], y[:1], (ms, me))

@frame('appos_member')
def appos_member(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"X — an arm of Y —", "X, an affiliate of Y,": X is part of Y."""
    _apposed_pair(v, found, rule, ms, me)


def _apposed_pair(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """The mention right before an apposed description ("X, an arm of", "A, the capital
    of") and the one right after it: the shape several apposition frames share."""
    x = v.mention_at(ms - 1)
    if x is None or x.type not in rule.subject_types:
        return
    y = scan.scan_right(v, me, rule.object_types, max_gap=1, coordinate=False)
    emit(v, found, rule, [x], y, (ms, me))

@frame('held_areas')
def held_areas(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"X-controlled areas of Y": X holds (part of) Y."""
    if ms < 1:
        return
    x = v.mention_at(ms - 1)
    if x is None or x.type not in rule.subject_types:
        return
    y = scan.scan_right(v, me, rule.object_types, max_gap=1, coordinate=False)
    emit(v, found, rule, [x], y, (ms, me))

@frame('led_delegation', DelegationOptions)
def led_delegation(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"<owner> delegation, led by (Title) P", "<owner>, represented by P": P belongs to
    the owner."""
    if rule.options.owner == "before":
        x = v.mention_at(ms - 1)
        owners = [x] if x is not None and x.type in rule.object_types else []
    else:
        owners = scan.possessor_or_premod(v, ms, rule.object_types)
    if not owners:
        return
    k = me
    end = v.seg_end[ms]
    while k < min(me + 5, end) and v.mention_at(k) is None \
            and (v.low[k] in v.title_words or v.low[k] in v.skippable
                 or (v.alpha[k] and not v.lowercase[k])):
        k += 1  # "led by Foreign Minister X"
    p = v.mention_at(k)
    if p is None or p.type != "PERSON":
        return
    emit(v, found, rule, [p], owners[:1], (ms, me))

@frame('withdrawal')
def withdrawal(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"the withdrawal of X (and Y) forces from Z": X and Y were present in Z."""
    end = v.seg_end[ms]
    actors: list[Mention] = []
    k = me
    while k < min(me + 10, end):
        m = v.mention_at(k)
        if m is not None:
            if m.type in rule.subject_types and m not in actors:
                actors.append(m)
            k = m.end
            continue
        if v.low[k] == "from":
            break
        if v.is_boundary(k) or v.low[k] in v.lex["prepositions"]:
            return
        k += 1
    if not actors or k >= end or v.low[k] != "from":
        return
    places = scan.scan_right(v, k + 1, rule.object_types, max_gap=1)
    emit(v, found, rule, actors, places, (ms, me))

@frame('victim_of')
def victim_of(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Y (fighters) were killed in an X strike": X attacked Y. The attacker is the
    adjectival mention inside the match; the victim the actor just before the verb."""
    # each mention once: "an Islamic State assault" names one attacker over two tokens
    agents = list(dict.fromkeys(m for m in (v.mention_at(k) for k in range(ms + 1, me)) if m))
    if not agents:  # "killed in an attack (claimed) by X", "in an ambush blamed on X"
        agents = event_agent(v, me, v.seg_end[me - 1], rule.subject_types)
    elif len(agents) != 1 or agents[0].type not in rule.subject_types \
            or not (agents[0].adjectival_form or agents[0].end == me - 1):
        return  # "an Israeli strike", "a Hamas attack": the attacker premodifies the noun
    if not agents:
        return
    lo = v.seg_start[ms]
    k = ms - 1
    victims: list[Mention] = []
    while k >= lo and ms - k <= 6:
        m = v.mention_at(k)
        if m is not None:
            if m.type in rule.object_types:
                victims = [m]
            break
        if k - 2 >= lo and v.low[k] in v.lex["force_nouns"] \
                and v.low[k - 1] in v.lex["possessive"] and v.mention_at(k - 2) is not None:
            k -= 2  # "Sudan's army fended off ...": the army's state
            continue
        if not (v.low[k] in v.lex["aux"] or v.low[k] in v.skippable
                or v.low[k] in v.lex["members_of_nouns"]
                or v.text[k][:1].isdigit()
                or v.low[k] in {"two", "three", "four", "five", "six", "seven",
                                   "eight", "nine", "ten", "several", "dozens"}):
            break
        k -= 1
    emit(v, found, rule, agents, victims, (ms, me))

@frame('appos_place', PlaceOptions)
def appos_place(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"A, the capital of B", "A is a port city in B", "A, the Yemeni capital,": A lies in
    B (and "A is a NATO member", "NATO member A": what an apposition, a copula or a title
    before the name says A is, with B named after the cue or inside it). A capital tagged
    as its state's metonym ("Kabul, the capital of Afghanistan") is the city here."""
    end = v.seg_end[ms]
    x = v.mention_at(me if rule.options.subject_after else ms - 1) \
        if (me < end if rule.options.subject_after else ms >= 1) else None
    if x is None or (rule.options.subject_after and x.start != me):
        return
    if "STATE" not in rule.subject_types:
        x = capital_as_place(x)
    if x.type not in rule.subject_types:
        return
    if rule.options.subject_after:
        subjects = phrases.coord_right(v, x, rule.subject_types)  # "EU members A and B"
    elif v.low[ms] == ",":
        subjects = [x]  # "A, B, the capital of C": no coordination across the commas
    else:
        if phrases.governing_prep(v, x) not in (None, "of"):
            return  # "among the dead in Lebanon were Hezbollah members": no subject
        subjects = phrases.coord_left(v, x, rule.subject_types)  # "A and B are members"
    if rule.options.object_in_cue:
        y = [m for m in (v.mention_at(k) for k in range(ms, me))
             if m is not None and m.type in rule.object_types and m.end <= me][-1:]
    else:
        y = scan.scan_right(v, me, rule.object_types, max_gap=1, coordinate=False)
    if rule.options.subject_after and y and y[0].start > v.seg_start[ms] \
            and v.low[y[0].start - 1] in ("the", "a", "an") and x.end < end \
            and v.lowercase[x.end] and (v.low[x.end].endswith("ed")
                                        or v.low[x.end] in v.lex["speech_verbs"]):
        return  # "the Hamas member Israel killed": the name opens a relative clause
    emit(v, found, rule, subjects, y, (ms, me))

@frame('fronted_passive')
def fronted_passive(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Classified as a terrorist group by X, Y ...": a participle opening the sentence
    has the main clause's subject as its patient."""
    if ms != v.seg_start[ms]:
        return
    agents = scan.scan_right(v, me, rule.subject_types, max_gap=2)
    if not agents:
        return
    k = max(a.end for a in agents)
    if k >= v.seg_end[ms] or v.low[k] != ",":
        return
    patient = scan.scan_right(v, k + 1, rule.object_types, max_gap=1, coordinate=False)
    emit(v, found, rule, agents, patient, (ms, me))

@frame('join_in')
def join_in(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"A and B joined X in <organisation>": A, B and X are part of it."""
    target = scan.scan_right(v, me, rule.object_types, max_gap=2, coordinate=False)
    if not target or target[0].type != "ORGANIZATION":
        return
    subj, rel_i = scan.scan_left(v, ms, rule.subject_types)
    if not subj and rel_i is not None:
        subj = scan.antecedent(v, rel_i, rule.subject_types)
    partners = [m for m in (v.mention_at(k) for k in range(ms + 1, me - 1))
                if m is not None and m.type in rule.subject_types]
    emit(v, found, rule, subj + partners[:1], target, (ms, me))

@frame('result_of_attack')
def result_of_attack(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"A conducted a strike …, resulting in the death of (members of) B": the
    attacker of the attack named earlier in the sentence killed B."""
    lo = v.seg_start[ms]
    attackers: list[Mention] = []
    for k in range(ms - 1, max(lo, ms - 20) - 1, -1):
        if v.low[k] in v.lex["event_nouns"]:
            attackers = scan.possessor_or_premod(v, k, rule.subject_types) \
                or scan.scan_left(v, k, rule.subject_types)[0]
            break
    if not attackers:
        return
    victims = clause_helpers.members_of(v, me, rule.object_types) or \
        scan.scan_right(v, me, rule.object_types, max_gap=2)
    emit(v, found, rule, attackers, victims, (ms, me))

@frame('ceasefire_pair')
def ceasefire_pair(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"A and B agreed to a ceasefire after days of clashes": a truce between the two
    subjects of the clause ends fighting between them (not when a third party brokered
    it: "Qatar brokered a truce")."""
    end = v.seg_end[ms]
    window = v.low[me:min(me + 12, end)]
    if not any(w in v.lex["conflict_nouns"] for w in window):
        return
    lo = v.seg_start[ms]
    k = ms - 1
    while k >= lo and ms - k <= 8 and v.mention_at(k) is None:
        if v.low[k] in v.lex["mediation_words"] or v.is_boundary(k):
            return
        k -= 1
    sides, _ = scan.scan_left(v, ms, rule.subject_types, 10)
    if len(sides) != 2 or hypothetical(v, ms):
        return
    a, b = sides
    emit(v, found, rule, [a], [b], (ms, me))
    emit(v, found, rule, [b], [a], (ms, me))

@frame('at_request')
def at_request(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"A intervened at B's request", "A responded to B's request for support", "A
    deployed at the invitation of B": A backs B. Needs an intervention verb before."""
    lo = v.seg_start[ms]
    window = range(max(lo, ms - 14), ms)
    verb = next((k for k in window if v.low[k] in v.lex["intervention_verbs"]), None)
    if verb is None:
        return
    helped = scan.possessor_or_premod(v, ms, rule.object_types)
    if not helped and me + 1 < v.seg_end[ms] and v.low[me] == "of":
        helped = scan.scan_right(v, me + 1, rule.object_types, max_gap=1, coordinate=False)
    if not helped:
        return
    agents, _ = scan.scan_left(v, verb, rule.subject_types)
    emit(v, found, rule, agents, helped[:1], (ms, me))

@frame('appos_ally')
def appos_ally(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Y, a Kremlin ally," / "Y, a key US partner," / "Y, an Iranian proxy," /
    "Y, a proxy of X,": an apposition that names Y's ally (or, for a proxy, its
    backer: the rule's relation decides)."""
    owner = v.mention_at(ms - 1)
    if owner is None and me + 1 < v.seg_end[ms] and v.low[me] in {"of", "for"}:
        owner = v.mention_at(me + 1) or v.mention_at(me + 2)
        k = ms - 1
    else:
        k = owner.start - 1 if owner is not None else -1
    if owner is None or owner.type not in rule.subject_types:
        return
    lo = v.seg_start[ms]
    while k >= lo and ms - k <= 6 and v.mention_at(k) is None \
            and v.alpha[k] and v.lowercase[k] and v.low[k] not in {"and", "or"}:
        k -= 1  # "a key", "a long-time", "the closest"
    if k < lo or v.low[k] != "," or not any(
            v.low[j] in {"a", "an", "the"} for j in range(k + 1, ms)):
        return
    if any(v.low[j] in v.lex["past_tie_words"] for j in range(k + 1, ms)):
        return  # "Haftar, a former Kremlin ally,": no longer
    if any(v.low[j] in v.lex["copulas"] for j in range(k + 1, ms)):
        # "Y, the force that holds X, is a key US partner": a predicate after an aside
        # names the subject before the aside, not the aside's last mention
        p = scan.parenthetical_start(v, k)
        if p is None:
            return
        k = p
    y = v.mention_at(phrases.skip_paren_left(v, k - 1, lo))
    if y is None or y.type not in rule.object_types or y.name == owner.name:
        return
    emit(v, found, rule, [owner], [y], (ms, me))


@frame('under_named_control', UnderControlOptions)
def under_named_control(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"X (is/remains) under Houthi control": the mention right after "under (the)" that
    ends at the control noun is the controller; the place is left of "under"."""
    k = ms + 1
    if k < me and v.low[k] == "the":
        k += 1
    agent = v.mention_at(k)
    if agent is None or agent.start != k or agent.end != me - 1 \
            or agent.type not in rule.subject_types:
        return
    if rule.options.share_patient:  # "much of Yemen is under Houthi control": the state
        places = [p for p in [scan.share_left(v, ms, rule.object_types)] if p is not None]
        emit(v, found, rule, [agent], places, (ms, me))
        return
    types = rule.object_types + ("STATE",)  # "Sanaa is under Houthi control": the capital
    places = [p for p in scan.left_or_antecedent(v, ms, types, rule.options.max_left)
              if p.type != "STATE" or p.text != p.name or region_as_place(v, p) is not p]
    # emit makes a capital the city, "northern Yemen" the region
    emit(v, found, rule, [agent], places, (ms, me))



@frame('recruited_people', LeftOptions)
def recruited_people(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """The object of a recruiting verb is often a count of people rather than a named
    group; the phrase names them ("young men", "children"), or "men from A and B" names
    them by their countries, so that (X, RECRUITS, men from Nepal) answers "whom does X
    recruit?"."""
    end = v.seg_end[ms]
    k = me
    if k + 2 < end and v.low[k] in v.lex["group_nouns"] and v.low[k + 1] == "among" \
            and v.mention_at(k) is None:
        k += 2  # "recruits fighters among young men": the people are after "among"
        if v.mention_at(k) is not None:
            k -= 1  # "fighters among Fulani herders": the named group
    if k < end and v.low[k] == "among":  # "recruiting among Fulani herders"
        group = v.mention_at(k + 1)
        if group is None or group.type not in rule.object_types:
            return
        objects = [group]
    else:
        while k < end and (v.low[k] in v.lex["people_quantity_words"] or v.text[k][:1].isdigit()
                           or v.text[k] == ","):
            k += 1
        group = v.mention_at(k)
        if group is not None and group.start == k and group.type in rule.object_types:
            return  # "recruited Syrian mercenaries": a named group, the verb rule's
        head = k
        while head < end and head - k < 3 and v.alpha[head] \
                and (v.lowercase[head] or head == k) \
                and v.mention_at(head) is None and v.low[head] not in v.lex["prepositions"] \
                and v.low[head] not in v.lex["recruited_people"] \
                and v.low[head] not in v.lex["group_nouns"]:
            head += 1
        if head >= end or v.low[head] not in v.lex["recruited_people"] \
                or any(v.mention_at(j) is not None for j in range(k, head)):
            return
        places = scan.scan_right(v, head + 2, ("STATE", "LOCATION"), max_gap=0) \
            if head + 2 < end and v.low[head + 1] == "from" else []
        places = [p for p in places if not (p.adjectival_form and any(
            v.low[j] in v.lex["origin_people_nouns"] for j in range(p.end, min(p.end + 3, end))))]
        # "minors from Venezuelan migrant families" come from families, not from the state
        # (but "prisoners from Russian jails" from Russia)
        if places:  # "men from Nepal and Cuba"
            noun = v.text[head]
            objects = [Mention(p.start, p.end, f"{noun} from {p.name}", "GROUP", "synth",
                               f"{noun} from {p.text}") for p in places]
        else:
            text = " ".join(v.text[j] for j in range(k, head + 1))
            objects = [Mention(k, head + 1, text, "GROUP", "synth", text)]
    if not objects:
        return
    subjects, _ = scan.scan_left(v, ms, rule.subject_types, rule.options.max_left)
    emit(v, found, rule, subjects, objects, (ms, me))


@frame('condemned_event', LeftOptions)
def condemned_event(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Y condemned the strikes": the object is an event, not an actor; news names the
    attacker in the sentence before, so bridging makes Y oppose that attacker. An object
    that names an actor ("condemned the Israeli strikes") is the verb rule's."""
    if any(v.mention_at(k) is not None for k in range(ms, me)) or (
            me < v.seg_end[ms] and (v.low[me] in v.lex["prepositions"] or v.low[me] == "by")):
        return  # "the strikes on Gaza", "the raid by X": a specific event, read elsewhere
    subj, rel_i = scan.scan_left(v, ms, rule.subject_types, rule.options.max_left)
    if not subj and rel_i is not None:
        subj = scan.antecedent(v, rel_i, rule.subject_types)
    if subj and not hedged(v, ms):
        found.condemnations.append(Claim(ms, subj))


@frame('claimed_by')
def claimed_by(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"The attack was led / carried out by Y": a definite attack noun whose agent follows
    in a passive by-phrase; when the noun names no target of its own, Y is the attacker of
    the last attack told without one (bridging pairs the claim, as for "Y claimed it")."""
    claimants = carried_out_by(v, me - 1, rule.subject_types)
    if claimants and not hedged(v, ms):
        found.claims.append(Claim(ms, claimants))


@frame('condemned_move', LeftOptions)
def condemned_move(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """", a move B condemned" sums up the clause before it: B opposes the actor whose act
    it was, the mention that opens the sentence ("China seized X …, a move Manila
    condemned"); the condemner is right before the verb, or after "by"."""
    if v.low[me - 1] == "by":
        critics = scan.scan_right(v, me, rule.subject_types, max_gap=1)
    else:  # the name right before the verb (its subject inside the reduced relative)
        k = me - 2
        while k > ms and v.low[k] in v.lex["aux"]:
            k -= 1  # "a move Manila has condemned"
        c = v.mention_at(k)
        critics = phrases.coord_left(v, c, rule.subject_types) \
            if c is not None and c.end == k + 1 and c.type in rule.subject_types else []
    lo = v.seg_start[ms]
    j = lo
    while j < ms and v.low[j] in {"the", "a", "an"}:
        j += 1
    actor = v.mention_at(j)
    if not critics or actor is None or actor.start != j or actor.type not in rule.object_types \
            or actor.adjectival_form:
        return
    emit(v, found, rule, critics, phrases.coord_right(v, actor, rule.object_types), (ms, me))


@frame('based_premod', tight=True)
def based_premod(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"X-based Y": Y is deployed in X. The place is before the hyphen, the actor right
    after the compound (or the name a group noun after it is apposed to)."""
    place = v.mention_at(ms - 1)
    if place is None or place.type not in rule.object_types:
        return
    actors = scan.scan_right(v, me, rule.subject_types, max_gap=1, coordinate=False)
    if not actors:
        k = phrases.group_noun_near(v, me)
        a = phrases.apposed_to(v, k, rule.subject_types) if k is not None else None
        actors = [a] if a is not None else []
    actors = [a for a in actors if not any(w.lower() in v.lex["civilian_org_words"]
                                           for w in a.name.split())]
    emit(v, found, rule, actors, [place], (ms, me))


@frame('owned_noun_object', OwnedNounOptions, verb_cue=True)
def owned_noun_object(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"sanctioned (dozens of) Iranian companies", "curb Iran's influence": the demonym or
    possessor before a noun of the rule's list stands for its state (the generic object
    scan leaves "Iranian companies" out, since a demonym before a non-state noun is no
    actor)."""
    end = v.seg_end[ms]
    k = me
    while k < end and v.text[k] in scan.QUOTES:
        k += 1  # 'to “curb” or “end” Iran's influence': the verb quoted
    if k < end and v.low[ms] == "sanctions" and v.low[k] in {"on", "against"}:
        k += 1  # "imposed sanctions on 20 Russian companies"
    while k < end and (v.low[k] in v.lex["count_words"] or v.text[k][:1].isdigit()
                       or (v.low[k] == "the" and k == me)):
        k += 1  # "dozens of", "three", "more than 20", "annexing the Guyanese territory"
    m = v.mention_at(k)
    if m is None or m.start != k or not (m.type == "STATE" or (
            rule.options.any_owner and m.type in rule.object_types)):
        return
    after = m.end
    if after < end and v.low[after] in v.lex["possessive"]:
        after += 1  # "Iran's influence" (a surname read as a form of the name too)
    elif not m.adjectival_form:
        return
    while after < end and v.low[after] in v.lex["owned_noun_modifiers"]:
        after += 1  # "Iran's growing influence"
    if after < end and (p := v.mention_at(after)) is not None and p.start == after \
            and p.type == "LOCATION" and not m.adjectival_form:
        after = p.end  # "annex Guyana's Essequibo region": the named part of the state
    elif not m.adjectival_form and after + 1 < end and v.mention_at(after) is None \
            and v.alpha[after] and not v.lowercase[after] \
            and v.low[after + 1] in v.lex[rule.options.nouns]:
        after += 1  # a part's name the gazetteer does not know ("Armenia's Syunik province")
    if after >= end or v.low[after] not in v.lex[rule.options.nouns]:
        return
    subj = intent_owner(v, ms, rule.subject_types) \
        or scan.scan_left(v, ms, rule.subject_types, rule.options.max_left)[0]
    emit(v, found, rule, subj, [m], (ms, me))


def intent_owner(v: DocView, ms: int, types: tuple[str, ...]) -> list[Mention]:
    """"concern about X's interest in annexing Y": the owner of an intention noun right
    before the cue is its agent, even where a preposition governs the phrase."""
    lo = v.seg_start[ms]
    k = ms - 1
    if k - 3 < lo or v.low[k] not in {"in", "to", "of"} \
            or v.low[k - 1] not in v.lex["intent_nouns"] or v.low[k - 2] not in v.lex["possessive"]:
        return []
    owner = v.mention_at(k - 3)
    return [owner] if owner is not None and owner.type in types else []


@frame('threatened_party', LeftOptions)
def threatened_party(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"X said / warned / vowed (that) Y will be punished / will pay": the speaker threatens
    Y. Y is the actor right before the modal; the speaker is the subject of the speech verb
    before Y (within the sentence, nothing but "that" between the verb and Y)."""
    lo = v.seg_start[ms]
    j = ms - 1
    if j > lo and v.text[j] in {'"', "\u201c", "'", "\u2018"}:
        j -= 1  # 'said Israel "will be punished"': the quotation opens at the modal
    y = v.mention_at(j) if j >= lo else None
    if y is None or y.type not in rule.object_types:
        return
    k = y.start - 1
    while k >= lo and v.low[k] == "the":
        k -= 1

    def speech(t: int) -> bool:
        return v.low[t] in v.lex["speech_verbs"] or v.low[t] in v.lex["vow_verbs"]

    if k >= lo and v.low[k] == "that":
        # "said (in a statement / on Monday) that Y would pay": the verb before its adjunct
        k -= 1
        start = k
        while k >= lo and start - k < 5 and not speech(k) and v.mention_at(k) is None \
                and v.alpha[k]:
            k -= 1
    if k < lo or not speech(k):
        return
    speaker, _ = scan.scan_left(v, k, rule.subject_types, rule.options.max_left)
    emit(v, found, rule, speaker, [y], (ms, me))



@frame('handed_over')
def handed_over(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"The MNDAA handed the city of X back to the junta", "Armenia ceded X to Azerbaijan":
    the receiver after "to" (the rule's last cue word) holds the places named between the
    verb and it; the giver holds them no more."""
    places = []
    for k in range(ms + 1, me - 1):
        if v.low[k] in v.lex["prepositions"] and v.low[k] not in {"of", "to"}:
            break  # "handed a letter on Gaza to Oman": Gaza is no object of the verb
        m = v.mention_at(k)
        if m is not None and m.type in rule.object_types and m not in places:
            places.append(m)
    if not places:
        return
    receiver = scan.scan_right(v, me, rule.subject_types, ("of",), max_gap=2,
                               prep_after_gap=True)  # "back to the army of Myanmar"
    emit(v, found, rule, receiver, places, (ms, me))


@frame('aide_to')
def aide_to(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Yuri Ushakov, a foreign policy adviser to President Putin," / "a senior adviser to
    Supreme Leader Ali Khamenei, Ali Akbar Velayati,": the aide belongs to the state or
    body the principal serves (the gazetteer's ``part_of`` of a known person)."""
    principal = scan.scan_right(v, me, ("PERSON",), max_gap=3, coordinate=False)
    if not principal:
        return
    q = principal[0]
    body = gazetteer().container(q.name)
    if body is None or body.type not in rule.object_types:
        return
    lo, end = v.seg_start[ms], v.seg_end[ms]
    aide = None
    k = ms - 1
    while k >= lo and ms - k <= 5 and v.alpha[k] and v.lowercase[k]:
        k -= 1  # "a senior foreign policy [adviser]"
    if k - 1 >= lo and v.low[k] == "," and k + 1 < ms and v.low[k + 1] in {"a", "an", "the"}:
        aide = v.mention_at(k - 1)  # "X, a senior adviser to Y"
    if (aide is None or aide.end != k) and q.end + 1 < end and v.low[q.end] == "," \
            and (k < lo or not v.alpha[k] or v.low[k + 1] in {"a", "an", "the"}):
        aide = v.mention_at(q.end + 1)  # "a senior adviser to Y, X,"
        aide = aide if aide is not None and aide.start == q.end + 1 else None
    if aide is None or aide.type != "PERSON" or aide.name == q.name:
        return
    owner = Mention(q.start, q.end, body.name, body.type, "title", q.text)
    emit(v, found, rule, [aide], [owner], (ms, me))


@frame('with_backing')
def with_backing(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"the mission, which deployed in 2024 with U.N. backing", "Syria retook Aleppo with
    Russian support": the actor named between "with" and the support noun backs the
    clause's subject."""
    backers = [m for m in (v.mention_at(k) for k in range(ms + 1, me - 1))
               if m is not None and m.type in rule.subject_types]
    if not backers or any(v.mention_at(k) is None and not v.lowercase[k]
                          for k in range(ms + 1, me - 1)):
        return
    backed, rel_i = scan.scan_left(v, ms, rule.object_types)
    if rel_i is not None and not backed:
        backed = scan.antecedent(v, rel_i, rule.object_types)
    emit(v, found, rule, list(dict.fromkeys(backers)), backed[:1], (ms, me))


@frame('seen_as', SeenAsOptions)
def seen_as(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"A views B, whose party champions X, as a 'separatist'", "A described B as the main
    sponsor of crimes", "A regards B's main component, C, as an extension of the outlawed
    D": the "as" phrase casts the one named right after the verb as an enemy (a word of
    frames.json enemy_as_words within a few tokens after "as"); an aside between the name
    and "as" (a relative or an apposition) does not break it. The one cast is C when the
    object is "B's <noun>, C"."""
    end = v.seg_end[ms]
    j = me + int(me < end and v.low[me] == "the")
    owner = v.mention_at(j) if j < end else None
    if owner is not None and owner.type in rule.object_types and owner.end < end \
            and v.low[owner.end] in v.lex["possessive"]:
        objs = [owner]  # "the SDF's main component": the owner, unless a name is apposed
    else:
        objs = scan.scan_right(v, me, rule.object_types, max_gap=1, coordinate=False)
    if not objs:
        return
    obj = objs[0]
    if obj.source == "coref" and obj.text.lower() in {"it", "this", "that"}:
        return  # "called it a 'terrorist attack'": "it" is the act, not an actor
    k = obj.end
    if k + 2 < end and v.low[k] in v.lex["possessive"]:
        j = k + 1
        while j < min(k + 4, end) and (
                (v.mention_at(j) is None and v.alpha[j] and v.lowercase[j])
                or ((m := v.mention_at(j)) is not None and m.adjectival_form)):
            j = v.mention_at(j).end if v.mention_at(j) is not None else j + 1
            # "the SDF's main component, the YPG,", "the PKK's Syrian branch, the YPG,"
        if j + 1 < end and v.low[j] == ",":
            apposed = scan.scan_right(v, j + 1, rule.object_types, max_gap=1, coordinate=False)
            if apposed:
                obj, k = apposed[0], apposed[0].end
    if rule.options.bare_complement:
        # "called the Israeli presence a violation": past the object's head, an article
        k += int(k < end and v.low[k] in v.lex["possessive"])  # "called Kyiv's raid an …"
        while k < min(obj.end + 4, end) and v.alpha[k] and v.lowercase[k] \
                and v.low[k] not in {"a", "an", "the", "as"}:
            k += 1
        as_at = k if k < end and v.low[k] in {"a", "an"} else None
    else:
        as_at = next((j for j in range(k, min(k + 16, end)) if v.low[j] == "as"), None)
    if as_at is None or any(v.low[j] in {".", ";"} for j in range(k, as_at)):
        return
    for j in range(as_at + 1, min(as_at + 9, end)):
        if v.low[j] in v.lex["enemy_as_words"] or (
                rule.options.bare_complement and v.low[j] in v.lex["hostile_act_words"]):
            break
        if v.low[j] in {",", ";", "."} or (v.low[j] != "of" and v.low[j] in v.lex["prepositions"]):
            return  # "as a shield against the enemy": the enemy is someone else
    else:
        return
    subj, rel_i = scan.scan_left(v, ms, rule.subject_types, rule.options.max_left)
    if not subj and rel_i is not None and ms - rel_i <= 3:
        subj = scan.antecedent(v, rel_i, rule.subject_types)  # "Turkey, which regards B as"
    emit(v, found, rule, subj, [obj], (ms, me))


def motion_target(v: DocView, k: int, end: int) -> bool:
    """What may follow a demanded retreat ("withdraw / leave"): nothing, "from", a place or
    actor, "its troops / forces", or "the country / region / …"."""
    if k >= end or v.punct[k] or v.low[k] in {"from", "immediately", "now", "entirely"}:
        return True
    if k + 1 < end and v.low[k] in {"its", "their", "his", "the", "all"}:
        nxt = v.low[k + 1]
        return nxt in v.lex["force_nouns"] or nxt in v.lex["place_nouns"] \
            or nxt in {"country", "countries"} or v.mention_at(k + 1) is not None
    return v.mention_at(k) is not None


@frame('demanded_yield', LeftOptions)
def demanded_yield(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"A demanded / insisted that B (must) disarm", "A called on B to step down / hand over
    its weapons": A wants B to give way (frames.json yield_verbs, yield_particle_verbs),
    which is hostility short of force; a demand of anything else ("called on B to show
    restraint", "insisted that B must remain united") is none."""
    end = v.seg_end[ms]
    objs = scan.scan_right(v, me, rule.object_types, max_gap=1)
    if not objs:
        return
    k = max(o.end for o in objs)
    called_on = v.low[me - 1] in {"on", "upon"}
    if called_on and (k >= end or v.low[k] != "to"):
        return  # "called on B's allies": no demand of B itself
    while k < end and v.low[k] in v.lex["yield_modals"]:
        k += 1
    if k >= end:
        return
    pair = v.low[k] + " " + v.low[k + 1] if k + 1 < end else ""
    if v.low[k] not in v.lex["yield_verbs"] and pair not in v.lex["yield_particle_verbs"]:
        return
    if (v.low[k] in v.lex["yield_motion_verbs"] or pair in {"pull out", "pull back"}) \
            and not motion_target(v, k + (2 if pair in {"pull out", "pull back"} else 1), end):
        return  # "to leave room for diplomacy", "withdraw its request": no retreat
    subj, rel_i = scan.scan_left(v, ms, rule.subject_types, rule.options.max_left)
    if not subj and rel_i is not None and ms - rel_i <= 3:
        subj = scan.antecedent(v, rel_i, rule.subject_types)
    emit(v, found, rule, subj, objs, (ms, me))


@frame('weapon_passive')
def weapon_passive(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Iranian missiles were fired at Al Udeid", "Houthi drones were launched toward
    Israel": a passive of firing whose subject is a weapon names its user before it (an
    adjective, a premodifier or a possessor); the target follows the preposition."""
    agents = scan.possessor_or_premod(v, ms, rule.subject_types)
    if not agents:
        return
    objs = scan.scan_right(v, me, rule.object_types, max_gap=2) \
        or clause_helpers.targets_in(v, me, rule.object_types)
    emit(v, found, rule, agents, objs, (ms, me))


@frame('backers_in')
def backers_in(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Hezbollah's backers in Tehran", "the junta's patrons in Moscow": a capital after the
    role noun names the government that holds the role (the possessor is the backed). A
    country or region there is only where the backers are ("Iran's allies in Iraq")."""
    owner = v.mention_at(ms - 1) if ms > v.seg_start[ms] else None
    if owner is None or owner.type not in rule.object_types:
        return
    k = me
    m = v.mention_at(k) if k < v.seg_end[ms] else None
    if m is None or m.start != k:
        return
    surface = gazetteer().lookup(m.text)
    if surface is None or surface.kind != CAPITAL:
        return  # not a capital written for its government
    state = gazetteer().actors[surface.actor]
    emit(v, found, rule, [Mention(m.start, m.end, state.name, state.type, m.source, m.text)],
         [owner], (ms, me))


@frame('hosted_trainers')
def hosted_trainers(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Burkina Faso's Captain X has hosted Russian military instructors", "Mali welcomed
    Turkish advisers": the actor named before the trainers (a demonym or a name) trains
    and backs the host; a host named as "<state>'s <title> P" is the state."""
    backers = [m for m in (v.mention_at(k) for k in range(ms + 1, me - 1))
               if m is not None and m.type in rule.subject_types]
    if not backers or any(v.mention_at(k) is None and not v.lowercase[k]
                          for k in range(ms + 1, me - 1)):
        return
    hosts, rel_i = scan.scan_left(v, ms, rule.object_types, 14)
    if not hosts and rel_i is not None and ms - rel_i <= 3:
        hosts = scan.antecedent(v, rel_i, rule.object_types)
    hosts = [titled_state(v, h) if h.type == "PERSON" else h for h in hosts]
    emit(v, found, rule, list(dict.fromkeys(backers)), hosts, (ms, me))


@frame('refused_handover')
def refused_handover(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"The Kremlin has refused requests to hand him over", "Serbia, where authorities
    have refused to extradite him": refusing to give someone up protects them. The refuser
    is the clause's subject, or the state a "where" clause's authorities belong to."""
    objs = scan.scan_right(v, me, rule.object_types, max_gap=1, coordinate=False)
    if not objs:
        return
    subj, rel_i = scan.scan_left(v, ms, rule.subject_types, 10)
    if not subj and rel_i is not None and ms - rel_i <= 3:
        subj = scan.antecedent(v, rel_i, rule.subject_types)
    if not subj:
        lo = v.seg_start[ms]
        k = ms - 1
        while k > lo and v.low[k] in v.lex["aux"]:
            k -= 1
        w = k - 1 - int(k - 1 > lo and v.low[k - 1] == "the")
        if w - 1 >= lo and v.low[k] in v.lex["state_body_nouns"] | {"officials"} \
                and v.low[w] == "where":
            j = w - 1 - int(v.low[w - 1] == ",")  # "fled to X, where (the) authorities"
            place = v.mention_at(j) if j >= lo else None
            subj = [place] if place is not None and place.type == "STATE" else []
    emit(v, found, rule, subj, objs[:1], (ms, me))


@frame('deal_under_which')
def deal_under_which(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Oman brokered a ceasefire under which Washington agreed to halt its strikes and the
    Houthis pledged to stop …", "an agreement under which the SDF is to fold its
    institutions into the Syrian state": the clause after "under which" names the parties
    (its subject, and a second subject after "and", else a state named later in it)."""
    end = v.seg_end[ms]
    types = rule.subject_types
    k = me + int(me < end and v.low[me] == "the")
    first = v.mention_at(k) if k < end else None
    if first is None or first.start != k or first.type not in types:
        return
    second = None
    for j in range(first.end, min(first.end + 20, end)):
        m = v.mention_at(j)
        if m is None or m.start != j or m.type not in types or m.name == first.name:
            continue
        if j - 1 > first.end and v.low[j - 1] == "and" or (
                j - 2 > first.end and v.low[j - 2] == "and" and v.low[j - 1] == "the"):
            second = m  # "… and the Houthis pledged"
            break
        body = m.end < end and (v.low[m.end] == "state"
                                or v.low[m.end] in v.lex["state_body_nouns"])
        if second is None and m.type == "STATE" and (
                (m.adjectival_form and body) or v.low[j - 1] == "with"):
            second = m  # "… fold its institutions into the new Syrian state" (not "Thai
            # hostages")
    if second is not None:
        emit(v, found, rule, [first], [second], (ms, me))

