"""Passes over a Doc's mentions and candidates for constructions that have no cue word of
their own, or that refine what the frames found (issue 10):

* :func:`person_possessive`: "Haftar's Libyan National Army" → the person LEADS it;
* :func:`shared_action`: "Russian jets, in cooperation with the Syrian air force, struck
  X" → the partner attacked X too;
* :func:`travelling_delegations`: "the Iranian delegation arrived in Muscat" is a visit,
  not a deployment;
* :func:`fought_on_side`: "X fought on Y's side" is an alliance, not an attack on Y;
* :func:`shared_membership`: "A is part of Y, along with B and C" → B and C are too.

Each pass is a plain function of the read-only :class:`~kg.rel.view.DocView` and the
:class:`~kg.rel.findings.Findings` so far; :func:`run` calls them after the structural rules.
Their word lists are in ``kg/data/words/frames.json``.
"""

from __future__ import annotations

from ..tokens import token_data
from . import scan
from .findings import Cand, Findings
from .frame_common import CONF
from .mentions import Mention
from .view import DocView


def person_possessive(v: DocView, found: Findings) -> None:
    """"P's <organisation>": a person's own group is the one the person leads."""
    possessive = v.lex["possessive"]
    for a in v.mentions:
        if a.type != "PERSON" or a.end >= len(v.low) or v.low[a.end] not in possessive:
            continue
        end = v.seg_end[a.start]
        k = a.end + 1
        while k < min(a.end + 5, end) and v.mention_at(k) is None \
                and v.low[k] in v.lex["possessed_modifiers"]:
            k += 1
        b = v.mention_at(k)
        if b is None or b.start != k or b.type != "ORGANIZATION":
            continue
        if b.end < end and (v.low[b.end] in v.lex["group_nouns"]
                            or v.low[b.end] in possessive):
            continue  # "Haftar's LNA forces" is still the LNA; "P's party's X" is not
        found.cands.append(Cand(a, "LEADS", b, "possessive.leads", "heuristic",
                                CONF["heuristic"], (a.start, b.end)))


def leader_not_member(v: DocView, found: Findings) -> None:
    """A person found leading X in a sentence is not also listed as a mere member of X
    there ("Army chief General X, who heads Sudan's ruling council": LEADS Sudan, and the
    rank title's PART_OF Sudan goes)."""
    sent_of = token_data(v.doc).sent_of()
    leads = {(sent_of[c.cue[0]], c.subj.name, c.obj.name) for c in found.cands
             if c.rel == "LEADS"}
    if not leads:
        return
    found.cands[:] = [c for c in found.cands if not (
        c.rel == "PART_OF" and (sent_of[c.cue[0]], c.subj.name, c.obj.name) in leads)]


def _partner_after(v: DocView, i: int) -> list[Mention]:
    """The actor named in ", in cooperation with B," right after token ``i``."""
    end = v.seg_end[i] if i < len(v.low) else i
    if i >= end or v.low[i] != ",":
        return []
    for opener in v.lex["partner_openers"]:
        words = opener.split()
        n = len(words)
        if v.low[i + 1:i + 1 + n] == words:
            partners = scan.scan_right(v, i + 1 + n, ("STATE", "ORGANIZATION"), max_gap=1)
            if partners and max(m.end for m in partners) < end \
                    and v.low[max(m.end for m in partners)] == ",":
                return partners
    return []


def shared_action(v: DocView, found: Findings) -> None:
    """The partner of an attacker named in an inserted "in cooperation with" phrase."""
    extra = []
    for c in found.cands:
        if c.rel != "ATTACKS" or c.subj.end > c.cue[0]:
            continue
        j = c.subj.end
        while j < c.cue[0] and v.mention_at(j) is None and v.alpha[j] and v.lowercase[j] \
                and (v.low[j] in v.lex["force_nouns"] or v.low[j] == "aircrafts"):
            j += 1  # "Russian jets, in cooperation with ..."
        for p in _partner_after(v, j):
            if p.name not in (c.obj.name, c.subj.name):
                extra.append(Cand(p, c.rel, c.obj, c.rule + ".partner", c.kind, c.conf, c.cue))
    found.cands.extend(extra)


def travelling_delegations(v: DocView, found: Findings) -> None:
    """Drop "arrived in" presences whose subject is a delegation or an official."""
    visitors = v.lex["visitor_nouns"]
    keep = []
    for c in found.cands:
        e = c.subj.end
        if c.rel == "DEPLOYED_IN" and c.rule.startswith("DEPLOYED_IN.motion") \
                and e < len(v.low) and (v.low[e] in visitors
                                        or (e + 1 < len(v.low) and v.low[e + 1] in visitors)):
            continue
        keep.append(c)
    found.cands[:] = keep


# the presence rules that read a force noun and the place after it
_FORCE_PLACE_RULES = ("forces.at", "DEPLOYED_IN.forces_in")


def _force_is_hit_or_paired(v: DocView, start: int) -> bool:
    """True when the force mention opening at ``start`` is the object of a casualty verb
    ("killing dozens of soldiers near P") or one side of "between A and B" ("clashes
    between government forces and rebel fighters in P"): the place belongs to the event."""
    lo = v.seg_start[start]
    j = start - 1
    while j >= lo and v.low[j] in v.lex["count_words"] and v.low[j] != "between":
        j -= 1
    if j >= lo and v.low[j] in v.lex["casualty_verbs"]:
        return True
    # "between A and B": walk left over the first side of the pair
    for k in range(start - 1, max(lo, start - 7) - 1, -1):
        if v.low[k] == "between":
            return True
        if v.is_boundary(k) or v.low[k] in {",", ";"}:
            break
    return False


def casualties_and_pairs(v: DocView, found: Findings) -> None:
    """Drop force-at-place presences whose force was hit there or is a side of a clash."""
    found.cands[:] = [c for c in found.cands
                      if not (c.rel == "DEPLOYED_IN" and c.rule in _FORCE_PLACE_RULES
                              and _force_is_hit_or_paired(v, c.subj.start))]


def fought_on_side(v: DocView, found: Findings) -> None:
    """Turn "fought on Y's side / behalf" from an attack on Y into an alliance with Y."""
    possessive = v.lex["possessive"]
    out = []
    for c in found.cands:
        e = c.obj.end
        if c.rel == "ATTACKS" and e + 1 < len(v.low) and v.low[e] in possessive \
                and v.low[e + 1] in v.lex["side_nouns"] and v.low[c.obj.start - 1] == "on":
            out.append(Cand(c.subj, "ALLIED_WITH", c.obj, c.rule + ".on_side", c.kind,
                            c.conf, c.cue))
            continue
        out.append(c)
    found.cands[:] = out


def shared_membership(v: DocView, found: Findings) -> None:
    """Members named in ", along with B and C" after the whole of a membership: news
    lists a bloc's other members that way ("A belongs to Y, together with B")."""
    extra = []
    for c in found.cands:
        if c.rel != "PART_OF" or c.subj.end > c.cue[0] or c.obj.start < c.cue[0]:
            continue
        i = c.obj.end
        end = v.seg_end[c.obj.start]
        if i < end and v.text[i] == "(":  # "the Alliance of Sahel States (AES), along with"
            i = next((k + 1 for k in range(i + 1, min(i + 6, end)) if v.text[k] == ")"), i)
        if i >= end or v.low[i] != ",":
            continue
        for opener in v.lex["co_member_openers"]:
            words = opener.split()
            if v.low[i + 1:i + 1 + len(words)] != words:
                continue
            for p in scan.scan_right(v, i + 1 + len(words), ("STATE", "ORGANIZATION"),
                                     max_gap=1):
                if p.name not in (c.obj.name, c.subj.name):
                    extra.append(Cand(p, "PART_OF", c.obj, c.rule + ".along_with", c.kind,
                                      c.conf, c.cue))
            break
    found.cands.extend(extra)


def run(v: DocView, found: Findings) -> None:
    person_possessive(v, found)
    leader_not_member(v, found)
    shared_action(v, found)
    travelling_delegations(v, found)
    casualties_and_pairs(v, found)
    fought_on_side(v, found)
    shared_membership(v, found)
