"""Frames for nominal cues: "X-backed Y", "pro-X Y", nominalisations with their agent
before ("Iran's support for Y") or in a by-phrase ("the expulsion of Y by X"), and
claims of an attack without a target ("Y claimed the attack", paired in bridging).

A mixin of :class:`kg.rel.frames.Linker`, dispatched by :meth:`kg.rel.frames.Linker.run`.
"""

from __future__ import annotations

from .frame_common import PLURAL_DETERMINERS, Descriptor, OpenAttack
from .mentions import Mention
from .registry import LeftOptions, NominalOptions, frame
from .rules import Rule


class NominalFrames:
    """The noun-led frames (see the module docstring)."""

    @frame('premod', tight=True)
    def f_premod(self, rule: Rule, ms: int, me: int) -> None:
        agent = self.mention_at(ms - 1)
        if agent is None:
            return
        objs = self.scan_right(me, rule.object_types, max_gap=1)
        if not objs:
            k = self._group_noun_near(me)
            a = self._apposed_to(k, rule.object_types) if k is not None else None
            if a is not None:  # "the SDF, a US-backed alliance," → the SDF
                both = any(self.low[j] in PLURAL_DETERMINERS for j in range(a.end, ms))
                # "A and B, both Iran-backed groups," → A and B
                self.emit(rule, [agent], self.coord_left(a, rule.object_types) if both else [a],
                          (ms, me))
            elif k is not None:
                self.descriptors.append(Descriptor([agent], k, rule.relation))
            return
        self.emit(rule, [agent], objs[:1], (ms, me))

    @frame('pro', tight=True)
    def f_pro(self, rule: Rule, ms: int, me: int) -> None:
        agent = self.mention_at(me)
        if agent is None or agent.start != me:
            return
        objs = self.scan_right(agent.end, rule.object_types, max_gap=1, coordinate=False)
        if not objs:
            k = self._group_noun_near(agent.end)
            if k is not None:
                self.descriptors.append(Descriptor([agent], k, rule.relation))
            return
        self.emit(rule, [agent], objs, (ms, agent.end))

    def _agents_before(self, rule: Rule, ms: int) -> list[Mention]:
        mode = rule.options.agent
        if mode == "left":
            a = self._apposed_to(ms, rule.subject_types)
            if a is not None:  # "the YPG (YPG), the main component of the SDF" → the YPG
                return [a]
            return self.scan_left(ms, rule.subject_types, rule.options.max_left)[0]
        agents = self.possessor_or_premod(ms, rule.subject_types)
        if mode == "possessor" and len(agents) == 1 and agents[0].end == ms \
                and not self.possessive_after(agents[0]):
            # "its NATO ally Turkey", "Turkey's NATO ally Greece": the premodifier only
            # labels the alliance; the agent is the possessor before it (QUAL-C)
            owner = self.possessor_or_premod(agents[0].start, rule.subject_types)
            if owner and owner[0] is not agents[0]:
                return owner
        if mode in ("premod", "possessor"):
            return agents
        if not agents and mode in ("any", "premod_or_left"):
            agents = self.left_or_antecedent(ms, rule.subject_types, rule.options.max_left)
            if agents and any(self.low[k] in self.lex["reaction_verbs"]
                              for k in range(max(a.end for a in agents), ms)):
                return []  # "X condemned the killing of Y": X reacts, Y's killer is not X
            if agents and any(self.low[k] == "and" and self.low[k - 1] == ","
                              for k in range(max(a.end for a in agents) + 1, ms)):
                return []  # "… scientist, X, and a series of attacks on Y": X is no agent
        return agents

    @frame('nominal', NominalOptions)
    def f_nominal(self, rule: Rule, ms: int, me: int) -> None:
        objs = self.scan_right(me, rule.object_types, max_gap=rule.options.max_right)
        agents: list[Mention] = []
        # "the expulsion of ISIS by Iraqi forces": the agent follows in a by-phrase
        after = objs[-1].end if objs else len(self.doc)
        end = self.seg_end[ms]
        for k in range(after, min(after + 2, end)):
            if self.low[k] == "by":
                agents = self.scan_right(k + 1, rule.subject_types, max_gap=2)
                break
            if self.is_boundary(k) or self.low[k] in (",", "."):
                break
        if objs and rule.options.members_after:
            named = self._including_after(objs[-1].end, rule.subject_types)
            if named:  # "several factions of the PMF, including A and B" → A, B
                self.emit(rule, named, objs[:1], (ms, me))
                return
        if not agents:
            agents = self._agents_before(rule, ms)
        if agents and not objs and rule.relation == "ATTACKS":
            self.open_attacks.append(OpenAttack(agents, me, (ms, me)))
        if objs and not agents and rule.relation == "ATTACKS":
            self.open_targets.append((ms, objs))
        if agents and objs:
            self.emit(rule, agents, objs, (ms, me))

    @frame('claim', LeftOptions)
    def f_claim(self, rule: Rule, ms: int, me: int) -> None:
        """"Y claimed (responsibility for) the attack": when no target follows, Y is the
        attacker of the last attack named without one (resolved in :mod:`bridging`)."""
        end = self.seg_end[ms]
        if me < end and self.low[me] in ("on", "against", "targeting", "upon"):
            return  # "claimed the attack on X": ATTACKS.noun reads it
        subj, rel_i = self.scan_left(ms, rule.subject_types, rule.options.max_left)
        if not subj and rel_i is not None:
            subj = self.antecedent(rel_i, rule.subject_types)
        if subj and not self.hedged(ms):
            self.claims.append((ms, subj))

    @frame('nominal_by')
    def f_nominal_by(self, rule: Rule, ms: int, me: int) -> None:
        agents = self.scan_right(me, rule.subject_types, max_gap=2)
        if not agents:
            return
        end = self.seg_end[ms]
        k = max(a.end for a in agents)
        objs: list[Mention] = []
        if k < end and self.low[k] in ("against", "on", "targeting", "upon"):
            objs = self.scan_right(k + 1, rule.object_types, max_gap=3)
        if objs:
            self.emit(rule, agents, objs, (ms, me))
        elif rule.relation == "ATTACKS":
            self.open_attacks.append(OpenAttack(agents, k, (ms, me)))
