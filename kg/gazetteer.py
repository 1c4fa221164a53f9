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
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from .errors import KgError
from .gc_pause import gc_paused
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


_THE = re.compile(r"^the\s+")
_PUNCT_MAP = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})


@lru_cache(maxsize=200_000)
def norm_key(text: str) -> str:
    """A spelling-insensitive key: case, diacritics, quotes, the Arabic article, hyphens and
    spaces do not matter, so "al-Tanf", "Al Tanf" and "Tanf" share a key, as do
    "Kata'ib Hezbollah" and "Kataib Hezbollah"."""
    if text.isascii():
        s = text.lower().strip()
    else:
        s = unicodedata.normalize("NFKD", text)
        s = "".join(c for c in s if not unicodedata.combining(c)).lower().strip()
        s = s.translate(_PUNCT_MAP)
    s = _THE.sub("", s)
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
    code: str | None = None  # ISO 3166 alpha-3 of a state (world data), for overrides
    cue: bool = False  # a small place: only after a place cue ("in", "near", "the town of")
    fuzzy: bool = True  # False: exact spellings only (the world data's thousands of cities)


#: the keys a gazetteer line may have (anything else is a typo the loader reports)
FIELDS = frozenset(["name", "type", "aliases", "demonyms", "capital", "part_of", "code", "cue",
                    "fuzzy"])


class Surface(NamedTuple):
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
    #: small places (``cue``): never matched on their own, only looked up after a place cue
    cue_places: dict[str, Actor] = field(default_factory=dict)
    #: the world data's table of small places, when the world file is one of the layers
    places_file: str | None = None

    def actor(self, name: str) -> Actor | None:
        return self.actors.get(name)

    def container(self, name: str) -> Actor | None:
        """The actor the known actor ``name`` is ``part_of`` (a person's state or body, a
        unit's force), if the list has both."""
        actor = self.actors.get(name)
        return self.actors.get(actor.part_of) if actor is not None and actor.part_of else None

    def lookup(self, text: str) -> Surface | None:
        """The exact (spelling-insensitive) surface form for ``text``, if the list has it."""
        key = norm_key(text)
        return self.by_key.get(key) if key else None

    def cue_place(self, text: str) -> Actor | None:
        """A small place named ``text`` (only meaningful after a place cue): the files' own
        ``cue`` lines, then the world data's places, unless an actor has that spelling."""
        key = norm_key(text)
        if not key:
            return None
        hit = self.cue_places.get(key)
        if hit is None and self.places_file and key not in self.by_key:
            row = world_places(self.places_file).get(key)
            if row is not None:
                hit = Actor(row[0], "LOCATION", part_of=row[1] or None, cue=True)
                if hit.part_of and hit.part_of not in self.actors:
                    hit = replace(hit, part_of=None)
        return hit

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())


def packaged_paths() -> list[Path]:
    """The packaged data, lowest layer first: the world file generated from maintained
    packages (:mod:`kg.worlddata`), then the hand-written files: the world's armed groups,
    movements, commands and missions (:data:`GROUPS_FILE`) and the region file, last so
    that it wins on a name both have (a test keeps the two from sharing one)."""
    data = resources.files("kg").joinpath("data")
    return [Path(str(data.joinpath(name))) for name in (WORLD_FILE, GROUPS_FILE, REGION_FILE)]


WORLD_FILE = "gazetteer_world.jsonl"
#: hand-written, with the region file: actors outside the region that news names
GROUPS_FILE = "gazetteer_groups.jsonl"
REGION_FILE = "gazetteer.jsonl"
#: small places of the world data, read on the first place cue (see :func:`world_places`)
WORLD_PLACES_FILE = "gazetteer_world_places.tsv"


def env_paths(env: str | None = None) -> list[Path]:
    """The user's files in ``KG_GAZETTEER`` (separated by ``os.pathsep``), layered over the
    packaged data in that order (the last one wins)."""
    env = os.environ.get("KG_GAZETTEER") if env is None else env
    return [Path(p) for p in (env or "").split(os.pathsep) if p.strip()]


@cache
@cache
def world_rules() -> dict:
    """The lists of ``world_curation.json`` the entity rules use at run time: state names
    that are also first names, states named like a US state and the words around such a
    name that make it the US state, and the states whose prime minister does not lead
    them (read once: the rules ask for them per match)."""
    text = resources.files("kg").joinpath("data/world_curation.json").read_text("utf-8")
    d = json.loads(text)
    return {"first_names": frozenset(d["first_names"]),
            "us_state_homonyms": dict(d["us_state_homonyms"]),
            "us_state_before_of": frozenset(d["us_state_context"]["before_of"]),
            "us_state_after": frozenset(d["us_state_context"]["after"]),
            "executive_heads_of_state": frozenset(d["executive_heads_of_state"])}


def default_path() -> Path:
    """The region file (kept for callers that want the hand-written list alone)."""
    return packaged_paths()[-1]


def _surfaces(actor: Actor, name: str | None = None) -> Iterator[Surface]:
    """The actor's spellings, credited to ``name`` (default: its own)."""
    name = name or actor.name
    yield Surface(actor.name, name, NAME)
    for a in actor.aliases:
        yield Surface(a, name, NAME)
    for d in actor.demonyms:
        yield Surface(d, name, DEMONYM)
    if actor.capital:
        yield Surface(actor.capital, name, CAPITAL)


def _strings(value, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TypeError(f"{what!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _actor_of(d) -> Actor:
    if not isinstance(d, dict):
        raise TypeError("a line must be a JSON object")
    unknown = sorted(set(d) - FIELDS)
    if unknown:
        raise KeyError(f"unknown field {unknown[0]!r} (expected {', '.join(sorted(FIELDS))})")
    for k in ("name", "type", "capital", "part_of", "code"):
        if k in d and d[k] is not None and not (isinstance(d[k], str) and d[k].strip()):
            raise TypeError(f"{k!r} must be a non-empty string")
    for k in ("cue", "fuzzy"):
        if k in d and not isinstance(d[k], bool):
            raise TypeError(f"{k!r} must be true or false")
    return Actor(name=d["name"].strip(), type=d["type"],
                 aliases=_strings(d.get("aliases", []), "aliases"),
                 demonyms=_strings(d.get("demonyms", []), "demonyms"),
                 capital=d.get("capital"), part_of=d.get("part_of"), code=d.get("code"),
                 cue=d.get("cue", False), fuzzy=d.get("fuzzy", True))


def _check(actor: Actor, types: set[str], where: str, seen: dict[str, Actor]) -> None:
    if actor.type not in types:
        raise GazetteerError(f"{where}: unknown entity type {actor.type!r} "
                             f"(expected one of {', '.join(sorted(types))})")
    if actor.name in seen:
        raise GazetteerError(f"{where}: duplicate actor name {actor.name!r}")
    if (actor.demonyms or actor.capital) and actor.type != "STATE":
        raise GazetteerError(f"{where}: demonyms/capital only make sense for a STATE")
    if actor.cue and (actor.type != "LOCATION" or actor.aliases):
        raise GazetteerError(f"{where}: 'cue' is for a LOCATION without aliases")


def _read_actors(lines: Iterator[str], source: str) -> list[Actor]:
    types = set(entity_types())
    seen: dict[str, Actor] = {}
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            actor = _actor_of(json.loads(line))
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            msg = e.args[0] if isinstance(e, KeyError) and e.args else e
            if isinstance(e, KeyError) and not str(msg).startswith("unknown field"):
                msg = f"missing field {msg!r}"
            raise GazetteerError(f"{source}:{n}: not a valid gazetteer line: {msg}") from None
        _check(actor, types, f"{source}:{n}", seen)
        seen[actor.name] = actor
    return list(seen.values())


def _compile(layers: list[list[Actor]], source: str) -> Gazetteer:
    """One gazetteer from layers of actors, lowest first. A higher layer wins: an actor with
    the same name, ISO code or (same type) a name the other already answers to is merged
    (the higher one's name, type, capital and ``part_of``; the aliases and demonyms of
    both); a spelling that two actors claim belongs to the higher layer's, and a lower
    actor whose very name a higher one claims is left out ("Tripoli" the region's capital
    of Libya beats a world city of that name). Within one layer the first writer wins,
    except that a canonical name always beats someone else's alias."""
    gz = Gazetteer(path=source)
    merged: dict[str, Actor] = {}
    key_owner: dict[str, str] = {}  # name/alias key -> merged actor, of the lower layers
    code_owner: dict[str, str] = {}
    renamed: dict[str, str] = {}
    members: list[list[tuple[Actor, str]]] = []

    def final(name: str) -> str:
        while name in renamed:
            name = renamed[name]
        return name

    for layer in layers:
        mine: list[tuple[Actor, str]] = []
        for a in layer:
            old_name = _same_as(a, merged, key_owner, code_owner, final)
            if old_name is not None:
                old = merged.pop(old_name)
                state = a.type == "STATE"
                a_new = replace(a, aliases=_union(a.aliases, (old.name, *old.aliases), a.name),
                                demonyms=_union(a.demonyms, old.demonyms) if state else (),
                                capital=a.capital or (old.capital if state else None),
                                part_of=a.part_of or old.part_of, code=a.code or old.code)
                if old_name != a.name:
                    renamed[old_name] = a.name
                a = a_new
            merged[a.name] = a
            mine.append((a, a.name))
        for a, _ in mine:
            for text in (a.name, *a.aliases):
                key_owner.setdefault(norm_key(text), a.name)
            if a.code:
                code_owner[a.code] = a.name
        members.append([(orig, name) for orig, (_, name) in zip(layer, mine, strict=True)])

    claimed: dict[str, str] = {}  # key -> actor, of the higher layers
    dropped: set[str] = set()
    for depth in range(len(layers) - 1, -1, -1):
        own: dict[str, Surface] = {}
        for a, name in members[depth]:
            target = merged[final(name)]
            for s in _surfaces(a, target.name):
                key = norm_key(s.text)
                if not key:
                    continue
                if claimed.get(key, target.name) != target.name:
                    if s.text == a.name and a.name == target.name:
                        dropped.add(target.name)
                    continue
                if target.cue:
                    gz.cue_places.setdefault(key, target)
                    continue
                gz.surfaces.append(s)
                if key not in own or s.text == target.name:
                    own[key] = s
        for key, s in own.items():
            if key not in gz.by_key:
                gz.by_key[key] = s
                claimed[key] = s.actor
    if dropped:
        gz.surfaces = [s for s in gz.surfaces if s.actor not in dropped]
        gz.by_key = {k: s for k, s in gz.by_key.items() if s.actor not in dropped}
        gz.cue_places = {k: a for k, a in gz.cue_places.items() if a.name not in dropped}
    gz.actors = {n: a for n, a in merged.items() if n not in dropped}
    return gz


def _same_as(a: Actor, merged: dict[str, Actor], key_owner: dict[str, str],
             code_owner: dict[str, str], final) -> str | None:
    """The lower layers' actor that ``a`` overrides, if any."""
    if a.name in merged:
        return a.name
    if a.code and a.code in code_owner:
        return final(code_owner[a.code])
    for text in (a.name, *a.aliases):
        owner = key_owner.get(norm_key(text))
        if owner is not None:
            owner = final(owner)
            if owner in merged and merged[owner].type == a.type and (
                    text == a.name or norm_key(owner) == norm_key(text)):
                return owner
    return None


def _union(first: tuple[str, ...], second: tuple[str, ...], *skip: str) -> tuple[str, ...]:
    seen = {norm_key(x) for x in (*first, *skip)}
    out = list(first)
    for x in second:
        if norm_key(x) not in seen:
            seen.add(norm_key(x))
            out.append(x)
    return tuple(x for x in out if x not in skip)


def parse_lines(lines: Iterator[str], source: str = "<gazetteer>") -> Gazetteer:
    """One file's lines → a :class:`Gazetteer` (raises :class:`GazetteerError` naming the
    file and line of the first bad one)."""
    return _compile([_read_actors(lines, source)], source)


@cache
def _read_file(path: str) -> tuple[Actor, ...]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise GazetteerError(f"cannot read gazetteer {p}: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise GazetteerError(f"{p}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    return tuple(_read_actors(iter(text.splitlines()), str(p)))


@cache
def _layered(paths: tuple[str, ...]) -> Gazetteer:
    with gc_paused():
        gz = _compile([list(_read_file(p)) for p in paths], " + ".join(paths))
    for p in paths:  # the world file's small places come with it
        places = Path(p).with_name(WORLD_PLACES_FILE)
        if Path(p).name == WORLD_FILE and places.exists():
            gz.places_file = str(places)
    return gz


@cache
def world_places(path: str) -> dict[str, tuple[str, str]]:
    """key → (name, country) of the world data's small places (read once, on first use:
    most documents never ask, and 27,000 rows are not worth the pipeline's load time)."""
    out: dict[str, tuple[str, str]] = {}
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise GazetteerError(f"cannot read {path}: {e.strerror or e}") from None
    with gc_paused():
        for n, line in enumerate(text.splitlines(), 1):
            if not line or line[0] == "#":
                continue
            key, sep, rest = line.partition("\t")
            name, sep2, country = rest.partition("\t")
            if not (key and name and sep and sep2) or "\t" in country:
                raise GazetteerError(f"{path}:{n}: expected key, name and country separated "
                                     "by tabs")
            if key not in out:
                out[key] = (name, country)
    return out


def gazetteer_paths(path: str | os.PathLike | None = None,
                    extra: tuple[str | os.PathLike, ...] | list = ()) -> tuple[str, ...]:
    """The files a gazetteer is made of, lowest layer first: ``path`` (a file that replaces
    the packaged data) or the packaged world and region files followed by ``KG_GAZETTEER``'s
    files; then ``extra``."""
    base = [Path(path)] if path is not None else [*packaged_paths(), *env_paths()]
    return tuple(str(p) for p in (*base, *(Path(x) for x in extra)))


def load_gazetteer(path: str | os.PathLike | None = None,
                   extra: tuple[str | os.PathLike, ...] | list = ()) -> Gazetteer:
    """The gazetteer (parsed once per list of files and cached): see
    :func:`gazetteer_paths` for the layers."""
    return _layered(gazetteer_paths(path, tuple(extra)))


# ---------------------------------------------------------------- compiling to patterns

@lru_cache(maxsize=100_000)
def is_caps_alias(text: str) -> bool:
    """Acronym-like forms ("US", "U.S.", "IS", "CJTF-OIR") must match case-sensitively."""
    if text.isascii():
        return text.isupper()
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def fold_diacritics(text: str) -> str:
    """"Brasília" → "Brasilia", "Türkiye" → "Turkiye" (case and punctuation kept)."""
    if text.isascii():
        return text
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c))


def surface_variants(s: Surface, actor: Actor) -> Iterator[str]:
    """Spellings generated from one surface form: without diacritics, hyphen ↔ space, the
    typographic apostrophe for the typewriter one, and the possessive that lost its
    apostrophe in scraped text ("Irans", "Assads", "Washingtons")."""
    t = s.text
    yield t
    folded = fold_diacritics(t)
    if folded != t:
        yield folded  # "Brasília" is often written "Brasilia", "Türkiye" "Turkiye"
    if "-" in t and not is_caps_alias(t):
        yield t.replace("-", " ")
    if " " in t and t.lower().startswith(("al ", "el ")):
        yield t[:2] + "-" + t[3:]
    if "'" in t:
        yield t.replace("'", "\u2019")  # news sets "People’s", "Workers’" in typographic quotes
    if (s.kind in (NAME, CAPITAL) and actor.type in ("STATE", "PERSON", "ORGANIZATION")
            and not t.endswith("s") and t[-1:].isalpha()):
        yield t + "s"


def match_key(surface: Surface) -> str:
    """The PhraseMatcher key of a surface: ``kind|canonical name``; ``kind+lc|…`` for an
    alias written all in lower case ("international coalition"), which may match
    lower-case text."""
    lc = "+lc" if not any(c.isupper() for c in surface.text) else ""
    return f"{surface.kind}{lc}|{surface.actor}"


_SIMPLE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def tokenize_surfaces(nlp, texts: list[str]) -> dict[str, tuple[str, ...]]:
    """The tokens of each surface text as ``nlp``'s tokenizer splits running text. Words of
    letters between single spaces split on the spaces (unless the tokenizer has a special
    case for one of them, as for "cannot"); only the rest goes through the tokenizer,
    which is most of the cost of compiling a gazetteer of the whole world."""
    rules = getattr(nlp.tokenizer, "rules", None) or {}
    out: dict[str, tuple[str, ...]] = {}
    slow: list[str] = []
    for t in texts:
        if _SIMPLE.fullmatch(t) and not any(w in rules for w in t.split(" ")):
            out[t] = tuple(t.split(" "))
        else:
            slow.append(t)
    if slow:
        # one Doc for all of them (a Doc per text costs more than its tokenising): the
        # tokenizer splits on whitespace first, so each text's tokens are its own
        joined = " ".join(slow)
        bounds, pos = [], 0
        for t in slow:
            bounds.append(pos + len(t))
            pos += len(t) + 1
        from .tokens import token_data  # token strings without a Token object each

        data = token_data(nlp.make_doc(joined))
        words: list[list[str]] = [[] for _ in slow]
        k = 0
        for idx, text in zip(data.idx, data.text, strict=True):
            while idx >= bounds[k]:
                k += 1
            words[k].append(text)
        for t, w in zip(slow, words, strict=True):
            out[t] = tuple(w)
    return out


@dataclass(frozen=True)
class MatchKey:
    """What a match means: the kind of form, the actor, and whether only the exact case
    counts (an alias written all in lower case, "international coalition")."""

    kind: str
    actor: str
    exact_only: bool


class SurfaceMatcher:
    """Every spelling of every actor, found in a Doc by token lookup: a table from token
    sequences to what they mean, on lower-case tokens for ordinary names and on the exact
    text for capitals-only forms ("US", "IS", "PMF", so "us" and "is" never match).

    Does what two spaCy ``PhraseMatcher`` did (same matches, same order) without building
    a Doc per spelling, so a world-sized list compiles in a fraction of a second; matching
    looks only at tokens that can start a spelling (one set lookup per distinct word)."""

    def __init__(self, nlp, gz: Gazetteer):
        with gc_paused():
            self._build(nlp, gz)

    def _build(self, nlp, gz: Gazetteer) -> None:
        by_table: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {})
        for s in gz.surfaces:
            actor = gz.actors[s.actor]
            table = by_table[1 if is_caps_alias(s.text) else 0]
            for v in surface_variants(s, actor):
                table.setdefault(match_key(s), set()).add(v)
        texts = sorted({t for table in by_table for texts in table.values() for t in texts})
        tokens = tokenize_surfaces(nlp, texts)
        self.keys: list[MatchKey] = []
        # token tuple -> key indices, per table (0: lower case, 1: exact text)
        self.tables: tuple[dict[tuple[str, ...], list[int]], ...] = ({}, {})
        self.lengths: tuple[dict[str, tuple[int, ...]], ...] = ({}, {})
        # per table, every token tuple that a longer spelling starts with: matching stops
        # trying longer spellings at a start as soon as the words read so far begin none
        # ("the" begins hundreds of spellings, "the army" a few, "the army said" none)
        self.longer: tuple[set[tuple[str, ...]], ...] = (set(), set())
        for t, table in enumerate(by_table):
            lens: dict[str, set[int]] = {}
            for key, key_texts in table.items():
                kind, actor = key.split("|", 1)
                exact = kind.endswith("+lc")
                k = len(self.keys)
                self.keys.append(MatchKey(kind[:-3] if exact else kind, actor, exact))
                for text in sorted(key_texts):
                    words = tokens[text]
                    if t == 0:
                        words = tuple(map(str.lower, words))
                    if not words:
                        continue
                    hits = self.tables[t].setdefault(words, [])
                    if k not in hits:
                        hits.append(k)
                    lens.setdefault(words[0], set()).add(len(words))
                    self.longer[t].update(words[:j] for j in range(1, len(words)))
            self.lengths[t].update({w: tuple(sorted(n)) for w, n in lens.items()})
        self._first = tuple(frozenset(lens) for lens in self.lengths)

    def __call__(self, data) -> list[tuple[MatchKey, int, int, bool]]:
        """``(key, start, end, exact_case)`` for every spelling in the Doc behind ``data``
        (a :class:`kg.tokens.TokenData`), ordered by start, then end, lower-case table
        first."""
        out: list[tuple[MatchKey, int, int, bool]] = []
        n, keys = data.n, self.keys
        # the lower-case table's hits come first, each table's by start and then end
        for t, seq, starts in ((0, data.lower, data.where(self._first[0])),
                               (1, data.text, data.where_text(self._first[1]))):
            table, lengths, longer = self.tables[t], self.lengths[t], self.longer[t]
            exact = t == 1
            for i in starts:
                for ln in lengths[seq[i]]:
                    if i + ln > n:
                        break
                    words = tuple(seq[i:i + ln])
                    hit = table.get(words)
                    if hit:
                        out.extend([(keys[k], i, i + ln, exact) for k in hit])
                    if words not in longer:
                        break  # no longer spelling starts with these words
        return out


def build_matchers(nlp, gz: Gazetteer) -> SurfaceMatcher:
    """The compiled gazetteer (see :class:`SurfaceMatcher`)."""
    return SurfaceMatcher(nlp, gz)
