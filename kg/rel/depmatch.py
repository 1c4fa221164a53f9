"""Dependency patterns: switched on only when the pipeline has a parser.

The shapes (subject–verb–object, verb + preposition, passive with a "by" agent, reduced
passive "militias armed by X", possessive nominal "X's support for Y", nominal with a
"by" agent) live in ``kg/data/dependency_shapes.json``; each dependency rule of a
relation file (``kg/data/relations/<RELATION>.json``) fills a shape with one of its word
lists. A matched token is mapped to the entity mention containing it, or to a mention
among its modifiers ("US forces" → United States), and conjuncts are expanded
("Russia, Turkey and Iran").
"""

from __future__ import annotations

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from . import dep_args
from .findings import Cand, Findings
from .frame_common import CONF
from .rules import RELATIONS_DIR, DepRule, RuleError
from .view import DocView


def build(vocab: Vocab, rules: list[DepRule]) -> tuple[DependencyMatcher, dict[str, DepRule]]:
    """One DependencyMatcher over every dependency rule (in rule-file order)."""
    matcher = DependencyMatcher(vocab)
    for r in rules:
        try:
            matcher.add(r.id, [r.pattern])
        except ValueError as e:  # spaCy's pattern validation message, with our rule id
            raise RuleError(RELATIONS_DIR / f"{r.relation}.json", r.id, "shape",
                            str(e).replace("\n", " ")) from None
    return matcher, {r.id: r for r in rules}


def run(v: DocView, found: Findings, matcher: DependencyMatcher, rules: dict[str, DepRule],
        doc: Doc) -> None:
    """Add a ``dep`` candidate for every match of a dependency rule whose arguments
    (:mod:`.dep_args`) are mentions of the rule's types."""
    vocab = doc.vocab
    for match_id, token_ids in matcher(doc):
        rid = vocab.strings[match_id]
        rule = rules.get(rid)
        if rule is None:
            continue
        pattern = matcher.get(rid)[1][0]
        role = {node["RIGHT_ID"]: doc[i] for node, i in zip(pattern, token_ids, strict=False)}
        subj, obj, cue = role.get("subj"), role.get("obj"), role.get("cue")
        if subj is None or obj is None or cue is None:
            continue
        subjects = dep_args.arguments(v, subj, rule.relation, "subj")
        objects = dep_args.arguments(v, obj, rule.relation, "obj")
        for s in subjects:
            for o in objects:
                if s.type in rule.subject_types and o.type in rule.object_types \
                        and s.name != o.name:
                    found.cands.append(Cand(s, rule.relation, o, rule.id, "dep", CONF["dep"],
                                            (cue.i, cue.i + 1)))
