"""Frames for belonging and presence: "X's Y-ian ally", "X, the Y's armed wing",
"Y and other allies", "its factions include A and B", roles ("X became Z's president"),
hosting ("the base has hosted US forces") and relative clauses listing members
("an alliance that includes A and B").

Each frame is a plain function ``(view, found, rule, start, end)`` registered with
:func:`kg.rel.registry.frame`; a rule file names it in ``"frame"``. It reads the
:class:`~kg.rel.view.DocView` and writes what it finds to :class:`~kg.rel.findings.Findings`.
"""

from __future__ import annotations

from . import phrases, scan
from .emit import emit
from .findings import Findings
from .frame_common import ALLIANCE_WORDS
from .frames_verbal import served_state
from .mentions import Mention
from .registry import (
    ApposOptions,
    HostsOptions,
    IncludeOptions,
    LeftOptions,
    PremodNounOptions,
    RoleOptions,
    frame,
)
from .rules import Rule
from .view import DocView


@frame('premod_noun', PremodNounOptions, tight=True)
def premod_noun(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"X's powerful Y-ian ally" and "X and its Y-ian allies" → (X, rel, Y)."""
    if v.mention_at(ms) is not None:
        return  # "the IRGC's Quds Force": the noun ends a name, it is no apposition
    k = ms - 1
    lo = v.seg_start[ms]
    while k >= lo and ms - 1 - k < rule.options.modifier_gap and v.mention_at(k) is None \
            and ((v.alpha[k] and v.lowercase[k]) or v.low[k] in v.lex["possessive"]):
        k -= 1  # "the UN refugee agency", "the United Nations children's agency"
    obj = v.mention_at(k) if k >= lo else None
    if obj is None or obj.type not in rule.object_types:
        return
    if any(v.low[j] in v.lex["past_tie_words"] for j in range(max(lo, obj.start - 2), obj.start)):
        return  # "a former al-Qaeda affiliate", "an erstwhile Kremlin ally": not now
    named = phrases.apposed_to(v, ms, rule.subject_types)
    if named is not None and named is not obj:
        # "Egypt, a key US partner," / "Egypt is a key US partner": the named one
        emit(v, found, rule, [named], [obj], (ms, me))
        return
    if rule.options.named_only:
        return  # "the EU's Aspides naval mission": the mission is the EU's, not its parent
    if obj.adjectival_form and v.low[ms] in {"partner", "partners"}:
        return  # "US troops and their Syrian partners": local forces, not the state
    if obj.type == "ORGANIZATION" and v.mention_at(me) is not None:
        return  # "its NATO ally Turkey": NATO labels the ally named next (QUAL-C)
    if obj.type == "ORGANIZATION" and set(obj.name.lower().replace("-", " ").split()) \
            & ALLIANCE_WORDS:
        return  # "restrain its NATO ally": a member of the alliance, not the alliance
    subj = [m for m in scan.possessor_or_premod(v, obj.start, rule.subject_types)
            if m is not obj]
    if not subj:
        k = obj.start - 1
        lo = v.seg_start[ms]
        if k - 1 >= lo and v.low[k] in v.lex["possessive_pronouns"] \
                and v.low[k - 1] == "and":
            m = v.mention_at(k - 2)
            if m is not None and m.type in rule.subject_types:
                subj = [m]
    emit(v, found, rule, subj, [obj], (ms, me))


@frame('appos_poss', ApposOptions)
def appos_poss(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"X, the Y's armed wing," and "Y's armed wing(, ) X" → (X, PART_OF, Y); the same
    shape for the other relations that use it ("A, B's arms supplier" → A BACKS B). News
    puts the apposition on either side of the name, often after the name's acronym ("X
    (XY), Y's affiliate in …") or with the place of a force ("Y's force in L, X,")."""
    flip = rule.options.owner_is_subject
    owner_types, part_types = (rule.subject_types, rule.object_types) if flip \
        else (rule.object_types, rule.subject_types)

    def out(parts: list[Mention], owner: Mention) -> None:
        if flip:
            emit(v, found, rule, [owner], parts, (ms, me))
        else:
            emit(v, found, rule, parts, [owner], (ms, me))

    owner = v.mention_at(ms - 1)
    if owner is None or owner.type not in owner_types:
        return
    k = owner.start - 1
    lo = v.seg_start[ms]
    while k >= lo and (v.low[k] in {"the", "a", "an"}
                       or (v.low[k] in v.lex["appos_adjectives"] and v.mention_at(k) is None)):
        k -= 1  # "Camp Lemonnier, the main US base": over the article and adjectives
    if k >= lo and v.low[k] in v.lex["copulas"]:  # "Russia is Syria's main backer"
        while k >= lo and (v.low[k] in v.lex["aux"] or v.low[k] in v.lex["copulas"]) \
                and v.low[k] != ",":
            k -= 1
        if k >= lo and v.low[k] in v.lex["relative_pronouns"]:
            parts = scan.antecedent(v, k, part_types)  # "X, which became NATO's member"
        else:
            m = v.mention_at(k)
            parts = phrases.coord_left(v, m, part_types) \
                if m is not None and m.type in part_types else []
        out(parts, owner)
        return
    if k >= lo and v.low[k] == ",":
        part = v.mention_at(phrases.skip_paren_left(v, k - 1, lo))
        if part is not None and part.type not in part_types \
                and phrases.governing_prep(v, part) == "in":
            g = v.governor(part)  # "Al Udeid Air Base in Qatar, the largest US base": the base
            head = v.mention_at(g - 1) if g - 1 >= lo else None
            part = head if head is not None and head.type in part_types else part
        if part is not None and part.type in part_types:
            # "Russia and China, Tehran's closest partners,": every name of the list
            out(phrases.coord_left(v, part, part_types), owner)
            return
    end = v.seg_end[ms]
    j = me
    if j + 1 < end and v.low[j] in {"in", "for"} and (place := v.mention_at(j + 1)) is not None \
            and place.start == j + 1:
        j = place.end  # "NATO's peacekeeping force in Kosovo, KFOR,"
    if j < end and v.low[j] == ",":  # "the SDF's main component, the YPG,"
        part = scan.name_in_apposition(v, j, part_types)
    else:  # "the Palestinian Authority's official news agency WAFA"
        part = v.mention_at(j)
        if part is not None and (part.start != j or part.adjectival_form):
            part = None
    if part is not None and part.type in part_types:
        out([part], owner)
        if not flip and j > me and v.low[me] == "in" \
                and v.low[me - 1] in v.lex["deployed_force_nouns"]:
            # "the U.N. peacekeeping force in Lebanon, UNIFIL,": it is there, too
            emit(v, found, rule, [part], [v.mention_at(me + 1)], (ms, me),
                 relation="DEPLOYED_IN")


@frame('tail_allies', LeftOptions)
def tail_allies(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"... to Y and other allies" → Y is an ally of the clause's agent."""
    obj = v.mention_at(ms - 1)
    if obj is None or obj.type not in rule.object_types:
        return
    seg = v.segment_of[ms]
    subj = [c.subj for c in found.cands
            if c.obj == obj and c.rel == "BACKS" and v.segment_of[c.cue[0]] == seg]
    if not subj:  # no sponsor named for Y: the clause's subject
        subj, _ = scan.scan_left(v, obj.start, rule.subject_types, rule.options.max_left)
    emit(v, found, rule, subj, [obj], (ms, me))


@frame('members_include', IncludeOptions)
def members_include(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Its factions include A and B", "the PMF's groups include A" → (A, PART_OF, owner);
    with ``owner_is_subject``, "Iran's proxies (in the region) include A" → (Iran, BACKS,
    A)."""
    if rule.options.owner_is_subject:
        owners = scan.possessor_or_premod(v, ms, rule.subject_types)
        members = scan.scan_right(v, me, rule.object_types, max_gap=1) if owners else []
        emit(v, found, rule, owners[:1], members, (ms, me))
        return
    owners = scan.possessor_or_premod(v, ms, rule.object_types)
    if not owners:
        return
    members = scan.scan_right(v, me, rule.subject_types, max_gap=1)
    emit(v, found, rule, members, owners[:1], (ms, me))


@frame('role', RoleOptions)
def role(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"X, who succeeded Y as the commander of Z", "X became Z's interim president":
    the person takes the role the match ends with; the organisation follows "of" or
    owns the role word."""
    role = me - 2 if v.low[me - 1] == "of" else me - 1
    if v.low[role - 1] in {"vice", "deputy", "assistant", "under", "associate"}:
        return  # "became US vice president": a second in command
    if v.low[me - 1] == "of":
        orgs = scan.scan_right(v, me, rule.object_types, max_gap=1, coordinate=False)
    else:
        orgs = scan.possessor_or_premod(v, me - 1, rule.object_types)[:1]
    if not orgs:
        return
    person = scan.left_or_antecedent(v, ms, rule.subject_types, rule.options.max_left)
    emit(v, found, rule, person[:1], orgs, (ms, me))


@frame('appointed_as', RoleOptions)
def appointed_as(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Hezbollah named X as its new secretary-general", "the council elected X as
    president of Y": the person named between the verb and "as" takes the role; the
    organisation follows "of", else it is the one that named him. A deputy's role ("as
    deputy commander") is no headship."""
    role = me - 2 if v.low[me - 1] == "of" else me - 1
    if v.low[role - 1] in {"vice", "deputy", "assistant", "under", "associate"}:
        return
    as_at = next((k for k in range(me - 1, ms, -1) if v.low[k] == "as"), None)
    if as_at is None:
        return
    people = list(dict.fromkeys(m for m in (v.mention_at(k) for k in range(ms + 1, as_at))
                                if m is not None and m.type in rule.subject_types))
    if len(people) != 1:
        return  # nobody, or several: not one appointment
    if v.low[me - 1] == "of":
        orgs = scan.scan_right(v, me, rule.object_types, max_gap=1, coordinate=False)
    else:
        orgs = scan.left_or_antecedent(v, ms, rule.object_types, rule.options.max_left)
        orgs = [o for o in orgs if o.type != "PERSON"][:1]
    if orgs:
        emit(v, found, rule, people[:1], orgs, (ms, me))


@frame('hosts', HostsOptions)
def hosts(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Ain al-Asad has hosted US and coalition forces" → (US, DEPLOYED_IN, Ain al-Asad):
    the forces named between the cue and the troop noun are present at the host."""
    guests = [m for m in (v.mention_at(k) for k in range(ms + 1, me)) if m is not None]
    guests = [m for n, m in enumerate(guests) if m not in guests[:n]
              and m.type in rule.subject_types]
    if not guests:
        return
    hosts = scan.left_or_antecedent(v, ms, rule.object_types, rule.options.max_left)
    emit(v, found, rule, guests, hosts[:1], (ms, me))


@frame('home_to', HostsOptions)
def home_to(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Italy, home to America's Sixth Fleet" → (Sixth Fleet, DEPLOYED_IN, Italy);
    "Djibouti, (which is) home to Camp Lemonnier" → (Camp Lemonnier, LOCATED_IN,
    Djibouti); "X hosts the headquarters of Y": what a place is home to is there. The
    guest is the name that ends the noun phrase after the cue (the Fleet, not its
    possessor; not "Hamas's political office", whose head is no name); an organisation
    named as civilian ("the Red Crescent") is no force."""
    end = v.seg_end[ms]
    if v.low[ms] == "home" and (ms <= v.seg_start[ms] or not (
            v.low[ms - 1] == "," or v.low[ms - 1] in v.lex["copulas"]
            or v.low[ms - 1] in {"also", "still", "now"})):
        return  # "flew home to Y": a way back, no host
    k, guest = me, None
    while k < end and k - me < 8:
        m = v.mention_at(k)
        if m is not None:
            guest, k = m, m.end
            continue
        if v.punct[k] and v.low[k] not in v.lex["possessive"] or v.is_boundary(k) \
                or v.low[k] in v.lex["relative_pronouns"] \
                or (v.low[k] in v.lex["prepositions"] and v.low[k] != "of"):
            break
        guest = None if v.low[k] not in v.lex["possessive"] else guest
        k += 1
    if guest is None or guest.type not in rule.subject_types \
            or not phrases.modifier_ok(v, guest) or guest.adjectival_form \
            or any(w.lower() in v.lex["civilian_org_words"] for w in guest.name.split()):
        return
    hosts = scan.left_or_antecedent(v, ms, rule.object_types, rule.options.max_left)
    emit(v, found, rule, [guest], hosts[:1], (ms, me))


@frame('fronted_under', LeftOptions)
def fronted_under(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"Under General X, the Quds Force has expanded" / "Under X, who succeeded Y in
    2020, the group ..." → (X, LEADS, the group): a fronted "under" with a person names
    who heads the clause's subject while it acts. Only at the start of the clause, and
    the subject must follow the comma that closes the phrase (or its relative clause)."""
    lo, end = v.seg_start[ms], v.seg_end[ms]
    if ms > lo and not (ms - 1 == lo or v.text[ms - 1] in {"\u2014", "\u2013", "-", ";"}):
        return  # "fighters under X": not fronted (PART_OF.under_command reads "the command of")
    k = me
    while k < end and k - me < 4 and v.mention_at(k) is None and (
            v.low[k] in v.title_words or v.low[k] in v.lex["honorifics"]
            or (v.alpha[k] and v.text[k][:1].isupper())):
        k += 1  # "Under Brigadier General X": the rank or title
    person = v.mention_at(k)
    if person is None or person.start != k or person.type != "PERSON" \
            or person.end >= end or v.text[person.end] != ",":
        return
    close = person.end
    if close + 1 < end and v.low[close + 1] in v.lex["relative_pronouns"]:
        close = next((c for c in range(close + 2, min(close + 32, end)) if v.text[c] == ","),
                     None)  # "Under X, who succeeded Y after ..., the force has ..."
        if close is None:
            return
    j = close + 1
    if j < end and v.low[j] == "the":
        j += 1
    subj = v.mention_at(j)
    if subj is None or subj.start != j or subj.type not in rule.object_types \
            or subj.end >= end or subj.adjectival_form:
        return
    w = v.low[subj.end]
    if not (v.alpha[subj.end] and v.lowercase[subj.end]) or w in v.lex["prepositions"] \
            or w in {"and", "or"}:
        return  # the name must open the clause: a verb (or its noun) follows it
    emit(v, found, rule, [person], [subj], (ms, me))


@frame('body_of_person')
def body_of_person(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"the (military) junta of P", "the government of Prime Minister P", "the Syrian
    regime of P" → (P, LEADS, the state): a ruling body named after its head is the
    head's state: the demonym or state before the noun, else the state the gazetteer
    says P serves. Not after an ousting verb ("toppled the government of P": no longer)."""
    lo, end = v.seg_start[ms], v.seg_end[ms]
    k = me
    while k < end and k - me < 4 and v.mention_at(k) is None and (
            v.low[k] in v.title_words or v.low[k] in v.lex["honorifics"]):
        k += 1  # "of Prime Minister P"
    person = v.mention_at(k)
    if person is None or person.start != k or person.type != "PERSON" \
            or phrases.possessive_after(v, person):
        return  # "the government of X's rival": not X's body
    owner = v.mention_at(ms - 1) if ms - 1 >= lo else None  # "the Syrian regime of P"
    if owner is not None and (owner.type != "STATE" or owner.end < ms):
        owner = None
    start = owner.start if owner is not None else ms
    j = start - 1
    while j >= lo and start - j <= 4 and v.mention_at(j) is None and v.alpha[j] \
            and v.lowercase[j] and v.low[j] not in v.lex["ousting_verbs"]:
        j -= 1  # "toppled the (military) junta of P": the junta no longer rules
    if j >= lo and v.low[j] in v.lex["ousting_verbs"]:
        return
    if owner is None:
        state = served_state(person)  # "Russia and Iran support the government of P"
        owner = state if state.type == "STATE" else None
    if owner is not None:
        emit(v, found, rule, [person], [owner], (ms, me))


@frame('relative_members')
def relative_members(v: DocView, found: Findings, rule: Rule, ms: int, me: int) -> None:
    """"X, an alliance that includes A and B" → (A, PART_OF, X): the owner is the
    organisation before the relative pronoun, or the name it is in apposition to."""
    lo = v.seg_start[ms]
    k = ms - 1
    if k >= lo and v.low[k] == ",":
        k -= 1
    if k < lo:
        return
    owner = v.mention_at(k)
    if owner is None and v.low[k] in v.lex["group_nouns"]:
        owner = phrases.apposed_to(v, k, rule.object_types)
    elif owner is not None and owner.start - 2 >= lo \
            and v.low[owner.start - 1] in {"a", "an", "the"} \
            and v.low[owner.start - 2] == ",":
        named = v.mention_at(owner.start - 3)  # "the Axis, an Iran-led alliance that"
        if named is not None and named.type in rule.object_types:
            owner = named
    if owner is None or owner.type not in rule.object_types:
        return
    members = scan.scan_right(v, me, rule.subject_types, max_gap=1)
    emit(v, found, rule, members, [owner], (ms, me))
