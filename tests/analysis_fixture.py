"""A made-up story in two weeks for ``kg diff`` and ``kg balance`` tests (both backends).

Month one (2020-01): Arland and Borduria are allied and both back the Red Hand; the Blue
League attacks the Red Hand. Month two (2020-02): Arland attacks and opposes Borduria (the
alliance turns hostile) and the Red Hand strikes back at the Blue League. Names and
sentences are invented test data.
"""

from __future__ import annotations

from pathlib import Path

from kg.model import Triple

TYPES = {"Arland": "STATE", "Borduria": "STATE", "Red Hand": "ORGANIZATION",
         "Blue League": "ORGANIZATION"}

WEEK_ONE = [
    ("Arland", "ALLIED_WITH", "Borduria", "2020-01-02"),
    ("Arland", "ALLIED_WITH", "Borduria", "2020-01-03"),
    ("Arland", "BACKS", "Red Hand", "2020-01-04"),
    ("Arland", "BACKS", "Red Hand", "2020-01-07"),
    ("Borduria", "BACKS", "Red Hand", "2020-01-05"),
    ("Blue League", "ATTACKS", "Red Hand", "2020-01-06"),
]
WEEK_TWO = [
    ("Arland", "ATTACKS", "Borduria", "2020-02-01"),
    ("Arland", "ATTACKS", "Borduria", "2020-02-02"),
    ("Arland", "OPPOSES", "Borduria", "2020-02-03"),
    ("Red Hand", "ATTACKS", "Blue League", "2020-02-04"),
    ("Arland", "ATTACKS", "Borduria", "2020-02-05"),
]


def triples(facts) -> list[Triple]:
    out = []
    for s, rel, o, date in facts:
        text = f"On {date} {s} {rel.lower().replace('_', ' ')} {o}."
        out.append(Triple(s, TYPES[s], rel, o, TYPES[o], f"news-{date}.txt", text, 0, len(text),
                          "test", 0.8, date=date, source=f"Gazette {date[-1]}"))
    return out


def write(path: Path, facts) -> Path:
    path.write_text("".join(t.to_json() + "\n" for t in triples(facts)), encoding="utf-8")
    return path
