"""``kg_coref``: resolve the common anaphors within a paragraph.

Rules, not a model: news prose refers back to an actor with a handful of forms, and the
relation rules need the actor, not the pronoun. Each resolved mention goes into
``doc.spans["kg_coref"]`` with the antecedent's label and canonical name as ``kb_id_``
(the same convention as ``doc.ents``) and ``span._.kg_antecedent`` = [start, end] of the
antecedent ent (token offsets), ``span._.kg_confidence`` lower than a named mention.

* "it", "its" → the nearest earlier STATE/ORGANIZATION in the sentence that is neither a
  prepositional object ("of ISIS") nor a bare adjective ("Iraqi" in "the Iraqi border"),
  else the first such actor (the likely subject) of the previous sentence; expletive "it"
  ("it is clear that…") is skipped;
* "they", "their", "them" → the last plural actor (ORGANIZATION, GROUP, or a plural state
  mention such as "US forces") in this or the previous sentence;
* "he", "his", "him", "she", "her" → the nearest earlier PERSON of the sentence, else
  the person a "he/his" of the previous sentence meant, else that sentence's first PERSON;
* "the group", "the militia", "the movement", "the organization", "the terror group",
  "the rebels" → the last ORGANIZATION in the paragraph that is not a state's own army or
  ministry; descriptions may carry a demonym or a backer ("the Lebanese group", "the
  Iran-backed militia"): the span is then only the words after the entity, so the relation
  rules still read "Iran-backed [group]" as X-backed Y; "the base/camp/crossing/garrison/
  facility" → the last FACILITY; "the country", "the regime", "the kingdom", "the emirate",
  "the junta", "the government", "the army" → the last STATE ("the government": the last
  state the article has called a government, if any); "the city/town" → the last
  LOCATION; "the island/enclave" → the place the paragraph named with that noun ("the
  island of X", "the X enclave"), else its last place that is not the dateline's; "the
  coalition" → the last actor whose name or alias says coalition/alliance, "the
  alliance" one whose name says alliance;
* "the two countries", "the three juntas", "both sides" → exactly that many states named
  just before (see ``_set_antecedent``), one span whose ``kb_id_`` joins their names
  with ``kg.rel.mentions.SET_SEP``; the relation engine gives each its own triple;
* titles whose organisation is an anaphor ("Its chairman, X", "X, the group's leader")
  get the resolved organisation in ``doc.spans["kg_titles"]``.

Precision before recall: an object pronoun ("the IRGC sends it rockets") never means the
subject of its own clause; a non-entity noun phrase the pronoun may mean ("militias backed
by X … their", "the crossing … kept it shut") blocks the link; "the coalition" only
resolves to an actor whose name says coalition. Descriptions are resolved first, so a
pronoun can point at "the group" and through it at the named actor.

A paragraph ends at a line break. Requires ``kg_entities`` before it.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import resolve
from ..rel.mentions import SET_SEP, entity_runs
from ..resolve import ROLES, TITLE_FILLERS
from ..resolve import gazetteer as _gazetteer
from ..tokens import token_data
from ..wordlists import words
from . import entities as _entities  # noqa: F401  (registers the Span extensions)
from .entity_rules.writing import _FAST_EXT

_W = words("coref")


def gazetteer_lookup(text: str):
    return _gazetteer().lookup(text)


PRONOUN_IT = _W["pronoun_it"]
PRONOUN_THEY = _W["pronoun_they"]
# "he"/"she" are a person: the last PERSON of this or the previous sentence
PRONOUN_PERSON = _W["pronoun_person"]
DEFINITE = _W.table("definite")
GOVERNMENT_DEFINITES = _W["government_definites"]
CHAINED_DEFINITES = _W["chained_definites"]
DEF_ADJ = _W["def_adj"]
EXPLETIVE_NEXT = _W["expletive_next"]
EXPLETIVE_MODALS = _W["expletive_modals"]
EXPLETIVE_LATER = _W["expletive_later"]
PLURAL_HINTS = _W["plural_hints"]
PLURAL_BLOCKERS = _W["plural_blockers"]
SINGULAR_BLOCKERS = _W["singular_blockers"]
CONF = {"pronoun": 0.6, "definite": 0.65}
# definite descriptions that name the kind of actor ("the coalition" is a coalition or an
# alliance, never ISIS)
NAMED_DEFINITES = _W.table("named_definites")
# descriptions that stand for several states ("the two countries", "both sides")
SET_NOUNS = _W["set_nouns"]
SET_COUNTS = {w: int(n) for n, ws in _W.table("set_counts").items() for w in ws}
# descriptions of a place ("the island", "the enclave") that mean the last place named so
PLACE_DEFINITES = _W["place_definites"]
COALITION_WORDS = NAMED_DEFINITES["coalition"]
# an organisation named as a company is no armed group's antecedent ("the insurgents")
COMPANY_WORDS = _W["company_words"]
# adjectives a named mission's description carries ("the new multinational mission")
MISSION_ADJ = _W["mission_adj"]
DETERMINERS = _W["determiners"]
CLAUSE_BOUNDARIES = _W["clause_boundaries"]
SET_BOUNDARIES = CLAUSE_BOUNDARIES - {"and"}  # where a set description's clause opens
OF = frozenset({"of"})
# verbs after which a pronoun starts a new clause ("Israel says it will …")
REPORTING = _W["reporting"]


class _Sent(NamedTuple):
    """A sentence's token offsets (what the rules need of a sentence Span)."""

    start: int
    end: int


class _Ent:
    """What the rules read of an entity (or resolved) Span, read once: its offsets, label,
    ``kb_id_`` and the values of its ``kg_source``/``kg_antecedent``/``kg_confidence``
    extensions (as plain attributes).

    Why: every attribute of a spaCy Span is a property call (``x._`` builds an
    ``Underscore`` whose lookups run in Python), and the rules ask them thousands of times
    per Doc; that and ``doc.ents`` building the Spans were half of this component's cost.
    Only the resolved mentions written to ``doc.spans`` are real Spans."""

    __slots__ = ("start", "end", "label_", "kb_id_", "start_char", "doc", "kg_source",
                 "kg_antecedent", "kg_confidence")

    def __init__(self, doc: Doc, start: int, end: int, label: str, kb: str,
                 start_char: int, source, antecedent, confidence) -> None:
        self.doc, self.start, self.end, self.label_, self.kb_id_ = doc, start, end, label, kb
        self.start_char = start_char
        self.kg_source, self.kg_antecedent, self.kg_confidence = source, antecedent, confidence


def _entity_list(doc: Doc) -> list:
    """``list(doc.ents)`` as :class:`_Ent` objects, from the token arrays
    (:func:`kg.rel.mentions.entity_runs`) and the extension values spaCy keeps in
    ``doc.user_data`` (spaCy's own Spans when either way is not available)."""
    runs = entity_runs(doc) if _FAST_EXT else None
    if runs is None:
        return [_Ent(doc, x.start, x.end, x.label_, x.kb_id_, x.start_char, x._.kg_source,
                     x._.kg_antecedent, x._.kg_confidence) for x in doc.ents]
    data = token_data(doc)
    idx, text, get = data.idx, data.text, doc.user_data.get
    out = []
    for s, e, label, kb in runs:
        c0, c1 = idx[s], idx[e - 1] + len(text[e - 1])
        # the keys of writing._span_ext_key, spelled out: this runs for every entity
        out.append(_Ent(doc, s, e, label, kb, c0, get(("._.", "kg_source", c0, c1)),
                        get(("._.", "kg_antecedent", c0, c1)),
                        get(("._.", "kg_confidence", c0, c1))))
    return out


@cache
def _attack_verbs() -> frozenset[str]:
    """The inflected attack verbs of the relation rules ("bombed", "struck")."""
    from ..rel.rules import load_rules

    return frozenset(load_rules().words["ATTACKS"]["verbs"])


def _object_position(doc: Doc, i: int) -> bool:
    """Whether the pronoun at i is the object of a verb ("the IRGC sends it rockets"):
    right after a lower-case word that is not a preposition, conjunction or reporting
    verb."""
    if i == 0:
        return False
    data = token_data(doc)
    low = data.lower[i - 1]
    if i + 1 < len(doc) and data.lower[i + 1] in {"had", "has", "have", "was", "were", "is",
                                                 "would", "will", "could", "might"}:
        return False  # "confirmed it had struck": the subject of a reported clause
    return (data.alpha[i - 1] and data.text[i - 1].islower() and low not in PREPOSITIONS
            and low not in CLAUSE_BOUNDARIES and low not in REPORTING
            and low not in {"the", "a", "an", "of", "than", "then", "so", "where", "whether"})


PREPOSITIONS = _W["prepositions"]
# "in northern Iraq": a compass word between the preposition and the place
PLACE_ADJECTIVES = words("frames")["compass_words"]


def _possessive(doc: Doc, span: _Ent) -> bool:
    """"Washington's plans" / "Washingtons plans": the possessor heads its phrase."""
    data = token_data(doc)
    if span.end < len(doc) and data.lower[span.end] in {"'s", "\u2019s", "'", "\u2019"}:
        return True
    # a form the gazetteer does not list but matched: the generated "Irans"/"Washingtons"
    text = data.span_text(span.start, span.end)
    return text.endswith("s") and span.kg_source in {"gazetteer", "capital"} and \
        gazetteer_lookup(text) is None


def _after_preposition(doc: Doc, span: _Ent, but: frozenset[str] = frozenset()) -> bool:
    """Whether the mention is a prepositional object (walking back over "the", adjectives
    and a list "X, Y and"), of another preposition than ``but``. A possessor ("for
    Washington's plans") is not."""
    if _possessive(doc, span):
        return False
    i = span.start - 1
    steps = 0
    lower = token_data(doc).lower
    while i >= 0 and steps < 8:
        low = lower[i]
        if low in PREPOSITIONS:
            return low not in but
        if low in {"the", "a", "an", ",", "and", "or", "both"} or doc[i].ent_type_ \
                or low in PLACE_ADJECTIVES:
            i -= 1
            steps += 1
            continue
        return False
    return False


# forces a ministry's "its" owns are the state's: "the Defence Ministry said its jets ..."
FORCE_NOUNS = _W["force_nouns"]


def _ministry_state(name: str) -> str | None:
    """The STATE a ministry belongs to: gazetteer ``part_of``, else the demonym its name
    opens with ("Turkish Defence Ministry" → Turkey)."""
    if "ministry" not in name.lower():
        return None
    actor = _gazetteer().actors.get(name)
    if actor is not None and actor.part_of:
        parent = _gazetteer().actors.get(actor.part_of)
        if parent is not None and parent.type == "STATE":
            return parent.name
    from ..resolve import canonical_name, is_demonym

    first = name.split()[0]
    hit = canonical_name(first, "STATE") if is_demonym(first) else None
    return hit[0] if hit is not None and hit[1] == "STATE" else None


# "MOSCOW - Russia is ...": a dateline place before a dash is not the sentence's topic
DATELINE_DASHES = ("-", "\u2013", "\u2014")


def _pp_possessor(doc: Doc, span: _Ent) -> bool:
    """A possessor inside a prepositional phrase: "with Syria's new authorities"."""
    if not _possessive(doc, span):
        return False
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in {"the", "a", "an"}:
        i -= 1
    return i >= 0 and doc[i].lower_ in PREPOSITIONS


def _adjectival(doc: Doc, span: _Ent) -> bool:
    """A demonym or name used as a modifier ("the Iraqi border", "the US deployment").
    Without a tagger: a demonym before a lower-case word is a modifier; a country name
    only after a determiner ("the US deployment", not "Russia expanded"), and never
    before a word that looks like a verb."""
    if span.kg_source not in {"demonym", "gazetteer", "capital"} or span.label_ != "STATE":
        return False
    if span.end >= len(doc) or _possessive(doc, span):
        return False
    data = token_data(doc)
    nxt = span.end
    if data.span_text(span.start, span.end).endswith("s") and span.kg_source == "demonym":
        return False  # "Syrians", "the Americans"
    if data.text[nxt] in {"-", "\u2013"} and nxt + 1 < len(doc) and data.alpha[nxt + 1]:
        return True  # "Syrian-Iraqi border", "US-Iranian struggle"
    if not (data.alpha[nxt] and data.text[nxt].islower()) or data.lower[nxt] in VERBISH \
            or data.lower[nxt].endswith("ed"):
        return False
    if span.kg_source == "demonym":
        return True
    return span.start > 0 and data.lower[span.start - 1] in {"the", "a", "an", "this", "that"}


VERBISH = _W["verbish"]


# plural member nouns after an organisation's name make the phrase plural ("ISIS cells")
MEMBER_PLURALS = _W["member_plurals"]


def _plural_actor(span: _Ent) -> bool:
    if span.label_ == "PERSON" or span.label_ in {"LOCATION", "FACILITY"}:
        return False
    doc = span.doc
    lower = token_data(doc).lower
    if span.label_ == "ORGANIZATION" and span.end < len(doc) \
            and lower[span.end] in MEMBER_PLURALS:
        return True  # "ISIS cells remain active ... and they": the members are "they"
    if doc[span.end - 1].is_upper:  # the last token (span[-1] without a Span)
        # an acronym is as plural as the name it stands for: "SDF" (Syrian Democratic
        # Forces) is "they", "ISIS" is "it"
        words = span.kb_id_.split()
        return span.label_ == "ORGANIZATION" and len(words) > 1 and \
            words[-1].lower() in PLURAL_HINTS
    last = lower[span.end - 1]
    if span.label_ == "GROUP":
        return True
    if span.kg_source == "national_force" or span.kg_source == "demonym":
        return last in PLURAL_HINTS or last.endswith("s")
    return span.label_ == "ORGANIZATION" and (last in PLURAL_HINTS or last.endswith("s"))


def _singular_actor(span: _Ent) -> bool:
    if span.label_ not in {"STATE", "ORGANIZATION"}:
        return False
    return not _plural_actor(span) or span.kg_source == "gazetteer"


class CorefResolver:
    #: the anaphor rules read word forms, never ``token.lemma_`` (see
    #: :func:`kg.nlp.unread_lemmatizers`)
    reads_lemmas = False

    def __init__(self, nlp: Language, name: str = "kg_coref", max_sentences: int = 1):
        self.name = name
        self.max_sentences = max_sentences
        # the anaphor words are found with a set lookup over the shared lower-case token
        # strings (what a one-token LOWER Matcher would match, without its per-token cost)
        self.pronouns = frozenset(PRONOUN_IT | PRONOUN_THEY | PRONOUN_PERSON)
        self.anaphor_words = self.pronouns | frozenset(DEFINITE)
        self._nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        # the gazetteer lookups below go to the pipeline's own resolver (kg_entities')
        with resolve.using(resolve.resolver_of(self._nlp)):
            return self._resolve(doc)

    def _resolve(self, doc: Doc) -> Doc:
        # anaphors first: most short Docs have none, and doc.ents makes a Span per entity
        data = token_data(doc)
        low = data.lower
        found = [("PRON" if low[i] in self.pronouns else "NOUN", i, i + 1)
                 for i in data.where(self.anaphor_words)]
        sets = _set_descriptions(low, data.where(SET_NOUNS))
        if not found and not sets:  # nothing to resolve
            doc.spans["kg_coref"] = []
            return doc
        ents = _entity_list(doc)
        if not ents:
            doc.spans["kg_coref"] = []
            return doc
        newlines = [data.idx[i] + m.start() for i in data.where_text_has("\n")
                    for m in re.finditer("\n", data.text[i])]

        def para(char: int) -> int:
            return bisect.bisect_right(newlines, char)

        # (start, end) of each sentence; the whole Doc when it has no sentence boundaries
        sents = [_Sent(s0, s1) for s0, s1 in data.sentences()]
        tok_sent = data.sent_of()

        ent_tok = {k for x in ents for k in range(x.start, x.end)}
        found = [m for m in found if m[0] != "NOUN"] + _descriptions(
            doc, ents, [m[1] for m in found if m[0] == "NOUN"])
        matches = sorted(((k, s, e) for k, s, e in found
                          if not any(i in ent_tok for i in range(s, e))),
                         key=lambda m: (m[0] != "DEF", m[1]))
        ent_starts = [x.start for x in ents]
        ent_chars = [x.start_char for x in ents]

        out: list[Span] = []
        resolved: list[_Ent] = []  # what the rules read of ``out``
        pool: list[_Ent] = []  # ents plus resolved descriptions, for the pronouns
        chain: dict[str, _Ent] = {}  # chained description word → its last resolution
        for kind, s, e in matches:
            if kind == "PRON" and not pool:
                pool = sorted(ents + resolved, key=lambda x: x.start)
                ent_starts = [x.start for x in pool]
                ent_chars = [x.start_char for x in pool]
                for x in resolved:
                    ent_tok.update(range(x.start, x.end))
            cands_all = pool if kind == "PRON" else ents
            p = para(data.idx[s])
            sn = tok_sent[s]
            # the candidates of this paragraph before the anaphor (both lists are sorted)
            lo = bisect.bisect_left(ent_chars, newlines[p - 1] + 1 if p > 0 else 0)
            earlier = [x for x in cands_all[lo:bisect.bisect_left(ent_starts, s)]
                       if x.end <= s]
            ante = None
            conf = CONF["pronoun"]
            if kind == "PRON":
                w = low[s]
                if w == "it" and self._expletive(doc, s):
                    continue
                if w in PRONOUN_PERSON:
                    ante = _last_person(doc, earlier, tok_sent, sn, self.max_sentences,
                                        resolved)
                else:
                    want = _singular_actor if w in PRONOUN_IT else _plural_actor
                    ante = self._nearest(doc, earlier, tok_sent, sn, want, s, ent_tok, sents)
            else:
                noun = low[e - 1]
                if e < len(doc) and low[e] == "of":
                    continue  # "the city of X": not an anaphor here
                if e + 1 < len(doc) and low[e] == "in" and "STATE" in DEFINITE[noun] \
                        and (e + 1) in ent_tok and any(x.start == e + 1 and x.label_ == "STATE"
                                                       for x in ents):
                    continue  # "the government in Damascus": named by its seat
                want_types = DEFINITE[noun]
                cands = [x for x in earlier if x.label_ in want_types
                         and not _adjectival(doc, x)]
                if noun in PLACE_DEFINITES:
                    # "the island", "the enclave": the place the article called so ("the
                    # island of Yonaguni", "the Gaza enclave"), else the last place named
                    # in the paragraph; never the dateline's city
                    named = [x for x in cands if _place_named(low, x, noun)]
                    cands = (named or [x for x in cands if not _dateline_place(doc, x)])[-1:]
                elif noun in NAMED_DEFINITES:
                    # "the coalition" means a coalition or alliance, not the last organisation
                    cands = [x for x in cands if _named_as(x, NAMED_DEFINITES[noun])]
                elif "ORGANIZATION" in want_types:
                    # "the rebels", "the paramilitary group" are not a state's own army,
                    # nor the agency that reports the story ("told the Associated Press"),
                    # nor a coalition of states ("the movement" is no coalition)
                    cands = [x for x in cands if not _state_force(x)
                             and not _news_source(doc, x)
                             and not _named_as(x, COALITION_WORDS)
                             and not _named_as(x, COMPANY_WORDS)]  # "the insurgents" is
                    # no port company
                if noun in GOVERNMENT_DEFINITES:
                    # "the government": the state the article has called a government
                    # ("Syrian government forces"), not a neighbour named since
                    called = [x for x in ents if x.end <= s and x.label_ == "STATE"
                              and any(low[i] in GOVERNMENT_DEFINITES
                                      for i in range(x.start, x.end))]
                    if called:
                        cands = [called[-1]]
                # prefer an actor that is not a prepositional object ("X, one of the
                # factions of Y, … The group" is X)
                heads = [x for x in cands if not _after_preposition(doc, x)]
                if "STATE" in want_types and s > 0 and low[s - 1] == "where":
                    k = s - 2 if s > 1 and low[s - 2] == "," else s - 1
                    seat = [x for x in cands if x.end == k]
                    if seat:  # "In Jordan, where the army shot down ...": Jordan's army
                        heads = seat
                if heads:
                    # the latest sentence that has one, and in it the first (the likely
                    # subject): "The PKK, which Ankara and the EU list as …. The group"
                    # (organisations only: "X invaded Iraq and occupied the country")
                    last = tok_sent[heads[-1].start]
                    ante = next(x for x in heads if tok_sent[x.start] == last) \
                        if "ORGANIZATION" in want_types else heads[-1]
                elif cands:
                    ante = cands[-1]
                if noun in CHAINED_DEFINITES and noun in chain and (
                        ante is None or tok_sent[ante.start] != sn):
                    ante = _chained(low, chain[noun], ante, noun)
                conf = CONF["definite"]
            if ante is None:
                continue
            if ante.kg_antecedent is not None:  # a description resolved earlier
                a0, a1 = ante.kg_antecedent
            else:
                a0, a1 = ante.start, ante.end
            label, kb = ante.label_, ante.kb_id_
            if low[s] in {"its", "their"} and e < len(doc) and low[e] in FORCE_NOUNS:
                state = _ministry_state(kb)
                if state is not None:  # "the Turkish Defence Ministry said its jets ..."
                    label, kb = "STATE", state
            sp = Span(doc, s, e, label=label, kb_id=kb)
            sp._.kg_antecedent = [a0, a1]
            sp._.kg_confidence = conf
            sp._.kg_source = "coref"
            out.append(sp)
            mirror = _Ent(doc, s, e, label, kb, data.idx[s], "coref", [a0, a1], conf)
            resolved.append(mirror)
            if kind != "PRON" and low[e - 1] in CHAINED_DEFINITES:
                chain[low[e - 1]] = mirror
        taken = ent_tok | {k for x in out for k in range(x.start, x.end)}
        earlier_sets: list[tuple[int, int, list[str]]] = []  # (sentence, count, names)
        for s0, e0, want in sets:
            if any(k in taken for k in range(s0, e0)):
                continue
            p = para(data.idx[s0])
            sn = tok_sent[s0]
            chained = [names for n, c, names in earlier_sets if c == want and sn - n <= 1
                       and para(data.idx[sents[n].start]) == p]
            if chained:  # "negotiations between the two neighbours … both sides"
                names = chained[-1]
            else:
                lo = bisect.bisect_left(ent_chars, newlines[p - 1] + 1 if p > 0 else 0)
                # not a place phrase's ("in Iran"); "the leaders of A and B" are theirs
                states = [x for x in ents[lo:] if x.end <= s0 and x.label_ == "STATE"
                          and not _after_preposition(doc, x, OF)]
                names = _set_antecedent(low, states, tok_sent, sn, want, s0)
            earlier_sets.append((sn, want, names))
            if names:
                sp = Span(doc, s0, e0, label="STATE", kb_id=SET_SEP.join(names))
                sp._.kg_confidence = CONF["definite"]
                sp._.kg_source = "coref"
                out.append(sp)
        out = _led_by_person(doc, out)
        out.sort(key=lambda x: x.start)
        doc.spans["kg_coref"] = out
        _titles_from_anaphors(doc, out)
        return doc

    def _nearest(self, doc: Doc, earlier: list[_Ent], tok_sent: list[int], sn: int,
                 want, pron: int, covered: set[int], sents: list[_Sent]) -> _Ent | None:
        """The nearest earlier actor in this sentence that is not the object of a
        preposition ("of ISIS", "backed by the IRGC"), else the first such actor of the
        previous sentence(s) (its likely subject). An object pronoun ("sends it") does not
        mean the subject of its own clause."""
        sent = sents[sn]
        first = next((x for x in earlier if tok_sent[x.start] == sn), None)
        if first is not None and first.label_ in {"LOCATION", "FACILITY"} \
                and first.start - sent.start <= 2 and want is _singular_actor \
                and not _dateline_place(doc, first):
            return None  # "Albukamal, a town in Syria's east, faces it": a place's "it"
        clause_start = sent.start
        object_pos = (doc[pron].lower_ in {"it", "them"} and _object_position(doc, pron)) \
            or (doc[pron].lower_ in {"its", "their"} and pron > 0
                and doc[pron - 1].lower_ in _attack_verbs())  # "X bombed its sites": not X
        possessed = doc[pron].lower_ in {"its", "their"}
        if object_pos:
            for i in range(pron - 1, sent.start - 1, -1):
                if doc[i].lower_ in CLAUSE_BOUNDARIES and not (
                        possessed and doc[i].lower_ in {"and", "or", ","}):  # "A and B bombed its"
                    clause_start = i + 1
                    break
        same = [x for x in earlier if tok_sent[x.start] == sn]
        found = None
        owner = _relative_owner(doc, same, sent.start, pron)
        if owner is not None and want(owner) and not _adjectival(doc, owner) \
                and not object_pos:
            return owner  # "troops from Russia, which launched its invasion": Russia
        if possessed and pron > 0 and doc[pron - 1].lower_ in {"over", "for"} and same:
            x = same[-1]  # "sanctions on Belarus over its support for Russia": Belarus
            if x.start > 0 and doc[x.start - 1].lower_ in {"on", "against"} and want(x) \
                    and not _adjectival(doc, x):
                return x
        for x in reversed(same):
            if object_pos and x.start >= clause_start and not _possessive(doc, x):
                continue
            if want(x) and not _adjectival(doc, x) and not _after_preposition(doc, x):
                if _pp_possessor(doc, x) and any(
                        y.start < x.start and want(y) and not _adjectival(doc, y)
                        and not _after_preposition(doc, y) and not _possessive(doc, y)
                        for y in same):
                    continue  # "Russia is negotiating with Syria's new authorities over its
                    # bases": the clause subject, not a possessor inside a phrase
                found = x
                break
        if found is None:
            for back in range(1, self.max_sentences + 1):
                prev = [x for x in earlier if tok_sent[x.start] == sn - back]
                for x in prev:
                    if not _after_preposition(doc, x) and not _adjectival(doc, x):
                        found = x if want(x) else None
                        break
                if found is not None:
                    break
        if found is None:
            return None
        plural = want is _plural_actor
        # a non-entity noun phrase that the pronoun more likely means: between antecedent
        # and pronoun, or (for "it") anywhere earlier in the pronoun's sentence ("The
        # crossing … in which ISIS … kept it shut")
        start = found.end if plural or tok_sent[found.start] != sn else sent.start
        if plural and start == found.end and start < pron and doc[start].lower_ in MEMBER_PLURALS:
            start += 1  # "Hezbollah fighters … they": the member noun is the antecedent's own
        if not _owner_of_people(doc, pron) and self._blocked(doc, start, pron, plural, covered):
            return None
        return found

    @staticmethod
    def _blocked(doc: Doc, start: int, end: int, plural: bool, covered: set[int]) -> bool:
        """A non-entity noun phrase between antecedent and pronoun that the pronoun more
        likely means ("militias backed by X … their presence", "the coalition … it")."""
        lower = token_data(doc).lower
        for i in range(start, end):
            if i in covered:
                continue
            if plural and lower[i] in PLURAL_BLOCKERS:
                return True
            if not plural and lower[i] in SINGULAR_BLOCKERS and i > 0 \
                    and lower[i - 1] in {"the", "this", "that"}:
                return True
        return False

    @staticmethod
    def _expletive(doc: Doc, i: int) -> bool:
        """Non-referential "it": "it is clear that…", "it seems to…", "it's a pain"."""
        data = token_data(doc)
        lower = data.lower
        if i + 1 >= len(doc) or data.punct[i + 1]:
            return False  # "… and Iran arms it."
        k = i + 1
        if lower[k] in EXPLETIVE_MODALS and k + 1 < len(doc) \
                and lower[k + 1] in {"be", "been"}:
            k += 2
        elif lower[k] in EXPLETIVE_NEXT:
            k += 1
        else:
            return lower[k] in {"took", "takes", "make", "makes", "made"}
        while k < len(doc) and lower[k] in {"not", "n't", "nt", "also", "still", "now",
                                            "been"}:
            k += 1
        window = lower[k:k + 6]
        if any(w in EXPLETIVE_LATER for w in window):
            return True
        return k < len(doc) and lower[k] in {"a", "an", "clear", "unclear", "likely",
                                             "unlikely", "possible", "time", "true",
                                             "important", "necessary", "hard", "easy"}


_ROLE_WORDS = frozenset(w for r in ROLES for w in r.split()) | _W["people_nouns"]


def _relative_owner(doc: Doc, same: list[_Ent], lo: int, pron: int) -> _Ent | None:
    """The antecedent of the relative clause the pronoun stands in: "drones to Russia,
    which has used them in its war" → Russia, even as a prepositional object (the clause
    is about it). The pronoun must be inside the clause: no comma, semicolon or other
    relative pronoun between ", which / who" and it."""
    lower = token_data(doc).lower
    for i in range(pron - 1, lo, -1):
        w = lower[i]
        if w in {",", ";", ":", "\u2014", "(", ")"}:
            return None
        if w in {"which", "who"}:
            if lower[i - 1] != ",":
                return None
            return next((x for x in reversed(same) if x.end == i - 1), None)
    return None


def _owner_of_people(doc: Doc, pron: int) -> bool:
    """"its chairman", "their fighters": a plan or a deal has no chairman, so the noun
    phrases that otherwise block the link ("the plan … it") do not apply."""
    k = pron + 1
    while k < len(doc) and doc[k].lower_ in TITLE_FILLERS:
        k += 1
    return doc[pron].lower_ in {"its", "their"} and k < len(doc) and \
        doc[k].lower_ in _ROLE_WORDS


def _chained(low: list[str], prev: _Ent, ante: _Ent | None, noun: str) -> _Ent | None:
    """"The military" keeps the state it meant before (``prev``) unless the new candidate
    was itself named with that noun after it ("Chinese military", "China's army"). Only
    for a candidate of an earlier sentence: "Egypt said the army …" is Egypt's."""
    if ante is None or ante.kb_id_ == prev.kb_id_ or ante.start < prev.start:
        return prev if ante is None or ante.kb_id_ != prev.kb_id_ else ante
    nxt = ante.end
    if nxt < len(low) and low[nxt] in {"'s", "’s"}:
        nxt += 1
    return ante if nxt < len(low) and low[nxt] == noun else prev


def _descriptions(doc: Doc, ents: list[_Ent], nouns: list[int]) -> list[tuple[str, int, int]]:
    """Definite descriptions: "the group", "the armed group", "the Lebanese group", "the
    Iran-backed militia", "the rebels". The span leaves out any entity inside it (the
    demonym, the backer), so the backer stays its own mention and the relation rules read
    "the Iran-backed [group]" as "X-backed Y"."""
    ent_at: dict[int, _Ent] = {}
    for x in ents:
        for i in range(x.start, x.end):
            ent_at[i] = x
    out = []
    for i in nouns:  # tokens that are a DEFINITE noun (found by the Matcher)
        if i in ent_at:
            continue
        if any(j + 1 < len(doc) and doc[j].lower_ == "of" and j + 1 in ent_at
               and all(doc[t].is_lower and doc[t].is_alpha for t in range(i + 1, j))
               for j in (i + 1, i + 2)):
            continue  # "the military junta of Assimi Goita": the description names its own
            # owner, so it is not an anaphor of the last state
        k, steps = i - 1, 0
        while k >= 0 and steps < 6 and doc[k].lower_ not in DETERMINERS:
            low = doc[k].lower_
            if low in DEF_ADJ or low in BACKED_WORDS or low == "pro" \
                    or doc[k].text in {"-", "\u2013"} \
                    or (doc[i].lower_ == "mission" and low in MISSION_ADJ):
                k -= 1
            elif k in ent_at and ent_at[k].end - ent_at[k].start <= 3 \
                    and ent_at[k].label_ != "PERSON":
                k = ent_at[k].start - 1
            else:
                k = -1
            steps += 1
        if k < 0 or doc[k].lower_ not in DETERMINERS:
            continue
        start = k
        for j in range(k, i):
            if j in ent_at:
                start = j + 1
        if start > k and doc[start].text in {"-", "\u2013"}:
            start += 1
        if start > k:
            while start < i and doc[start].lower_ in BACKED_WORDS | {"-", "\u2013"}:
                start += 1  # "the Iran-backed [group]"
        out.append(("DEF", start, i + 1))
    return out


BACKED_WORDS = _W["backed_words"]


def _set_descriptions(low: list[str], nouns: list[int]) -> list[tuple[int, int, int]]:
    """(start, end, how many) of the descriptions that stand for several states: "the
    two countries", "the three juntas", "both sides"."""
    out = []
    for i in nouns:
        k = i - 1
        if k >= 1 and low[k] in SET_COUNTS and low[k] != "both" \
                and low[k - 1] in {"the", "these", "those"}:
            out.append((k - 1, i + 1, SET_COUNTS[low[k]]))
        elif k >= 0 and low[k] == "both":
            out.append((k, i + 1, 2))
    return out


def _set_antecedent(low: list[str], states: list[_Ent], tok_sent: list[int], sn: int,
                    want: int, at: int) -> list[str]:
    """The states a set description at ``at`` means, in the order named (``states``: the
    paragraph's states before it, none inside a place phrase): exactly ``want``
    distinct states of its sentence before the clause it opens ("Pakistani and Iranian
    officials agreed … when the two countries"; not its own clause's, "A and B hosted
    negotiations between the two neighbours" are others); else, when its sentence names none
    there, the previous sentence's, again exactly ``want``; else the last list of exactly
    ``want`` states ("A, B and C") in the sentence or the one before. Anything else is
    left unresolved: a third state in the running makes the reference unsure."""
    def distinct(xs: list[_Ent]) -> list[str]:
        return list(dict.fromkeys(x.kb_id_ for x in xs))

    clause = at
    while clause > 0 and tok_sent[clause - 1] == sn and low[clause - 1] not in SET_BOUNDARIES:
        clause -= 1
    same = [x for x in states if tok_sent[x.start] == sn and x.end <= clause]
    if same and len(distinct(same)) == want:
        return distinct(same)
    prev = [x for x in states if tok_sent[x.start] == sn - 1]
    if not same and prev and len(distinct(prev)) == want:
        return distinct(prev)
    lists: list[list[_Ent]] = []
    for x in same or prev:
        last = lists[-1][-1] if lists else None
        if last is not None and x.start > last.end \
                and all(w in {",", "and", "or"} for w in low[last.end:x.start]):
            lists[-1].append(x)
        else:
            lists.append([x])
    for run in reversed(lists):
        if len(run) > 1:
            return distinct(run) if len(distinct(run)) == want else []
    return []


def _place_named(low: list[str], x: _Ent, noun: str) -> bool:
    """The place was named with the description's noun: "the island of X", "the X
    enclave", "X Island"."""
    s, e = x.start, x.end
    return (s >= 2 and low[s - 1] == "of" and low[s - 2] == noun) \
        or (e < len(low) and low[e] == noun) or low[e - 1] == noun


def _named_as(x: _Ent, words: tuple[str, ...]) -> bool:
    """The actor's canonical name or one of its gazetteer aliases contains one of words."""
    names = [x.kb_id_.lower()]
    actor = _gazetteer().actors.get(x.kb_id_)
    if actor is not None:
        names += [a.lower() for a in actor.aliases]
    return any(w in n for n in names for w in words)


STATE_FORCE_ENDS = tuple(_W["state_force_ends"])  # str.endswith takes a tuple


NEWS_SOURCE_AFTER = _W["news_source_after"]


def _dateline_place(doc: Doc, x: _Ent) -> bool:
    """Is ``x`` a dateline's place: "BEIRUT —", "NEW DELHI (Reuters) -", "GOMA, Congo
    (AP) —"? The sentence's actors follow the dash."""
    k = x.end
    if k < len(doc) and doc[k].text == ",":
        k += 1  # "GOMA, Democratic Republic of Congo (Reuters) -": the country's name
        while k < len(doc) and k - x.end <= 7 and (doc[k].text[:1].isupper()
                                                   or doc[k].lower_ in {"of", "the"}):
            k += 1
    if k < len(doc) and doc[k].text == "(":
        close = next((j for j in range(k + 1, min(k + 5, len(doc))) if doc[j].text == ")"),
                     None)
        k = close + 1 if close is not None else k
    return k < len(doc) and doc[k].text in DATELINE_DASHES + ("--",)


def _news_source(doc: Doc, x: _Ent) -> bool:
    """An organisation in the story's sourcing ("officials told Reuters", "according to
    AFP", "Reuters reported"): the reporter, not an actor a description can mean."""
    lower = token_data(doc).lower
    if x.start > 0 and x.end < len(doc) and lower[x.start - 1] == "(" and lower[x.end] == ")" \
            and x.end + 1 < len(doc) and doc[x.end + 1].text in DATELINE_DASHES + ("--",):
        return True  # a dateline's agency: "MOGADISHU, Somalia (AP) —"
    i = x.start - 1
    if i >= 0 and lower[i] == "the":
        i -= 1
    if i >= 0 and (lower[i] in {"told", "tells", "telling"}
                   or (lower[i] == "to" and i >= 1
                       and lower[i - 1] in {"according", "spoke", "speaking", "talked"})):
        return True
    return x.end < len(doc) and lower[x.end] in NEWS_SOURCE_AFTER


def _state_force(x: _Ent) -> bool:
    """A state's regular forces or ministry ("Sudanese Armed Forces", "Nigerien Defence
    Ministry"): not what "the rebels" or "the militia" mean."""
    name = x.kb_id_.lower()
    if not name.endswith(STATE_FORCE_ENDS):
        return False
    actor = _gazetteer().actors.get(x.kb_id_)
    if actor is None:
        return name.endswith("ministry")
    boss = _gazetteer().actors.get(actor.part_of) if actor.part_of else None
    return boss is not None and boss.type == "STATE"


def _last_person(doc: Doc, earlier: list[_Ent], tok_sent: list[int], sn: int,
                 max_sentences: int, resolved: list[_Ent]) -> _Ent | None:
    """"he"/"his": the nearest PERSON earlier in the sentence, else the person a "he/his"
    of the previous sentence meant (the one in focus: "X praised Y, who … his death. He
    …" is Y), else the first PERSON (the likely subject) of the previous sentence."""
    same = [x for x in earlier if tok_sent[x.start] == sn and x.label_ == "PERSON"]
    if same:
        return same[-1]
    focus = [x for x in resolved if x.label_ == "PERSON" and tok_sent[x.start] == sn - 1]
    if focus:
        return focus[-1]
    for back in range(1, max_sentences + 1):
        prev = [x for x in earlier if tok_sent[x.start] == sn - back and x.label_ == "PERSON"
                and not _after_preposition(doc, x)]
        if prev:
            return prev[0]
    return None


# "X, the leader of Y, said his movement ...": the group a person leads
LED_NOUNS = {w: types[0] for w, types in _W.table("led_nouns").items()}


def _led_by_person(doc: Doc, resolved: list[Span]) -> list[Span]:
    """"his movement" / "her government", where "his" is a person whose title in
    ``doc.spans["kg_titles"]`` says he LEADS an organisation (or state) of that kind,
    becomes a mention of that organisation."""
    if "kg_titles" not in doc.spans or not resolved:
        return resolved
    leads = {}
    for sp in doc.spans["kg_titles"]:
        info = sp._.kg_title
        if info and info.get("relation") == "LEADS" and info.get("org"):
            leads.setdefault(info["person"], (info["org"], info.get("org_type")))
    if not leads:
        return resolved
    out = []
    for sp in resolved:
        e = sp.end
        if sp.label_ == "PERSON" and sp.text.lower() in {"his", "her"} and e < len(doc) \
                and doc[e].lower_ in LED_NOUNS and sp.kb_id_ in leads:
            org, org_type = leads[sp.kb_id_]
            if org_type == LED_NOUNS[doc[e].lower_]:
                new = Span(doc, sp.start, e + 1, label=org_type, kb_id=org)
                new._.kg_antecedent = sp._.kg_antecedent
                new._.kg_confidence = sp._.kg_confidence
                new._.kg_source = "coref"
                out.append(new)
                continue
        out.append(sp)
    return out


def _titles_from_anaphors(doc: Doc, resolved: list[Span]) -> None:
    """"Its chairman, X" / "X, the group's leader": ``kg_entities`` leaves the organisation
    of such a title as an anaphor; once resolved here, the title gets its organisation."""
    if "kg_titles" not in doc.spans:
        return
    by_span = {(x.start, x.end): x for x in resolved}
    for sp in doc.spans["kg_titles"]:
        info = sp._.kg_title
        if not info or not info.get("org_anaphor"):
            continue
        a = by_span.get(tuple(info["org_anaphor"]))
        if a is None or a.label_ not in {"STATE", "ORGANIZATION"} or a.kb_id_ == info["person"]:
            continue
        if info.get("org_inferred") and info.get("org") != a.kb_id_:
            continue  # the gazetteer knows whose official the person is: keep that
        sp._.kg_title = {**info, "org": a.kb_id_, "org_type": a.label_, "org_start": a.start,
                         "org_end": a.end, "org_inferred": False,
                         "relation": info.get("role_relation") or "PART_OF"}


@Language.factory("kg_coref", default_config={"max_sentences": 1})
def make_kg_coref(nlp: Language, name: str, max_sentences: int) -> CorefResolver:
    """Factory so ``nlp.add_pipe("kg_coref", after="kg_entities")`` works anywhere."""
    return CorefResolver(nlp, name, max_sentences=max_sentences)
