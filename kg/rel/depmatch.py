"""Dependency patterns: switched on only when the pipeline has a parser.

The shapes (subject–verb–object, verb + preposition, passive with a "by" agent, reduced
passive "militias armed by X", possessive nominal "X's support for Y", nominal with a
"by" agent) live in ``kg/data/dependency_shapes.json``; each dependency rule of a
relation file (``kg/data/relations/<RELATION>.json``) fills a shape with one of its word
lists. A matched token is mapped to the entity mention containing it, or to a mention
among its modifiers ("US forces" → United States), and conjuncts are expanded
("Russia, Turkey and Iran").

A match with only one argument named is half a fact, recorded in the Findings exactly as
the token frames record theirs (:func:`half_found`), so that bridging completes it from
another sentence: "The base was hit by drones. Kataib Hezbollah claimed the attack."
"""

from __future__ import annotations

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from . import dep_args
from .findings import Cand, Descriptor, Findings, OpenAttack, OpenTarget
from .frame_common import CONF
from .mentions import Mention
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
    (:mod:`.dep_args`) are mentions of the rule's types, and the half-found facts of the
    matches that have only one (:func:`half_found`)."""
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
        subjects = [m for m in dep_args.arguments(v, subj, rule.relation, "subj")
                    if m.type in rule.subject_types]
        if rule.relation == "OPPOSES" and subj.lower_ in v.lex["fact_finder_nouns"]:
            subjects = []  # "accused by U.N. investigators": a finding, not a stance
        objects = [m for m in dep_args.arguments(v, obj, rule.relation, "obj")
                   if m.type in rule.object_types]
        half_found(v, found, rule, subjects, objects, subj, obj, cue)
        for s in subjects:
            for o in objects:
                if s.name != o.name:
                    found.cands.append(Cand(s, rule.relation, o, rule.id, "dep", CONF["dep"],
                                            (cue.i, cue.i + 1)))


def half_found(v: DocView, found: Findings, rule: DepRule, subjects: list[Mention],
               objects: list[Mention], subj: Token, obj: Token, cue: Token) -> None:
    """Record what a match with one argument named and the other an unnamed description
    leaves for bridging, as the token frames record it: an attack with no named target
    ("US jets pounded militias"), one with no named attacker ("the base was hit by
    drones"), a backer of an unnamed group ("Iran arms militias"). An argument that names
    someone kg did not resolve (a name, a pronoun, a relative pronoun without a named
    antecedent) is not unnamed: nothing is recorded, so bridging cannot give it another
    sentence's actor."""
    if rule.relation == "ATTACKS" and subjects and not objects:
        head = dep_args.unnamed(v, obj)
        if head is not None:  # the descriptor bridged to it starts at the phrase's edge
            found.open_attacks.append(OpenAttack(subjects, head.left_edge.i,
                                                 (cue.i, cue.i + 1)))
    elif rule.relation == "ATTACKS" and objects and not subjects:
        if dep_args.unnamed(v, subj) is not None:
            found.open_targets.append(OpenTarget(cue.i, objects))
    elif rule.relation == "BACKS" and subjects and not objects:
        head = dep_args.unnamed(v, obj)
        if head is not None and head.lower_ in v.lex["group_nouns"]:
            found.descriptors.append(Descriptor(subjects, head.i, "BACKS"))
