"""Load the relation rule files, ``kg/data/relations/<RELATION>.json``, and reject what they
do not say correctly.

Why one file per relation: nearly every extraction change is a cue word or a rule of one
relation, and a reviewer should see it in one place. A file holds the relation's argument
types, its word lists (``words``), its token rules (a spaCy ``Matcher`` pattern plus the
frame that finds the arguments, see :mod:`kg.rel.registry`) and its dependency rules (a
shape of ``kg/data/dependency_shapes.json`` filled with one of the word lists; used only
when the pipeline has a parser). Every rule carries an ``example`` phrase on which it fires
(``tests/test_rule_examples.py`` checks each).

Why the loader is strict: a misspelt option (``"max_lefft"``) or frame would otherwise load
as a default and silently change what kg finds. Every error is one line naming the file,
the rule id and the key.

Pattern items (each becomes one spaCy token pattern):

* ``"@name"`` — ``LOWER`` in the word list ``name`` (``verbs`` lists hold lemmas and are
  inflected here, because the blank pipeline's lookup lemmatizer does not lemmatise
  capitalised tokens and sentence-initial verbs would be missed);
* ``"a|b|c"`` — ``LOWER`` in the alternatives; a leading ``?`` makes the token optional;
* ``"*{m,n}"`` — m to n tokens that are not punctuation or line breaks;
* ``"-"`` and other punctuation — ``ORTH``;
* a JSON object — a raw spaCy token pattern (ORTH/LOWER/LEMMA/ENT_TYPE ...), used as is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import ontology
from ..errors import KgError
from ..wordlists import words as word_lists
from .registry import FrameSpec, Options, frames, make_options, option_error

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
RELATIONS_DIR = DATA_DIR / "relations"
SHAPES_FILE = DATA_DIR / "dependency_shapes.json"

FILE_KEYS = frozenset({"relation", "note", "subject_types", "object_types", "words",
                       "token_rules", "dependency_rules"})
TOKEN_RULE_KEYS = frozenset({"id", "frame", "example", "note", "pattern", "subject_types",
                             "object_types"})
DEP_RULE_KEYS = frozenset({"id", "shape", "cue", "preps", "example", "note", "subject_types",
                           "object_types"})


class RuleError(KgError, ValueError):
    """A rule file says something the loader does not understand (one line: file, rule, key)."""

    def __init__(self, path: Path | str, rule: str | None, key: str | None, message: str):
        where = str(path) + (f": rule {rule}" if rule else "") + (f": key {key!r}" if key else "")
        super().__init__(f"{where}: {message}")
        self.path, self.rule, self.key = str(path), rule, key


@dataclass(frozen=True)
class Rule:
    """One token rule: a Matcher pattern plus the frame that finds its arguments."""

    id: str
    relation: str
    frame: str
    pattern: list[dict[str, Any]]
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    options: Options
    example: str
    spec: FrameSpec
    path: str  # the rule file, for error messages


@dataclass(frozen=True)
class DepRule:
    """One dependency rule: a shape filled with a relation's cue words."""

    id: str
    relation: str
    shape: str
    pattern: list[dict[str, Any]]
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    example: str


@dataclass(frozen=True)
class RuleSet:
    """Every rule of every relation file, in file order (file names sorted)."""

    token_rules: list[Rule]
    dependency_rules: list[DepRule]
    words: dict[str, dict[str, list[str]]]  # relation → its word lists (verbs inflected)

    @property
    def verb_forms(self) -> frozenset[str]:
        """Every first cue word of a ``verb_cue`` frame's rule: a mention right after one
        is a verb's object."""
        forms: set[str] = set()
        for r in self.token_rules:
            if r.spec.verb_cue and r.pattern:
                first = r.pattern[0].get("LOWER")
                if isinstance(first, dict):
                    forms.update(first.get("IN", []))
                elif isinstance(first, str):
                    forms.add(first)
        return frozenset(forms)


def inflect(lemma: str) -> list[str]:
    """Regular English verb forms of ``lemma`` (plus the irregular ones of the word list
    ``verbs.irregular``; ``verbs.double_final`` double their last consonant)."""
    w = lemma.lower()
    forms = {w}
    if re.search(r"(s|x|z|ch|sh)$", w):
        forms.add(w + "es")
    elif re.search(r"[^aeiou]y$", w):
        forms.add(w[:-1] + "ies")
    else:
        forms.add(w + "s")
    if w.endswith("e"):
        forms.update({w + "d", w[:-1] + "ing"})
    elif re.search(r"[^aeiou]y$", w):
        forms.update({w[:-1] + "ied", w + "ing"})
    else:
        forms.update({w + "ed", w + "ing"})
        if w in word_lists("verbs")["double_final"]:
            forms.update({w + w[-1] + "ed", w + w[-1] + "ing"})
    forms.update(word_lists("verbs").table("irregular").get(w, []))
    return sorted(forms)


def _expand_words(raw: Any, path: Path) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        raise RuleError(path, None, "words", "must be an object of word lists")
    out: dict[str, list[str]] = {}
    for name, items in raw.items():
        if not isinstance(items, list) or not all(isinstance(w, str) and w for w in items):
            raise RuleError(path, None, f"words.{name}", "must be a list of words")
        if name == "verbs":
            out[name] = sorted({f for w in items for f in inflect(w)})
        else:
            out[name] = sorted({w.lower() for w in items})
    return out


def _token(item: Any, words: dict[str, list[str]], path: Path, rid: str) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    if not isinstance(item, str) or not item:
        raise RuleError(path, rid, "pattern", f"items are strings or objects, got {item!r}")
    m = re.fullmatch(r"\*\{(\d*),(\d*)\}", item)
    if m:
        lo, hi = m.group(1) or "0", m.group(2)
        return {"IS_PUNCT": False, "IS_SPACE": False, "OP": f"{{{lo},{hi}}}"}
    optional = item.startswith("?") and len(item) > 1
    body = item[1:] if optional else item
    if body.startswith("@"):
        name = body[1:]
        if name not in words:
            known = ", ".join(sorted(words)) or "none"
            raise RuleError(path, rid, "pattern",
                            f"unknown word list {body!r} (this file has: {known})")
        spec: dict[str, Any] = {"LOWER": {"IN": words[name]}}
    elif re.fullmatch(r"[\w.'’-]+(\|[\w.'’-]+)*", body) and any(c.isalnum() for c in body):
        alts = body.lower().split("|")
        spec = {"LOWER": alts[0]} if len(alts) == 1 else {"LOWER": {"IN": alts}}
    else:
        spec = {"ORTH": body}
    if optional:
        spec["OP"] = "?"
    return spec


def _types(raw: dict[str, Any], key: str, default: tuple[str, ...], path: Path,
           rid: str | None) -> tuple[str, ...]:
    value = raw.get(key, default)
    if not isinstance(value, (list, tuple)) or not value:
        raise RuleError(path, rid, key, "must be a non-empty list of entity types")
    known = ontology.entity_types()
    for t in value:
        if t not in known:
            raise RuleError(path, rid, key, f"unknown entity type {t!r} (known: "
                                            f"{', '.join(known)})")
    return tuple(value)


def _unknown_keys(raw: dict[str, Any], allowed: frozenset[str], path: Path,
                  rid: str | None) -> None:
    for key in raw:
        if key not in allowed:
            raise RuleError(path, rid, key, f"unknown key (expected one of "
                                            f"{', '.join(sorted(allowed))})")


def _rule_id(raw: Any, relation: str, seen: set[str], path: Path) -> str:
    if not isinstance(raw, dict):
        raise RuleError(path, None, None, f"a rule must be an object, got {raw!r}")
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid.startswith(relation + "."):
        raise RuleError(path, str(rid), "id", f"every rule needs an id starting {relation}.")
    if rid in seen:
        raise RuleError(path, rid, "id", "the id is used twice")
    seen.add(rid)
    example = raw.get("example")
    if not isinstance(example, str) or not example.strip():
        raise RuleError(path, rid, "example", "every rule needs an example phrase it fires on")
    return rid


def _token_rule(raw: dict[str, Any], relation: str, st: tuple[str, ...], ot: tuple[str, ...],
                words: dict[str, list[str]], path: Path, rid: str) -> Rule:
    registered = frames()
    name = raw.get("frame")
    if name not in registered:
        raise RuleError(path, rid, "frame", f"unknown frame {name!r} (registered: "
                                            f"{', '.join(sorted(registered))})")
    spec = registered[name]
    options = {k: v for k, v in raw.items() if k not in TOKEN_RULE_KEYS}
    for key, value in options.items():
        why = option_error(spec.options, key, value)
        if why:
            raise RuleError(path, rid, key, f"frame {name}: {why}")
    for target in options.get("object_type_relation", {}).values():
        if target not in ontology.relations():
            raise RuleError(path, rid, "object_type_relation", f"unknown relation {target!r}")
    items = raw.get("pattern")
    if not isinstance(items, list) or not items:
        raise RuleError(path, rid, "pattern", "must be a non-empty list")
    return Rule(id=rid, relation=relation, frame=name,
                pattern=[_token(item, words, path, rid) for item in items],
                subject_types=_types(raw, "subject_types", st, path, rid),
                object_types=_types(raw, "object_types", ot, path, rid),
                options=make_options(spec.options, options), example=raw["example"],
                spec=spec, path=str(path))


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


def load_shapes(path: Path = SHAPES_FILE) -> dict[str, list[dict[str, Any]]]:
    """The DependencyMatcher shapes; ``@cue``/``@preps`` are filled in by each rule."""
    data = json.loads(path.read_text(encoding="utf-8"))
    _unknown_keys(data, frozenset({"note", "shapes"}), path, None)
    return data["shapes"]


def _dep_rule(raw: dict[str, Any], relation: str, st: tuple[str, ...], ot: tuple[str, ...],
              words: dict[str, list[str]], shapes: dict[str, Any], path: Path,
              rid: str) -> DepRule:
    _unknown_keys(raw, DEP_RULE_KEYS, path, rid)
    shape = raw.get("shape")
    if shape not in shapes:
        raise RuleError(path, rid, "shape", f"unknown shape {shape!r} (known: "
                                            f"{', '.join(sorted(shapes))})")
    cue = words.get(raw.get("cue"))
    if not cue:
        raise RuleError(path, rid, "cue", f"unknown word list {raw.get('cue')!r} (this file "
                                          f"has: {', '.join(sorted(words)) or 'none'})")
    preps = raw.get("preps", [])
    if not isinstance(preps, list) or not all(isinstance(p, str) for p in preps):
        raise RuleError(path, rid, "preps", "must be a list of words")
    import copy

    return DepRule(id=rid, relation=relation, shape=shape,
                   pattern=_fill(copy.deepcopy(shapes[shape]), cue, preps),
                   subject_types=_types(raw, "subject_types", st, path, rid),
                   object_types=_types(raw, "object_types", ot, path, rid),
                   example=raw["example"])


def load_rules(directory: Path = RELATIONS_DIR, shapes_file: Path = SHAPES_FILE) -> RuleSet:
    """Every rule of every ``<RELATION>.json`` in ``directory`` (see the module docstring);
    raises :class:`RuleError` on the first thing it does not understand."""
    shapes = load_shapes(shapes_file)
    token_rules: list[Rule] = []
    dep_rules: list[DepRule] = []
    all_words: dict[str, dict[str, list[str]]] = {}
    seen: set[str] = set()
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise RuleError(path, None, None, f"not JSON: {e}") from None
        if not isinstance(data, dict):
            raise RuleError(path, None, None, "must be a JSON object")
        _unknown_keys(data, FILE_KEYS, path, None)
        relation = data.get("relation")
        if relation != path.stem:
            raise RuleError(path, None, "relation", f"must be {path.stem!r}, the file's name")
        if relation not in ontology.relations():
            raise RuleError(path, None, "relation", f"unknown relation {relation!r} (add it "
                                                    "to kg/data/ontology.json first)")
        st = _types(data, "subject_types", (), path, None)
        ot = _types(data, "object_types", (), path, None)
        words = _expand_words(data.get("words", {}), path)
        all_words[relation] = words
        for raw in data.get("token_rules", []):
            rid = _rule_id(raw, relation, seen, path)
            token_rules.append(_token_rule(raw, relation, st, ot, words, path, rid))
        for raw in data.get("dependency_rules", []):
            rid = _rule_id(raw, relation, seen, path)
            dep_rules.append(_dep_rule(raw, relation, st, ot, words, shapes, path, rid))
    return RuleSet(token_rules, dep_rules, all_words)
