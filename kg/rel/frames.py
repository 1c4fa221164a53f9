"""Argument linking: given a cue matched by a token rule, find its subject and object mentions.

The blank fallback pipeline has no parser, so the frames approximate syntax with word
classes (``lexicon.json``): a subject is the nearest actor mention to the left of the cue
inside the clause that is not the object of a preposition or of another cue verb; an object
is the first mention to the right before a clause boundary or a preposition the rule does
not allow. On top of that sit the constructions news uses: passives ("Y was backed by X",
"Y, backed by X,"), "X-backed Y", "pro-X Y", "X's support for Y", nominalisations with a
"by" agent ("the expulsion of Y by X"), relative clauses ("Y, which X supports"),
coordination on either side ("Russia, Turkey and Iran") and adjectival demonyms
("Syrian forces" is Syria, "the Lebanese group Hezbollah" is Hezbollah).

Every frame only looks at a bounded window around its cue, so the cost per document is
linear in the number of cue matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, LOWER, ORTH, SENT_START
from spacy.tokens import Doc

from .mentions import Mention
from .patterns import Rule

# Confidence by kind of evidence; see kg/components/relations.py for the documented scale.
CONF = {"dep": 0.9, "token_tight": 0.8, "token": 0.7, "heuristic": 0.6, "bridge": 0.5}
QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''"})
TIGHT_FRAMES = {"premod", "pro", "passive", "premod_noun", "adj_premod", "ditransitive"}


@dataclass
class Cand:
    """One relation candidate between two mentions (before qualifiers are attached)."""

    subj: Mention
    rel: str
    obj: Mention
    rule: str
    kind: str
    conf: float
    cue: tuple[int, int]


@dataclass
class Descriptor:
    """An unnamed group description with a known backer: "factions supported by X"."""

    backers: list[Mention]
    noun: int  # token index of the group noun
    rel: str = "BACKS"


@dataclass
class OpenAttack:
    """An ATTACKS cue whose attacker was found but whose target is not a named mention."""

    attackers: list[Mention]
    after: int  # first token after the cue
    cue: tuple[int, int]


@dataclass
class Linker:
    doc: Doc
    mentions: list[Mention]
    index: list[int]
    lex: dict[str, Any]
    verb_forms: frozenset[str]
    cands: list[Cand] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)
    open_attacks: list[OpenAttack] = field(default_factory=list)
    enumerations: list[tuple[list[Mention], int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        doc = self.doc
        # one pass over C arrays instead of creating a Token object per token
        arr = doc.to_array([ORTH, LOWER, IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, SENT_START])
        strings = doc.vocab.strings
        n = len(doc)
        self.text = [strings[int(h)] for h in arr[:, 0]] if n else []
        self.low = [strings[int(h)] for h in arr[:, 1]] if n else []
        self.alpha = arr[:, 2].astype(bool).tolist() if n else []
        self.lowercase = arr[:, 3].astype(bool).tolist() if n else []
        self.punct = arr[:, 4].astype(bool).tolist() if n else []
        spaces = arr[:, 5].tolist() if n else []
        self.newline = [bool(sp) and "\n" in t for sp, t in zip(spaces, self.text, strict=True)]
        self.seg_start = [0] * n
        self.seg_end = [n] * n
        bounds: list[tuple[int, int]] = []
        if n and doc.has_annotation("SENT_START"):
            starts = [i for i, v in enumerate(arr[:, 6].tolist()) if v == 1 or i == 0]
        else:
            starts = [0] if n else []
        sents = list(zip(starts, starts[1:] + [n], strict=False))
        for s, e in sents:
            cur = s
            for i in range(s, e):
                if self.newline[i]:
                    if i > cur:
                        bounds.append((cur, i))
                    cur = i + 1
            if cur < e:
                bounds.append((cur, e))
        self.segments = bounds
        self.segment_of = [0] * len(doc)
        for n, (s, e) in enumerate(bounds):
            for i in range(s, e):
                self.seg_start[i] = s
                self.seg_end[i] = e
                self.segment_of[i] = n
        L = self.lex
        self.skippable = L["light_nouns"] | L["direction_adjectives"]
        self.title_words = L["honorifics"] | frozenset(
            w for r in (L["head_roles"] | L["member_roles"]) for w in r.split()) | {"former"}

    # ---- small predicates -------------------------------------------------------------
    def mention_at(self, i: int) -> Mention | None:
        if 0 <= i < len(self.index) and self.index[i] >= 0:
            return self.mentions[self.index[i]]
        return None

    def is_boundary(self, i: int) -> bool:
        return self.newline[i] or self.text[i] in self.lex["boundary_punct"] \
            or self.low[i] in self.lex["clause_boundaries"]

    def governor(self, m: Mention) -> int:
        """Index of the first token left of ``m`` that is not a determiner/light adjective."""
        i = m.start - 1
        lo = self.seg_start[m.start]
        while i >= lo and self.low[i] in self.skippable and self.mention_at(i) is None:
            i -= 1
        return i

    def governing_prep(self, m: Mention) -> str | None:
        """The preposition governing ``m``, looking through a list it belongs to
        ("from Afghanistan, Iraq, and Syria" → "from" for all three)."""
        seen = 0
        while seen < 8:
            g = self.governor(m)
            if g < self.seg_start[m.start]:
                return None
            w = self.low[g]
            if w in self.lex["prepositions"]:
                return w
            if w not in ("and", "or", ","):
                return None
            if w == "," and not self._list_continues(m):
                return None  # "Through the coalition, Washington supports ...": not a list
            k = g - 1
            while k >= self.seg_start[m.start] and self.low[k] in (",", "and", "or"):
                k -= 1
            prev = self.mention_at(k)
            if prev is None or prev is m:
                return None
            m = prev
            seen += 1
        return None

    def _list_continues(self, m: Mention) -> bool:
        k = m.end
        end = self.seg_end[m.start]
        return k < end and self.low[k] in (",", "and", "or")

    def is_prep_object(self, m: Mention, allow_by: bool = False) -> bool:
        w = self.governing_prep(m)
        return w is not None and not (w == "by" and allow_by)

    def is_verb_object(self, m: Mention) -> bool:
        g = self.governor(m)
        if g > self.seg_start[m.start] and self.text[g - 1] in ("-", "\u2013"):
            return False  # "Kurdish-led SDF": a compound modifier, not a verb
        return g >= self.seg_start[m.start] and self.low[g] in self.verb_forms

    def possessive_after(self, m: Mention) -> bool:
        if m.end < len(self.doc) and self.low[m.end] in self.lex["possessive"]:
            return True
        text, name = m.text.lower(), m.name.lower()
        return (m.source == "coref" and text in self.lex["possessive_pronouns"]) or (
            text.endswith("s") and not name.endswith("s") and text[:-1] == name.split()[-1])

    def modifier_ok(self, m: Mention) -> bool:
        """An adjectival demonym names its state unless it modifies a non-state noun."""
        doc = self.doc
        if m.end + 1 < len(doc) and doc[m.end].text in ("-", "\u2013") \
                and self.low[m.end + 1] != "led" and doc[m.end + 1].is_alpha:
            return False  # "Iran-Iraq border", "US-Iranian struggle": part of a compound
        if not m.adjectival_form or m.end >= len(doc):
            return True
        j = m.end
        end = self.seg_end[m.start]
        # "Syrian government forces" is Syria; "Syrian oil fields", "Syrian men" are not
        while j < min(m.end + 3, end) and self.alpha[j] and self.lowercase[j]:
            if self.low[j] in self.lex["non_state_heads"]:
                return False
            if self.low[j] not in self.lex["np_modifiers"]:
                break
            j += 1
        return True

    # ---- heads and coordination ------------------------------------------------------------
    def head_of(self, m: Mention) -> Mention:
        """The mention a modifier belongs to: "Iran's Revolutionary Guards" → the Guards."""
        end = self.seg_end[m.start]
        j = m.end
        if j < end and self.low[j] in self.lex["possessive"]:
            j += 1
        elif not m.adjectival_form:
            # a full name heads its own phrase ("the SDF fought ISIS") unless a title or a
            # place noun follows: "ISIS leader Abu Bakr", "the Syrian border town of X"
            k = j
            while k < end and self.low[k] in self.title_words and k - j < 4:
                k += 1
            n = self.mention_at(k)
            if k > j and n is not None and n.start == k and n.type == "PERSON":
                return n
            k = j
            while k < end and self.low[k] in self.lex["place_nouns"] and k - j < 3:
                k += 1
            n = self.mention_at(k + 1) if k < end and self.low[k] == "of" else None
            return n if k > j and n is not None and n.start == k + 1 else m
        limit = j + self.lex.get("modifier_gap_max", 3)
        saw_place = saw_title = False
        if j == m.end and j + 2 < end and self.doc[j].text in ("-", "\u2013") \
                and self.doc[j + 1].is_alpha and self.doc[j + 1].is_lower \
                and self.low[j + 1] != "led":
            j += 2  # "Iran-aligned Houthis", "US-backed SDF": the head follows
            n = self.mention_at(j)
            return n if n is not None and n.start == j else m
        while j < min(limit + 1, end):
            n = self.mention_at(j)
            if n is not None:
                if j == m.end and not self.possessive_after(m):
                    return m  # two mentions side by side without a marker: keep the first
                return n
            w = self.low[j]
            if w == "of" and (saw_place or saw_title):
                j += 1
                continue
            if w in self.title_words and not self.lowercase[j]:
                saw_title = True
                j += 1
                limit += 1
                continue
            if self.is_boundary(j) or self.punct[j] or w in self.lex["prepositions"] \
                    or w in ("and", "or") or not self.alpha[j] \
                    or w in self.lex["relative_pronouns"] or w in self.lex["clause_aux"]:
                break
            if w in self.lex["place_nouns"]:
                saw_place = True
            j += 1
        return m

    def coord_right(self, m: Mention, types: tuple[str, ...]) -> list[Mention]:
        """``m`` and the mentions coordinated after it. Commas alone do not make a list
        ("Dohuk, Iraq" is an apposition): the chain needs an "and"/"or"."""
        out = [m]
        conj = False
        end = self.seg_end[m.start]
        j = m.end
        while j < end:
            k = j
            saw = False
            while k < end and self.low[k] in (",", "and", "or", "&"):
                saw = True
                conj = conj or self.low[k] != ","
                k += 1
            if not saw:
                break
            while k < end and self.low[k] in self.skippable and self.mention_at(k) is None:
                k += 1
            n = self.mention_at(k)
            if n is None or n.type not in types or not self.modifier_ok(n):
                break
            n = self.head_of(n)
            out.append(n)
            j = n.end
        return out if conj else [m]

    def _skip_paren_left(self, i: int, lo: int) -> int:
        if i >= lo and self.doc[i].text == ")":
            k = i - 1
            while k >= lo and self.doc[k].text != "(":
                k -= 1
            return k - 1
        return i

    def coord_left(self, m: Mention, types: tuple[str, ...]) -> list[Mention]:
        """``m`` and the mentions coordinated before it (same "and"/"or" condition)."""
        out = [m]
        conj = m.end < len(self.doc) and self.low[m.end] in ("and", "or")
        lo = self.seg_start[m.start]
        i = m.start - 1
        while i >= lo:
            i = self._skip_paren_left(i, lo)
            while i >= lo and self.low[i] in self.skippable and self.mention_at(i) is None:
                i -= 1
            if i < lo or self.low[i] not in (",", "and", "or", "&"):
                break
            while i >= lo and self.low[i] in (",", "and", "or", "&"):
                conj = conj or self.low[i] != ","
                i -= 1
            i = self._skip_paren_left(i, lo)
            n = self.mention_at(i)
            if n is None or n.type not in types:
                break
            out.append(n)
            i = n.start - 1
        return out if conj else [m]

    # ---- scans -------------------------------------------------------------------------------
    def scan_left(self, pos: int, types: tuple[str, ...], max_tokens: int = 14,
                  coordinate: bool = True) -> tuple[list[Mention], int | None]:
        """Nearest plausible subject left of ``pos``; also the index of a relative pronoun
        met before any subject (``None`` otherwise)."""
        lo = self.seg_start[pos] if pos < len(self.doc) else self.seg_start[pos - 1]
        gerund = pos < len(self.low) and self.low[pos].endswith("ing")
        included: list[Mention] = []
        i = pos - 1
        if i - 1 >= lo and self.low[i] == "from":
            m = self.mention_at(i - 1)  # "prevent Tehran from entrenching": Tehran acts
            if m is not None and m.type in types and self.is_verb_object(m):
                return [m], None
        while i >= lo and pos - i <= max_tokens:
            if self.low[i] == "," and all(self.low[k] in self.lex["aux"]
                                          for k in range(i + 1, pos)):
                j = self._parenthetical_start(i)
                if j is not None:  # "Russia, which intervened in 2015, operates ..."
                    i = j - 1
                    continue
            if self.is_boundary(i):
                return included, None
            if self.low[i] in self.lex["relative_pronouns"] and self.mention_at(i) is None:
                return included, (None if included else i)
            m = self.mention_at(i)
            if m is not None and m.type in types and not included:
                gp = self.governing_prep(m)
                if gp == "including":  # "Several factions, including A and B, attacked ..."
                    included = self.coord_left(m, types)
                elif gp == "by" and self._after_event_noun(m):
                    return [m], None  # "a drone strike by X killed ..." → X
            if m is not None:
                if (m.type in types and gerund and m.end < len(self.low)
                        and self.low[m.end] in ("of", "from") and self.is_verb_object(m)):
                    return [m], None  # "accused X of arming ...": X is the agent
                if (m.type in types and not self.is_prep_object(m) and not self.is_verb_object(m)
                        and self.modifier_ok(m)):
                    # a possessor belongs to the noun phrase it opens: "Iran's support" → Iran
                    return (self.coord_left(m, types) if coordinate else [m]), None
                i = m.start - 1
                continue
            i -= 1
        return included, None

    def _after_event_noun(self, m: Mention) -> bool:
        g = self.governor(m)
        return g > self.seg_start[m.start] and self.low[g] == "by" \
            and self.low[g - 1] in self.lex["event_nouns"]

    def _parenthetical_start(self, close: int) -> int | None:
        """Index of the comma opening a parenthetical that ``close`` ends, when a mention
        stands right before it (", which ...", ", the group backed by X,")."""
        lo = self.seg_start[close]
        for k in range(close - 1, max(lo, close - 16), -1):
            if self.is_boundary(k):
                return None
            if self.low[k] == ",":
                return k if self.mention_at(k - 1) is not None else None
        return None

    def scan_right(self, pos: int, types: tuple[str, ...], allow_preps: tuple[str, ...] = (),
                   max_gap: int = 3, coordinate: bool = True,
                   prep_after_gap: bool = False) -> list[Mention]:
        """First plausible object right of ``pos`` (with its coordinated mentions). A
        preposition stops the scan unless ``allow_preps`` has it, and then only right after
        the cue ("fought against X", not "struck a deal with X") unless ``prep_after_gap``
        ("deployed near the old station in X")."""
        if pos >= len(self.doc):
            return []
        end = self.seg_end[pos]
        gap = 0
        j = pos
        while j < end and gap <= max_gap:
            m = self.mention_at(j)
            if m is not None and m.source == "coref" \
                    and m.text.lower() in self.lex["possessive_pronouns"]:
                j = m.end  # "its northern border": the pronoun only determines the object
                continue
            if m is not None:
                h = self.head_of(m)
                if h.type in types and self.modifier_ok(h):
                    return self.coord_right(h, types) if coordinate else [h]
                if h is not m and m.type in types and self.modifier_ok(m):
                    return [m]
                return []
            w = self.low[j]
            if self.is_boundary(j) or w in self.lex["relative_pronouns"]:
                break
            if self.text[j] in QUOTES:
                j += 1
                continue
            if w in ("and", "or") and gap == 0:
                k = j + 1
                while k < end and self.text[k] in QUOTES:
                    k += 1
                if k < end and self.low[k] in self.verb_forms:
                    j = k + 1  # "curb or end X", "arm and train X": a shared object
                    continue
            if self.punct[j] or w in ("and", "or"):
                break
            if w in self.lex["prepositions"]:
                if w not in allow_preps or (gap and not prep_after_gap):
                    break
            elif w not in self.skippable:
                gap += 1
            j += 1
        return []

    def adjacent_left(self, pos: int, types: tuple[str, ...], skip: frozenset[str]) -> \
            tuple[Mention | None, int]:
        """Mention ending just before ``pos`` (skipping ``skip`` words); else the index
        where the walk stopped."""
        lo = self.seg_start[pos]
        i = pos - 1
        steps = 0
        while i >= lo and steps < 5:
            m = self.mention_at(i)
            if m is not None:
                return (m if m.type in types else None), i
            if self.low[i] not in skip:
                return None, i
            i -= 1
            steps += 1
        return None, i

    def possessor_or_premod(self, pos: int, types: tuple[str, ...],
                            premod_only: bool = False) -> list[Mention]:
        """Agent written before a noun: "Iran's support", "US airstrikes", "X-led campaign"."""
        lo = self.seg_start[pos]
        i = pos - 1
        # "X-led campaign", "X-backed offensive"
        if i - 2 >= lo and self.low[i] in ("led", "backed", "sponsored") and self.low[i - 1] == "-":
            m = self.mention_at(i - 2)
            return [m] if m and m.type in types else []
        steps = 0
        while i >= lo and steps <= 2:
            m = self.mention_at(i)
            if m is not None:
                if m.type not in types or not (m.end == pos or self.possessive_after(m)):
                    return []
                if premod_only and m.end != pos and not self.possessive_after(m):
                    return []
                return self.coord_left(m, types)
            w = self.low[i]
            t = self.doc[i]
            if w in self.lex["possessive"]:
                i -= 1
                continue
            if not (t.is_alpha and t.is_lower) or w in self.lex["prepositions"] \
                    or w in ("and", "or", "the", "a", "an") or self.is_boundary(i):
                return []
            steps += 1
            i -= 1
        return []

    def antecedent(self, rel_i: int, types: tuple[str, ...]) -> list[Mention]:
        """What a relative pronoun refers to: the nearest mention before it that is not the
        object of a preposition ("the highway in the south of the country, which ..." →
        the highway), else the agent of a "by" phrase ("attacks by X on a base, which
        killed ..." → X)."""
        lo = self.seg_start[rel_i]
        k = rel_i - 1
        while k >= lo and self.low[k] == ",":
            k -= 1
        m = self.mention_at(k)
        if m is not None and m.type in types and self.modifier_ok(m) \
                and self.governing_prep(m) not in (
                "in", "at", "near", "inside", "outside", "around", "across", "from", "of",
                "into", "along", "on"):
            return [m]  # "a group aligned with the PKK, which has fought ..." → the PKK
        i = rel_i - 1
        while i >= lo and rel_i - i <= 14:
            if self.is_boundary(i):
                break
            m = self.mention_at(i)
            if m is not None:
                if m.type in types and not self.is_prep_object(m) and self.modifier_ok(m):
                    return [m]
                i = m.start - 1
                continue
            i -= 1
        for k in range(rel_i - 1, lo, -1):
            if self.is_boundary(k):
                break
            if self.low[k] == "by":
                n = self.mention_at(k + 1) or self.mention_at(k + 2)
                if n is not None and n.type in types:
                    return [n]
        return []

    # ---- emission ------------------------------------------------------------------------------
    def emit(self, rule: Rule, subjects: list[Mention], objects: list[Mention],
             cue: tuple[int, int], kind: str | None = None, relation: str | None = None) -> int:
        kind = kind or ("token_tight" if rule.frame in TIGHT_FRAMES else "token")
        rel = relation or rule.relation
        rule_id = rule.id
        if rel == "ATTACKS" and self.intention_before(cue[0]):
            rel, rule_id = "OPPOSES", rule.id + ".intent"
        remap = rule.opt("object_type_relation", {})
        n = 0
        for s in subjects:
            if s.type not in rule.subject_types:
                continue
            for o in objects:
                if o.name == s.name or o.type not in rule.object_types:
                    continue
                r = remap.get(o.type, rel)
                if r != rel and rule.opt("synthesize_facility") and o.type == "LOCATION":
                    fac = Mention(o.start, o.end, f"{o.name} {rule.opt('synthesize_facility')}",
                                  "FACILITY", "synth", o.text)
                    self.cands.append(Cand(s, rel, fac, rule_id + ".synth", "heuristic",
                                           CONF["heuristic"], cue))
                self.cands.append(Cand(s, r, o, rule_id, kind, CONF[kind], cue))
                n += 1
        return n

    def intention_before(self, pos: int) -> bool:
        lo = self.seg_start[pos]
        for k in range(pos - 1, max(lo, pos - 3) - 1, -1):
            if self.low[k] == "to":
                return any(self.low[j] in self.lex["intention_verbs"]
                           for j in range(max(lo, k - 3), k))
        return False

    def _clause_subject(self, objs: list[Mention]) -> bool:
        k = max(o.end for o in objs)
        return k < self.seg_end[objs[0].start] and self.low[k] in self.lex["clause_aux"]

    def _passive_before(self, ms: int) -> bool:
        lo = self.seg_start[ms]
        i = ms - 1
        while i >= lo and self.low[i] in ("reportedly", "allegedly", "largely", "heavily",
                                           "also", "still", "now", "earlier", "already",
                                           "openly", "widely", "not", "never", "once",
                                           "directly", "long"):
            i -= 1
        return i >= lo and self.low[i] in ("was", "were", "is", "are", "be", "been", "being",
                                           "get", "got", "gets")

    # ---- frames ----------------------------------------------------------------------------
    def run(self, rule: Rule, ms: int, me: int) -> None:
        getattr(self, "f_" + rule.frame)(rule, ms, me)

    def _group_noun_near(self, j: int, span: int = 2) -> int | None:
        end = self.seg_end[j] if j < len(self.doc) else len(self.doc)
        for k in range(j, min(j + span + 1, end)):
            if self.low[k] in self.lex["group_nouns"]:
                return k
            if self.low[k] not in self.skippable and not self.doc[k].is_alpha:
                return None
        return None

    def f_svo(self, rule: Rule, ms: int, me: int) -> None:
        doc = self.doc
        if rule.opt("context_after"):
            window = self.low[me:min(me + 8, self.seg_end[ms])]
            if not any(w in rule.opt("context_after") for w in window):
                return
        if ms > 0 and doc[ms - 1].text in ("-", "\u2013"):
            return  # "X-backed": the premod rule owns it
        if me < len(doc) and self.low[me] == "by" and rule.pattern[-1].get("LOWER") != "by":
            return  # a passive with an agent: the passive rule owns it
        passive = self._passive_before(ms) and not self.low[ms].endswith("ing")
        if passive and not rule.opt("passive_ok"):
            return
        # a participle right after a noun is a reduced relative: "militias armed in Syria"
        if not passive and not rule.opt("passive_ok") and self.low[ms].endswith("ed") \
                and ms > self.seg_start[ms] and self.doc[ms - 1].is_alpha \
                and self.mention_at(ms - 1) is None \
                and self.low[ms - 1] in self.lex["group_nouns"]:
            return
        if rule.opt("enumerates") and any(
                (m := self.mention_at(k)) is not None and m.type == "FACILITY"
                for k in range(ms + 1, me)):
            return  # "operates the Hmeimim air base in ...": the named base is the object
        subj, rel_i = self.scan_left(ms, rule.subject_types, rule.opt("max_left", 14))
        preps = tuple(rule.opt("object_prep", ()))
        obj = self.scan_right(me, rule.object_types, preps, rule.opt("max_right", 3),
                              prep_after_gap=rule.opt("prep_after_gap", False))
        if obj and self._clause_subject(obj):
            obj = []  # "warns Iran has ...": Iran is the subject of the reported clause
        if subj:
            first = min(subj, key=lambda m: m.start)
            g = self.governor(first)
            while g > self.seg_start[ms] and first.start - g <= 3 and self.doc[g].is_lower \
                    and self.low[g] not in self.lex["relative_pronouns"] \
                    and self.low[g] not in self.lex["prepositions"] and self.doc[g].is_alpha:
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
        if subj and not obj and rule.relation == "ATTACKS":
            self.open_attacks.append(OpenAttack(subj, me, (ms, me)))
        if subj and obj:
            # "X urges Y to list Z": the urger shares the stance
            extra = []
            s0 = min(subj, key=lambda m: m.start)
            g = self.governor(s0)
            if g >= self.seg_start[ms] and self.low[g] in self.lex["influence_verbs"]:
                more, _ = self.scan_left(g, rule.subject_types, 6)
                extra = more
            self.emit(rule, subj + extra, obj, (ms, me))
        if subj and rule.opt("enumerates"):
            self.enumerations.append((subj, ms, me))

    def f_passive(self, rule: Rule, ms: int, me: int) -> None:
        skip = (self.lex["aux"] | self.skippable) - {","}
        patient, stop = self.adjacent_left(ms, rule.object_types, skip)
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
        self.emit(rule, agents, self.coord_left(patient, rule.object_types), (ms, me))

    def _apposed_to(self, noun: int, types: tuple[str, ...]) -> Mention | None:
        """The named mention a descriptive noun is in apposition to:
        "Hezbollah, the Lebanese group [funded by Iran]" → Hezbollah."""
        lo = self.seg_start[noun]
        k = noun - 1
        while k >= lo and noun - k <= 5 and self.low[k] != ",":
            if not (self.doc[k].is_alpha or self.mention_at(k) is not None):
                return None
            k -= 1
        if k < lo or self.low[k] != "," or not any(self.low[j] in ("the", "a", "an")
                                                   for j in range(k + 1, noun)):
            return None
        m = self.mention_at(k - 1)
        return m if m is not None and m.type in types else None

    def f_premod(self, rule: Rule, ms: int, me: int) -> None:
        agent = self.mention_at(ms - 1)
        if agent is None:
            return
        objs = self.scan_right(me, rule.object_types, max_gap=1)
        if not objs:
            k = self._group_noun_near(me)
            if k is not None:
                self.descriptors.append(Descriptor([agent], k, rule.relation))
            return
        self.emit(rule, [agent], objs[:1], (ms, me))

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
        mode = rule.opt("agent", "any")
        if mode == "left":
            return self.scan_left(ms, rule.subject_types, rule.opt("max_left", 8))[0]
        agents = self.possessor_or_premod(ms, rule.subject_types)
        if mode in ("premod", "possessor"):
            return agents
        if not agents and mode in ("any", "premod_or_left"):
            agents = self.scan_left(ms, rule.subject_types, rule.opt("max_left", 8))[0]
        return agents

    def f_nominal(self, rule: Rule, ms: int, me: int) -> None:
        objs = self.scan_right(me, rule.object_types, max_gap=rule.opt("max_right", 3))
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
        if not agents:
            agents = self._agents_before(rule, ms)
        if agents and not objs and rule.relation == "ATTACKS":
            self.open_attacks.append(OpenAttack(agents, me, (ms, me)))
        if agents and objs:
            self.emit(rule, agents, objs, (ms, me))

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

    def f_ditransitive(self, rule: Rule, ms: int, me: int) -> None:
        objs = [m for m in (self.mention_at(k) for k in range(ms + 1, me - 1)) if m]
        if not objs:
            return
        subj, _ = self.scan_left(ms, rule.subject_types)
        self.emit(rule, subj, [objs[0]], (ms, me))

    def f_inverse(self, rule: Rule, ms: int, me: int) -> None:
        agents = self.scan_right(me, rule.subject_types, max_gap=2)
        if not agents:
            return
        patients, _ = self.scan_left(ms, rule.object_types, rule.opt("max_left", 10))
        self.emit(rule, agents, patients, (ms, me))

    def f_symmetric(self, rule: Rule, ms: int, me: int) -> None:
        end = self.seg_end[ms]
        types = rule.subject_types
        left = self.possessor_or_premod(ms, types) or self.scan_left(ms, types, 10)[0]
        k = me
        # "negotiations in Astana among Russia, Turkey and Iran"
        for j in range(me, min(me + 5, end)):
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
        elif k < end and self.low[k] == "with" or self.low[me - 1] == "with":
            start = k + 1 if self.low[k] == "with" else me
            right = self.scan_right(start, types, max_gap=1)
            pairs = [(a, b) for a in left for b in right]
        elif len(left) >= 2:
            pairs = [(a, b) for n, a in enumerate(left) for b in left[n + 1:]]
        for a, b in pairs:
            self.emit(rule, [a], [b], (ms, me))

    def f_premod_noun(self, rule: Rule, ms: int, me: int) -> None:
        """"X's powerful Y-ian ally" and "X and its Y-ian allies" → (X, rel, Y)."""
        obj = self.mention_at(ms - 1)
        if obj is None or obj.type not in rule.object_types:
            return
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

    def f_tail_allies(self, rule: Rule, ms: int, me: int) -> None:
        """"... to Y and other allies" → Y is an ally of the clause's agent."""
        obj = self.mention_at(ms - 1)
        if obj is None or obj.type not in rule.object_types:
            return
        seg = self.segment_of[ms]
        subj = [c.subj for c in self.cands
                if c.obj == obj and c.rel == "BACKS" and self.segment_of[c.cue[0]] == seg]
        if not subj:  # no sponsor named for Y: the clause's subject
            subj, _ = self.scan_left(obj.start, rule.subject_types, rule.opt("max_left", 14))
        self.emit(rule, subj, [obj], (ms, me))

    def f_adj_premod(self, rule: Rule, ms: int, me: int) -> None:
        obj = self.mention_at(me)
        if obj is None or obj.start != me or not self.modifier_ok(obj):
            return
        subj, _ = self.scan_left(ms, rule.subject_types, rule.opt("max_left", 12))
        self.emit(rule, subj, [obj], (ms, me))

