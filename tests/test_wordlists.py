"""The word-list loader (kg/wordlists.py): namespaced lists from kg/data/words/*.json, clear
errors for unknown names and malformed files, and no word sets left in Python modules."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from kg.wordlists import WordListError, namespaces, parse, words

KG = Path(__file__).resolve().parents[1] / "kg"


def test_every_namespace_loads_and_lists_are_frozensets():
    assert {"frames", "entities", "verbs"} <= set(namespaces())
    for ns in namespaces():
        lists = words(ns)
        assert all(isinstance(v, frozenset) and v for v in lists.values())


def test_same_name_in_two_namespaces_is_two_lists():
    # the reason for namespaces: these were two different lists under one name
    assert words("frames")["non_state_heads"] != words("entities")["non_state_heads"]


def test_unknown_list_names_its_namespace_and_file():
    with pytest.raises(WordListError, match=r"no word list 'group_noun' in namespace 'frames'.*"
                                            r"frames\.json"):
        words("frames")["group_noun"]


def test_unknown_namespace_lists_the_known_ones():
    with pytest.raises(WordListError, match="no word-list namespace 'frame'.*frames"):
        words("frame")


@pytest.mark.parametrize("bad", [{"x": "word"}, {"x": [1, 2]}, {"x": [""]}, {"_doc": 3},
                                 ["a"], {"x": {"y": "z"}}])
def test_malformed_file_is_rejected(tmp_path, bad):
    path = tmp_path / "t.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(WordListError, match="t.json"):
        parse("t", path, bad)


def test_tables():
    assert "fought" in words("verbs").table("irregular")["fight"]
    with pytest.raises(WordListError, match="no table"):
        words("verbs").table("nope")


NOT_WORD_LISTS = {"MODIFIER_DEPS"}  # spaCy dependency labels (entity_rules/ner_check.py)


def _word_set_literals(path: Path) -> list[str]:
    """Module-level names bound to a literal set/frozenset/tuple of three or more lower-case
    words (entity type tuples such as ("STATE", "LOCATION") are not word lists)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        value = node.value
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "frozenset" \
                and value.args:
            value = value.args[0]
        if isinstance(value, (ast.Set, ast.Tuple, ast.List)) and len(value.elts) >= 3 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.isalpha()
                and e.value.islower()
                for e in value.elts):
            found.extend(t.id for t in node.targets
                         if isinstance(t, ast.Name) and t.id not in NOT_WORD_LISTS)
    return found


@pytest.mark.parametrize("path", sorted([*(KG / "rel").glob("*.py"),
                                         *(KG / "components" / "entity_rules").glob("*.py"),
                                         *(KG / "components").glob("*.py"),
                                         KG / "qualifiers.py", KG / "resolve.py"]),
                         ids=lambda p: p.name)
def test_no_word_sets_in_relation_and_entity_rule_modules(path):
    assert _word_set_literals(path) == [], \
        f"{path.name}: word sets belong in kg/data/words/<namespace>.json (kg.wordlists)"
