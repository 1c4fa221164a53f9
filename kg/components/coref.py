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
* "the group", "the militia", "the movement", "the organization", "the terror group" →
  the last ORGANIZATION in the paragraph; "the base/camp/crossing/garrison/facility" → the
  last FACILITY; "the country", "the regime" → the last STATE; "the city/town" → the last
  LOCATION.

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

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..resolve import gazetteer as _gazetteer
from . import entities as _entities  # noqa: F401  (registers the Span extensions)


def gazetteer_lookup(text: str):
    return _gazetteer().lookup(text)


PRONOUN_IT = {"it", "its"}
PRONOUN_THEY = {"they", "their", "them", "theirs"}
DEFINITE = {
    "group": ("ORGANIZATION",), "militia": ("ORGANIZATION",), "movement": ("ORGANIZATION",),
    "organization": ("ORGANIZATION",), "organisation": ("ORGANIZATION",),
    "faction": ("ORGANIZATION",), "coalition": ("ORGANIZATION",),
    "base": ("FACILITY",), "camp": ("FACILITY",), "crossing": ("FACILITY",),
    "garrison": ("FACILITY",), "facility": ("FACILITY",), "airbase": ("FACILITY",),
    "country": ("STATE",), "regime": ("STATE",),
    "city": ("LOCATION",), "town": ("LOCATION",),
}
DEF_ADJ = ["terror", "militant", "armed", "jihadist", "extremist", "islamist", "paramilitary",
           "military", "air", "border", "refugee", "shiite", "sunni", "kurdish", "lebanese",
           "iraqi", "syrian", "iranian", "terrorist", "radical"]
EXPLETIVE_NEXT = {"is", "was", "'s", "\u2019s", "seems", "seemed", "appears", "appeared",
                  "remains", "remained", "became", "isnt", "wasnt", "doesnt", "does", "did"}
EXPLETIVE_MODALS = {"would", "will", "could", "may", "might", "has", "had", "must", "should"}
EXPLETIVE_LATER = {"that", "to", "whether", "who", "how", "what", "why", "if", "when"}
PLURAL_HINTS = {"forces", "troops", "groups", "militias", "fighters", "brigades", "units",
                "officials", "authorities", "soldiers", "rebels", "houthis", "kurds"}
PLURAL_BLOCKERS = {"militias", "groups", "factions", "fighters", "militants", "rebels",
                   "people", "civilians", "victims", "officials", "forces", "troops",
                   "families", "countries", "states", "governments", "parties", "members"}
SINGULAR_BLOCKERS = {"coalition", "group", "organization", "organisation", "government",
                     "regime", "army", "alliance", "militia", "movement", "country", "council",
                     "party", "administration", "company", "network", "force",
                     # things "it" often means in news prose ("the crossing … kept it shut")
                     "crossing", "base", "camp", "border", "road", "highway", "town", "city",
                     "area", "region", "zone", "corridor", "route", "deal", "agreement", "plan",
                     "project", "contract", "operation", "offensive", "attack", "strike",
                     "war", "conflict", "campaign", "decision", "move", "report", "law",
                     "resolution", "programme", "program", "initiative", "proposal", "system"}
CONF = {"pronoun": 0.6, "definite": 0.65}
# definite descriptions that name the kind of actor ("the coalition" is a coalition)
NAMED_DEFINITES = {"coalition"}
CLAUSE_BOUNDARIES = {",", ";", ":", "and", "but", "while", "which", "that", "who", "because",
                     "after", "before", "when", "although", "as", "since", "if"}
# verbs after which a pronoun starts a new clause ("Israel says it will …")
REPORTING = {"said", "says", "say", "told", "tells", "warned", "warns", "announced",
             "announces", "claimed", "claims", "added", "adds", "believes", "believed",
             "thinks", "thought", "insisted", "insists", "stated", "states", "argued",
             "argues", "noted", "notes", "hopes", "hoped", "fears", "feared", "knew", "knows"}


def _object_position(doc: Doc, i: int) -> bool:
    """Whether the pronoun at i is the object of a verb ("the IRGC sends it rockets"):
    right after a lower-case word that is not a preposition, conjunction or reporting
    verb."""
    if i == 0:
        return False
    prev = doc[i - 1]
    low = prev.lower_
    return (prev.is_alpha and prev.text.islower() and low not in PREPOSITIONS
            and low not in CLAUSE_BOUNDARIES and low not in REPORTING
            and low not in ("the", "a", "an", "of", "than", "then", "so", "where", "whether"))


PREPOSITIONS = {"of", "by", "in", "on", "at", "with", "from", "to", "into", "against", "for",
                "near", "via", "through", "between", "among", "about", "across", "toward",
                "towards", "under", "over", "inside", "outside", "around", "like"}


def _possessive(doc: Doc, span: Span) -> bool:
    """"Washington's plans" / "Washingtons plans": the possessor heads its phrase."""
    if span.end < len(doc) and doc[span.end].lower_ in ("'s", "\u2019s", "'", "\u2019"):
        return True
    # a form the gazetteer does not list but matched: the generated "Irans"/"Washingtons"
    return span.text.endswith("s") and span._.kg_source in ("gazetteer", "capital") and \
        gazetteer_lookup(span.text) is None


def _after_preposition(doc: Doc, span: Span) -> bool:
    """Whether the mention is a prepositional object (walking back over "the", adjectives
    and a list "X, Y and"). A possessor ("for Washington's plans") is not."""
    if _possessive(doc, span):
        return False
    i = span.start - 1
    steps = 0
    while i >= 0 and steps < 8:
        t = doc[i]
        low = t.lower_
        if low in PREPOSITIONS:
            return True
        if low in ("the", "a", "an", ",", "and", "or", "both") or t.ent_type_:
            i -= 1
            steps += 1
            continue
        return False
    return False


def _adjectival(doc: Doc, span: Span) -> bool:
    """A demonym or name used as a modifier ("the Iraqi border", "the US deployment").
    Without a tagger: a demonym before a lower-case word is a modifier; a country name
    only after a determiner ("the US deployment", not "Russia expanded"), and never
    before a word that looks like a verb."""
    if span._.kg_source not in ("demonym", "gazetteer", "capital") or span.label_ != "STATE":
        return False
    if span.end >= len(doc) or _possessive(doc, span):
        return False
    nxt = doc[span.end]
    if span.text.endswith("s") and span._.kg_source == "demonym":
        return False  # "Syrians", "the Americans"
    if nxt.text in ("-", "\u2013") and span.end + 1 < len(doc) and doc[span.end + 1].is_alpha:
        return True  # "Syrian-Iraqi border", "US-Iranian struggle"
    if not (nxt.is_alpha and nxt.text.islower()) or nxt.lower_ in VERBISH \
            or nxt.lower_.endswith("ed"):
        return False
    if span._.kg_source == "demonym":
        return True
    return span.start > 0 and doc[span.start - 1].lower_ in ("the", "a", "an", "this", "that")


VERBISH = {"said", "says", "has", "have", "had", "is", "was", "are", "were", "will", "would",
           "could", "can", "may", "might", "must", "should", "and", "or", "also", "which",
           "who", "that", "does", "did", "announced", "launched", "seeks", "sought", "wants",
           "needs", "established", "supports", "revealed", "avenged"}


def _plural_actor(span: Span) -> bool:
    if span.label_ == "PERSON" or span.label_ in ("LOCATION", "FACILITY"):
        return False
    if span[-1].is_upper:
        return False  # "ISIS", "SDF": acronyms are singular
    last = span[-1].lower_
    if span.label_ == "GROUP":
        return True
    if span._.kg_source == "national_force" or span._.kg_source == "demonym":
        return last in PLURAL_HINTS or last.endswith("s")
    return span.label_ == "ORGANIZATION" and (last in PLURAL_HINTS or last.endswith("s"))


def _singular_actor(span: Span) -> bool:
    if span.label_ not in ("STATE", "ORGANIZATION"):
        return False
    return not _plural_actor(span) or span._.kg_source == "gazetteer"


class CorefResolver:
    def __init__(self, nlp: Language, name: str = "kg_coref", max_sentences: int = 1):
        self.name = name
        self.max_sentences = max_sentences
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("PRON", [[{"LOWER": {"IN": sorted(PRONOUN_IT | PRONOUN_THEY)}}]])
        self.matcher.add("DEF", [[{"LOWER": "the"}, {"LOWER": {"IN": DEF_ADJ}, "OP": "?"},
                                  {"LOWER": {"IN": sorted(DEFINITE)}}]], greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            doc.spans["kg_coref"] = []
            return doc
        text = doc.text
        newlines = [m.start() for m in re.finditer("\n", text)]

        def para(char: int) -> int:
            return bisect.bisect_right(newlines, char)

        try:
            sents = list(doc.sents)
        except ValueError:
            sents = [doc[:]]
        tok_sent = [0] * len(doc)
        for n, s in enumerate(sents):
            for i in range(s.start, s.end):
                tok_sent[i] = n

        ent_tok = set()
        for x in ents:
            ent_tok.update(range(x.start, x.end))
        matches = sorted(((doc.vocab.strings[k], s, e) for k, s, e in self.matcher(doc)
                          if not any(i in ent_tok for i in range(s, e))),
                         key=lambda m: (m[0] != "DEF", m[1]))
        ent_starts = [x.start for x in ents]

        out: list[Span] = []
        pool: list[Span] = []  # ents plus resolved descriptions, for the pronouns
        for kind, s, e in matches:
            if kind == "PRON" and not pool:
                pool = sorted(ents + out, key=lambda x: x.start)
                ent_starts = [x.start for x in pool]
                for x in out:
                    ent_tok.update(range(x.start, x.end))
            cands_all = pool if kind == "PRON" else ents
            p = para(doc[s].idx)
            sn = tok_sent[s]
            earlier = [x for x in cands_all[:bisect.bisect_left(ent_starts, s)]
                       if para(x.start_char) == p and x.end <= s]
            ante = None
            conf = CONF["pronoun"]
            if kind == "PRON":
                w = doc[s].lower_
                if w == "it" and self._expletive(doc, s):
                    continue
                want = _singular_actor if w in PRONOUN_IT else _plural_actor
                ante = self._nearest(doc, earlier, tok_sent, sn, want, s, ent_tok, sents)
            else:
                noun = doc[e - 1].lower_
                if e < len(doc) and doc[e].lower_ in ("of", "'s", "\u2019s"):
                    continue  # "the city of X", "the group's founder X": not an anaphor here
                want_types = DEFINITE[noun]
                cands = [x for x in earlier if x.label_ in want_types
                         and not _adjectival(doc, x)]
                if noun in NAMED_DEFINITES:
                    # "the coalition" means a coalition, not the last organisation
                    cands = [x for x in cands if noun in x.kb_id_.lower()]
                # prefer an actor that is not a prepositional object ("X, one of the
                # factions of Y, … The group" is X)
                heads = [x for x in cands if not _after_preposition(doc, x)]
                if heads:
                    ante = heads[-1]
                elif cands:
                    ante = cands[-1]
                conf = CONF["definite"]
            if ante is None:
                continue
            if ante._.kg_antecedent is not None:  # a description resolved earlier
                a0, a1 = ante._.kg_antecedent
            else:
                a0, a1 = ante.start, ante.end
            sp = Span(doc, s, e, label=ante.label_, kb_id=ante.kb_id_)
            sp._.kg_antecedent = [a0, a1]
            sp._.kg_confidence = conf
            sp._.kg_source = "coref"
            out.append(sp)
        out.sort(key=lambda x: x.start)
        doc.spans["kg_coref"] = out
        return doc

    def _nearest(self, doc: Doc, earlier: list[Span], tok_sent: list[int], sn: int,
                 want, pron: int, covered: set[int], sents: list[Span]) -> Span | None:
        """The nearest earlier actor in this sentence that is not the object of a
        preposition ("of ISIS", "backed by the IRGC"), else the first such actor of the
        previous sentence(s) (its likely subject). An object pronoun ("sends it") does not
        mean the subject of its own clause."""
        sent = sents[sn]
        first = next((x for x in earlier if tok_sent[x.start] == sn), None)
        if first is not None and first.label_ in ("LOCATION", "FACILITY") \
                and first.start - sent.start <= 2 and want is _singular_actor:
            return None  # "Albukamal, a town in Syria's east, faces it": a place's "it"
        clause_start = sent.start
        object_pos = doc[pron].lower_ in ("it", "them") and _object_position(doc, pron)
        if object_pos:
            for i in range(pron - 1, sent.start - 1, -1):
                if doc[i].lower_ in CLAUSE_BOUNDARIES:
                    clause_start = i + 1
                    break
        same = [x for x in earlier if tok_sent[x.start] == sn]
        found = None
        for x in reversed(same):
            if object_pos and x.start >= clause_start and not _possessive(doc, x):
                continue
            if want(x) and not _adjectival(doc, x) and not _after_preposition(doc, x):
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
        if self._blocked(doc, start, pron, plural, covered):
            return None
        return found

    @staticmethod
    def _blocked(doc: Doc, start: int, end: int, plural: bool, covered: set[int]) -> bool:
        """A non-entity noun phrase between antecedent and pronoun that the pronoun more
        likely means ("militias backed by X … their presence", "the coalition … it")."""
        for i in range(start, end):
            t = doc[i]
            if i in covered:
                continue
            if plural and t.lower_ in PLURAL_BLOCKERS:
                return True
            if not plural and t.lower_ in SINGULAR_BLOCKERS and i > 0 \
                    and doc[i - 1].lower_ in ("the", "this", "that"):
                return True
        return False

    @staticmethod
    def _expletive(doc: Doc, i: int) -> bool:
        """Non-referential "it": "it is clear that…", "it seems to…", "it's a pain"."""
        if i + 1 >= len(doc) or doc[i + 1].is_punct:
            return False  # "… and Iran arms it."
        k = i + 1
        if doc[k].lower_ in EXPLETIVE_MODALS and k + 1 < len(doc) \
                and doc[k + 1].lower_ in ("be", "been"):
            k += 2
        elif doc[k].lower_ in EXPLETIVE_NEXT:
            k += 1
        else:
            return doc[k].lower_ in ("took", "takes", "make", "makes", "made")
        while k < len(doc) and doc[k].lower_ in ("not", "n't", "nt", "also", "still", "now",
                                                 "been"):
            k += 1
        window = [t.lower_ for t in doc[k:k + 6]]
        if any(w in EXPLETIVE_LATER for w in window):
            return True
        return k < len(doc) and doc[k].lower_ in ("a", "an", "clear", "unclear", "likely",
                                                  "unlikely", "possible", "time", "true",
                                                  "important", "necessary", "hard", "easy")


@Language.factory("kg_coref", default_config={"max_sentences": 1})
def make_kg_coref(nlp: Language, name: str, max_sentences: int) -> CorefResolver:
    """Factory so ``nlp.add_pipe("kg_coref", after="kg_entities")`` works anywhere."""
    return CorefResolver(nlp, name, max_sentences=max_sentences)
