"""Frames for verbal cues: active clauses ("X backs Y", with elided subjects, shared
objects and "alongside" partners), passives ("Y was backed by X", "run by X and guarded
by Y"), ditransitive and inverse verbs, symmetric relations ("talks between A and B",
"X met Y") and adjectival cues before a name.

A mixin of :class:`kg.rel.frames.Linker`: the rules name their frame (``f_<frame>``) and
:meth:`kg.rel.frames.Linker.run` dispatches to it.
"""

from __future__ import annotations

from .frame_common import Descriptor, OpenAttack
from .mentions import Mention
from .registry import AdjPremodOptions, InverseOptions, SvoOptions, SymmetricOptions, frame
from .rules import Rule


class VerbalFrames:
    """The verb-led frames (see the module docstring)."""

    @frame('svo', SvoOptions, verb_cue=True)
    def f_svo(self, rule: Rule, ms: int, me: int) -> None:
        doc = self.doc
        if rule.options.context_after:
            window = self.low[me:min(me + 8, self.seg_end[ms])]
            if not any(w in rule.options.context_after for w in window):
                return
        if ms > 0 and self.text[ms - 1] in ("-", "\u2013"):
            return  # "X-backed": the premod rule owns it
        if self._noun_use(ms):
            return  # "welcomed the strikes", "a series of sabotage attacks": a noun
        if self.low[ms].endswith("ed") and me < self.seg_end[ms] \
                and self.low[me] in self.lex["group_nouns"] and ms - 2 >= self.seg_start[ms] \
                and self.low[ms - 1] in ("and", "or", ",") and self.mention_at(ms - 2) is not None:
            return  # "includes Hezbollah and armed factions": a participle modifying a noun
        if me < len(doc) and self.low[me] == "by" and rule.pattern[-1].get("LOWER") != "by":
            return  # a passive with an agent: the passive rule owns it
        passive = self._passive_before(ms) and not self.low[ms].endswith("ing")
        if passive and not rule.options.passive_ok:
            return
        # a participle right after a noun is a reduced relative: "militias armed in Syria"
        if not passive and not rule.options.passive_ok and self.low[ms].endswith("ed") \
                and ms > self.seg_start[ms] and self.alpha[ms - 1] \
                and self.mention_at(ms - 1) is None \
                and self.low[ms - 1] in self.lex["group_nouns"] \
                and not (me < self.seg_end[ms] and (self.mention_at(me) is not None
                                                    or self.low[me] in self.skippable)):
            return  # but "gunmen attacked southern Israel": an object follows, a main verb
        if rule.options.enumerates and any(
                (m := self.mention_at(k)) is not None and m.type == "FACILITY"
                for k in range(ms + 1, me)):
            return  # "operates the Hmeimim air base in ...": the named base is the object
        if me - ms > 1 and ms + 1 < me and self.low[ms + 1] == "by":
            # "drones launched by the Houthis toward Israel": the agent follows "by"
            subj, rel_i = self.scan_right(ms + 2, rule.subject_types, max_gap=1), None
            if not subj:
                return
        else:
            subj, rel_i = self.scan_left(ms, rule.subject_types, rule.options.max_left)
        if not subj and rel_i is None:
            subj = self._elided_subject(ms, rule.subject_types)
        preps = rule.options.object_prep
        start = me
        if rule.options.inner_target:
            # the greedy filler of "fired * at" may run past the target: "fired rockets at
            # Goma on Sunday" ends at "on"; the target follows the first target preposition
            last = rule.pattern[-1].get("LOWER")
            inner = set(last.get("IN", ())) if isinstance(last, dict) else {last}
            for k in range(ms + 1, me - 1):
                if self.low[k] in inner and self.scan_right(k + 1, rule.object_types,
                                                            max_gap=1, coordinate=False):
                    start = k + 1
                    break
        obj = self.scan_right(start, rule.object_types, preps, rule.options.max_right,
                              prep_after_gap=rule.options.prep_after_gap)
        if obj and self._clause_subject(obj):
            obj = []  # "warns Iran has ...": Iran is the subject of the reported clause
        stop_after = rule.options.not_followed_by
        if obj and stop_after and max(o.end for o in obj) < self.seg_end[ms] \
                and self.low[max(o.end for o in obj)] in stop_after:
            obj = []  # "Hezbollah is seen in Washington as a threat": a view, not a presence
        if not obj:
            obj = self._including_list(me, rule.object_types)
        if not obj and rule.relation in ("ATTACKS", "BACKS", "RECRUITS"):
            obj = self._members_of(me, rule.object_types, rule.relation == "ATTACKS")
        if subj:
            first = min(subj, key=lambda m: m.start)
            g = self.governor(first)
            while g > self.seg_start[ms] and first.start - g <= 3 and self.lowercase[g] \
                    and self.low[g] not in self.lex["relative_pronouns"] \
                    and self.low[g] not in self.lex["prepositions"] and self.alpha[g]:
                g -= 1  # "which allied Syrian forces recaptured"
            if not obj and g >= self.seg_start[ms] and self.low[g] in ("which", "that", "whom"):
                obj = self.antecedent(g, rule.object_types)
        elif rel_i is not None and all(
                self.low[k] in self.lex["aux"] or self.low[k] in self.skippable
                for k in range(rel_i + 1, ms)):
            subj = self.antecedent(rel_i, rule.subject_types)
        if subj and self.low[ms] in self.lex.get("influence_verbs", ()):
            return
        if not obj and rule.relation == "ATTACKS" and me < self.seg_end[ms] \
                and self.low[me] in ("alongside", "with"):
            # "fought alongside Y against Z": Y fights Z too
            co = self.scan_right(me + 1, rule.subject_types, max_gap=1)
            if co:
                k = max(c.end for c in co)
                if k < self.seg_end[ms] and self.low[k] == "against":
                    obj = self.scan_right(k + 1, rule.object_types, max_gap=2)
                    subj = subj + co
            else:  # "fought alongside the coalition against Y": Y is still the target
                for k in range(me + 1, min(me + 6, self.seg_end[ms])):
                    if self.low[k] == "against":
                        obj = self.scan_right(k + 1, rule.object_types, max_gap=2)
                        break
                    if self.is_boundary(k) or self.mention_at(k) is not None \
                            or self.punct[k]:
                        break
        if subj and not obj and rule.relation == "ATTACKS":
            self.open_attacks.append(OpenAttack(subj, me, (ms, me)))
        if obj and not subj and rule.relation == "ATTACKS" and rel_i is None:
            self.open_targets.append((ms, obj))
        if obj and rule.relation == "ATTACKS" and self._diplomat_after(obj[-1]):
            rule_rel = "OPPOSES"  # "expelled the Turkish ambassador": a protest, not force
        else:
            rule_rel = None
        if subj and obj:
            # "X urges Y to list Z": the urger shares the stance
            extra = []
            s0 = min(subj, key=lambda m: m.start)
            g = self.governor(s0)
            if g >= self.seg_start[ms] and self.low[g] in self.lex["influence_verbs"]:
                more, _ = self.scan_left(g, rule.subject_types, 6)
                extra = more
                if rule.relation == "ATTACKS":
                    # "A urged B's government to expel C": only the urger's stance is
                    # asserted, and it is hostility, not force
                    self.emit(rule, extra, obj, (ms, me), relation="OPPOSES")
                    return
            self.emit(rule, subj + extra, obj, (ms, me), relation=rule_rel)
            if rule.relation == "DEPLOYED_IN":
                more = self._share_places(max(o.end for o in obj), rule.object_types)
                if more:  # "has 900 troops in Syria, most of them in A and B" → A, B too
                    self.emit(rule, subj, more, (ms, me))
        if subj and rule.options.enumerates:
            self.enumerations.append((subj, ms, me))

    @frame('passive', tight=True, verb_cue=True)
    def f_passive(self, rule: Rule, ms: int, me: int) -> None:
        skip = (self.lex["aux"] | self.skippable) - {","}
        patient, stop = self.adjacent_left(ms, rule.object_types, skip)
        if patient is None and stop - 1 >= self.seg_start[ms] and self.low[stop] in ("and", "or"):
            prev = self.last_passive.get(stop)
            if prev is not None and prev.type in rule.object_types:
                patient = prev  # "is run by X and guarded by Y": the same patient
            elif self.lowercase[stop - 1] and self.low[stop - 1].endswith(("ed", "en", "un")):
                # "the company founded and run by Y": the participles share their patient
                patient, stop = self.adjacent_left(stop - 1, rule.object_types, skip)
            elif stop + 1 < ms and self.low[stop + 1] in ("is", "was", "are", "were"):
                # "The PMF ... was integrated into the state and is headed by Y"
                opening = self._opening_subject(stop, rule.object_types)
                patient = opening[0] if len(opening) == 1 else None
        if patient is None and stop >= self.seg_start[ms] and self.low[stop] == ",":
            j = self._parenthetical_start(stop)
            if j is not None:  # "The Quds Force, the IRGC's external arm, is led by X"
                m = self.mention_at(j - 1)
                patient = m if m is not None and m.type in rule.object_types else None
                stop = j - 1
            else:
                patient, stop = self.adjacent_left(stop, rule.object_types,
                                                   self.lex["aux"] | self.skippable)
        agents = self.scan_right(me, rule.subject_types, max_gap=3)
        if patient is None and stop >= self.seg_start[ms] and \
                self.low[stop] in ("which", "who", "that"):
            ante = self.antecedent(stop, rule.object_types)
            patient = ante[0] if ante else None
        if patient is None and stop >= self.seg_start[ms] \
                and self.low[stop] in self.lex["group_nouns"]:
            patient = self._apposed_to(stop, rule.object_types)
            if patient is None:
                if agents:
                    self.descriptors.append(Descriptor(agents, stop, rule.relation))
                return
        if patient is None:
            return
        if not self.modifier_ok(patient):
            return
        if agents:
            self.last_passive[max(a.end for a in agents)] = patient
        self.emit(rule, agents, self.coord_left(patient, rule.object_types), (ms, me))

    @frame('ditransitive', tight=True)
    def f_ditransitive(self, rule: Rule, ms: int, me: int) -> None:
        objs = [m for m in (self.mention_at(k) for k in range(ms + 1, me - 1)) if m]
        if not objs:
            return
        subj, _ = self.scan_left(ms, rule.subject_types)
        self.emit(rule, subj, [objs[0]], (ms, me))

    @frame('inverse', InverseOptions)
    def f_inverse(self, rule: Rule, ms: int, me: int) -> None:
        agents = self.scan_right(me, rule.subject_types, max_gap=2)
        if not agents:
            return
        patients = self.left_or_antecedent(ms, rule.object_types, rule.options.max_left)
        self.emit(rule, agents, patients, (ms, me))

    @frame('symmetric', SymmetricOptions)
    def f_symmetric(self, rule: Rule, ms: int, me: int) -> None:
        end = self.seg_end[ms]
        types = rule.subject_types
        left = self.possessor_or_premod(ms, types) or self.left_or_antecedent(ms, types, 10)
        if left and self.low[ms] in ("meet", "meets", "met") \
                and self.low[min(m.start for m in left) - 1] == "where":
            return  # "the point where Syria, Iraq and Jordan meet": borders, not talks
        k = me
        # "negotiations in Astana among Russia, Turkey and Iran"
        if self.low[me - 1] == "between":
            k = me - 1
        for j in range(me, min(me + 5, end) if k == me else me):
            if self.low[j] in ("among", "between", "with", "amongst"):
                k = j
                break
            if self.is_boundary(j) or self.low[j] in (",", "."):
                break
        pairs: list[tuple[Mention, Mention]] = []
        if k < end and self.low[k] in ("among", "between", "amongst"):
            group = self.scan_right(k + 1, types, max_gap=1)
            if len(group) == 1 and left:
                pairs = [(a, group[0]) for a in left]
            else:
                pairs = [(a, b) for n, a in enumerate(group) for b in group[n + 1:]]
                if rule.options.mediator:  # "Qatar mediated talks between A and B"
                    pairs += [(a, b) for a in left for b in group if a.name != b.name]
        elif k < end and self.low[k] == "with" or self.low[me - 1] == "with":
            start = k + 1 if k < end and self.low[k] == "with" else me
            right = self.scan_right(start, types, max_gap=1)
            pairs = [(a, b) for a in left for b in right]
        elif len(left) >= 2:
            pairs = [(a, b) for n, a in enumerate(left) for b in left[n + 1:]]
        elif left and self.low[ms] in ("met", "meets", "meet", "hosted", "hosts", "received",
                                       "receives"):
            right = self.scan_right(me, types, max_gap=4)  # "envoy X met Speaker Y"
            if len(right) == 1 and right[0].type != "PERSON":
                k = right[0].end  # "met Lebanese Parliament Speaker Nabih Berri": the person
                while k < min(right[0].end + 3, self.seg_end[ms]) and self.mention_at(k) is None \
                        and self.alpha[k] and not self.lowercase[k]:
                    k += 1
                p = self.mention_at(k)
                right = [p] if p is not None and p.type == "PERSON" else right
            pairs = [(a, b) for a in left for b in right if a.name != b.name]
        for a, b in pairs:
            self.emit(rule, [a], [b], (ms, me))
            if rule.options.both_ways:  # "X exchanged fire with Y": Y attacks X as well
                self.emit(rule, [b], [a], (ms, me))

    @frame('adj_premod', AdjPremodOptions, tight=True)
    def f_adj_premod(self, rule: Rule, ms: int, me: int) -> None:
        obj = self.mention_at(me)
        if obj is None or obj.start != me or not self.modifier_ok(obj):
            return
        subj, _ = self.scan_left(ms, rule.subject_types, rule.options.max_left)
        self.emit(rule, subj, [obj], (ms, me))
