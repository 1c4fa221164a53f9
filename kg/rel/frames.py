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

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ..resolve import is_demonym
from ..tokens import token_data
from .mentions import Mention
from .patterns import Rule

# Confidence by kind of evidence; see kg/components/relations.py for the documented scale.
CONF = {"dep": 0.9, "token_tight": 0.8, "token": 0.7, "heuristic": 0.6, "bridge": 0.5}
QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''"})
# words after which a cue is a noun, never a finite verb ("the strikes", "their attacks")
DETERMINERS = frozenset({"the", "a", "an", "these", "those", "its", "their", "his", "her",
                         "our", "my", "your"})
# prepositions that make a mention a place, not an actor ("troops in Syria supporting X")
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "along",
                      "throughout", "from", "into", "within"})
# words that open a subordinate clause (never prepositions like "since 2016")
SUBORDINATORS = frozenset({"when", "while", "because", "although", "though", "whereas", "where",
                           "if", "unless", "whether"})
# participles after which the mention still belongs to the target ("a convoy carrying IRGC
# officers", "depots belonging to X"): scan_right does not stop at them
# "A and B, both Iran-backed groups": a plural apposition describes every item of the list
PLURAL_DETERMINERS = frozenset({"both", "all", "two", "three", "four"})
APPOSITION_DETERMINERS = frozenset({"the", "a", "an"}) | PLURAL_DETERMINERS
COMPOUND_PARTICIPLES = frozenset({"led", "backed", "based", "run", "controlled", "dominated",
                                  "allied", "aligned", "funded", "supported", "majority"})
# cue words that name a base ("a base in Tartus", "its naval facility in Tartus" → the
# Tartus base); "facilities in X" may be any site, so it names no base
SYNTH_BASE_WORDS = frozenset({"base", "bases", "airbase", "airbases", "garrison", "garrisons",
                              "outpost", "outposts", "facility"})
# names of alliances: "its NATO ally" is a NATO member, not NATO
ALLIANCE_WORDS = frozenset({"nato", "alliance", "coalition", "league", "union", "pact", "bloc",
                            "axis"})
PLACE_TYPES = frozenset({"FACILITY", "LOCATION", "STATE"})
HOLDING = frozenset({"carrying", "transporting", "belonging", "housing", "hosting",
                     "containing", "sheltering"})
TIGHT_FRAMES = {"premod", "pro", "passive", "premod_noun", "adj_premod", "ditransitive"}


_ROLE_WORDS: dict[int, tuple[dict[str, Any], frozenset[str]]] = {}


def role_words(L: dict[str, Any]) -> frozenset[str]:
    """Every word of the lexicon's head and member roles, computed once per lexicon object
    (it used to be rebuilt for every Doc, a large part of the cost of a short one)."""
    hit = _ROLE_WORDS.get(id(L))
    if hit is None or hit[0] is not L:
        hit = (L, frozenset(w for r in (L["head_roles"] | L["member_roles"]) for w in r.split()))
        _ROLE_WORDS[id(L)] = hit
    return hit[1]


_WORD_SETS: dict[int, tuple[dict[str, Any], tuple[frozenset[str], ...]]] = {}


def _word_sets(L: dict[str, Any]) -> tuple[frozenset[str], ...]:
    """The Linker's skippable words, title words and the words that stop ``_noun_use``'s
    walk, built once per lexicon object (set unions per Doc, or per cue, were a visible
    part of the cost)."""
    hit = _WORD_SETS.get(id(L))
    if hit is None or hit[0] is not L:
        hit = (L, (L["light_nouns"] | L["direction_adjectives"],
                   L["honorifics"] | role_words(L) | {"former"},
                   L["prepositions"] | L["aux"] | L["clause_aux"] | L["relative_pronouns"]
                   | {"and", "or", "but", "to", "not", "never"}))
        _WORD_SETS[id(L)] = hit
    return hit[1]


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
    # token after a passive's last agent → its patient ("run by X and guarded by Y")
    last_passive: dict[int, Mention] = field(default_factory=dict)
    # attacks whose target is named but whose attacker is not ("A drone struck X"), and
    # claims of an attack without a target ("Y claimed the attack"): bridging pairs them
    open_targets: list[tuple[int, list[Mention]]] = field(default_factory=list)
    claims: list[tuple[int, list[Mention]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        doc = self.doc
        # the token strings and flags every kg component shares (read once per Doc; the
        # lists are shared, never modify them)
        data = token_data(doc)
        n = data.n
        self.text = data.text
        self.low = data.lower
        self.alpha = data.alpha
        self.lowercase = data.lowercase
        self.punct = data.punct
        # line-break tokens, found per distinct word rather than per token
        breaks = [i for i in data.where_text_has("\n") if data.space[i]]
        self.newline = [False] * n
        for i in breaks:
            self.newline[i] = True
        bounds: list[tuple[int, int]] = []
        starts = data.sent_starts if n else []
        sents = list(zip(starts, starts[1:] + [n], strict=False))
        for s, e in sents:
            cur = s
            for i in breaks[bisect_left(breaks, s):bisect_left(breaks, e)]:
                if i > cur:
                    bounds.append((cur, i))
                cur = i + 1
            if cur < e:
                bounds.append((cur, e))
        self.segments = bounds
        self.seg_start = [0] * n
        self.seg_end = [n] * n
        self.segment_of = [0] * n
        for k, (s, e) in enumerate(bounds):
            self.seg_start[s:e] = [s] * (e - s)
            self.seg_end[s:e] = [e] * (e - s)
            self.segment_of[s:e] = [k] * (e - s)
        self.skippable, self.title_words, self._noun_stop = _word_sets(self.lex)
        # token -> its mention or None, for mention_at (the frames' most frequent question)
        self._n = len(self.index)
        self._mention_of = [self.mentions[k] if k >= 0 else None for k in self.index]

    # ---- small predicates -------------------------------------------------------------
    def mention_at(self, i: int) -> Mention | None:
        if 0 <= i < self._n:
            return self._mention_of[i]
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
            if {prev.type, m.type} & {"LOCATION", "FACILITY"} \
                    and {prev.type, m.type} & {"ORGANIZATION", "PERSON", "GROUP"}:
                return None  # "in the mountains, and they attacked ...": no list of both
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
        if m.end + 1 < len(doc) and self.text[m.end] in ("-", "\u2013") \
                and self.low[m.end + 1] not in ("led", "held", "controlled") \
                and self.alpha[m.end + 1]:
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
        if j + 2 < end and self.low[j] in ("counterpart", "counterparts") \
                and self.low[j + 1] == ",":
            n = self.mention_at(j + 2)  # "his Syrian counterpart, Faisal Mekdad" → the person
            if n is not None and n.start == j + 2 and n.type == "PERSON":
                return n
        limit = j + self.lex.get("modifier_gap_max", 3)
        saw_place = saw_title = False
        if j == m.end and j + 2 < end and self.text[j] in ("-", "\u2013") \
                and self.alpha[j + 1] and self.lowercase[j + 1] \
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
            k = self.paren_end(j)  # "the PKK (PKK) and the YPG": skip the acronym
            skipped_pp = False
            if k + 1 < end and self.low[k] in ("in", "from") and m.type not in ("STATE",
                                                                              "LOCATION"):
                p = self.mention_at(k + 1)  # "Hezbollah in Lebanon, Hamas in Gaza and ..."
                if p is not None and p.start == k + 1 and p.type in ("LOCATION", "STATE"):
                    k, skipped_pp = p.end, True
            saw = False
            while k < end and self.low[k] in (",", "and", "or", "&"):
                saw = True
                conj = conj or self.low[k] != ","
                k += 1
            if not saw:
                break
            while k < end and self.low[k] in self.skippable and self.mention_at(k) is None:
                k += 1
            if k + 1 < end and self.low[k] in ("in", "at", "near") and self.mention_at(k) is None \
                    and m.type in ("LOCATION", "FACILITY") and all(t in PLACE_TYPES for t in types):
                k += 1  # "active in the desert of Anbar and in the Hamrin mountains"
                skipped_pp = False  # "at A in B and at C": C is a new place phrase
                while k < end and self.low[k] in self.skippable and self.mention_at(k) is None:
                    k += 1
                if (p := self.mention_at(k)) is not None and p.adjectival_form:
                    break  # "in Aden and in the Saudi capital": the capital is not named
            n = self.mention_at(k)
            if n is None or n.type not in types or not self.modifier_ok(n):
                break
            if n.source == "coref" and n.text.lower() in self.lex["possessive_pronouns"]:
                break  # "Syrian forces and their vehicles": the item is not the pronoun
            if skipped_pp and n.type in ("STATE", "LOCATION"):
                break  # "ISIS in Syria and Iraq": the list continues the place phrase
            n = self.head_of(n)
            if len(out) == 1 and self.low[j] == "," and self._starts_clause(n):
                break  # "funds the group, and the IRGC sends it ...": a new subject
            out.append(n)
            j = n.end
        return out if conj else [m]

    def _starts_clause(self, m: Mention) -> bool:
        """Is ``m`` followed by a finite verb or an auxiliary, i.e. the subject of a new
        clause rather than one more item of a list?"""
        k = m.end
        end = self.seg_end[m.start]
        while k < end and self.low[k] in ("also", "then", "later", "now", "still", "has",
                                          "have", "had"):
            k += 1
        if k >= end:
            return False
        w = self.low[k]
        return (w in self.verb_forms and not w.endswith("ing")) \
            or w in self.lex["clause_aux"] or (k > m.end and w.endswith("ed"))

    def paren_end(self, k: int) -> int:
        """Token after a parenthesis opening at ``k`` ("the LNA (LNA) of"), else ``k``."""
        if k < len(self.doc) and self.text[k] == "(":
            for j in range(k + 1, min(k + 8, self.seg_end[k])):
                if self.text[j] == ")":
                    return j + 1
        return k

    def _skip_paren_left(self, i: int, lo: int) -> int:
        if i >= lo and self.text[i] == ")":
            k = i - 1
            while k >= lo and self.text[k] != "(":
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
            if m.type == "PERSON":  # "Turkish President A and Russian President B met"
                k = i
                while k >= lo and ((self.low[k] in self.title_words and self.mention_at(k) is None)
                                   or ((t := self.mention_at(k)) is not None and t.adjectival_form
                                       and t.type == "STATE")):
                    k = self.mention_at(k).start - 1 if self.mention_at(k) is not None else k - 1
                if k < i and k >= lo and self.low[k] in ("and", ","):
                    i = k
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
        if gerund and i >= lo:  # a participle right after a noun phrase modifies it
            m = self.mention_at(i)
            if m is not None and m.type in types and self.modifier_ok(m) \
                    and self.governing_prep(m) not in LOCATIVE:
                return [m], None  # "aid to the Kurdish forces fighting ISIS" → the forces
            if m is None and self.low[i] in self.lex["group_nouns"]:
                a = self._apposed_to(i, types)  # "Hamas, the militant group fighting X"
                return ([a] if a is not None else []), None  # "militias fighting X": unnamed
        if gerund and i - 1 >= lo and self.low[i] == "of" \
                and self.low[i - 1] in self.lex.get("accusation_verbs", ()):
            return [], None  # "firms it accuses of supplying X": the agent is not named
        if i - 1 >= lo and self.low[i] == "from":
            m = self.mention_at(i - 1)  # "prevent Tehran from entrenching": Tehran acts
            if m is not None and m.type in types and self.is_verb_object(m):
                return [m], None
        while i >= lo and pos - i <= max_tokens:
            if self.low[i] == "," and self._predicate_only(i + 1, pos):
                j = self._parenthetical_start(i)
                if j is not None:  # "Russia, which intervened in 2015, operates ..."
                    max_tokens += i - j + 1  # the parenthetical does not count
                    i = self._skip_paren_left(j - 1, lo)
                    continue
            if self.low[i] == "and" and not included and self._coordinated_predicate(i, pos):
                # "Qatar hosts US troops and has close ties with X": the clause's subject
                return (self._opening_subject(i, types)
                        or self._relative_subject(i, types)), None
            if self.text[i] == ")" and not included:
                k = next((k for k in range(i - 1, max(lo, i - 5) - 1, -1)
                          if self.text[k] == "("), None)
                if k is not None:  # "the People's Protection Units (YPG), the main ..."
                    max_tokens += i - k + 1  # the acronym does not count
                    i = k - 1
                    continue
            if self.low[i] == "whose" and not included:
                owner = self._whose_owner(i, pos, types)
                if owner is not None:  # "Russia, whose air force operates from X" → Russia
                    return [owner], None
            if self.is_boundary(i):
                return included, None
            if self.low[i] in self.lex["relative_pronouns"] and self.mention_at(i) is None:
                return included, (None if included else i)
            m = self.mention_at(i)
            if m is not None and self._contrasted(m):
                i = m.start - 1  # "X, not the PMF, was behind the attack": not PMF
                continue
            if m is not None and m.type in types and not included:
                gp = self.governing_prep(m)
                if gp == "including":  # "Several factions, including A and B, attacked ..."
                    included = self.coord_left(m, types)
                elif gp == "by" and self._after_event_noun(m):
                    return [m], None  # "a drone strike by X killed ..." → X
                elif gp == "by" and self._after_leader_participle(m):
                    return [m], None  # "opposition forces led by X toppled Y" → X
            if m is not None and m.adjectival_form and not included \
                    and not self.modifier_ok(m):
                k = self._group_noun_near(m.end)
                a = self._apposed_to(k, types) if k is not None and k < pos else None
                if a is not None:  # "Hamas, the Palestinian group fighting X" → Hamas
                    return [a], None
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

    def _coordinated_predicate(self, i: int, pos: int) -> bool:
        """Does "and" at ``i`` join a second predicate ("… hosts US troops and has close
        ties with …") rather than a second subject ("Iran and Syria have ...")? Only
        auxiliaries lie between it and the cue, and the mention before it is the object
        of a verb."""
        lo = self.seg_start[i]
        if i - 1 < lo or not all(self.low[k] in self.lex["aux"] and self.low[k] != ","
                                 for k in range(i + 1, pos)) or i + 1 == pos:
            return False
        m = self.mention_at(i - 1)
        if m is None:
            return False
        g = self.governor(m)
        return g >= lo and self.alpha[g] and self.lowercase[g] \
            and self.low[g] not in self.lex["prepositions"] \
            and self.low[g] not in ("and", "or", "the", "a", "an") \
            and self.low[g] not in self.lex["relative_pronouns"]

    def _predicate_only(self, k: int, pos: int) -> bool:
        """Tokens k..pos-1 are only the start of a predicate: auxiliaries, at most one verb
        ("has maintained a", "attacked the"), then determiners/light words."""
        while k < pos and self.low[k] in self.lex["aux"] and self.low[k] != ",":
            k += 1
        if k < pos and (self.low[k] in self.verb_forms or (
                self.alpha[k] and self.lowercase[k] and self.low[k][-2:] in ("ed", "es")
                and self.low[k] not in self.lex["prepositions"])):
            k += 1
        while k < pos and self.low[k] in self.skippable:
            k += 1
        return k == pos

    def _relative_subject(self, i: int, types: tuple[str, ...]) -> list[Mention]:
        """The antecedent of the relative pronoun that opens the predicate ending before
        ``i``: "the KRG, which hosts US troops and has ..." → the KRG."""
        lo = self.seg_start[i]
        for k in range(i - 1, max(lo, i - 12) - 1, -1):
            if self.is_boundary(k):
                return []
            if self.low[k] in ("which", "who") and self.mention_at(k) is None:
                return self.antecedent(k, types)
        return []

    def _diplomat_after(self, m: Mention) -> bool:
        """A diplomat noun right after ``m`` ("the Turkish ambassador", "Iran's envoy")."""
        k = m.end
        if k < len(self.doc) and self.low[k] in self.lex["possessive"]:
            k += 1
        return k < self.seg_end[m.start] and self.low[k] in self.lex["diplomat_nouns"]

    def _whose_owner(self, whose: int, pos: int, types: tuple[str, ...]) -> Mention | None:
        """"X, whose forces/air force ..." before a cue at ``pos``: X acts through its own
        forces. Only force nouns (and auxiliaries) may stand between "whose" and the cue."""
        between = range(whose + 1, pos)
        if not 0 < len(between) <= 4 or not any(self.low[k] in self.lex["force_nouns"]
                                                 for k in between):
            return None
        if not all(self.low[k] in self.lex["force_nouns"] or self.low[k] in self.lex["aux"]
                   or self.low[k] in self.skippable for k in between):
            return None
        k = whose - 1
        if k >= self.seg_start[whose] and self.low[k] == ",":
            k -= 1
        m = self.mention_at(k) if k >= self.seg_start[whose] else None
        return m if m is not None and m.type in types and self.modifier_ok(m) else None

    def left_or_antecedent(self, pos: int, types: tuple[str, ...],
                           max_tokens: int = 14) -> list[Mention]:
        """The subject left of ``pos``; when a relative pronoun comes first and only a short
        verb phrase lies between ("X, which has been negotiating a truce with Y"), the
        pronoun's named antecedent."""
        found, rel_i = self.scan_left(pos, types, max_tokens)
        if found or rel_i is None or pos - rel_i > 6:
            return found
        k = rel_i - 2 if rel_i >= 1 and self.low[rel_i - 1] == "," else rel_i - 1
        if self.mention_at(k) is None and not (
                k >= 0 and self.low[k] in self.lex["group_nouns"]):
            return []  # "officers who wanted ...": the antecedent is not a named actor
        if all(self.low[j] in self.lex["aux"] or self.low[j] in self.skippable
               or (self.alpha[j] and self.lowercase[j]
                   and (self.low[j] == "to" or self.low[j] not in self.lex["prepositions"]))
               for j in range(rel_i + 1, pos)):
            return self.antecedent(rel_i, types)
        return []

    def _contrasted(self, m: Mention) -> bool:
        """A mention denied in a contrast: "X, not the PMF,", "rather than Iran"."""
        k = m.start - 1
        lo = self.seg_start[m.start]
        while k >= lo and self.low[k] in ("the", "a", "an"):
            k -= 1
        if k < lo:
            return False
        return self.low[k] == "not" and k - 1 >= lo and self.low[k - 1] == "," \
            or (self.low[k] == "than" and k - 1 >= lo and self.low[k - 1] == "rather") \
            or (self.low[k] == "of" and k - 1 >= lo and self.low[k - 1] == "instead")

    def _after_leader_participle(self, m: Mention) -> bool:
        """"forces led by X", "rebels spearheaded by X": X heads the group that acts."""
        g = self.governor(m)
        lo = self.seg_start[m.start]
        return g - 2 >= lo and self.low[g] == "by" \
            and self.low[g - 1] in ("led", "headed", "commanded", "spearheaded") \
            and self.low[g - 2] in self.lex["group_nouns"] and self.mention_at(g - 2) is None

    def _after_event_noun(self, m: Mention) -> bool:
        g = self.governor(m)
        return g > self.seg_start[m.start] and self.low[g] == "by" \
            and self.low[g - 1] in self.lex["event_nouns"]

    def _parenthetical_start(self, close: int) -> int | None:
        """Index of the comma opening a parenthetical that ``close`` ends, when a mention
        stands right before it (", which ...", ", the group backed by X,")."""
        lo = self.seg_start[close]
        k = close - 1
        while k > max(lo, close - 20):
            if self.text[k] == ")":  # "..., one of the factions in the PMF (PMF), is ..."
                k = self._skip_paren_left(k, lo)
                continue
            if self.is_boundary(k) and self.low[k] not in ("since", "after", "before", "until",
                                                           "whose"):
                return None  # ", which has fought X since 2022,": a date, not a new clause
            if self.low[k] == ",":
                before = self._skip_paren_left(k - 1, lo)  # "the SNA (SNA), an alliance ...,"
                return k if self.mention_at(k - 1) is not None or (
                    before >= lo and self.mention_at(before) is not None) else None
            k -= 1
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
            if m is not None and m.end + 2 < end and self.text[m.end] in ("-", "\u2013") \
                    and self.low[m.end + 1] in COMPOUND_PARTICIPLES \
                    and self.mention_at(m.end + 2) is not None:
                j = m.end + 2  # "run by the Kurdish-led Council": the name after the compound
                continue
            if m is not None:
                h = self.head_of(m)
                if h.type in types and self.modifier_ok(h):
                    return self.coord_right(h, types) if coordinate else [h]
                if h is not m and m.type in types and self.modifier_ok(m):
                    return [m]
                return []
            w = self.low[j]
            if w == "so" and j + 2 < end and self.text[j + 1] == "-" \
                    and self.low[j + 2] == "called":
                j += 3  # "part of the so-called Axis of Resistance"
                continue
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
            if self.text[j] in ("-", "\u2013") and j + 1 < end and gap \
                    and self.low[j + 1] in COMPOUND_PARTICIPLES:
                j += 2  # "run by the Kurdish-led administration": a modifier of the name
                continue
            if self.punct[j] or w in ("and", "or"):
                break
            if w == "than" and j > pos and self.low[j - 1] in ("more", "less", "fewer"):
                j += 1  # "struck more than 60 Houthi targets": a quantity, not a comparison
                continue
            if w == "of" and j > pos and self.low[j - 1] in self.lex["place_part_nouns"] \
                    and all(t in PLACE_TYPES for t in types):
                j += 1  # "active in the desert of Anbar": the place is after "of"
                continue
            if w in self.lex["prepositions"]:
                if w not in allow_preps or (gap and not prep_after_gap):
                    break
            elif gap and w.endswith("ing") and self.lowercase[j] and w not in HOLDING \
                    and (w in self.verb_forms or self.alpha[j]):
                break  # "money to militias fighting the US", "fired at ships transiting
                # the strait": the later mention is not the recipient or target
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
            if w in self.lex["possessive"]:
                i -= 1
                continue
            if not (self.alpha[i] and self.lowercase[i]) or w in self.lex["prepositions"] \
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
        if k >= lo and self.low[k] in self.lex["group_nouns"] and self.mention_at(k) is None:
            a = self._apposed_to(k, types)  # "the STC, a separatist movement that controls"
            if a is not None:
                return [a]
        m = self.mention_at(k)
        if m is not None and m.type not in types and m.type in ("STATE", "LOCATION"):
            g = self.governor(m)
            n = self.mention_at(g - 1) if g - 1 >= lo and self.low[g] in ("in", "near") \
                else None
            if n is not None and n.type in types and n.type in ("FACILITY", "LOCATION"):
                return [n]  # "the air base in eastern Libya, which is controlled by X"
        if m is not None and m.type == "PERSON" and "PERSON" in types \
                and self.low[rel_i] == "who":
            return [m]  # "the death of Soleimani, who commanded X": "who" is a person
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
        if self.hedged(cue[0]):
            if rel != "ATTACKS":
                return 0  # "Ankara may establish bases in X" is not a fact yet
            rel, rule_id = "OPPOSES", rule.id + ".hedged"  # "X could strike Y": a threat
        remap = rule.opt("object_type_relation", {})
        n = 0
        for s in subjects:
            if s.type not in rule.subject_types:
                continue
            for o in objects:
                if o.name == s.name or o.type not in rule.object_types:
                    continue
                r = remap.get(o.type, rel)
                if r != rel and rule.opt("synthesize_facility") and o.type == "LOCATION" \
                        and self._town_like(o) and any(self.low[k] in SYNTH_BASE_WORDS
                                                       for k in range(cue[0], cue[1])):
                    fac = Mention(o.start, o.end, self._facility_name(
                        o.name, rule.opt("synthesize_facility")), "FACILITY", "synth", o.text)
                    self.cands.append(Cand(s, rel, fac, rule_id + ".synth", "heuristic",
                                           CONF["heuristic"], cue))
                self.cands.append(Cand(s, r, o, rule_id, kind, CONF[kind], cue))
                n += 1
        return n

    def _elided_subject(self, ms: int, types: tuple[str, ...]) -> list[Mention]:
        """The subject a verb shares with the clause before it: "The UAE withdrew its troops
        but still backs the STC" (after "but"/"and"), "Turkey invaded in 2018, seizing Afrin"
        (a participle after a comma: the sentence's subject, if it opens the sentence)."""
        lo = self.seg_start[ms]
        k = ms - 1
        while k >= lo and self.low[k] in ("still", "also", "now", "later", "then", "has",
                                          "have", "had", "continues", "continue", "to"):
            k -= 1
        if k < lo:
            return []
        if self.low[k] in ("but", "and") and k - 1 >= lo and self.low[k - 1] != ",":
            found = self.scan_left(k, types)[0]
            if found or not self.low[ms].endswith("ed"):
                return found
            # "The Wagner Group, the company run by X, fought ... and deployed fighters to
            # Mali": a second finite verb shares the subject that opens the sentence
            return self._opening_subject(k, types)
        if self.low[k] == "," and self.low[ms].endswith("ing") and k == ms - 1:
            return self._opening_subject(k, types)
        return []

    def _opening_subject(self, k: int, types: tuple[str, ...]) -> list[Mention]:
        """The actor that opens the segment, when no relative clause or subordinate
        clause lies between it and token ``k``."""
        lo = self.seg_start[k]
        j = lo
        while j < lo + 2 and self.low[j] in ("the", "a", "an") and self.mention_at(j) is None:
            j += 1
        m = self.mention_at(j)
        if m is not None and m.start == j and m.type in types and not m.adjectival_form \
                and not any(self.low[t] in self.lex["relative_pronouns"]
                            or self.low[t] in SUBORDINATORS for t in range(m.end, k)):
            # "X vowed revenge for a strike that hit Y, killing Z": not X's act
            return self.coord_right(m, types)
        return []

    def _members_of(self, pos: int, types: tuple[str, ...],
                    targets: bool = False) -> list[Mention]:
        """"killed seven members of the IRGC", "trained fighters of the SNA": the group;
        with ``targets`` also "bombed hideouts of the group", "struck positions of X"."""
        end = self.seg_end[pos] if pos < len(self.doc) else pos
        nouns = self.lex["members_of_nouns"] | (self.lex["target_of_nouns"] if targets
                                                 else frozenset())
        k = pos
        while k < min(pos + 4, end) and self.mention_at(k) is None \
                and ((self.alpha[k] and self.lowercase[k])
                     or (targets and self.text[k][:1].isdigit())) \
                and self.low[k] not in nouns and self.low[k] not in self.lex["prepositions"]:
            k += 1
        if targets and k + 2 < end and self.low[k] in nouns \
                and self.low[k + 1] in ("used", "belonging", "operated", "run", "held",
                                        "controlled", "owned") \
                and self.low[k + 2] in ("by", "to"):
            return self.scan_right(k + 3, types, max_gap=0)  # "targets used by the PKK"
        if k + 1 < end and self.low[k] in nouns and self.low[k + 1] == "of":
            j = k + 2
            while j < min(k + 6, end) and self.mention_at(j) is None and self.lowercase[j] \
                    and (self.low[j] in self.title_words or self.low[j] in self.skippable):
                j += 1  # "the forces of eastern commander Khalifa Haftar"
            return self.scan_right(j, types, max_gap=0)
        return []

    def _including_list(self, pos: int, types: tuple[str, ...]) -> list[Mention]:
        """Objects named in an "including" list after an unnamed group: "arms a network of
        allied groups, including Hezbollah, Hamas and the Houthis" → those three."""
        end = self.seg_end[pos] if pos < len(self.doc) else pos
        saw_group = False
        places = all(t.lower() in self.lex["place_types"] for t in types)
        for k in range(pos, min(pos + 12, end)):
            w = self.low[k]
            m = self.mention_at(k)
            if m is not None and places and m.type in ("STATE", "LOCATION"):
                saw_group = True  # "controls most of Syria, including the cities of X"
                continue
            if m is not None or self.is_boundary(k) or w in self.lex["relative_pronouns"]:
                return []
            if w in self.lex["group_nouns"] or w in self.lex["members_nouns"] \
                    or (places and w in self.lex["place_plurals"]):
                saw_group = True
            elif w in ("including", "such") and saw_group:
                start = k + 2 if w == "such" and k + 1 < end and self.low[k + 1] == "as" \
                    else k + 1
                if w == "such" and start == k + 1:
                    return []
                items = self.scan_right(start, types, ("of",), max_gap=1, prep_after_gap=True) \
                    if places \
                    else self.scan_right(start, types, max_gap=0)
                # "seized a string of towns including A and B": no comma needed for places
                return items if self.low[k - 1] == "," or places else []
        return []

    def _share_places(self, k: int, types: tuple[str, ...]) -> list[Mention]:
        """Places after ", most/some/all of them (are/based) in ..." at token ``k``."""
        if k >= len(self.doc):
            return []
        end = self.seg_end[k]
        j = k + 1
        if j + 3 >= end or self.low[k] != ",":
            return []
        if self.low[j] in ("mainly", "mostly", "largely", "primarily", "chiefly", "notably"):
            j += 1  # "keeps 2,500 troops in Iraq, mainly at A and at B"
        else:
            if self.low[j] == "the":
                j += 1
            if self.low[j] not in self.lex["share_quantifiers"] or self.low[j + 1] != "of" \
                    or self.low[j + 2] not in ("them", "whom", "those", "which"):
                return []
            j += 3
        while j < end and self.low[j] in ("are", "were", "is", "was", "now", "currently",
                                          "based", "stationed", "deployed", "positioned"):
            j += 1
        if j + 1 < end and self.low[j] in ("in", "at", "near", "inside", "around", "along"):
            return self.scan_right(j + 1, types, max_gap=1)
        return []

    def _including_after(self, k: int, types: tuple[str, ...]) -> list[Mention]:
        """The items of ", including A and B" / ", such as A" right after token ``k``
        (an acronym in parentheses before the comma is skipped)."""
        n = len(self.doc)
        if k < n and self.text[k] == "(":
            close = next((j for j in range(k, min(k + 8, self.seg_end[k]))
                          if self.text[j] == ")"), None)
            if close is None:
                return []
            k = close + 1
        if k + 1 >= n or self.low[k] != "," or k + 1 >= self.seg_end[k]:
            return []
        w = self.low[k + 1]
        if w == "including":
            start = k + 2
        elif w == "such" and k + 2 < n and self.low[k + 2] == "as":
            start = k + 3
        else:
            return []
        return self.scan_right(start, types, max_gap=0) if start < n else []

    def _noun_use(self, ms: int) -> bool:
        """Is the cue word at ``ms`` used as a noun? It is when a determiner or "of" opens
        its phrase: right before it ("the strikes"), or "of" with at most three plain
        modifiers between ("a series of sabotage attacks")."""
        if self.low[ms].endswith("ing"):
            return False
        lo = self.seg_start[ms]
        stop = self._noun_stop
        k = ms - 1
        if k >= lo and self.low[k] in DETERMINERS and self.mention_at(k) is None:
            return True
        m = self.mention_at(k) if k >= lo else None
        if m is not None and m.adjectival_form and m.start - 1 >= lo \
                and self.low[m.start - 1] in DETERMINERS and is_demonym(m.text):
            return True  # "condemned the Israeli strike on X": a noun with a demonym
        while k >= lo and ms - k <= 4:  # "its cells attack X" stays a verb: only "of" decides
            w = self.low[k]
            if w == "of":
                return True
            if self.mention_at(k) is not None or not self.alpha[k] or not self.lowercase[k] \
                    or w in stop or w in self.verb_forms or w in DETERMINERS:
                return False
            k -= 1
        return False

    @staticmethod
    def _facility_name(place: str, kind: str) -> str:
        """"a base in Tartus" is the known "Tartus naval base" when the gazetteer has it
        under that alias; otherwise "Tartus base"."""
        from ..resolve import canonical_name

        name = f"{place} {kind}"
        hit = canonical_name(name, "FACILITY")
        return hit[0] if hit is not None and hit[1] == "FACILITY" else name

    def _town_like(self, m: Mention) -> bool:
        """A place that can name a base ("a base in Tanf"), not a region ("outposts in the
        Kurdistan region", "bases in northern Iraq's provinces")."""
        if m.start > 0 and (self.low[m.start - 1] == "the"
                            or self.low[m.start - 1] in self.lex["direction_adjectives"]):
            return False
        words = {w.lower() for w in m.name.split()} | {self.low[k] for k in range(m.start, m.end)}
        if m.end < len(self.low):
            words.add(self.low[m.end])
        return not words & self.lex["area_words"]

    def hedged(self, pos: int) -> bool:
        """A cue under "may", "might" or "could" ("may establish", "could soon deploy")."""
        lo = self.seg_start[pos]
        k = pos - 1
        while k >= lo and pos - k <= 3 and self.low[k] in ("also", "soon", "still", "eventually",
                                                         "even", "not", "yet", "then"):
            k -= 1
        return k >= lo and self.text[k] in ("may", "might", "could")  # not the month May

    def intention_before(self, pos: int) -> bool:
        lo = self.seg_start[pos]
        for k in range(pos - 1, max(lo, pos - 3) - 1, -1):
            if self.low[k] == "to":
                for j in range(k - 1, max(lo, k - 6) - 1, -1):
                    if self.low[j] in self.lex["intention_verbs"]:
                        return True  # "threatened a new ground incursion to push X"
                    if j < k - 3 and (self.mention_at(j) is not None or self.is_boundary(j)
                                      or self.punct[j]):
                        return False
                return False
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
            if self.low[k] not in self.skippable and not self.alpha[k]:
                return None
        return None

    def f_svo(self, rule: Rule, ms: int, me: int) -> None:
        doc = self.doc
        if rule.opt("context_after"):
            window = self.low[me:min(me + 8, self.seg_end[ms])]
            if not any(w in rule.opt("context_after") for w in window):
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
        if passive and not rule.opt("passive_ok"):
            return
        # a participle right after a noun is a reduced relative: "militias armed in Syria"
        if not passive and not rule.opt("passive_ok") and self.low[ms].endswith("ed") \
                and ms > self.seg_start[ms] and self.alpha[ms - 1] \
                and self.mention_at(ms - 1) is None \
                and self.low[ms - 1] in self.lex["group_nouns"] \
                and not (me < self.seg_end[ms] and (self.mention_at(me) is not None
                                                    or self.low[me] in self.skippable)):
            return  # but "gunmen attacked southern Israel": an object follows, a main verb
        if rule.opt("enumerates") and any(
                (m := self.mention_at(k)) is not None and m.type == "FACILITY"
                for k in range(ms + 1, me)):
            return  # "operates the Hmeimim air base in ...": the named base is the object
        if me - ms > 1 and ms + 1 < me and self.low[ms + 1] == "by":
            # "drones launched by the Houthis toward Israel": the agent follows "by"
            subj, rel_i = self.scan_right(ms + 2, rule.subject_types, max_gap=1), None
            if not subj:
                return
        else:
            subj, rel_i = self.scan_left(ms, rule.subject_types, rule.opt("max_left", 14))
        if not subj and rel_i is None:
            subj = self._elided_subject(ms, rule.subject_types)
        preps = tuple(rule.opt("object_prep", ()))
        start = me
        if rule.opt("inner_target"):
            # the greedy filler of "fired * at" may run past the target: "fired rockets at
            # Goma on Sunday" ends at "on"; the target follows the first target preposition
            last = rule.pattern[-1].get("LOWER")
            inner = set(last.get("IN", ())) if isinstance(last, dict) else {last}
            for k in range(ms + 1, me - 1):
                if self.low[k] in inner and self.scan_right(k + 1, rule.object_types,
                                                            max_gap=1, coordinate=False):
                    start = k + 1
                    break
        obj = self.scan_right(start, rule.object_types, preps, rule.opt("max_right", 3),
                              prep_after_gap=rule.opt("prep_after_gap", False))
        if obj and self._clause_subject(obj):
            obj = []  # "warns Iran has ...": Iran is the subject of the reported clause
        stop_after = rule.opt("not_followed_by")
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
        if subj and rule.opt("enumerates"):
            self.enumerations.append((subj, ms, me))

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

    def _apposed_to(self, noun: int, types: tuple[str, ...]) -> Mention | None:
        """The named mention a descriptive noun is in apposition to:
        "Hezbollah, the Lebanese group [funded by Iran]" → Hezbollah."""
        lo = self.seg_start[noun]
        k = noun - 1
        while k >= lo and noun - k <= 8 and self.low[k] != ",":
            if not (self.alpha[k] or self.mention_at(k) is not None
                    or self.text[k] in ("-", "\u2013")):
                return None
            k -= 1
        if k < lo or self.low[k] != "," or not any(self.low[j] in APPOSITION_DETERMINERS
                                                   for j in range(k + 1, noun)):
            return None
        m = self.mention_at(self._skip_paren_left(k - 1, lo))  # "the SNA (SNA), a ..."
        if m is None or m.type not in types:
            m = self.mention_at(k - 1)
        return m if m is not None and m.type in types else None

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
            a = self._apposed_to(ms, rule.subject_types)
            if a is not None:  # "the YPG (YPG), the main component of the SDF" → the YPG
                return [a]
            return self.scan_left(ms, rule.subject_types, rule.opt("max_left", 8))[0]
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
            agents = self.left_or_antecedent(ms, rule.subject_types, rule.opt("max_left", 8))
            if agents and any(self.low[k] in self.lex["reaction_verbs"]
                              for k in range(max(a.end for a in agents), ms)):
                return []  # "X condemned the killing of Y": X reacts, Y's killer is not X
            if agents and any(self.low[k] == "and" and self.low[k - 1] == ","
                              for k in range(max(a.end for a in agents) + 1, ms)):
                return []  # "… scientist, X, and a series of attacks on Y": X is no agent
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
        if objs and rule.opt("members_after"):
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

    def f_claim(self, rule: Rule, ms: int, me: int) -> None:
        """"Y claimed (responsibility for) the attack": when no target follows, Y is the
        attacker of the last attack named without one (resolved in :mod:`bridging`)."""
        end = self.seg_end[ms]
        if me < end and self.low[me] in ("on", "against", "targeting", "upon"):
            return  # "claimed the attack on X": ATTACKS.noun reads it
        subj, rel_i = self.scan_left(ms, rule.subject_types, rule.opt("max_left", 14))
        if not subj and rel_i is not None:
            subj = self.antecedent(rel_i, rule.subject_types)
        if subj and not self.hedged(ms):
            self.claims.append((ms, subj))

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
        patients = self.left_or_antecedent(ms, rule.object_types, rule.opt("max_left", 10))
        self.emit(rule, agents, patients, (ms, me))

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
                if rule.opt("mediator"):  # "Qatar mediated talks between A and B"
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
            if rule.opt("both_ways"):  # "X exchanged fire with Y": Y attacks X as well
                self.emit(rule, [b], [a], (ms, me))

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

    def f_members_include(self, rule: Rule, ms: int, me: int) -> None:
        """"Its factions include A and B", "the PMF's groups include A" → (A, PART_OF, owner)."""
        owners = self.possessor_or_premod(ms, rule.object_types)
        if not owners:
            return
        members = self.scan_right(me, rule.subject_types, max_gap=1)
        self.emit(rule, members, owners[:1], (ms, me))

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
        person = self.left_or_antecedent(ms, rule.subject_types, rule.opt("max_left", 8))
        self.emit(rule, person[:1], orgs, (ms, me))

    def f_hosts(self, rule: Rule, ms: int, me: int) -> None:
        """"Ain al-Asad has hosted US and coalition forces" → (US, DEPLOYED_IN, Ain al-Asad):
        the forces named between the cue and the troop noun are present at the host."""
        guests = [m for m in (self.mention_at(k) for k in range(ms + 1, me)) if m is not None]
        guests = [m for n, m in enumerate(guests) if m not in guests[:n]
                  and m.type in rule.subject_types]
        if not guests:
            return
        hosts = self.left_or_antecedent(ms, rule.object_types, rule.opt("max_left", 10))
        self.emit(rule, guests, hosts[:1], (ms, me))

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

    def f_adj_premod(self, rule: Rule, ms: int, me: int) -> None:
        obj = self.mention_at(me)
        if obj is None or obj.start != me or not self.modifier_ok(obj):
            return
        subj, _ = self.scan_left(ms, rule.subject_types, rule.opt("max_left", 12))
        self.emit(rule, subj, [obj], (ms, me))

