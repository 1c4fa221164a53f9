"""The actors of the region as data: load ``kg/data/gazetteer.jsonl`` and compile it.

One JSON object per line::

    {"name": "United States", "type": "STATE",
     "aliases": ["US", "U.S.", "America"], "demonyms": ["American", "Americans"],
     "capital": "Washington", "part_of": "..."}

``name`` is the canonical name every mention resolves to (one node per real actor), ``type``
one of the six ontology entity types. ``demonyms`` and ``capital`` only make sense for a
STATE: a demonym used as an adjective ("Iranian forces") and a capital used as a government
("Tehran announced") both stand for the state. ``part_of`` is the larger actor a unit,
official or place belongs to (used for "Trump administration" → United States and as a hint
for PART_OF/LOCATED_IN).

Matching is done by spaCy's ``PhraseMatcher`` (C-speed, no per-token Python loop over the
list). Aliases with lower-case letters are matched on ``LOWER`` so sentence case and
headline case both hit; aliases written in capitals only ("US", "IS", "PMF") are matched on
``ORTH`` so "us" and "is" never become actors. A lower-case match is only accepted when the
text has at least one capital letter (so "turkey" the bird is not Turkey).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import KgError
from .ontology import entity_types

# kinds of surface form
NAME = "name"
DEMONYM = "demonym"
CAPITAL = "capital"

_ARTICLE = re.compile(r"\b(?:al|el)[\s\-]+|\b(?:ad|as|ash|an|ar|at|ad|az)-")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_POSSESSIVE = re.compile(r"['\u2019`]s?$")


class GazetteerError(KgError, ValueError):
    """A gazetteer line that is not valid (bad JSON, unknown type, duplicate name)."""


def norm_key(text: str) -> str:
    """A spelling-insensitive key: case, diacritics, quotes, the Arabic article, hyphens and
    spaces do not matter, so "al-Tanf", "Al Tanf" and "Tanf" share a key, as do
    "Kata'ib Hezbollah" and "Kataib Hezbollah"."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().strip()
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    s = re.sub(r"^the\s+", "", s)
    s = _POSSESSIVE.sub("", s)
    s = _ARTICLE.sub("", s)
    return _NON_ALNUM.sub("", s)


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    part_of: str | None = None


@dataclass(frozen=True)
class Surface:
    """One way of writing an actor: the text, which actor, and what kind of form it is."""

    text: str
    actor: str
    kind: str  # NAME, DEMONYM or CAPITAL


@dataclass
class Gazetteer:
    actors: dict[str, Actor] = field(default_factory=dict)
    surfaces: list[Surface] = field(default_factory=list)
    by_key: dict[str, Surface] = field(default_factory=dict)
    path: str = ""

    def actor(self, name: str) -> Actor | None:
        return self.actors.get(name)

    def lookup(self, text: str) -> Surface | None:
        """The exact (spelling-insensitive) surface form for ``text``, if the list has it."""
        key = norm_key(text)
        return self.by_key.get(key) if key else None

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())


def default_path() -> Path:
    env = os.environ.get("KG_GAZETTEER")
    if env:
        return Path(env)
    return Path(str(resources.files("kg").joinpath("data/gazetteer.jsonl")))


def _surfaces(actor: Actor) -> Iterator[Surface]:
    yield Surface(actor.name, actor.name, NAME)
    for a in actor.aliases:
        yield Surface(a, actor.name, NAME)
    for d in actor.demonyms:
        yield Surface(d, actor.name, DEMONYM)
    if actor.capital:
        yield Surface(actor.capital, actor.name, CAPITAL)


def parse_lines(lines: Iterator[str], source: str = "<gazetteer>") -> Gazetteer:
    types = set(entity_types())
    gz = Gazetteer(path=source)
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            d = json.loads(line)
            actor = Actor(name=d["name"].strip(), type=d["type"],
                          aliases=tuple(d.get("aliases", ())),
                          demonyms=tuple(d.get("demonyms", ())),
                          capital=d.get("capital"), part_of=d.get("part_of"))
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise GazetteerError(f"{source}:{n}: not a valid gazetteer line: {e}") from None
        if actor.type not in types:
            raise GazetteerError(f"{source}:{n}: unknown entity type {actor.type!r} "
                                 f"(expected one of {', '.join(sorted(types))})")
        if actor.name in gz.actors:
            raise GazetteerError(f"{source}:{n}: duplicate actor name {actor.name!r}")
        if (actor.demonyms or actor.capital) and actor.type != "STATE":
            raise GazetteerError(f"{source}:{n}: demonyms/capital only make sense for a STATE")
        gz.actors[actor.name] = actor
        for s in _surfaces(actor):
            gz.surfaces.append(s)
            key = norm_key(s.text)
            # first writer wins; a canonical name always beats someone else's alias
            if key and (key not in gz.by_key or s.text == actor.name):
                gz.by_key[key] = s
    return gz


@cache
def _load_cached(path: str) -> Gazetteer:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise GazetteerError(f"cannot read gazetteer {p}: {e.strerror or e}") from None
    return parse_lines(iter(text.splitlines()), str(p))


@cache
def _default_for_env(env: str | None) -> Gazetteer:
    return _load_cached(str(default_path()))


def load_gazetteer(path: str | os.PathLike | None = None) -> Gazetteer:
    """The gazetteer (parsed once per path and cached)."""
    if path is None:
        return _default_for_env(os.environ.get("KG_GAZETTEER"))
    return _load_cached(str(Path(path)))


# ---------------------------------------------------------------- compiling to patterns

def is_caps_alias(text: str) -> bool:
    """Acronym-like forms ("US", "U.S.", "IS", "CJTF-OIR") must match case-sensitively."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def surface_variants(s: Surface, actor: Actor) -> Iterator[str]:
    """Spellings generated from one surface form: hyphen ↔ space, and the possessive that
    lost its apostrophe in scraped text ("Irans", "Assads", "Washingtons")."""
    t = s.text
    yield t
    if "-" in t and not is_caps_alias(t):
        yield t.replace("-", " ")
    if " " in t and t.lower().startswith(("al ", "el ")):
        yield t[:2] + "-" + t[3:]
    if (s.kind in (NAME, CAPITAL) and actor.type in ("STATE", "PERSON", "ORGANIZATION")
            and not t.endswith("s") and t[-1:].isalpha()):
        yield t + "s"


def match_key(surface: Surface) -> str:
    """The PhraseMatcher key of a surface: ``kind|canonical name``; ``kind+lc|…`` for an
    alias written all in lower case ("international coalition"), which may match
    lower-case text."""
    lc = "+lc" if not any(c.isupper() for c in surface.text) else ""
    return f"{surface.kind}{lc}|{surface.actor}"


def build_matchers(nlp, gz: Gazetteer):
    """Two PhraseMatchers (LOWER for ordinary names, ORTH for capitals-only forms)."""
    from spacy.matcher import PhraseMatcher

    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_key_lower: dict[str, set[str]] = {}
    by_key_orth: dict[str, set[str]] = {}
    for s in gz.surfaces:
        actor = gz.actors[s.actor]
        target = by_key_orth if is_caps_alias(s.text) else by_key_lower
        for v in surface_variants(s, actor):
            target.setdefault(match_key(s), set()).add(v)
    for matcher, table in ((lower, by_key_lower), (orth, by_key_orth)):
        for key, texts in table.items():
            matcher.add(key, list(nlp.tokenizer.pipe(sorted(texts))))
    return lower, orth
