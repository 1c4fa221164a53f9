"""A deterministic 1×, 10×, 100× corpus grown from the repository's sample articles.

Repeating the same articles N times would only re-confirm the same edges, so copy ``i``
of every article swaps each known actor for another actor *of the same type* (a seeded
permutation per copy, names from kg's gazetteer). The text keeps its shape — the same
sentences, verbs and lengths — while the graph gains new (subject, relation, object)
pairs, which is what a bigger news feed does to the graph.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import REPO_DIR

DATA_DIR = Path(__file__).resolve().parent / "data"
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
# gazetteer fields holding other names of an entity; a form is swapped for the same kind
FORM_KINDS = ("aliases", "demonyms", "capital", "alias")


@dataclass
class Actor:
    """A gazetteer entry: its canonical name and its other surface forms by kind."""

    name: str
    type: str
    forms: dict[str, list[str]] = field(default_factory=dict)  # kind → forms

    @property
    def surfaces(self) -> list[str]:
        return [self.name] + [f for kind in sorted(self.forms) for f in self.forms[kind]]

    def form(self, kind: str, index: int) -> str:
        """The form of ``kind`` at ``index`` (wrapping), or the name if it has none, so a
        demonym ("Iranian-backed") becomes another demonym ("Russian-backed")."""
        forms = self.forms.get(kind)
        return forms[index % len(forms)] if forms and kind != "name" else self.name


@dataclass
class SourceFile:
    name: str
    text: str


@dataclass
class CorpusInfo:
    scale: int
    path: str
    source: str  # "seeds:<dir>" or "generated"
    files: int = 0
    documents: int = 0
    bytes: int = 0
    words: int = 0
    replacements: int = 0
    actors: int = 0
    actor_source: str = ""
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


# -- actors ---------------------------------------------------------------------------

def gazetteer_path() -> Path:
    return REPO_DIR / "kg" / "data" / "gazetteer.jsonl"


def _first(obj: dict, *keys: str, default=None):
    for k in keys:
        if k in obj and obj[k]:
            return obj[k]
    return default


def load_actors(path: Path | None = None) -> tuple[dict[str, list[Actor]], str]:
    """Actors by type from kg's gazetteer; a small bundled list if it is absent.

    The gazetteer format is read leniently (``name``/``canonical``, ``type``/``label``,
    ``aliases``) because another engineer owns it and it may still change.
    """
    path = path or gazetteer_path()
    actors: dict[str, list[Actor]] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(obj, dict):
                continue
            name = _first(obj, "name", "canonical", "id")
            etype = _first(obj, "type", "label", "entity_type")
            if not isinstance(name, str) or not isinstance(etype, str):
                continue
            forms = {}
            for kind in FORM_KINDS:
                value = obj.get(kind) or []
                value = [value] if isinstance(value, str) else value
                usable = [f for f in _usable([v for v in value if isinstance(v, str)])
                          if f != name]
                if usable:
                    forms[kind] = usable
            actors.setdefault(etype, []).append(Actor(name, etype, forms))
        if actors:
            return _dedupe(actors), f"gazetteer:{path}"
    data = json.loads((DATA_DIR / "fallback_names.json").read_text(encoding="utf-8"))
    for etype, names in data.items():
        if etype.startswith("_"):
            continue
        actors[etype] = [Actor(n, etype) for n in names]
    return actors, "bench/data/fallback_names.json"


def _usable(surfaces: list[str]) -> list[str]:
    """Surface forms safe to replace: capitalised and not a single character, so common
    words ("forces", "the regime") are never rewritten."""
    out = []
    for s in surfaces:
        s = s.strip()
        if len(s) >= 2 and s[0].isupper() and s not in out:
            out.append(s)
    return out


def _dedupe(actors: dict[str, list[Actor]]) -> dict[str, list[Actor]]:
    out: dict[str, list[Actor]] = {}
    for etype, items in actors.items():
        seen: dict[str, Actor] = {}
        for a in items:
            if a.name in seen:
                for kind, forms in a.forms.items():
                    have = seen[a.name].forms.setdefault(kind, [])
                    have.extend(f for f in forms if f not in have)
            else:
                seen[a.name] = a
        out[etype] = sorted(seen.values(), key=lambda a: a.name)
    return out


# -- name variation -------------------------------------------------------------------

class NameVaryer:
    """Rewrites actor mentions so copy ``i`` talks about a permuted cast of actors."""

    def __init__(self, actors: dict[str, list[Actor]], seed: int = 13):
        self.actors = actors
        self.seed = seed
        owner: dict[str, tuple[Actor, str, int]] = {}
        for etype in sorted(actors):
            for a in actors[etype]:
                owner.setdefault(a.name, (a, "name", 0))
            for a in actors[etype]:
                for kind in sorted(a.forms):
                    for i, form in enumerate(a.forms[kind]):
                        owner.setdefault(form, (a, kind, i))  # first owner wins a shared form
        self._owner = owner
        alternatives = sorted(owner, key=len, reverse=True)
        self._pattern = (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives))
                                    + r")(?!\w)") if alternatives else None)
        self._maps: dict[int, dict[str, str]] = {}
        self._by_name = {a.name: a for items in actors.values() for a in items}

    def mapping(self, copy: int) -> dict[str, str]:
        """Canonical name → replacement canonical name, a seeded same-type permutation."""
        if copy not in self._maps:
            rng = random.Random(f"{self.seed}:{copy}")
            m: dict[str, str] = {}
            for etype in sorted(self.actors):
                names = [a.name for a in self.actors[etype]]
                shuffled = names[:]
                rng.shuffle(shuffled)
                m.update(zip(names, shuffled, strict=True))
            self._maps[copy] = m
        return self._maps[copy]

    def vary(self, text: str, copy: int) -> tuple[str, int]:
        """``text`` with actors swapped for copy ``copy`` (copy 0 is the original)."""
        if copy == 0 or self._pattern is None:
            return text, 0
        m = self.mapping(copy)
        count = 0

        def repl(match: re.Match) -> str:
            nonlocal count
            actor, kind, index = self._owner[match.group(0)]
            target = self._by_name[m.get(actor.name, actor.name)]
            if target is actor:
                return match.group(0)
            count += 1
            return target.form(kind, index)

        return self._pattern.sub(repl, text), count


# -- the source articles --------------------------------------------------------------

def default_seeds_dir() -> Path:
    return REPO_DIR / "seeds"


def source_files(seeds_dir: Path | None = None) -> list[SourceFile]:
    seeds_dir = seeds_dir or default_seeds_dir()
    if not seeds_dir.is_dir():
        return []
    files = []
    for p in sorted(seeds_dir.rglob("*")):
        if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES:
            text = p.read_bytes().decode("utf-8", errors="replace")
            if text.strip():
                files.append(SourceFile(p.relative_to(seeds_dir).as_posix(), text))
    return files


def generated_files(actors: dict[str, list[Actor]], seed: int = 13, documents: int = 2,
                    sentences: int = 120) -> list[SourceFile]:
    """Stand-in articles from bench/data templates, for when ``seeds/`` is still empty."""
    data = json.loads((DATA_DIR / "fallback_templates.json").read_text(encoding="utf-8"))
    templates: list[str] = data["templates"]
    rng = random.Random(f"{seed}:generated")
    slot = re.compile(r"\{([A-Z_]+)\}")
    out = []
    for d in range(documents):
        lines = []
        for _ in range(sentences):
            t = rng.choice(templates)
            lines.append(slot.sub(lambda m: _pick(actors, m.group(1), rng), t))
        paragraphs = [" ".join(lines[i:i + 6]) for i in range(0, len(lines), 6)]
        body = f"Report {d + 1}\n\n" + "\n\n".join(paragraphs)
        out.append(SourceFile(f"generated_{d:02d}.txt", body))
    return out


def _pick(actors: dict[str, list[Actor]], etype: str, rng: random.Random) -> str:
    items = actors.get(etype) or [a for items in actors.values() for a in items]
    return rng.choice(items).name if items else etype.title()


# -- writing a scaled corpus ----------------------------------------------------------

def _vary_jsonl(text: str, copy: int, varyer: NameVaryer) -> tuple[str, int, int]:
    lines, replaced, docs = [], 0, 0
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue  # the reader reports bad lines; the benchmark just leaves them out
        if not isinstance(obj, dict):
            continue
        for key in ("text", "title"):
            if isinstance(obj.get(key), str):
                obj[key], c = varyer.vary(obj[key], copy)
                replaced += c
        obj["id"] = f"{obj.get('id', n)}~c{copy:03d}"
        lines.append(json.dumps(obj, ensure_ascii=False))
        docs += 1
    return "\n".join(lines) + "\n", replaced, docs


def build_corpus(scale: int, out_dir: Path, *, seeds_dir: Path | None = None,
                 seed: int = 13, actors: dict[str, list[Actor]] | None = None,
                 actor_source: str | None = None) -> CorpusInfo:
    """Write ``scale`` varied copies of every sample article into ``out_dir`` (replaced)."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    if actors is None:
        actors, actor_source = load_actors()
    sources = source_files(seeds_dir)
    origin = f"seeds:{seeds_dir or default_seeds_dir()}"
    info_notes = []
    if not sources:
        sources = generated_files(actors, seed=seed)
        origin = "generated"
        info_notes.append("seeds/ had no articles: generated stand-in text from "
                          "bench/data/fallback_templates.json")
    varyer = NameVaryer(actors, seed=seed)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    info = CorpusInfo(scale=scale, path=str(out_dir), source=origin,
                      actors=sum(len(v) for v in actors.values()),
                      actor_source=actor_source or "", notes=info_notes)
    for copy in range(scale):
        for src in sources:
            # the copy number goes into the file name: the reader uses it as document id
            name = Path(f"c{copy:03d}_" + src.name.replace("/", "__"))
            target = out_dir / name
            if name.suffix.lower() == ".jsonl":
                text, replaced, docs = _vary_jsonl(src.text, copy, varyer)
            else:
                (text, replaced), docs = varyer.vary(src.text, copy), 1
            target.write_text(text, encoding="utf-8")
            info.files += 1
            info.documents += docs
            info.bytes += len(text.encode("utf-8"))
            info.words += len(text.split())
            info.replacements += replaced
    info.documents = _reader_documents(out_dir, info.documents)
    (out_dir.parent / f"{out_dir.name}.manifest.json").write_text(
        json.dumps(info.to_dict(), indent=2), encoding="utf-8")
    return info


def _reader_documents(folder: Path, estimate: int) -> int:
    """Documents as kg's reader splits them (a .txt may hold several articles)."""
    try:
        from kg.read import ReadReport, discover, read_file
    except ImportError:
        return estimate
    report = ReadReport()
    return sum(len(read_file(p, report)) for p in discover([folder], report))
