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

Rule ``bridge.condemned``: "A struck B" / "Y condemned the strikes" — see
:func:`condemnations`.

Rule ``bridge.claim``: "A drone struck X ..." / "Y claimed the attack" — see
:func:`claims`.

Rule ``bridge.event_anaphor``: "A struck B ..." / "The strikes killed a C commander" — see
:func:`event_anaphors`.

Rule ``bridge.enumeration``: "X has two bases in A and B: one of them is in F1 ... the other
base, F2, ..." — base facilities named in the same or next two sentences after
"X has N bases" are operated by X.
"""

from __future__ import annotations

from ..wordlists import words
from .emit import facility_name, town_like
from .findings import Cand, Findings
from .frame_common import CONF
from .mentions import Mention
from .view import DocView

_W = words("frames")  # the word lists named below live in kg/data/words/frames.json

WINDOW = 3  # sentences after the descriptor's sentence
BASE_WORDS = _W["base_name_words"]
BASE_KINDS = _W["base_kind_words"]  # "a naval base in X" names "X naval base"
ANAPHOR_NOUNS = frozenset(_W["anaphor_attack_nouns"])
ANAPHOR_MODIFIERS = frozenset(_W["anaphor_modifiers"])
ANAPHOR_DETERMINERS = frozenset(_W["anaphor_determiners"])
# word -> the words of its kind of attack ("strikes" -> strike, struck, airstrikes ...)
EVENT_FAMILY = {w: frozenset(ws) for ws in _W.table("event_families").values() for w in ws}


def _overlaps(a: tuple[int, int], lo: int, hi: int) -> bool:
    return a[0] <= hi and lo <= a[1]


def descriptors(v: DocView, found: Findings) -> None:
    attacks = [c for c in found.cands if c.rel == "ATTACKS"]
    for d in found.descriptors:
        if d.rel != "BACKS":
            continue
        seg = v.segment_of[d.noun]
        attackers = None
        for oa in found.open_attacks:
            if v.segment_of[oa.after] == seg and oa.after <= d.noun <= oa.after + 3:
                attackers = oa.attackers
                break
        if not attackers:
            continue
        names = {a.name for a in attackers}
        backers = {b.name: b for b in d.backers}
        last = min(seg + WINDOW, len(v.segments) - 1)
        named: dict[str, Mention] = {}
        for c in attacks:
            cs = v.segment_of[c.cue[0]]
            if not (seg <= cs <= last):
                continue
            if c.subj.name in names and c.obj.type in {"ORGANIZATION", "GROUP"}:
                y = c.obj
            elif c.obj.name in names and c.subj.type in {"ORGANIZATION", "GROUP"}:
                y = c.subj
            else:
                continue
            if y.name in backers or y.name in names:
                continue
            named.setdefault(y.name, y)
        if len(named) != 1:  # ambiguous or nothing: do not guess
            continue
        y = next(iter(named.values()))
        for b in d.backers:
            found.cands.append(Cand(b, "BACKS", y, "bridge.descriptor", "bridge",
                                    CONF["bridge"], (d.noun, d.noun + 1)))


def enumerations(v: DocView, found: Findings) -> None:
    for e in found.enumerations:
        subj, ms, me = e.subjects, e.start, e.end
        if not any(v.low[k] in {"bases", "airbases", "garrisons", "outposts"}
                   for k in range(ms, me)):
            continue
        seg = v.segment_of[ms]
        last = min(seg + 2, len(v.segments) - 1)
        hi = v.segments[last][1]
        for m in v.mentions:
            if m.start < me or m.start >= hi or m.type != "FACILITY":
                continue
            if not any(w in m.name.lower() for w in BASE_WORDS):
                continue
            for s in subj:
                found.cands.append(Cand(s, "OPERATES", m, "bridge.enumeration", "bridge",
                                        CONF["bridge"], (ms, me)))
        for m in v.mentions:  # "… two bases: a naval base in Tartus and …"
            if m.start < me or m.start >= hi or m.type != "LOCATION":
                continue
            fac = unnamed_base_at(v, m)
            for s in subj if fac is not None else ():
                found.cands.append(Cand(s, "OPERATES", fac, "bridge.enumeration.synth",
                                        "bridge", CONF["bridge"], (ms, me)))


def unnamed_base_at(v: DocView, m: Mention) -> Mention | None:
    """"a naval base in Tartus" → the facility "Tartus naval base" (the gazetteer's name
    when it knows one under that alias), when the place is a town, not a region."""
    k = m.start - 1
    lo = v.seg_start[m.start]
    if k - 1 < lo or v.low[k] not in {"in", "at", "near"} \
            or v.low[k - 1] not in {"base", "airbase"} or not town_like(v, m) \
            or v.mention_at(k - 1) is not None:
        return None  # "the Hmeimim air base near Latakia" has its own name
    kind = v.low[k - 1]
    if k - 2 >= lo and v.low[k - 2] in BASE_KINDS:
        kind = f"{v.low[k - 2]} {kind}"
    return Mention(m.start, m.end, facility_name(m.name, kind), "FACILITY", "synth", m.text)


CLAIM_WINDOW = 3  # segments (sentences or paragraphs) back from a claim


def claims(v: DocView, found: Findings) -> None:
    """Rule ``bridge.claim``: "A drone struck X, injuring ..." / "Y claimed the attack" —
    the claimant attacked the targets of the latest attack before the claim (within the
    last few sentences) whose attacker the text did not name. An attack that one rule
    left open but another completed ("a drone attack on X by Y", read by a token frame
    and a dependency rule) named its attacker."""
    named = {k for c in found.cands if c.rel == "ATTACKS" for k in range(c.cue[0], c.cue[1])}
    for claim in found.claims:
        at, claimants = claim.at, claim.claimants
        seg = v.segment_of[at]
        before = [(t.cue, t.targets) for t in found.open_targets
                  if t.cue < at and seg - v.segment_of[t.cue] <= CLAIM_WINDOW
                  and t.cue not in named]
        if not before:
            continue
        last_seg = v.segment_of[max(cue for cue, _ in before)]
        for cue, objs in before:
            if v.segment_of[cue] != last_seg:
                continue
            for s in claimants:
                for o in objs:
                    if o.name != s.name:
                        found.cands.append(Cand(s, "ATTACKS", o, "bridge.claim", "bridge",
                                                CONF["bridge"], (at, at + 1)))


def _anaphor_before(v: DocView, cue: int) -> bool:
    """Whether the attack at ``cue`` is told by a definite attack noun that points back:
    "the strikes killed …", "one of the raids hit …" (the verb's subject, auxiliaries
    and adverbs between), or the cue noun itself ("the latest strikes on X …")."""
    lo = v.seg_start[cue]
    k = cue
    if v.low[k] not in ANAPHOR_NOUNS:
        k -= 1
        while k >= lo and v.low[k] in v.lex["aux"] and v.low[k] != ",":
            k -= 1
        if k < lo or v.low[k] not in ANAPHOR_NOUNS:
            return False
    if k - 1 >= lo and v.low[k - 1] == "air" and v.low[k] in {"strike", "strikes"}:
        k -= 1  # "the air strikes"
    k -= 1
    if k >= lo and v.low[k] in ANAPHOR_MODIFIERS:
        k -= 1
    return k >= lo and v.low[k] in ANAPHOR_DETERMINERS and v.mention_at(k) is None


def event_anaphors(v: DocView, found: Findings) -> None:
    """Rule ``bridge.event_anaphor``: "A struck B on Monday." / "The strikes killed a C
    commander." — an attack whose attacker is a definite attack noun ("the strikes", "one
    of the raids") is the attack the passage told last: its attacker struck these targets
    too. Only an earlier sentence of the same paragraph counts (a definite noun in the
    attack's own sentence is that attack), and only when that sentence names exactly the
    attackers of its latest attack."""
    named = {k for c in found.cands if c.rel == "ATTACKS" for k in range(c.cue[0], c.cue[1])}
    for t in found.open_targets:
        if t.cue in named or not _anaphor_before(v, t.cue):
            continue
        seg = v.segment_of[t.cue]
        # told attacks: (cue, attacker), named targets or not ("A's strikes killed two")
        told = [(c.cue[0], c.subj) for c in found.cands if c.rel == "ATTACKS"] + [
            (oa.cue[0], a) for oa in found.open_attacks for a in oa.attackers]
        before = [(cue, a) for cue, a in told
                  if cue < t.cue and 0 < seg - v.segment_of[cue] <= CLAIM_WINDOW]
        if not before:
            continue
        last = max(cue for cue, _ in before)
        if any(v.newline[k] for k in range(last, t.cue)):
            continue  # the attack of another paragraph is another story
        for a in sorted({a for cue, a in before if cue == last}, key=lambda m: m.start):
            for o in t.targets:
                if o.name != a.name:
                    found.cands.append(Cand(a, "ATTACKS", o, "bridge.event_anaphor", "bridge",
                                            CONF["bridge"], (t.cue, t.cue + 1)))


def condemnations(v: DocView, found: Findings) -> None:
    """Rule ``bridge.condemned``: "A struck B …" / "Y condemned the attack" — Y opposes
    the attackers of the latest attack before the condemnation (same or a recent sentence
    of the same paragraph)."""
    for cond in found.condemnations:
        seg = v.segment_of[cond.at]
        earlier = [c for c in found.cands if c.rel == "ATTACKS" and c.cue[0] < cond.at]
        before = [c for c in earlier if seg - v.segment_of[c.cue[0]] <= CLAIM_WINDOW]
        kind = next((EVENT_FAMILY[v.low[k]] for k in range(cond.at + 1, min(cond.at + 6, v.n))
                     if v.low[k] in EVENT_FAMILY), None)
        if kind is not None:  # "condemned the strikes": the latest strike of the
            # paragraph, not an uprising or a raid named since
            same = [c for c in earlier if any(v.low[k] in kind for k in range(*c.cue))]
            before = same or before
        if not before:
            continue
        last = max(c.cue[0] for c in before)
        if any(v.newline[k] for k in range(last, cond.at)):
            continue  # the attack of another paragraph is another story
        attackers = {c.subj for c in before if c.cue[0] == last}
        for s in cond.claimants:
            for a in sorted(attackers, key=lambda m: m.start):
                if a.name != s.name:
                    found.cands.append(Cand(s, "OPPOSES", a, "bridge.condemned", "bridge",
                                            CONF["bridge"], (cond.at, cond.at + 1)))


def run(v: DocView, found: Findings) -> None:
    descriptors(v, found)
    enumerations(v, found)
    claims(v, found)
    event_anaphors(v, found)
    condemnations(v, found)
