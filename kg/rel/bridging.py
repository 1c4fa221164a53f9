"""Relations whose two ends are in different sentences of the same passage.

News often names a group's backer in one sentence and the group in the next:

    "... airstrikes against factions supported by X near the border." /
    "... the strikes answered attacks by Y on a base, which killed a Z contractor."

Rule ``bridge.descriptor``: a *descriptor* is an unnamed group phrase with a known backer
("factions supported by X", "X-backed militias", "pro-X groups"). When the descriptor is
the target of an attack by A (an ATTACKS cue whose object was that phrase), and within the
next few sentences a named organisation Y is in an ATTACKS relation with A (either
direction) — the group A struck back at — then the descriptor is Y: emit (X, BACKS, Y).
Only ORGANIZATION/GROUP mentions qualify as Y and Y must differ from X and A; nothing about
particular actors is assumed.

Rule ``bridge.claim``: "A drone struck X ..." / "Y claimed the attack" — see
:func:`claims`.

Rule ``bridge.enumeration``: "X has two bases in A and B: one of them is in F1 ... the other
base, F2, ..." — base facilities named in the same or next two sentences after
"X has N bases" are operated by X.
"""

from __future__ import annotations

from .frame_common import CONF, Cand
from .frames import Linker

WINDOW = 3  # sentences after the descriptor's sentence
BASE_WORDS = ("base", "airbase", "air base", "garrison", "outpost")


def _overlaps(a: tuple[int, int], lo: int, hi: int) -> bool:
    return a[0] <= hi and lo <= a[1]


def descriptors(lk: Linker) -> None:
    attacks = [c for c in lk.cands if c.rel == "ATTACKS"]
    for d in lk.descriptors:
        if d.rel != "BACKS":
            continue
        seg = lk.segment_of[d.noun]
        attackers = None
        for oa in lk.open_attacks:
            if lk.segment_of[oa.after] == seg and oa.after <= d.noun <= oa.after + 3:
                attackers = oa.attackers
                break
        if not attackers:
            continue
        names = {a.name for a in attackers}
        backers = {b.name: b for b in d.backers}
        last = min(seg + WINDOW, len(lk.segments) - 1)
        found = {}
        for c in attacks:
            cs = lk.segment_of[c.cue[0]]
            if not (seg <= cs <= last):
                continue
            if c.subj.name in names and c.obj.type in ("ORGANIZATION", "GROUP"):
                y = c.obj
            elif c.obj.name in names and c.subj.type in ("ORGANIZATION", "GROUP"):
                y = c.subj
            else:
                continue
            if y.name in backers or y.name in names:
                continue
            found.setdefault(y.name, y)
        if len(found) != 1:  # ambiguous or nothing: do not guess
            continue
        y = next(iter(found.values()))
        for b in d.backers:
            lk.cands.append(Cand(b, "BACKS", y, "bridge.descriptor", "bridge", CONF["bridge"],
                                 (d.noun, d.noun + 1)))


def enumerations(lk: Linker) -> None:
    for subj, ms, me in lk.enumerations:
        if not any(lk.low[k] in ("bases", "airbases", "garrisons", "outposts")
                   for k in range(ms, me)):
            continue
        seg = lk.segment_of[ms]
        last = min(seg + 2, len(lk.segments) - 1)
        hi = lk.segments[last][1]
        for m in lk.mentions:
            if m.start < me or m.start >= hi or m.type != "FACILITY":
                continue
            if not any(w in m.name.lower() for w in BASE_WORDS):
                continue
            for s in subj:
                lk.cands.append(Cand(s, "OPERATES", m, "bridge.enumeration", "bridge",
                                     CONF["bridge"], (ms, me)))


CLAIM_WINDOW = 3  # segments (sentences or paragraphs) back from a claim


def claims(lk: Linker) -> None:
    """Rule ``bridge.claim``: "A drone struck X, injuring ..." / "Y claimed the attack" —
    the claimant attacked the targets of the latest attack before the claim (within the
    last few sentences) whose attacker the text did not name."""
    for at, claimants in lk.claims:
        seg = lk.segment_of[at]
        before = [(cue, objs) for cue, objs in lk.open_targets
                  if cue < at and seg - lk.segment_of[cue] <= CLAIM_WINDOW]
        if not before:
            continue
        last_seg = lk.segment_of[max(cue for cue, _ in before)]
        for cue, objs in before:
            if lk.segment_of[cue] != last_seg:
                continue
            for s in claimants:
                for o in objs:
                    if o.name != s.name:
                        lk.cands.append(Cand(s, "ATTACKS", o, "bridge.claim", "bridge",
                                             CONF["bridge"], (at, at + 1)))


def run(lk: Linker) -> None:
    descriptors(lk)
    enumerations(lk)
    claims(lk)
