"""``doc.spans["kg_titles"]``: one span per title construction ("US President Donald
Trump", "X, the commander of Y", "its chairman, X") with the person, the role, the
organisation (named, inferred from the gazetteer, or an anaphor for ``kg_coref``) and the
relation the role implies. The dict layout is part of the interface documented in
:mod:`kg.components.entities`.

A mixin of :class:`kg.components.entities.EntityRecognizer`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ... import resolve
from ...gazetteer import world_rules
from .common import (
    ANAPHOR_NOUNS,
    APPOINTMENT_VERBS,
    ENVOY_ROLES,
    HEADS_OF_GOVERNMENT,
    MEMBER_RANK_WORDS,
    MILITARY_RANKS,
    NOT_LEADING_BEFORE,
    OWNED_UNIT_NOUNS,
    PORTFOLIO_ROLES,
    PORTFOLIO_WORDS,
    ROLE_ASSUMPTION,
    RULING_WORDS,
    SECOND_IN_COMMAND,
    STATE_BODY_HEADS,
    Cand,
)
from .toks import Toks


class TitleRules:
    """Mixin of the ``kg_entities`` component (see the module docstring)."""

    # ------------------------------------------------------------------ titles
    def _titles(self, doc: Doc, T: Toks, chosen: list[Cand],
                roles: list[tuple[int, int]]) -> list[Span]:
        by_start = {c.start: c for c in chosen}
        by_end = {c.end: c for c in chosen}
        role_at = dict(roles)
        # "Prime Minister and Minister of Foreign Affairs X": the second role's organisation
        # is the one written before the first
        role_start_of = {e: s for s, e in roles}
        unnamed: dict[str, Cand] = {}  # role → the organisation of an unnamed official
        out: list[Span] = []
        seen: set[tuple[int, int]] = set()
        n = T.n
        for rs, re_ in roles:
            role_key = _role_key(T, rs, re_)
            if role_key is None:
                continue
            if re_ < n and T.lower[re_] in {"'s", "\u2019s"}:
                continue  # "the secretary-general's envoy, X": the role is someone else's
            relation = resolve.ROLES.get(role_key)
            if relation == "LEADS" and rs > 0 and T.lower[rs - 1] in SECOND_IN_COMMAND and not (
                    T.lower[rs - 1] == "under" and not role_key.startswith("secretary")):
                # "the deputy chairman of X" does not lead X; "under" only makes an
                # under-secretary ("met under President X" is the preposition)
                relation = "PART_OF"
            if relation == "LEADS" and (_indefinite_before(T, rs) or (
                    re_ < n and T.lower[re_] == "in")):
                relation = "PART_OF"  # "a (senior) commander of/in X": one of its officers
            if relation == "LEADS" and rs > 0 and T.lower[rs - 1] in NOT_LEADING_BEFORE:
                relation = "PART_OF"  # "the opposition leader X" does not lead the state
            if relation == "LEADS" and re_ < n and resolve.ROLES.get(T.lower[re_]) == "PART_OF":
                relation = "PART_OF"  # "the group's chief negotiator": a member's role
            # the person: right after the role (skipping brackets, commas, more roles,
            # "envoy to Syria, Ambassador X")
            j = re_
            right_org = None
            while j < n:
                if T.text[j] in {"(", ")", ","}:
                    j += 1
                elif right_org is None and T.lower[j] in {"for", "of", "at"} and \
                        (c := by_start.get(j + 2 if j + 1 < n and T.lower[j + 1] == "the"
                                           else j + 1)) is not None and \
                        c.label in {"STATE", "ORGANIZATION"} and \
                        (after := _after_bracket(T, c.end)) < n and T.text[after] == ",":
                    right_org = c  # "spokeswoman for the X Command (XC), Maj. Gen. Y"
                    j = after
                elif j in role_at:
                    if (c := by_start.get(j)) is not None and c.label == "PERSON":
                        break  # "Supreme Leader Ayatollah Ali Khamenei": the name has it
                    j = role_at[j]
                elif T.lower[j] == "and" and j + 1 in role_at:
                    j += 1  # "Prime Minister and Foreign Minister X": one person, two roles
                elif T.lower[j] in {"to", "in"} and (c := by_start.get(
                        j + 2 if j + 1 < n and T.lower[j + 1] == "the" else j + 1)) is not None \
                        and (c.label in {"STATE", "LOCATION"}
                             or (c.label == "ORGANIZATION" and T.lower[j] == "to")) \
                        and c.end < n and T.text[c.end] == ",":
                    j = c.end  # "envoy to Syria, Ambassador X", "envoy to the UN, X"
                else:
                    break
            person = by_start.get(j)
            inside = next((c for c in chosen if c.start == rs and c.end > re_
                           and c.label == "PERSON"), None)
            if inside is not None and (person is None or person.label != "PERSON"):
                person = inside  # the gazetteer name carries the title: "King Salman"
            inferred = False
            anaphor = self._anaphor_left(T, rs)
            if person is not None and person.label == "PERSON":
                org = self._org_left(T, rs, by_end, role_start_of) or right_org
                span_start = min(org.start, rs) if org is not None else rs
                span_end = person.end
                if org is None and relation is not None:
                    # "Prime Minister al-Sudani": the gazetteer knows whose minister he is
                    org = self._org_of_person(person)
                    inferred = org is not None
                if org is None and relation == "PART_OF" and role_key in unnamed:
                    # "A coalition spokesman said … spokesman Ahmad Assiri added": the
                    # unnamed official named later, of the organisation named then
                    o = unnamed[role_key]
                    org = Cand(person.start, person.end, o.label, o.kb, o.source)
                    inferred = True
            else:
                # "X, the commander of Y" / "X, spokesman for Y"
                person = self._person_left(T, rs, by_end)
                org = None
                if person is not None:
                    org = self._org_right(T, re_, by_start)
                    if org is None and anaphor is None:
                        anaphor = self._anaphor_right(T, re_)  # "X, head of the group"
                else:
                    # "X, Russia's foreign minister" / "X, the Hezbollah leader"
                    org = self._org_left(T, rs, by_end)
                    if org is not None:
                        person = self._person_left(T, org.start, by_end)
                    elif anaphor is not None:
                        # "X, the group's leader," / "X, its commander,"
                        person = self._person_left(T, anaphor[0], by_end)
                if person is None and org is not None and relation == "PART_OF" \
                        and org.label == "ORGANIZATION":
                    unnamed[role_key] = org  # "a coalition spokesman said", no name
                if person is not None and org is None and anaphor is None \
                        and relation is not None and re_ < n and T.text[re_] in {",", ".", ";"}:
                    # "Mohammed Shia al-Sudani, the prime minister,": the gazetteer knows
                    # whose (the article must name it: structural.titles)
                    org = self._org_of_person(person)
                    inferred = org is not None
                if person is None or (org is None and anaphor is None):
                    continue
                span_start, span_end = person.start, max(org.end if org else re_, re_)
            if (span_start, span_end) in seen:
                # the second role of "Prime Minister and Minister of X, Y": its own span
                # (spans over the same tokens share their ``_`` attributes)
                span_start = max(span_start, rs)
            if (span_start, span_end) in seen:
                continue
            seen.add((span_start, span_end))
            if relation == "LEADS" and role_key in HEADS_OF_GOVERNMENT and org is not None \
                    and self._executive_head_of_state(org):
                relation = "PART_OF"  # "Chinese Premier X": the president leads China
            if relation == "LEADS" and org is not None and org.source == "national_force":
                relation = "PART_OF"  # "the Lebanese army commander X": heads the force,
                # a member of the state (the state's leader is another person)
            if relation == "LEADS" and org is not None and not inferred \
                    and _rank_before(T, org.start):
                relation = "PART_OF"  # "a (senior) Hamas commander, X": one of its commanders
            if relation == "LEADS" and org is not None and not inferred \
                    and _owned_unit_after(T, org.end, by_start):
                relation = "PART_OF"  # "the head of Hamas's military wing": of a part
            sp = Span(doc, span_start, span_end, label=role_key, kb_id=person.kb)
            sp._.kg_title = {
                "person": person.kb, "person_start": person.start, "person_end": person.end,
                "role": role_key,
                "relation": (relation or "PART_OF") if org is not None else relation,
                "org": org.kb if org is not None else None,
                "org_type": org.label if org is not None else None,
                "org_start": org.start if org is not None and not inferred else None,
                "org_end": org.end if org is not None and not inferred else None,
                "org_inferred": inferred,
                # "Its chairman, X", "the group's leader X": the organisation is an
                # anaphor that ``kg_coref`` resolves (token offsets, or None)
                "org_anaphor": list(anaphor) if anaphor is not None and (
                    org is None or inferred) else None,
                "role_relation": relation,
            }
            out.append(sp)
            state = self._state_of_body(org) if org is not None and not inferred else None
            if state is not None and (rs, span_end) not in seen and rs != span_start:
                # "Russian Foreign Ministry spokeswoman X": an official of the state too
                seen.add((rs, span_end))
                st = Span(doc, rs, span_end, label=role_key, kb_id=person.kb)
                st._.kg_title = {**sp._.kg_title, "relation": "PART_OF", "org": state,
                                 "org_type": "STATE", "org_start": None, "org_end": None,
                                 "org_inferred": True, "org_anaphor": None}
                out.append(st)
        return _ranks_of_leaders(out)

    def _executive_head_of_state(self, org: Cand) -> bool:
        """Whether ``org`` is a state whose president, monarch or ruling council governs
        (kg/data/world_curation.json executive_heads_of_state)."""
        actor = self.gz.actors.get(org.kb) if org.label == "STATE" else None
        return actor is not None and actor.code in world_rules()["executive_heads_of_state"]

    def _state_of_body(self, org: Cand) -> str | None:
        """The state whose own body ``org`` is (a ministry, council, department …: word
        list state_body_heads), by the gazetteer's part_of or the state's adjective the
        name starts with ("Nigerien Defence Ministry"); None for anything else."""
        if org.label != "ORGANIZATION" or not any(
                w.lower() in STATE_BODY_HEADS for w in org.kb.split()):
            return None
        actor = self.gz.actors.get(org.kb)
        if actor is not None and actor.part_of:
            boss = self.gz.actors.get(actor.part_of)
            return boss.name if boss is not None and boss.type == "STATE" else None
        hit = resolve.current().canonical_name(org.kb.split()[0])
        return hit[0] if hit is not None and hit[1] == "STATE" else None

    @staticmethod
    def _anaphor_right(T: Toks, j: int) -> tuple[int, int] | None:
        """"of the (paramilitary) group" right after a role: the description's tokens."""
        if j + 2 < T.n and T.lower[j] in {"of", "for"} and T.lower[j + 1] == "the":
            for k in range(j + 2, min(j + 5, T.n)):
                if T.lower[k] in ANAPHOR_NOUNS:
                    return j + 1, k + 1
                if not T.text[k].isalpha() or not T.text[k].islower():
                    break
        return None

    @staticmethod
    def _anaphor_left(T: Toks, rs: int) -> tuple[int, int] | None:
        """"its"/"their" or "the group's" right before a role (over fillers such as
        "top", "military"): the tokens of the anaphor, else None."""
        k = rs
        while k > 0 and T.lower[k - 1] in resolve.TITLE_FILLERS and rs - k < 3:
            k -= 1
        if k > 0 and T.lower[k - 1] in {"its", "their"}:
            return k - 1, k
        if k >= 3 and T.lower[k - 1] in {"'s", "\u2019s"} and \
                T.lower[k - 2] in ANAPHOR_NOUNS:
            d = k - 3
            if T.lower[d] not in {"the", "this"} and d > 0 and T.lower[d - 1] in {"the", "this"}:
                d -= 1  # "the armed group's"
            if T.lower[d] in {"the", "this"}:
                return d, k - 1
        return None

    @staticmethod
    def _org_left(T: Toks, i: int, by_end: dict[int, Cand],
                  role_start_of: dict[int, int] | None = None) -> Cand | None:
        k = i
        steps = 0
        while k > 0 and steps < 5:
            if (c := by_end.get(k)) is not None and c.label in {"STATE", "ORGANIZATION"}:
                return c  # "the Lebanese army commander": the force ends right here
            if T.lower[k - 1] in resolve.TITLE_FILLERS or T.lower[k - 1] in {
                    "(", "'s", "\u2019s", "and"} or (
                    T.lower[k - 1] in resolve.GENERIC_UNIT_WORDS and not T.cap[k - 1]):
                k -= 1
            elif role_start_of and k in role_start_of and k < i and T.lower[k] == "and":
                k = role_start_of[k]  # over the first role of "Prime Minister and Minister …"
            else:
                break
            steps += 1
        c = by_end.get(k)
        if c is not None and c.label in {"STATE", "ORGANIZATION"}:
            return c
        c = by_end.get(i + 1)
        if c is not None and c.start < i and c.label == "STATE" and c.source == "national_force":
            return c  # "Lebanese army chief X": the national force ends inside the role
        return None

    def _org_of_person(self, person: Cand) -> Cand | None:
        boss = self.gz.container(person.kb)
        if boss is None or boss.type not in {"STATE", "ORGANIZATION"}:
            return None
        return Cand(person.start, person.end, boss.type, boss.name, "gazetteer")

    @staticmethod
    def _person_left(T: Toks, i: int, by_end: dict[int, Cand]) -> Cand | None:
        k = i
        while k > 0 and (T.lower[k - 1] in resolve.TITLE_FILLERS
                         or T.lower[k - 1] in {"the", "a", "its", "and"}):
            k -= 1
        if k > 2 and T.lower[k - 1] in {"also", "now"} and T.lower[k - 2] in {"is", "was"}:
            k -= 1  # "X, who is also the prime minister of Y"
        if k > 2 and T.lower[k - 1] in {"is", "was"} and T.lower[k - 2] == "who":
            k -= 2  # "X, who is the leader of Y"
        if k > 2 and T.lower[k - 1] == "as" and T.lower[k - 2] == "in" \
                and T.lower[k - 3] == "sworn":
            k -= 2  # "X was sworn in as president of Y"
        for phrase in ROLE_ASSUMPTION:  # "X took over as head of Y", "X served as ..."
            if k > len(phrase) and tuple(T.lower[k - len(phrase):k]) == phrase:
                k -= len(phrase)
                while k > 0 and T.lower[k - 1] in {"has", "have", "had", "who", "later"}:
                    k -= 1
                c = by_end.get(k)
                if c is None and k > 0 and T.text[k - 1] == ",":
                    c = by_end.get(k - 1)
                return c if c is not None and c.label == "PERSON" else None
        if k > 2 and T.lower[k - 1] in APPOINTMENT_VERBS \
                and T.lower[k - 2] in {"was", "is", "been", "be", "were"}:
            k -= 2  # "X was elected president of Y", "X has been named commander of Y"
            while k > 0 and T.lower[k - 1] in {"has", "have", "had", "who", "recently"}:
                k -= 1
            c = by_end.get(k)
            if c is not None and c.label == "PERSON":
                return c
            if k > 0 and T.text[k - 1] == ",":
                c = by_end.get(k - 1)
                return c if c is not None and c.label == "PERSON" else None
            return None
        if k > 0 and T.text[k - 1] == ",":
            c = by_end.get(k - 1)
            if c is not None and c.label == "PERSON":
                return c
        return None

    def _org_right(self, T: Toks, j: int, by_start: dict[int, Cand]) -> Cand | None:
        if j < T.n and T.lower[j] in {"of", "for", "at", "in", "to"}:
            j += 1
            if j < T.n and T.lower[j] in {"the", "its", "their"}:
                j += 1  # "the secretary of its National Security Council"
            if j + 1 < T.n and T.lower[j] in RULING_WORDS and j + 1 in by_start:
                j += 1  # "a senior official of the ruling Workers' Party"
            c = by_start.get(j)
            if c is not None and c.end + 2 < T.n and T.text[c.end] in {"-", "\u2013"} \
                    and T.lower[c.end + 1] in resolve.BACKED_WORDS:
                # "the commander of the U.S.-backed SDF": the organisation after the compound
                c = by_start.get(c.end + 2)
            if c is not None and c.label in {"STATE", "ORGANIZATION"}:
                return c
            if c is not None and c.label == "PERSON":
                # "adviser to Assad": the adviser belongs to the leader's state
                boss = self.gz.actors.get(c.kb)
                state = self.gz.actors.get(boss.part_of) if boss and boss.part_of else None
                if state is not None and state.type == "STATE":
                    return Cand(c.start, c.end, "STATE", state.name, "gazetteer")
        return None


def _ranks_of_leaders(titles: list[Span]) -> list[Span]:
    """"Mali's military leader, General X": a rank whose organisation was only inferred
    says nothing the person's leading title does not; it gives no PART_OF then."""
    leads = {(sp._.kg_title["person"], sp._.kg_title["org"]) for sp in titles
             if sp._.kg_title["relation"] == "LEADS" and sp._.kg_title["org"]}
    for sp in titles:
        info = sp._.kg_title
        if info["role"] in MILITARY_RANKS and info["org_inferred"] \
                and (info["person"], info["org"]) in leads:
            sp._.kg_title = {**info, "relation": None}
    return titles


def _after_bracket(T: Toks, e: int) -> int:
    """The token after a bracketed short name right after e ("… States (Celac)"), else e."""
    if e < T.n and T.text[e] == "(":
        close = next((k for k in range(e + 1, min(e + 5, T.n)) if T.text[k] == ")"), None)
        if close is not None:
            return close + 1
    return e


def _rank_before(T: Toks, s: int) -> bool:
    """One of the two words before the organisation that premodifies a role ranks the
    person among its members: "a Hezbollah commander", "senior Hamas commander" (the
    article stands before the organisation, so :func:`_indefinite_before` does not see it)."""
    for k in (s - 1, s - 2):
        if k < 0 or not T.text[k][:1].isalpha():
            return False  # no rank word across punctuation: "... one. Hamas commander X"
        if T.lower[k] in MEMBER_RANK_WORDS:
            return True
    return False


def _owned_unit_after(T: Toks, e: int, by_start: dict[int, Cand]) -> bool:
    """An unnamed unit the organisation owns follows it: "Hamas's (armed / military)
    wing", "Iran's navy" (``owned_unit_nouns`` within three words of the possessive, no
    name of its own right after it)."""
    if e + 1 >= T.n or T.lower[e] not in {"'s", "\u2019s", "'", "\u2019"} or e + 1 in by_start:
        return False
    return any(T.lower[k] in OWNED_UNIT_NOUNS for k in range(e + 1, min(e + 4, T.n)))


def _indefinite_before(T: Toks, rs: int) -> bool:
    """"a senior commander", "an aide": an indefinite article before the role (over
    fillers such as "senior", "top")."""
    k = rs
    while k > 0 and T.lower[k - 1] in resolve.TITLE_FILLERS and rs - k < 3:
        k -= 1
    return k > 0 and T.lower[k - 1] in {"a", "an", "one"}


def _role_key(T: Toks, s: int, e: int) -> str | None:
    """The role word of a title span; a span widened by a portfolio ("Information
    Minister", "Minister of State for Foreign Affairs") has the bare role inside it."""
    key = _exact_role_key(T, s, e)
    if key is not None:
        return key
    for length in range(e - s - 1, 0, -1):
        for a in range(s, e - length + 1):
            key = _exact_role_key(T, a, a + length)
            if key is not None and (key in PORTFOLIO_ROLES or key in ENVOY_ROLES):
                return key
    return None


def _exact_role_key(T: Toks, s: int, e: int) -> str | None:
    text = " ".join(T.lower[s:e]).replace(" .", ".").replace(" - ", "-")
    for cand in (text, text.rstrip("."), text.rstrip(".") + "."):
        if cand in resolve.ROLES:
            return cand
    return None


def _envoy_portfolio_end(T: Toks, e: int, cands: list[Cand]) -> int:
    """"special envoy for Asian affairs, X", "envoy to the Middle East, X": the envoy's
    brief (up to five words, places included: they are where he is sent, not whose he
    is) ends the title when a comma and a capitalised name follow; else e."""
    if e + 1 >= T.n or T.lower[e] not in {"for", "to", "on"}:
        return e
    kinds = {k: c.label for c in cands for k in range(c.start, c.end)}
    m = e + 1
    while m < T.n and m - e <= 6 and T.text[m] != "," and (
            T.text[m].isalpha() and kinds.get(m) in (None, "LOCATION", "STATE")):
        m += 1
    if m > e + 1 and m + 1 < T.n and T.text[m] == "," and T.cap[m + 1]:
        return m
    return e


def portfolio_roles(T: Toks, roles: list[tuple[int, int]],
                    cands: list[Cand]) -> list[tuple[int, int]]:
    """Role spans widened over the portfolio of a bare "Minister"/"Secretary": capitalised
    portfolio words before it ("Pakistan's Information Minister X") or an "of/for"
    phrase of them after it ("Minister of State for Foreign Affairs X"). The portfolio
    is part of the title, so the name after it and the state before it are found; a
    known actor ("Minister of Defence of Iraq") ends the portfolio."""
    taken = {k for c in cands if c.label in {"STATE", "ORGANIZATION", "PERSON"}
             for k in range(c.start, c.end)}
    out = []
    for s, e in roles:
        key = _exact_role_key(T, s, e)
        if key in ENVOY_ROLES:
            out.append((s, _envoy_portfolio_end(T, e, cands)))
            continue
        if key not in PORTFOLIO_ROLES:
            out.append((s, e))
            continue
        k = s
        while k > 0 and s - k < 4 and (k - 1) not in taken and (
                (T.lower[k - 1] in PORTFOLIO_WORDS and T.text[k - 1].isalpha())
                or (T.lower[k - 1] == "and" and k < s)):
            k -= 1  # "Pakistan's Information Minister", "Eritrea's information minister"
        while k < s and T.lower[k] == "and":
            k += 1
        if k < s and not T.cap[k] and not (k > 0 and (T.lower[k - 1] in {"'s", "\u2019s", "the"}
                                                     or (k - 1) in taken)):
            k = s  # a lower-case portfolio only after its state or "the"
        j = e
        if j + 1 < T.n and T.lower[j] in {"of", "for"}:
            m, last = j + 1, None
            while m < T.n and m - j < 8 and m not in taken:
                if T.cap[m] and T.lower[m] in PORTFOLIO_WORDS:
                    last = m = m + 1
                elif T.lower[m] in {"and", "of", "for"} and last is not None:
                    m += 1
                else:
                    break
            if last is not None:
                j = last
        out.append((k, j))
    return out
