"""The stricter check a trained pipeline's NER entity passes before it becomes an actor,
when neither the gazetteer nor kg's rules confirm it.

Why: on kg's gold sets, en_core_web_sm's NER caused most of the false positives the trained
path added. Its mistakes fall into a few kinds, and each test below answers one of them:

* **capitalisation**: a name is capitalised. Leading quotes and articles and trailing
  punctuation, particles and lower-case heads are trimmed ("“Caesar Files" → "Caesar
  Files", "Paktika province" → "Paktika"); what is left must start and end with a
  capitalised word, with only particles ("of", "al", "bin", …) in lower case between.
* **part of speech**: every word of a name is a proper noun for the model's own tagger
  ("Eastern" as an adjective, "Quoting" as a verb are not names). A nationality (NORP →
  GROUP) is an actor only as a plural noun that modifies nothing ("Europeans said",
  "the Tutsis"), never as the adjective of "Kurdish fighters" or "Islamist militants".
  (A pipeline without a tagger or parser skips what it cannot tell; a plural is then a
  word ending in "s".)
* **type agreement**: one text, one type in a document: a name the NER calls a place once
  and an organisation elsewhere ("Farsi") is not trusted; a single word that is the last
  name of a person named in the document ("Othman" after "Osama Othman") is that person,
  never a place or an organisation; a name whose last word is one of kg's organisation or
  facility heads takes that type.
* **context**: words of a title are not actors ("Defence" in "Defence Secretary X",
  "State" in "Secretary of State X", "Supreme" in "Supreme Leader"), nor are names in
  headline-case lines, where every word is capitalised; a single-word organisation that is
  an ordinary English word ("Parliament", "Telegram") or one of kg's not-a-name words is
  too vague to be an actor.

An NER entity the gazetteer resolves is not checked: the gazetteer confirms it. Those that
pass are still ranked below kg's own rules for the same words (``PRIO``), so a rule's
reading ("in Jouaiya": a place) wins over the model's ("Jouaiya": a person).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from .common import FACILITY_HEADS, NAME_INNER, NOT_NAMES, ORG_HEADS
from .toks import Toks

# the priority of an unconfirmed NER candidate: below kg's rules (1) at equal length
PRIO = 0
PROPER_TAGS = frozenset(["NNP", "NNPS"])
PLURAL_TAGS = frozenset(["NNS", "NNPS"])
MODIFIER_DEPS = frozenset(["amod", "compound", "nmod", "npadvmod", "advmod", "poss"])
LEADING_JUNK = frozenset(["the", "a", "an", '"', "\u201c", "\u2018", "'", "(", "-", "@"])


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English words (WordNet's lemmas of nouns, verbs, adjectives and adverbs,
    shipped with spacy-lookups-data, which kg already needs)."""
    from spacy.lookups import load_lookups

    try:
        table = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    except (ValueError, KeyError, OSError):  # pragma: no cover - spacy-lookups-data missing
        return frozenset()
    words: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(w for w in table.get(pos, ()) if "_" not in w)
    return frozenset(words)


def trim(T: Toks, s: int, e: int) -> tuple[int, int]:
    """The name inside an NER span: no leading article or quote, no trailing punctuation,
    particle or lower-case word."""
    while s < e and (T.lower[s] in LEADING_JUNK or not any(c.isalnum() for c in T.text[s])):
        s += 1
    while e > s and (not any(c.isalnum() for c in T.text[e - 1])
                     or T.lower[e - 1] in NAME_INNER or not T.cap[e - 1]):
        e -= 1
    return s, e


class NerContext:
    """What the check needs to know about the whole document, computed once per Doc."""

    def __init__(self, doc: Doc, T: Toks, ner: list[tuple[int, int, str]],
                 persons: list[tuple[int, int, str]], headline: set[int],
                 roles: list[tuple[int, int]]):
        self.doc, self.T, self.headline = doc, T, headline
        # a user's pipeline may have NER without a tagger or parser (an entity ruler)
        self.tagged, self.parsed = doc.has_annotation("TAG"), doc.has_annotation("DEP")
        self.labels: dict[str, set[str]] = {}
        for s, e, label in ner:
            self.labels.setdefault(T.span_text(s, e), set()).add(label)
        self.surnames = {name.split()[-1] for _, _, name in persons if " " in name}
        self.surnames.update(T.text[e - 1] for s, e, label in ner
                             if label == "PERSON" and e - s >= 2)
        # token positions a title occupies, or that a title's "of" governs
        self.title_tokens: set[int] = set()
        self.before_title: set[int] = set()
        for rs, re_ in roles:
            self.title_tokens.update(range(rs, re_))
            self.before_title.add(rs - 1)
            if re_ < T.n and T.lower[re_] == "of":
                self.title_tokens.add(re_ + 1)


def relabel(T: Toks, s: int, e: int, label: str) -> str:
    """The type the name's own head word gives it, if kg knows the head ("… Brigade" is an
    organisation, "… Airbase" a facility); else the NER's."""
    head = T.text[e - 1]
    if head in ORG_HEADS:
        return "ORGANIZATION"
    if head.lower() in FACILITY_HEADS:
        return "FACILITY"
    return label


def reject_reason(ctx: NerContext, s: int, e: int, label: str) -> str | None:
    """Why the NER entity ``[s, e)`` (already trimmed) with ontology ``label`` is not an
    actor, or None if it passes. The reasons name the kinds of the module docstring."""
    T, doc = ctx.T, ctx.doc
    if e <= s:
        return "capitalisation: nothing capitalised is left"
    if not T.cap[s] or not T.text[s][:1].isalpha():
        return "capitalisation: does not start with a capitalised word"
    for i in range(s + 1, e - 1):
        if not T.cap[i] and T.lower[i] not in NAME_INNER:
            return f"capitalisation: lower-case {T.text[i]!r} inside"
    if any(i in ctx.headline for i in range(s, e)):
        return "context: in a headline-case line"
    if any(i in ctx.title_tokens or i in ctx.before_title for i in range(s, e)):
        return "context: a word of a title"
    text = T.span_text(s, e)
    if len(ctx.labels.get(text, ())) > 1:
        return f"type: the NER gives {text!r} several types in this document"
    if e - s == 1 and label != "PERSON" and T.text[s] in ctx.surnames:
        return "type: the last name of a person named in the document"
    tokens = [doc[i] for i in range(s, e)]
    if label == "GROUP":
        head = tokens[-1]
        if ctx.tagged:
            plural = head.tag_ in PLURAL_TAGS or (head.text.endswith("s") and head.tag_ == "NNP")
        else:
            plural = head.text.endswith("s")
        if not plural or (ctx.parsed and head.dep_ in MODIFIER_DEPS):
            return "part of speech: a nationality used as an adjective, not a plural noun"
        return None
    if ctx.tagged and any(t.tag_ not in PROPER_TAGS for t in tokens
                          if t.lower_ not in NAME_INNER):
        return "part of speech: not a proper noun"
    if e - s == 1 and label == "ORGANIZATION" and (
            T.lower[s] in NOT_NAMES or T.lower[s] in common_words()):
        return "context: a single ordinary word as an organisation"
    return None

