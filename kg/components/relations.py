"""``kg_relations``: relation candidates between the entity mentions of a Doc.

Runs after ``kg_entities`` and ``kg_coref``. One ``Matcher`` pass per Doc finds the cue
phrases of the token rules in ``kg/data/relations/<RELATION>.json`` (ORTH/LOWER patterns,
so they work on the blank fallback pipeline); each match is handed to its frame
(:mod:`kg.rel.frames`) which finds the arguments. Structural rules (:mod:`kg.rel.structural`:
possessives, place apposition, titles) and, when the pipeline has a parser, the
``DependencyMatcher`` rules (:mod:`kg.rel.depmatch`) add more; :mod:`kg.rel.bridging`
links descriptions across sentences. Qualifiers (:mod:`kg.qualifiers`) are attached here.

Result: ``doc._.kg_relations``, a list of plain dicts (so Docs survive ``n_process > 1``)::

    {"subject", "subject_type", "relation", "object", "object_type",
     "rule", "kind", "confidence", "negated", "attributed_to",
     "subject_span": [start, end], "object_span": [start, end], "cue": [start, end],
     "sent": [start_char, end_char]}

Confidence scale (by kind of evidence):

====================  =====  ============================================================
kind                  conf   evidence
====================  =====  ============================================================
``dep``               0.90   a DependencyMatcher pattern over a parse (trained pipeline)
``token_tight``       0.80   a token pattern with adjacent arguments ("X-backed Y",
                             "pro-X Y", passive "Y backed by X", titles)
``token``             0.70   a token pattern whose arguments were found by scanning the
                             clause (active verbs, nominalisations)
``heuristic``         0.60   a structural rule without a cue word (possessives, "Dohuk,
                             Iraq", "the port in southern Iraq")
``bridge``            0.50   a link across sentences (descriptor bridging, enumerations)
====================  =====  ============================================================

The same triple found by several rules in one sentence keeps the highest confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import qualifiers, resolve
from ..rel import bridging, constructions, depmatch, frames, structural
from ..rel.findings import Cand, Findings
from ..rel.mentions import SET_SEP, collect, members
from ..rel.patterns import CueMatcher
from ..rel.rules import load_rules
from ..rel.view import DocView
from ..tokens import token_data
from ..wordlists import words

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)


class RelationExtractor:
    """The component object; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "kg_relations",
                 use_dependencies: bool = True, rules_dir: str | None = None) -> None:
        self.name = name
        # ``rules_dir``: a folder of rule files in place of kg/data/relations (a user's own)
        ruleset = load_rules(Path(rules_dir)) if rules_dir else load_rules()
        self.rules = ruleset.token_rules
        self.by_id = {r.id: r for r in self.rules}
        self.matcher = CueMatcher(nlp.vocab, self.rules)
        self.verb_forms = ruleset.verb_forms
        self.use_dependencies = use_dependencies
        self.dep_matcher, self.dep_rules = depmatch.build(nlp.vocab, ruleset.dependency_rules)
        #: whether a rule pattern tests LEMMA; if none does, the extractor skips the
        #: lemmatizer (:func:`kg.nlp.unread_lemmatizers`)
        self.reads_lemmas = any(_tests_lemma(r.pattern) for r in
                                (*ruleset.token_rules, *ruleset.dependency_rules))
        self._nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        # name lookups in the frames go to the pipeline's own resolver (kg_entities')
        with resolve.using(resolve.resolver_of(self._nlp)):
            return self._extract(doc)

    def _extract(self, doc: Doc) -> Doc:
        view = self.view(doc)
        if view is None:
            doc._.kg_relations = []
            return doc
        found = Findings()
        for rule_id, start, end in self.matcher(doc, view.low):
            frames.run(view, found, self.by_id[rule_id], start, end)
        structural.run(view, found)
        constructions.run(view, found)
        if self.use_dependencies and doc.has_annotation("DEP"):
            depmatch.run(view, found, self.dep_matcher, self.dep_rules, doc)
        bridging.run(view, found)
        doc._.kg_relations = self._records(view, found)
        return doc

    def view(self, doc: Doc) -> DocView | None:
        """The read-only view the frames receive (None when the Doc has no mentions)."""
        mentions, index = collect(doc)
        if not mentions:
            return None
        return DocView.build(doc, mentions, index, words("frames"), self.verb_forms)

    def fire(self, doc: Doc, rule_id: str) -> Findings | None:
        """Run one rule alone on a processed ``doc`` (its matches, frame and nothing else)
        and return what it found, or None if the doc has no mentions. Used to check that
        every rule's example makes that rule fire."""
        view = self.view(doc)
        if view is None:
            return None
        found = Findings()
        if rule_id in self.dep_rules:
            if doc.has_annotation("DEP"):
                depmatch.run(view, found, self.dep_matcher,
                             {rule_id: self.dep_rules[rule_id]}, doc)
            return found
        for rid, start, end in self.matcher(doc, view.low):
            if rid == rule_id:
                frames.run(view, found, self.by_id[rid], start, end)
        return found

    def _records(self, v: DocView, found: Findings) -> list[dict[str, Any]]:
        """One record per (subject, relation, object, segment), the most confident
        candidate's, with its qualifiers."""
        doc = v.doc
        best: dict[tuple, dict[str, Any]] = {}
        attributions: dict[int, str | None] = {}

        def name_at(i: int) -> str | None:
            m = v.mention_at(i)
            return m.name if m is not None and SET_SEP not in m.name else None

        for c in _each_member(found.cands):
            seg = v.segment_of[c.cue[0]]
            s0, s1 = v.segments[seg]
            key = (c.subj.name, c.rel, c.obj.name, seg)
            old = best.get(key)
            if old is not None and old["confidence"] >= c.conf:
                continue
            if seg not in attributions:
                attributions[seg] = qualifiers.attribution(doc, s0, s1, name_at)
            left = min(c.subj.start, c.obj.start, c.cue[0])
            best[key] = _record(c, doc, s0, s1,
                                qualifiers.is_negated(doc, s0, left, c.cue[0], c.cue[1]),
                                attributions[seg])
        return list(best.values())


def _each_member(cands: list[Cand]) -> Iterator[Cand]:
    """The candidates with a set mention ("the two countries traded strikes") given once
    per member state, never a member with itself."""
    for c in cands:
        if SET_SEP not in c.subj.name and SET_SEP not in c.obj.name:
            yield c
            continue
        for s in members(c.subj):
            for o in members(c.obj):
                if s.name != o.name:
                    yield replace(c, subj=s, obj=o)


def _record(c: Cand, doc: Doc, s0: int, s1: int, negated: bool,
            attributed_to: str | None) -> dict[str, Any]:
    return {
        "subject": c.subj.name, "subject_type": c.subj.type, "relation": c.rel,
        "object": c.obj.name, "object_type": c.obj.type, "rule": c.rule, "kind": c.kind,
        "confidence": c.conf, "negated": negated,
        "attributed_to": attributed_to,
        "subject_span": [c.subj.start, c.subj.end], "object_span": [c.obj.start, c.obj.end],
        "cue": list(c.cue), "sent": _sentence_chars(doc, s0, s1),
    }


def _sentence_chars(doc: Doc, s0: int, s1: int) -> list[int]:
    """Character offsets [start, end) of tokens s0..s1-1."""
    data = token_data(doc)
    return [data.idx[s0], data.idx[s1 - 1] + len(data.text[s1 - 1])]


def _tests_lemma(node: Any) -> bool:
    """Whether a spaCy token or dependency pattern (nested lists and dicts) has a LEMMA key."""
    if isinstance(node, dict):
        return "LEMMA" in node or any(_tests_lemma(v) for v in node.values())
    if isinstance(node, list):
        return any(_tests_lemma(v) for v in node)
    return False


@Language.factory("kg_relations", default_config={"use_dependencies": True, "rules_dir": None})
def make_relations(nlp: Language, name: str, use_dependencies: bool,
                   rules_dir: str | None) -> RelationExtractor:
    return RelationExtractor(nlp, name, use_dependencies, rules_dir)
