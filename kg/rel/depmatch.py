"""Dependency patterns: switched on only when the pipeline has a parser.

The shapes (subject–verb–object, verb + preposition, passive with a "by" agent, reduced
passive "militias armed by X", possessive nominal "X's support for Y", nominal with a
"by" agent) live in ``kg/data/patterns/dependency.json``; each rule fills a shape with a
relation's cue words. A matched token is mapped to the entity mention containing it, or to
a mention among its modifiers ("US forces" → United States), and conjuncts are expanded
("Russia, Turkey and Iran").
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .frames import Linker
from .mentions import Mention
from .patterns import PATTERN_DIR, PatternError, Rule, load_words


@dataclass
class DepRule:
    id: str
    relation: str
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]


def _fill(node: Any, cue: list[str], preps: list[str]) -> Any:
    if isinstance(node, dict):
        return {k: _fill(v, cue, preps) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill(v, cue, preps) for v in node]
    if node == "@cue":
        return cue
    if node == "@preps":
        return preps
    return node


def build(vocab: Vocab, token_rules: list[Rule]) -> tuple[DependencyMatcher, dict[str, DepRule]]:
    data = json.loads((PATTERN_DIR / "dependency.json").read_text(encoding="utf-8"))
    words = load_words()
    types = {r.relation: (r.subject_types, r.object_types) for r in token_rules}
    matcher = DependencyMatcher(vocab)
    rules: dict[str, DepRule] = {}
    for raw in data["rules"]:
        rel, shape = raw["relation"], raw["shape"]
        if shape not in data["shapes"]:
            raise PatternError(f"dependency.json:{raw['id']}: unknown shape {shape!r}")
        cue = words.get(rel, {}).get(raw["cue"])
        if not cue:
            raise PatternError(f"dependency.json:{raw['id']}: no word list {raw['cue']!r}")
        pattern = _fill(copy.deepcopy(data["shapes"][shape]), cue, raw.get("preps", []))
        matcher.add(raw["id"], [pattern])
        st, ot = types.get(rel, ((), ()))
        rules[raw["id"]] = DepRule(raw["id"], rel, tuple(raw.get("subject_types", st)),
                                   tuple(raw.get("object_types", ot)))
    return matcher, rules


def _mention_for(lk: Linker, tok: Token) -> Mention | None:
    m = lk.mention_at(tok.i)
    if m is not None:
        return m
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and lk.mention_at(child.i):
            return lk.mention_at(child.i)
    return None


def _with_conjuncts(lk: Linker, tok: Token) -> list[Mention]:
    out = []
    for t in (tok, *tok.conjuncts):
        m = _mention_for(lk, t)
        if m is not None and m not in out:
            out.append(m)
    return out


def run(lk: Linker, matcher: DependencyMatcher, rules: dict[str, DepRule], doc: Doc) -> None:
    vocab = doc.vocab
    for match_id, token_ids in matcher(doc):
        rid = vocab.strings[match_id]
        rule = rules[rid]
        pattern = matcher.get(rid)[1][0]
        role = {node["RIGHT_ID"]: doc[i] for node, i in zip(pattern, token_ids, strict=False)}
        subj, obj, cue = role.get("subj"), role.get("obj"), role.get("cue")
        if subj is None or obj is None or cue is None:
            continue
        for s in _with_conjuncts(lk, subj):
            for o in _with_conjuncts(lk, obj):
                if s.type in rule.subject_types and o.type in rule.object_types \
                        and s.name != o.name:
                    from .frame_common import CONF, Cand

                    lk.cands.append(Cand(s, rule.relation, o, rule.id, "dep", CONF["dep"],
                                         (cue.i, cue.i + 1)))
