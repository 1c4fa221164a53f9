"""Frames for verbal cues: active clauses ("X backs Y", with elided subjects, shared
objects and "alongside" partners), passives ("Y was backed by X", "run by X and guarded
by Y"), ditransitive and inverse verbs, symmetric relations ("talks between A and B",
"X met Y") and adjectival cues before a name.

Each frame is a plain function ``(view, found, rule, start, end)`` registered with
:func:`kg.rel.registry.frame`; a rule file names it in ``"frame"``. It reads the
:class:`~kg.rel.view.DocView` and writes what it finds to :class:`~kg.rel.findings.Findings`.
"""

from __future__ import annotations

from ..resolve import gazetteer
from . import clause_helpers, phrases, scan
from .emit import emit, future
from .findings import Descriptor, Enumeration, Findings, OpenAttack, OpenTarget
from .frame_common import LOCATIVE
from .mentions import Mention
from .registry import (
    AdjPremodOptions,
    InverseOptions,
    PassiveOptions,
    SvoOptions,
    SymmetricOptions,
    frame,
)
from .rules import Rule
from .view import DocView


def quantity_at(v: DocView, k: int) -> bool:
    """A count opens the phrase at ``k`` ("12", "at least 40", "more than 60"): after a
    participle it is the participle's object, so the participle is a main verb ("fighters
    killed 12 soldiers"), not a reduced relative ("fighters killed in the strike")."""
    w = v.low[k]
    nxt = v.low[k + 1] if k + 1 < v.seg_end[k] else ""
    return v.text[k][:1].isdigit() or (w == "at" and nxt in {"least", "most"}) \
        or (w in {"more", "fewer", "less"} and nxt == "than") \
        or w in {"nearly", "almost", "scores", "roughly", "approximately"}


def past_reported_what(v: DocView, k: int) -> int:
    """Where the object starts after "struck what X said were ..." or "what X called ...":
    news hedges a target with a free relative of speech ("what it said were Hezbollah
    sites", "what it described as militant camps"); the object is what follows the copula
    or the naming verb. Elsewhere ``k`` itself."""
    end = v.seg_end[k] if k < len(v.low) else k
    if k >= end or v.low[k] != "what":
        return k
    for j in range(k + 1, min(k + 7, end)):
        if v.low[j] in {"were", "are", "was", "is"} and any(
                v.low[i] in v.lex["speech_verbs"] for i in range(k + 1, j)):
            return j + 1
        if j <= k + 3 and v.low[j] in v.lex["naming_participles"]:
            # "struck what it called terrorist infrastructure": the object is the name
            return j + 2 if j + 1 < end and v.low[j + 1] == "as" else j + 1
    return k


def place_owner(v: DocView, m: Mention) -> Mention | None:
    """The state that owns a place by possessive: "Russia's (western) Kursk region"."""
    k = m.start - 1
    lo = v.seg_start[m.start]
    while k >= lo and v.low[k] in v.lex["direction_adjectives"] and v.low[k] != "the":
        k -= 1
    owner = v.mention_at(k - 1) if k - 1 >= lo and v.low[k] in v.lex["possessive"] else None
    return owner if owner is not None and owner.type == "STATE" else None


def second_relative_predicate(v: DocView, rel_i: int, ms: int) -> bool:
    """The cue opens the second predicate of a subject relative clause: "X, who seized A in
    2014 and have fought B, ...": the relative pronoun is the subject of both verbs. The
    first predicate must start with a verb right after the pronoun (so "which Iran arms and
    trains" keeps its own subject), and only auxiliaries may stand between "and" and the cue."""
    ands = [k for k in range(rel_i + 1, ms) if v.low[k] == "and"]
    if not ands:
        return False
    a = ands[-1]
    if not all(v.low[k] in v.lex["aux"] and v.low[k] != "," for k in range(a + 1, ms)):
        return False
    k = rel_i + 1
    while k < a and v.low[k] in v.lex["aux"]:
        k += 1
    if k >= a or v.mention_at(k) is not None or not (v.alpha[k] and v.lowercase[k]) \
            or v.low[k] in v.skippable:
        return False
    return not any(v.punct[j] or v.is_boundary(j) for j in range(rel_i + 1, a))


def complementizer(v: DocView, k: int) -> bool:
    """"that" opening a reported or coordinated clause ("said that it had dispatched its
    jets", "… and that it had sent ships") is no relative pronoun: the noun before it is
    not the antecedent of anything."""
    return v.low[k] == "that" and k > 0 and (v.low[k - 1] in v.lex["complementizer_openers"]
                                             or v.low[k - 1] in v.lex["speech_verbs"])


def heads_a_part(v: DocView, o: Mention) -> bool:
    """A state named only as the possessor of an unnamed part ("Russia's delegation",
    "Sudan's army", "the Russian delegation"): who heads that part is a member of the
    state, not its leader."""
    k = o.end
    if o.type == "STATE" and o.adjectival_form and k < len(v.low) \
            and v.mention_at(k) is None and v.alpha[k] and v.lowercase[k]:
        k -= 1  # "led the Russian delegation": the demonym's unnamed part, as "Russia's"
    elif not (k < len(v.low) and v.low[k] in v.lex["possessive"]):
        return False
    return o.type == "STATE" and k + 1 < len(v.low) \
        and v.mention_at(k + 1) is None and v.alpha[k + 1] and v.lowercase[k + 1] \
        and v.low[k + 1] not in {"ruling", "governing"} \
        and v.low[k + 1] not in v.lex["state_body_nouns"]


def ruling_body_state(v: DocView, o: Mention) -> Mention | None:
    """"heads Sudan's ruling Sovereignty Council": the state whose ruling body it is (who
    heads a state's ruling council or junta leads the state)."""
    k = o.start
    if k < 3 or v.low[k - 1] not in {"ruling", "governing"} \
            or v.low[k - 2] not in v.lex["possessive"]:
        return None
    st = v.mention_at(k - 3)
    return st if st is not None and st.type == "STATE" and st.end == k - 2 else None


def foreign_troops(v: DocView, k: int) -> tuple[Mention, int] | None:
    """"(deployed) thousands of North Korean troops": a count, then a demonym and a state
    force noun right after the verb; the demonym's state and the index after the noun."""
    end = v.seg_end[k] if k < len(v.low) else k
    j = k
    while j < min(k + 4, end) and v.mention_at(j) is None and (
            v.low[j] in v.lex["people_quantity_words"] or v.text[j][:1].isdigit()
            or v.low[j] in {"a", "an", "the", "additional", "extra", "more"}):
        j += 1
    m = v.mention_at(j)
    if m is None or m.start != j or m.type != "STATE":
        return None
    if v.low[m.end - 1] in v.lex["troop_words"] and m.end - m.start > 1:
        return m, m.end  # the entities read "North Korean troops" as one national force
    if not m.adjectival_form or m.end >= end or v.low[m.end] not in v.lex["troop_words"]:
        return None
    return m, m.end + 1


@frame('svo', SvoOptions, verb_cue=True)
def svo(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    doc = v.doc
    if (m := v.mention_of[ms]) is not None and m.start < ms < m.end - 1:
        return  # "the Rapid Support Forces": a word inside a name, not a verb
    if rule.options.topic_free and phrases.topic_follows(v, me):
        return  # "engaged the Taliban on trade", "which X has engaged on security": talk
    if rule.options.context_after:
        window = v.low[me:min(me + 8, v.seg_end[ms])]
        if not any(w in rule.options.context_after for w in window):
            return
    if ms > 0 and v.text[ms - 1] in {"-", "\u2013"} and not (
            ms > 1 and v.low[ms - 2] in v.lex["verb_prefixes"]):
        return  # "X-backed": the premod rule owns it (but "re-designated" is a verb)
    if v.low[ms] == "back" and ms > v.seg_start[ms] \
            and v.low[ms - 1] in v.lex["back_particle_verbs"]:
        return  # "beat back an assault", "pushed back the rebels": a particle, not backing
    if clause_helpers.noun_use(v, ms):
        return  # "welcomed the strikes", "a series of sabotage attacks": a noun
    if v.low[ms].endswith("ed") and me < v.seg_end[ms] \
            and v.low[me] in v.lex["group_nouns"] and ms - 2 >= v.seg_start[ms] \
            and v.low[ms - 1] in {"and", "or", ","} and v.mention_at(ms - 2) is not None:
        return  # "includes Hezbollah and armed factions": a participle modifying a noun
    if v.low[ms].endswith("ed") and ms > v.seg_start[ms] and me < v.seg_end[ms] \
            and v.low[ms - 1] in v.lex["adjective_determiners"] \
            and v.low[me] in v.lex["group_nouns"]:
        return  # "another armed group", "a backed faction": an adjective, not a verb
    if v.low[ms].endswith("ing") and me - ms == 1 and ms > v.seg_start[ms] \
            and v.low[ms - 1] in {"the", "its", "their", "a", "an"} \
            and me < v.seg_end[ms] and v.mention_at(me) is not None:
        return  # "the ruling Workers' Party", "its governing coalition": an adjective
    if me < len(doc) and v.low[me] == "by" and rule.pattern[-1].get("LOWER") != "by":
        return  # a passive with an agent: the passive rule owns it
    passive = clause_helpers.passive_before(v, ms) and not v.low[ms].endswith("ing")
    if passive and not rule.options.passive_ok:
        return
    # a participle right after a noun is a reduced relative: "militias armed in Syria"
    if not passive and not rule.options.passive_ok and v.low[ms].endswith("ed") \
            and ms > v.seg_start[ms] and v.alpha[ms - 1] \
            and v.mention_at(ms - 1) is None \
            and v.low[ms - 1] in v.lex["group_nouns"] \
            and not (me < v.seg_end[ms] and (v.mention_at(me) is not None
                                                or v.low[me] in v.skippable
                                                or quantity_at(v, me))):
        return  # but "gunmen attacked southern Israel": an object follows, a main verb
    if rule.options.enumerates and any(
            (m := v.mention_at(k)) is not None and m.type == "FACILITY"
            for k in range(ms + 1, me)):
        return  # "operates the Hmeimim air base in ...": the named base is the object
    if rule.relation == "DEPLOYED_IN" and (guest := foreign_troops(v, ms + 1)) is not None:
        # "Moscow deployed thousands of North Korean troops to its Kursk region": the
        # troops' own state is the one present there
        state, k = guest
        where = scan.scan_right(v, k, rule.object_types, ("to", "into", "in", "inside", "at"),
                                max_gap=1)
        if where:
            emit(v, found, rule, [state], where, (ms, me))
        return
    if me - ms > 1 and ms + 1 < me and v.low[ms + 1] == "by":
        # "drones launched by the Houthis toward Israel": the agent follows "by"
        subj, rel_i = scan.scan_right(v, ms + 2, rule.subject_types, max_gap=1), None
        if not subj:
            return
    else:
        subj, rel_i = scan.scan_left(v, ms, rule.subject_types, rule.options.max_left)
    if not subj and rel_i is None:
        subj = clause_helpers.elided_subject(v, ms, rule.subject_types) \
            or clause_helpers.purpose_subject(v, found, ms, rule.subject_types)
    preps = rule.options.object_prep
    start = me
    if rule.options.inner_target:
        # the greedy filler of "fired * at" may run past the target: "fired rockets at
        # Goma on Sunday" ends at "on"; the target follows the first target preposition
        last = rule.pattern[-1].get("LOWER")
        inner = set(last.get("IN", ())) if isinstance(last, dict) else {last}
        for k in range(ms + 1, me - 1):
            if v.low[k] in inner and scan.scan_right(v, k + 1, rule.object_types,
                                                        max_gap=1, coordinate=False):
                start = k + 1
                break
    reported = past_reported_what(v, start)
    tail = reported if reported != start else me  # where the target phrase begins
    obj = scan.scan_right(v, reported, rule.object_types, preps, rule.options.max_right,
                          prep_after_gap=rule.options.prep_after_gap)
    if obj and clause_helpers.clause_subject(v, obj):
        obj = []  # "warns Iran has ...": Iran is the subject of the reported clause
    stop_after = rule.options.not_followed_by
    if obj and stop_after and max(o.end for o in obj) < v.seg_end[ms] \
            and v.low[max(o.end for o in obj)] in stop_after:
        obj = []  # "Hezbollah is seen in Washington as a threat": a view, not a presence
    if obj and rule.options.share_object:
        obj = [o for o in obj if phrases.named_as_share(v, o)]
    if obj and rule.options.member_body:
        obj = [o for o in obj if phrases.member_body(v, o)]
    members_of_part: list[Mention] = []
    if obj and rule.relation == "LEADS":
        # "heads Russia's delegation": a part of Russia, so a member of it; "heads Sudan's
        # ruling council": the state itself
        members_of_part = [o for o in obj if heads_a_part(v, o)]
        obj = [o for o in obj if o not in members_of_part]
        obj = obj + [st for o in obj if (st := ruling_body_state(v, o)) is not None]
    if obj and rule.options.whole_object:
        obj = [o for o in obj if not phrases.part_of_named(v, o)]
    if not obj and rule.relation == "ATTACKS":
        obj = clause_helpers.owner_of_target(v, tail, rule.object_types)  # "bombed its sites"
        if any(o.name == s.name for o in obj for s in subj):
            obj = []  # the pronoun means one of the attackers: coreference got it wrong
    if not obj:
        obj = clause_helpers.including_list(v, tail, rule.object_types)
    if not obj:
        obj = clause_helpers.both_named(v, tail, rule.object_types)  # "both cartels"
    elif rule.relation == "CONTROLS":
        # "control the capital Sanaa and much of northern Yemen, including the port of X"
        obj = obj + [m for m in clause_helpers.including_list(
            v, max(o.end for o in obj), rule.object_types) if m not in obj]
    if not obj and rule.relation == "ATTACKS":
        obj = clause_helpers.targets_in(v, tail, rule.object_types)  # "struck sites in X"
    if not obj and rule.relation == "ATTACKS":
        obj = clause_helpers.national_targets(v, tail, rule.object_types)  # "Iranian sites"
    if not obj and rule.relation == "BACKS" and tail + 1 < v.seg_end[ms] \
            and v.low[tail] in v.lex["share_quantifiers"] and v.low[tail + 1] == "of":
        obj = scan.scan_right(v, tail + 2, rule.object_types, max_gap=1)  # "has funded
        # part of the Rwandan mission": the mission's owner is backed
    if not obj and rule.relation in {"ATTACKS", "BACKS", "RECRUITS"}:
        obj = clause_helpers.members_of(v, tail, rule.object_types, rule.relation == "ATTACKS")
    if subj:
        first = min(subj, key=lambda m: m.start)
        g = v.governor(first)
        if not obj and reduced_object_relative(v, g, first, max(m.end for m in subj), ms):
            # "the AES, the confederation the three countries formed in 2024": the noun
            # before the clause is its object, and the name it is apposed to
            a = phrases.apposed_to(v, g, rule.object_types)
            obj = [a] if a is not None else []
        while g > v.seg_start[ms] and first.start - g <= 3 and v.lowercase[g] \
                and v.low[g] not in v.lex["relative_pronouns"] \
                and v.low[g] not in v.lex["prepositions"] and v.alpha[g]:
            g -= 1  # "which allied Syrian forces recaptured"
        if g > v.seg_start[ms] and v.low[g] in v.lex["possessive"] \
                and (owner := v.mention_at(g - 1)) is not None:
            g = owner.start - 1  # "which Iran's Revolutionary Guards arm": over the possessor
        if not obj and g >= v.seg_start[ms] and v.low[g] in {"which", "that", "whom"} \
                and not complementizer(v, g):
            k = g - 2 if g - 1 > v.seg_start[ms] and v.low[g - 1] == "," else g - 1
            before = v.mention_at(k)
            if before is None and k > v.seg_start[ms] and v.low[k] in v.lex["area_words"]:
                before = v.mention_at(k - 1)  # "Russia's Kursk region, which …"
            if before is None or before.type in rule.object_types:
                obj = scan.antecedent(v, g, rule.object_types)
            elif rule.relation == "ATTACKS" and before.type == "LOCATION" \
                    and (owner := place_owner(v, before)) is not None:
                obj = [owner]  # "Russia's Kursk region, which Ukraine invaded": Russia
            # "the port of Hodeidah, which the Houthis control": a place of another type
            # than the rule's is the antecedent, not a state named before it
    elif rel_i is not None and (all(
            v.low[k] in v.lex["aux"] or v.low[k] in v.skippable
            or v.low[k] in v.lex["catenative_verbs"]  # "which helped defeat X"
            for k in range(rel_i + 1, ms)) or second_relative_predicate(v, rel_i, ms)):
        subj = scan.antecedent(v, rel_i, rule.subject_types)
    if subj and v.low[ms] in v.lex["influence_verbs"] and not (
            rule.relation == "DEPLOYED_IN" and me - ms > 1
            and v.low[ms + 1] in {"into", "in", "inside", "toward", "towards", "deeper"}):
        return  # "X pushed Y to ..." urges; but "troops pushed into Z" is a move
    if not obj and rule.relation == "ATTACKS" and me < v.seg_end[ms] \
            and v.low[me] in {"alongside", "with"}:
        # "fought alongside Y against Z": Y fights Z too
        co = scan.scan_right(v, me + 1, rule.subject_types, max_gap=1)
        if co:
            k = max(c.end for c in co)
            if k < v.seg_end[ms] and v.low[k] == "against":
                obj = scan.scan_right(v, k + 1, rule.object_types, max_gap=2)
                subj = subj + co
        else:  # "fought alongside the coalition against Y": Y is still the target
            for k in range(me + 1, min(me + 6, v.seg_end[ms])):
                if v.low[k] == "against":
                    obj = scan.scan_right(v, k + 1, rule.object_types, max_gap=2)
                    break
                if v.is_boundary(k) or v.mention_at(k) is not None \
                        or v.punct[k]:
                    break
    threatened = None
    if subj and not obj and rule.relation == "ATTACKS" and future(v, ms):
        threatened = conditioned_actor(v, me, rule.object_types)  # "X will strike again if
        # Y tries to rebuild": a threat against Y
        if threatened:
            emit(v, found, rule, subj, threatened, (ms, me))  # future: OPPOSES
            return
    if subj and not obj and rule.relation == "ATTACKS":
        found.open_attacks.append(OpenAttack(subj, me, (ms, me)))
    if obj and not subj and rule.relation == "ATTACKS" and rel_i is None:
        found.open_targets.append(OpenTarget(ms, obj))
    if obj and rule.relation == "ATTACKS" and scan.diplomat_after(v, obj[-1]):
        rule_rel = "OPPOSES"  # "expelled the Turkish ambassador": a protest, not force
    elif obj and subj and rule.relation == "ATTACKS" and v.low[ms] in v.lex["removal_verbs"] \
            and all(m.type == "PERSON" for m in subj + obj):
        rule_rel = "OPPOSES"  # "General X, who toppled President Y": a coup, not a war
    else:
        rule_rel = None
    if subj and obj:
        # "X urges Y to list Z": the urger shares the stance
        extra = []
        s0 = min(subj, key=lambda m: m.start)
        g = v.governor(s0)
        if g >= v.seg_start[ms] and v.low[g] in v.lex["influence_verbs"]:
            more, _ = scan.scan_left(v, g, rule.subject_types, 6)
            extra = more
            if rule.relation == "ATTACKS":
                # "A urged B's government to expel C": only the urger's stance is
                # asserted, and it is hostility, not force
                emit(v, found, rule, extra, obj, (ms, me), relation="OPPOSES")
                return
        if rule.relation == "OPPOSES":
            extra += [st for s in subj if (st := voice_state(v, s)) is not None
                      and all(st.name != o.name for o in obj)]
            extra += [p for s in subj if (p := reporting_leader(v, s)) is not None
                      and all(p.name != o.name for o in obj)]
        emit(v, found, rule, subj + extra, obj, (ms, me), relation=rule_rel)
        if rule.relation == "DEPLOYED_IN":
            more = clause_helpers.share_places(v, max(o.end for o in obj), rule.object_types)
            if more:  # "has 900 troops in Syria, most of them in A and B" → A, B too
                emit(v, found, rule, subj, more, (ms, me))
    if subj and members_of_part:
        emit(v, found, rule, subj, members_of_part, (ms, me), relation="PART_OF")
    if subj and rule.options.enumerates:
        found.enumerations.append(Enumeration(subj, ms, me))


def located_head(v: DocView, place: Mention, types: tuple[str, ...]) -> Mention | None:
    """The mention a locative phrase modifies: "the plant in (southern) Ukraine" → the
    plant, when it stands right before the preposition (over compass words)."""
    k = place.start - 1
    lo = v.seg_start[place.start]
    while k >= lo and v.low[k] in v.lex["direction_adjectives"] and v.mention_of[k] is None:
        k -= 1
    if k - 1 < lo or v.low[k] not in LOCATIVE:
        return None
    head = v.mention_of[k - 1]
    return head if head is not None and head.type in types \
        and phrases.governing_prep(v, head) is None else None


@frame('passive', PassiveOptions, tight=True, verb_cue=True)
def passive(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    skip = (v.lex["aux"] | v.skippable) - {","}
    at = ms
    if at - 3 >= v.seg_start[ms] and v.low[at - 1] == "be" and v.low[at - 2] == "to" \
            and v.low[at - 3] in v.lex["hedge_participles"]:
        at -= 3  # "X is widely believed to be backed by Y": X is the patient
    patient, stop = scan.adjacent_left(v, at, rule.object_types, skip)
    share = rule.options.share_patient
    if share and (patient is None or not phrases.named_as_share(v, patient)):
        return  # CONTROLS of a state: only "much of Yemen is held by X"
    place = patient if patient is not None else (
        v.mention_of[stop] if v.seg_start[ms] <= stop < ms else None)
    if not share and place is not None and phrases.governing_prep(v, place) in LOCATIVE:
        head = located_head(v, place, rule.object_types)
        if head is not None:  # "the nuclear plant in southern Ukraine is occupied by X"
            patient, stop = head, head.start - 1
    if not share and patient is not None and (
            phrases.governing_prep(v, patient) is not None
            or v.low[patient.start - 1: patient.start] == ["by"]):
        return  # "Militias backed by Iran were struck by X": Iran is not the one struck
    if not share and patient is not None and phrases.object_of_modifier(v, patient):
        return  # "the militias fighting the US are backed by Iran": the US is fought
    if patient is None and stop - 1 >= v.seg_start[ms] and v.low[stop] in {"and", "or"}:
        prev = found.last_passive.get(stop)
        if prev is not None and prev.type in rule.object_types:
            patient = prev  # "is run by X and guarded by Y": the same patient
        elif v.lowercase[stop - 1] and v.low[stop - 1].endswith(("ed", "en", "un")):
            # "the company founded and run by Y": the participles share their patient
            patient, stop = scan.adjacent_left(v, stop - 1, rule.object_types, skip)
        elif stop + 1 < ms and v.low[stop + 1] in {"is", "was", "are", "were"}:
            # "The PMF ... was integrated into the state and is headed by Y"
            opening = clause_helpers.opening_subject(v, stop, rule.object_types)
            patient = opening[0] if len(opening) == 1 else None
    if patient is None and stop >= v.seg_start[ms] and v.low[stop] == ",":
        j = scan.parenthetical_start(v, stop)
        listed = scan.examples_of_unnamed(v, j, stop, rule.object_types) \
            if j is not None else []
        if listed:  # "Several factions inside X, including A and B, are backed by Y"
            patient, stop = listed[-1], j - 1  # (the list, by coord_left below)
        elif j is not None:  # "The Quds Force, the IRGC's external arm, is led by X"
            m = v.mention_at(j - 1)
            patient = m if m is not None and m.type in rule.object_types else None
            stop = j - 1
            owner = scan.inserted_participle_owner(v, m, rule.object_types) \
                if m is not None else None
            if owner is not None:  # "The RSF, led by X, (known as Y,) is accused by Z"
                patient, stop = owner, owner.start - 1
        else:
            patient, stop = scan.adjacent_left(v, stop, rule.object_types,
                                               v.lex["aux"] | v.skippable)
    if patient is None and stop > v.seg_start[ms]:
        j = stop
        while j > v.seg_start[ms] and stop - j < 3 and v.mention_at(j) is None \
                and v.alpha[j] and v.lowercase[j] and v.low[j] != "of":
            j -= 1
        m = v.mention_at(j - 1) if v.low[j] == "of" else None
        if m is not None and m.type in rule.object_types:
            patient, stop = m, m.start - 1  # "young men of different ages were recruited"
    agents = scan.scan_right(v, me, rule.subject_types, max_gap=3)
    if rule.relation == "OPPOSES":
        agents = [a for a in agents
                  if not (a.end < v.n and v.low[a.end] in v.lex["fact_finder_nouns"])]
        # "accused by U.N. investigators / experts of killings": a finding, not a stance
    if patient is None and stop >= v.seg_start[ms] and \
            v.low[stop] in {"which", "who", "that"}:
        ante = scan.antecedent(v, stop, rule.object_types)
        patient = ante[0] if ante else None
    if patient is None and stop >= v.seg_start[ms] \
            and v.low[stop] in v.lex["group_nouns"]:
        patient = phrases.apposed_to(v, stop, rule.object_types)
        if patient is None:
            if agents:
                found.descriptors.append(Descriptor(agents, stop, rule.relation))
            return
    if patient is None:
        return
    g = v.governor(patient)
    if g - 1 >= v.seg_start[ms] and v.low[g] in {"against", "on", "targeting"} \
            and v.low[g - 1] in v.lex["event_nouns"] and patient.end + 1 == ms \
            and v.low[ms - 1] == ",":
        # "the Israeli offensive against Iran, supported by the US": the participle is about
        # the offensive, so its agent is what the backer backs
        event_agents = scan.possessor_or_premod(v, g - 1, rule.object_types)
        if not event_agents:
            return
        patient = event_agents[0]
    if not phrases.modifier_ok(v, patient):
        return
    if rule.options.member_body and not phrases.member_body(v, patient):
        return  # "Hezbollah was founded by Iran": its founder is no member
    if agents:
        found.last_passive[max(a.end for a in agents)] = patient
    relation = None
    if rule.relation == "LEADS" and patient.end + 1 < ms \
            and v.low[patient.end] in v.lex["possessive"] \
            and v.low[patient.end + 1] in v.lex["copulas"]:
        relation = "PART_OF"  # "Ukraine's was headed by X": X heads Ukraine's [delegation]
    emit(v, found, rule, agents, phrases.coord_left(v, patient, rule.object_types), (ms, me),
         relation=relation)


@frame('ditransitive', tight=True)
def ditransitive(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    objs = [m for m in (v.mention_at(k) for k in range(ms + 1, me - 1)) if m]
    if not objs:
        return
    subj, rel_i = scan.scan_left(v, ms, rule.subject_types)
    if not subj and rel_i is not None and ms - rel_i <= 3:
        subj = scan.antecedent(v, rel_i, rule.subject_types)  # "X, which granted Y asylum"
    emit(v, found, rule, subj, [objs[0]], (ms, me))


@frame('inverse', InverseOptions)
def inverse(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    if rule.options.context_after and not any(
            w in rule.options.context_after for w in v.low[me:min(me + 8, v.seg_end[ms])]):
        return
    agents = scan.scan_right(v, me, rule.subject_types, max_gap=2)
    if not agents:
        return
    if ms > v.seg_start[ms] and v.low[ms - 1] == "and":
        # "X expelled French troops and turned to Moscow": the clause's subject, not the
        # object of the verb before "and"
        patients = clause_helpers.opening_subject(v, ms - 1, rule.object_types)
    else:
        patients = scan.left_or_antecedent(v, ms, rule.object_types, rule.options.max_left)
    if rule.options.share_patient:  # "much of Yemen fell to X": the state right before
        patients = [p for p in [scan.share_left(v, ms, rule.object_types)] if p is not None]
    if rule.options.named_list:
        agents = [a for a in agents if not (
            a.adjectival_form and a.end < v.n and v.alpha[a.end] and v.lowercase[a.end]
            and v.low[a.end] not in v.lex["coordinators"]
            and v.low[a.end] not in v.lex["prepositions"])]  # "Iranian missiles"
        patients = [p for p in patients if not phrases.possessive_after(v, p)]
    emit(v, found, rule, agents, patients, (ms, me))


@frame('symmetric', SymmetricOptions)
def symmetric(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    end = v.seg_end[ms]
    types = rule.subject_types
    if rule.options.not_before and any(v.low[k] in rule.options.not_before
                                       for k in range(me, min(me + 5, end))):
        return  # "A and B fought a war against C": C is the enemy of both
    left = scan.possessor_or_premod(v, ms, types) or scan.left_or_antecedent(v, ms, types, 10) \
        or second_predicate_subject(v, ms, types)  # "X controls Y and has been locked in"
    if v.low[ms] in {"met", "meets", "meet"}:
        left = left + delegation_head(v, ms, types)  # "P led the delegation, which met Y"
    if len(left) == 1 and left[0].end == ms and left[0].start >= 2 \
            and v.text[left[0].start - 1] in {"-", "\u2013"} \
            and v.mention_at(left[0].start - 2) is not None \
            and not v.doc[left[0].start - 1].whitespace_:
        return  # "Armenia-Azerbaijan dialogue": the pair is the hyphen_pair rule's
    if len(left) == 1:
        left = left + headline_pair(v, left[0], types)
    if left and v.low[ms] in {"meet", "meets", "met"} \
            and v.low[min(m.start for m in left) - 1] == "where":
        return  # "the point where Syria, Iraq and Jordan meet": borders, not talks
    k = me
    # "negotiations in Astana among Russia, Turkey and Iran"
    if v.low[me - 1] == "between":
        k = me - 1
    for j in range(me, min(me + 5, end) if k == me else me):
        if v.low[j] in {"among", "between", "with", "amongst"}:
            k = j
            break
        if v.is_boundary(j) or v.low[j] in {",", "."}:
            break
    pairs: list[tuple[Mention, Mention]] = []
    if v.low[me - 1] == "by":  # "the accord signed by A and B": the signatories only
        group = scan.scan_right(v, me, types, max_gap=1)
        pairs = [(a, b) for n, a in enumerate(group) for b in group[n + 1:]]
    elif k < end and v.low[k] in {"among", "between", "amongst"}:
        group = scan.scan_right(v, k + 1, types, max_gap=1)
        # "between the two neighbours": the pair named before (resolved by kg_coref, or
        # here)
        anaphor = not group or all(m.source == "coref" for m in group)
        group = group or two_states_before(v, k + 1)
        if len(group) == 1 and left:
            pairs = [(a, group[0]) for a in left]
        else:
            pairs = [(a, b) for n, a in enumerate(group) for b in group[n + 1:]]
            if rule.options.mediator and not anaphor:  # "Qatar mediated talks between A
                # and B" (not with a pair only an anaphor names: which of its names?)
                pairs += [(a, b) for a in left for b in group if a.name != b.name]
    elif k < end and v.low[k] == "with" or v.low[me - 1] == "with":
        start = k + 1 if k < end and v.low[k] == "with" else me
        right = scan.scan_right(v, start, types, max_gap=1)
        pairs = [(a, b) for a in left for b in right]
    elif len(left) >= 2 and (not any(v.low[k] == "," for k in range(max(m.end for m in left), ms))
                             or relative_aside(v, max(m.end for m in left), ms)
                             or whose_forces(v, max(m.end for m in left), ms, types)):
        # "A and B signed a deal"; not "A, B and C, the parties to the deal," nor "A, B
        # and C acted, accusing Iran of breaching the deal": the list did not make it
        pairs = [(a, b) for n, a in enumerate(left) for b in left[n + 1:]]
    elif left and (v.low[ms] in {"met", "meets", "meet", "hosted", "hosts", "received",
                                    "receives"} or v.low[me - 1] == "visiting"):
        right = scan.scan_right(v, me, types, max_gap=4)  # "envoy X met Speaker Y"
        if len(right) == 1 and right[0].type != "PERSON":
            k = right[0].end  # "met Lebanese Parliament Speaker Nabih Berri": the person
            while k < min(right[0].end + 3, v.seg_end[ms]) and v.mention_at(k) is None \
                    and v.alpha[k] and not v.lowercase[k]:
                k += 1
            p = v.mention_at(k)
            right = [p] if p is not None and p.type == "PERSON" else right
        pairs = [(a, b) for a in left for b in right if a.name != b.name]
    pairs = [(a, official_state(v, b) if a.type == "STATE" else b) for a, b in pairs]
    pairs += [(st, b) for a, b in pairs if a.type == "PERSON" and b.type == "STATE"
              and (st := official_state(v, a, apposed=True)) is not a and st.name != b.name]
    if rule.relation == "NEGOTIATES_WITH":
        # "Armenian Prime Minister A and Azerbaijani President B shook hands", "Saudi
        # Arabia's crown prince, A, received Iranian Foreign Minister B": the states talk too
        pairs += [(sa, sb) for a, b in pairs if a.type == "PERSON" and b.type == "PERSON"
                  and (sa := titled_state(v, a)) is not a and (sb := titled_state(v, b)) is not b
                  and sa.name != sb.name]
    # "Syria's defence minister, X, said talks were underway with Russia": Syria too
    if rule.options.parties_as_states:
        pairs = [(served_state(a), served_state(b)) for a, b in pairs]
    for a, b in pairs:
        rel = None
        if rule.options.dispute_relation and a.type == "PERSON" and b.type == "PERSON":
            rel = rule.options.dispute_relation  # two persons quarrel; they do not fight
        emit(v, found, rule, [a], [b], (ms, me), relation=rel)
        if rule.options.both_ways:  # "X exchanged fire with Y": Y attacks X as well
            emit(v, found, rule, [b], [a], (ms, me), relation=rel)


def conditioned_actor(v: DocView, me: int, types: tuple[str, ...]) -> list[Mention]:
    """The subject of an "if / unless" clause right after an object-less threatened attack
    ("will strike again if Iran tries to rebuild"): the one the threat is aimed at."""
    end = v.seg_end[me - 1]
    k = me
    while k < end and k - me < 3 and v.low[k] in {"again", "back", "hard", "immediately",
                                                   "harder", "decisively", ","}:
        k += 1
    if k + 1 >= end or v.low[k] not in {"if", "unless", "should"}:
        return []
    k += 1 + int(v.low[k + 1] == "the")
    m = v.mention_at(k) if k < end else None
    return [m] if m is not None and m.start == k and m.type in types else []


def delegation_head(v: DocView, ms: int, types: tuple[str, ...]) -> list[Mention]:
    """"Deputy Minister P led the Russian delegation, which met Y": the head of the
    delegation the relative pronoun refers to meets Y too."""
    lo = v.seg_start[ms]
    k = ms - 1
    while k > lo and v.low[k] in v.lex["aux"]:
        k -= 1
    if k - 2 < lo or v.low[k] not in {"which", "that"}:
        return []
    j = k - 1 - int(v.low[k - 1] == ",")
    if v.low[j] not in v.lex["delegation_nouns"]:
        return []
    while j > lo and (v.low[j] in v.lex["delegation_nouns"] or v.low[j] == "the"
                      or (v.mention_at(j) is not None and v.mention_at(j).adjectival_form)):
        j = v.mention_at(j).start - 1 if v.mention_at(j) is not None else j - 1
    if j <= lo or v.low[j] not in {"led", "headed", "leads", "heads", "leading", "heading"}:
        return []
    head = v.mention_at(j - 1)
    return [head] if head is not None and head.type == "PERSON" and "PERSON" in types else []


def second_predicate_subject(v: DocView, ms: int, types: tuple[str, ...]) -> list[Mention]:
    """"Los Lobos, the largest gang, controls Y and has been locked in a war with Z": a
    second predicate after "and" (auxiliaries only between) shares the subject that opens
    the sentence."""
    k = ms - 1
    lo = v.seg_start[ms]
    while k > lo and (v.low[k] in v.lex["aux"] or v.low[k] in v.lex["clause_adverbs"]) \
            and v.low[k] != ",":
        k -= 1
    if k <= lo or v.low[k] != "and" or k == ms - 1 and v.low[ms] not in v.verb_forms:
        return []
    return clause_helpers.opening_subject(v, k, types)


def relative_aside(v: DocView, k: int, ms: int) -> bool:
    """Is ``k`` .. ``ms`` a relative aside closed by its comma ("A and B, whose forces
    clashed in 2021, signed the treaty")? The list before it is the subject."""
    return k + 1 < ms and v.low[k] == "," \
        and (v.low[k + 1] in v.lex["relative_pronouns"] or v.low[k + 1] == "whose") \
        and v.low[ms - 1] == "," and ms - k <= 24


def reduced_object_relative(v: DocView, g: int, first: Mention, subj_end: int,
                            ms: int) -> bool:
    """Is the subject at ``first`` that of a relative clause without a pronoun whose
    object is the noun ``g`` before it ("the confederation [the three countries] formed",
    "the bloc [A, B and C] founded")? The noun names an actor or a place (group, place and
    body nouns: not "a charge [X] dismisses"), follows a determiner, the subject stands
    right after it, and only auxiliaries lie between subject and cue."""
    lo = v.seg_start[ms]
    return lo < g < first.start and g + 1 == first.start and v.alpha[g] and v.lowercase[g] \
        and v.low[g - 1] in {"the", "a", "an"} and v.mention_at(g) is None \
        and (v.low[g] in v.lex["group_nouns"] or v.low[g] in v.lex["place_nouns"]
             or v.low[g] in v.lex["body_nouns"]) \
        and all(v.low[k] in v.lex["aux"] for k in range(subj_end, ms))


def whose_forces(v: DocView, k: int, ms: int, types: tuple[str, ...]) -> bool:
    """", whose forces / armies" right before the cue at ``ms`` ("A and B, whose forces
    clashed in 2021, …"): the list's own forces act (scan.whose_owner)."""
    return k + 1 < ms and v.low[k] == "," and v.low[k + 1] == "whose" \
        and scan.whose_owner(v, k + 1, ms, types) is not None


def two_states_before(v: DocView, k: int) -> list[Mention]:
    """"talks between the two neighbours": the two states the previous two sentences of
    the paragraph name, when they name exactly two (mentions of either, in any form)."""
    end = v.seg_end[k]
    if k + 2 >= end or v.low[k] != "the" or v.low[k + 1] != "two" \
            or v.low[k + 2] not in v.lex["pair_nouns"]:
        return []
    s0 = v.seg_start[k]
    lo = s0
    for _ in range(2):
        if lo == 0 or v.newline[lo - 1]:
            break  # the paragraph's first sentence
        lo = v.seg_start[lo - 1]
    last: dict[str, Mention] = {}
    for m in v.mentions:
        if m.start >= s0:
            break
        if m.start >= lo and m.type == "STATE":
            last[m.name] = m
    return sorted(last.values(), key=lambda m: m.start) if len(last) == 2 else []


def reporting_leader(v: DocView, m: Mention) -> Mention | None:
    """"Trump said in a televised address that the United States would impose sanctions on
    Iran": the leader who announces his own state's stance shares it (a person the gazetteer
    knows as serving that state, right before the speech verb of "… that <state> …")."""
    if m.type != "STATE":
        return None
    lo = v.seg_start[m.start]
    k = m.start - 1 - int(m.start - 1 > lo and v.low[m.start - 1] == "the")
    if k <= lo or v.low[k] != "that":
        return None
    for j in range(k - 1, max(lo, k - 7) - 1, -1):
        if v.low[j] in v.lex["speech_verbs"]:
            p = v.mention_at(j - 1) if j - 1 >= lo else None
            if p is None or p.type != "PERSON":
                return None
            st = gazetteer().container(p.name)
            if st is None or st.name != m.name:
                return None
            titles = v.doc.spans.get("kg_titles", ())
            heads = {w for sp in titles if sp.kb_id_ == p.name for w in sp.label_.split()}
            # a head of state or government (not a minister, who speaks for an office)
            return p if (heads & v.lex["state_voice_roles"] or {"prime", "minister"} <= heads) \
                and not heads & {"deputy", "vice"} else None
        if v.mention_at(j) is not None or v.punct[j]:
            return None
    return None


def voice_state(v: DocView, m: Mention) -> Mention | None:
    """The state whose leader or military chief ``m`` is named as ("Mali's military leader,
    X,", "Pakistan's army chief, X,"): its stance is the state's (not a minister's or a
    spokesman's, who speak for an office)."""
    if m.type != "PERSON":
        return None
    lo = v.seg_start[m.start]
    k = m.start - 1
    while k > lo and m.start - k <= 3 and v.mention_at(k) is None \
            and (v.low[k] in v.title_words or (v.alpha[k] and not v.lowercase[k])):
        k -= 1  # "…, Field Marshal X": the rank before the name
    if k > lo and v.low[k] == ",":
        k -= 1
    if k < lo or v.low[k] not in v.lex["state_voice_roles"]:
        return None
    j = k - 1
    while j > lo and k - j <= 3 and v.mention_at(j) is None \
            and (v.low[j] in v.title_words or v.low[j] in v.skippable
                 or v.low[j] in v.lex["force_nouns"]):
        j -= 1  # "Mali's (military) leader", "Pakistan's army chief"
    if j - 1 < lo or v.low[j] not in v.lex["possessive"]:
        return None
    owner = v.mention_at(j - 1)
    return owner if owner is not None and owner.type == "STATE" else None


def official_state(v: DocView, m: Mention, apposed: bool = False) -> Mention:
    """"Iran's foreign minister Zarif" as the counterpart of a state is Iran: states meet
    through their officials (with ``apposed`` also "Iran's foreign minister, Zarif,")."""
    if m.type != "PERSON":
        return m
    lo = v.seg_start[m.start]
    start = m.start  # where the title before the name ends
    if apposed and start - 1 > lo and v.low[start - 1] == ",":
        start -= 1  # "Syria's interim defence minister, X,"
    k = start - 1
    while k >= lo and start - k <= 4 and v.mention_at(k) is None \
            and v.low[k] in v.title_words:
        k -= 1
    if k == start - 1 or k < lo or v.low[k] not in v.lex["possessive"]:
        return m
    owner = v.mention_at(k - 1)
    return owner if owner is not None and owner.type == "STATE" else m


def titled_state(v: DocView, m: Mention) -> Mention:
    """The state whose office a person's title before the name holds: "Iran's foreign
    minister, X," (possessive) or "Iranian Foreign Minister X" (a demonym opening a title
    of state office, frames.json state_office_titles); else the person."""
    st = official_state(v, m, apposed=True)
    if st is not m:
        return st
    lo = v.seg_start[m.start]
    k = m.start - 1
    titled = False
    while k >= lo and m.start - k <= 4 and v.mention_at(k) is None \
            and v.low[k] in v.title_words:
        titled = titled or v.low[k] in v.lex["state_office_titles"]
        k -= 1
    d = v.mention_at(k) if k >= lo else None
    if titled and d is not None and d.type == "STATE" and d.adjectival_form:
        return d
    return m


def served_state(m: Mention) -> Mention:
    """The state a known person serves (the gazetteer's ``part_of``), standing at the
    person's place; anyone else unchanged."""
    if m.type != "PERSON":
        return m
    state = gazetteer().container(m.name)
    if state is None or state.type != "STATE":
        return m
    return Mention(m.start, m.end, state.name, "STATE", m.source, m.text)


def headline_pair(v: DocView, m: Mention, types: tuple[str, ...]) -> list[Mention]:
    """"US, Taliban sign deal": a headline writes "A, B" for "A and B". Only at the start
    of a line that does not end as a sentence."""
    lo = v.seg_start[m.start]
    if m.start - 2 < lo or v.low[m.start - 1] != ",":
        return []
    a = v.mention_at(m.start - 2)
    if a is None or a.start != lo or a.type not in types:
        return []
    last = v.seg_end[m.start] - 1
    return [a] if v.text[last] not in {".", "!", "?", '"', "\u201d"} else []


@frame('adj_premod', AdjPremodOptions, tight=True)
def adj_premod(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    obj = v.mention_at(me)
    if obj is None or obj.start != me or not phrases.modifier_ok(v, obj):
        return
    subj, _ = scan.scan_left(v, ms, rule.subject_types, rule.options.max_left)
    emit(v, found, rule, subj, [obj], (ms, me))
