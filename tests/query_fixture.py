"""A small hand-made graph on which every saved query has known answers.

Shared by ``test_queries.py`` and ``test_cli_graph.py``. The facts are invented test
data in the region's vocabulary (not claims from any article); they are chosen so that
each saved query has rows, symmetric relations are stored in both orientations,
parallel edges of different types join one pair, and negated edges sit next to asserted
ones (loaded with ``include_negated=True``, so the queries must filter them).
"""

from __future__ import annotations

from pathlib import Path

from kg.model import Triple
from kg.store import NetworkXStore

TYPES = {
    "Iran": "STATE", "Syria": "STATE", "Russia": "STATE", "Iraq": "STATE", "Israel": "STATE",
    "United States": "STATE", "Turkey": "STATE",
    "Hezbollah": "ORGANIZATION", "IRGC": "ORGANIZATION", "Kataib Hezbollah": "ORGANIZATION",
    "ISIS": "ORGANIZATION", "Quds Force": "ORGANIZATION", "Wagner Group": "ORGANIZATION",
    "Syrian Democratic Forces": "ORGANIZATION",
    "Al-Tanf base": "FACILITY", "Ain al-Asad base": "FACILITY", "Qamishli base": "FACILITY",
    "Anbar": "LOCATION", "Al-Qaim": "LOCATION",
    "Bashar al-Assad": "PERSON", "Bouthaina Shaaban": "PERSON", "Qassem Soleimani": "PERSON",
}

# (subject, relation, object, doc, date, negated)
FACTS = [
    ("Iran", "BACKS", "Hezbollah", "a.txt", "2019-03-01", False),
    ("Iran", "BACKS", "Hezbollah", "b.txt", "2020-01-05", False),
    ("Iran", "BACKS", "Syria", "a.txt", None, False),
    ("Iran", "ALLIED_WITH", "Syria", "b.txt", None, False),
    ("IRGC", "BACKS", "Kataib Hezbollah", "b.txt#2", "2019-12-29", False),
    ("Kataib Hezbollah", "ATTACKS", "United States", "b.txt#2", "2019-12-27", False),
    ("Hezbollah", "ATTACKS", "Israel", "a.txt", None, False),
    ("Syria", "ATTACKS", "ISIS", "a.txt", None, False),
    ("United States", "ATTACKS", "ISIS", "a.txt", None, False),
    ("United States", "ATTACKS", "ISIS", "b.txt", "2018-07-04", False),
    ("United States", "OPPOSES", "ISIS", "b.txt", None, False),
    ("United States", "OPPOSES", "Iran", "a.txt", "2019-06-01", False),
    ("Iran", "OPPOSES", "United States", "a.txt", None, False),
    ("Israel", "OPPOSES", "Iran", "b.txt", None, False),
    ("Russia", "ALLIED_WITH", "Syria", "a.txt", None, False),
    ("Syria", "ALLIED_WITH", "Iraq", "b.txt", None, False),
    ("Wagner Group", "ALLIED_WITH", "Syria", "a.txt", None, False),
    ("Turkey", "ALLIED_WITH", "Syria", "b.txt", None, True),
    ("Russia", "BACKS", "ISIS", "a.txt", None, True),
    ("Russia", "ATTACKS", "ISIS", "b.txt", None, False),
    ("Russia", "BACKS", "Hezbollah", "b.txt", None, True),
    ("United States", "OPERATES", "Al-Tanf base", "a.txt", None, False),
    ("Al-Tanf base", "LOCATED_IN", "Syria", "a.txt", None, False),
    ("United States", "OPERATES", "Ain al-Asad base", "b.txt", None, False),
    ("Ain al-Asad base", "LOCATED_IN", "Anbar", "b.txt", None, False),
    ("Anbar", "LOCATED_IN", "Iraq", "b.txt", None, False),
    ("Russia", "OPERATES", "Qamishli base", "a.txt", None, False),
    ("United States", "DEPLOYED_IN", "Iraq", "a.txt", "2020-01-03", False),
    ("United States", "DEPLOYED_IN", "Al-Qaim", "b.txt", None, False),
    ("Iraq", "CONTROLS", "Al-Qaim", "b.txt", None, False),
    ("Russia", "DEPLOYED_IN", "Iraq", "b.txt", None, True),
    ("Bashar al-Assad", "LEADS", "Syria", "a.txt", None, False),
    ("Bouthaina Shaaban", "PART_OF", "Syria", "b.txt", None, False),
    ("Qassem Soleimani", "LEADS", "Quds Force", "a.txt", None, False),
    ("Quds Force", "PART_OF", "IRGC", "a.txt", None, False),
    ("IRGC", "PART_OF", "Iran", "a.txt", None, False),
    # a chain through a backed partner, so proxy_chains' example (United States) answers
    ("United States", "BACKS", "Syrian Democratic Forces", "b.txt", "2019-10-01", False),
    ("Syrian Democratic Forces", "ATTACKS", "ISIS", "b.txt", "2019-03-23", False),
]


def sentence(i: int) -> str:
    s, r, o, _, _, negated = FACTS[i]
    verb = r.lower().replace("_", " ")
    return f"Test fact {i}: {s} {'does not ' if negated else ''}{verb} {o}."


def fixture_triples() -> list[Triple]:
    out = []
    for i, (s, r, o, doc, date, negated) in enumerate(FACTS):
        text = sentence(i)
        out.append(Triple(s, TYPES[s], r, o, TYPES[o], doc, text, 100 * i, 100 * i + len(text),
                          "fixture", 0.8, negated=negated,
                          attributed_to="a ministry" if i == 11 else None, date=date))
    return out


def fixture_store(path: Path | None = None) -> NetworkXStore:
    """The fixture graph (negated edges included, derived properties refreshed as
    ``kg load`` does); saved when ``path`` is given."""
    from kg.derive import refresh

    store = NetworkXStore(path if path is not None else Path("/nonexistent/kg-fixture.json"))
    store.load(fixture_triples(), include_negated=True)
    refresh(store)
    if path is not None:
        store.save()
    return store
