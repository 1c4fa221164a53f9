"""Frames for belonging and presence: "X's Y-ian ally", "X, the Y's armed wing",
"Y and other allies", "its factions include A and B", roles ("X became Z's president"),
hosting ("the base has hosted US forces") and relative clauses listing members
("an alliance that includes A and B").

A mixin of :class:`kg.rel.frames.Linker`, dispatched by :meth:`kg.rel.frames.Linker.run`.
"""

from __future__ import annotations

from .frame_common import ALLIANCE_WORDS
from .registry import HostsOptions, LeftOptions, RoleOptions, frame
from .rules import Rule


class MembershipFrames:
    """Membership, role, alliance and hosting frames (see the module docstring)."""

    @frame('premod_noun', tight=True)
    def f_premod_noun(self, rule: Rule, ms: int, me: int) -> None:
        """"X's powerful Y-ian ally" and "X and its Y-ian allies" → (X, rel, Y)."""
        obj = self.mention_at(ms - 1)
        if obj is None or obj.type not in rule.object_types:
            return
        if obj.adjectival_form and self.low[ms] in ("partner", "partners"):
            return  # "US troops and their Syrian partners": local forces, not the state
        if obj.type == "ORGANIZATION" and self.mention_at(me) is not None:
            return  # "its NATO ally Turkey": NATO labels the ally named next (QUAL-C)
        if obj.type == "ORGANIZATION" and set(obj.name.lower().replace("-", " ").split()) \
                & ALLIANCE_WORDS:
            return  # "restrain its NATO ally": a member of the alliance, not the alliance
        subj = [m for m in self.possessor_or_premod(obj.start, rule.subject_types)
                if m is not obj]
        if not subj:
            k = obj.start - 1
            lo = self.seg_start[ms]
            if k - 1 >= lo and self.low[k] in self.lex["possessive_pronouns"] \
                    and self.low[k - 1] == "and":
                m = self.mention_at(k - 2)
                if m is not None and m.type in rule.subject_types:
                    subj = [m]
        self.emit(rule, subj, [obj], (ms, me))

    @frame('appos_poss')
    def f_appos_poss(self, rule: Rule, ms: int, me: int) -> None:
        """"X, the Y's armed wing," → (X, PART_OF, Y)."""
        owner = self.mention_at(ms - 1)
        if owner is None or owner.type not in rule.object_types:
            return
        k = owner.start - 1
        lo = self.seg_start[ms]
        while k >= lo and self.low[k] in ("the", "a", "an"):
            k -= 1
        if k < lo or self.low[k] != ",":
            return
        part = self.mention_at(k - 1)
        if part is not None and part.type in rule.subject_types:
            self.emit(rule, [part], [owner], (ms, me))

    @frame('tail_allies', LeftOptions)
    def f_tail_allies(self, rule: Rule, ms: int, me: int) -> None:
        """"... to Y and other allies" → Y is an ally of the clause's agent."""
        obj = self.mention_at(ms - 1)
        if obj is None or obj.type not in rule.object_types:
            return
        seg = self.segment_of[ms]
        subj = [c.subj for c in self.cands
                if c.obj == obj and c.rel == "BACKS" and self.segment_of[c.cue[0]] == seg]
        if not subj:  # no sponsor named for Y: the clause's subject
            subj, _ = self.scan_left(obj.start, rule.subject_types, rule.options.max_left)
        self.emit(rule, subj, [obj], (ms, me))

    @frame('members_include')
    def f_members_include(self, rule: Rule, ms: int, me: int) -> None:
        """"Its factions include A and B", "the PMF's groups include A" → (A, PART_OF, owner)."""
        owners = self.possessor_or_premod(ms, rule.object_types)
        if not owners:
            return
        members = self.scan_right(me, rule.subject_types, max_gap=1)
        self.emit(rule, members, owners[:1], (ms, me))

    @frame('role', RoleOptions)
    def f_role(self, rule: Rule, ms: int, me: int) -> None:
        """"X, who succeeded Y as the commander of Z", "X became Z's interim president":
        the person takes the role the match ends with; the organisation follows "of" or
        owns the role word."""
        role = me - 2 if self.low[me - 1] == "of" else me - 1
        if self.low[role - 1] in ("vice", "deputy", "assistant", "under", "associate"):
            return  # "became US vice president": a second in command
        if self.low[me - 1] == "of":
            orgs = self.scan_right(me, rule.object_types, max_gap=1, coordinate=False)
        else:
            orgs = self.possessor_or_premod(me - 1, rule.object_types)[:1]
        if not orgs:
            return
        person = self.left_or_antecedent(ms, rule.subject_types, rule.options.max_left)
        self.emit(rule, person[:1], orgs, (ms, me))

    @frame('hosts', HostsOptions)
    def f_hosts(self, rule: Rule, ms: int, me: int) -> None:
        """"Ain al-Asad has hosted US and coalition forces" → (US, DEPLOYED_IN, Ain al-Asad):
        the forces named between the cue and the troop noun are present at the host."""
        guests = [m for m in (self.mention_at(k) for k in range(ms + 1, me)) if m is not None]
        guests = [m for n, m in enumerate(guests) if m not in guests[:n]
                  and m.type in rule.subject_types]
        if not guests:
            return
        hosts = self.left_or_antecedent(ms, rule.object_types, rule.options.max_left)
        self.emit(rule, guests, hosts[:1], (ms, me))

    @frame('relative_members')
    def f_relative_members(self, rule: Rule, ms: int, me: int) -> None:
        """"X, an alliance that includes A and B" → (A, PART_OF, X): the owner is the
        organisation before the relative pronoun, or the name it is in apposition to."""
        lo = self.seg_start[ms]
        k = ms - 1
        if k >= lo and self.low[k] == ",":
            k -= 1
        if k < lo:
            return
        owner = self.mention_at(k)
        if owner is None and self.low[k] in self.lex["group_nouns"]:
            owner = self._apposed_to(k, rule.object_types)
        elif owner is not None and owner.start - 2 >= lo \
                and self.low[owner.start - 1] in ("a", "an", "the") \
                and self.low[owner.start - 2] == ",":
            named = self.mention_at(owner.start - 3)  # "the Axis, an Iran-led alliance that"
            if named is not None and named.type in rule.object_types:
                owner = named
        if owner is None or owner.type not in rule.object_types:
            return
        members = self.scan_right(me, rule.subject_types, max_gap=1)
        self.emit(rule, members, [owner], (ms, me))
