"""``kg.resolve``: canonical names for free text, and a fuzzy threshold that merges
spellings of one actor but never two actors."""

from __future__ import annotations

import pytest

from kg.gazetteer import norm_key
from kg.resolve import FUZZY_THRESHOLD, canonical_name, fuzzy_lookup, same_actor


@pytest.mark.parametrize("text,expected", [
    # abbreviations and aliases
    ("US", ("United States", "STATE")), ("U.S.", ("United States", "STATE")),
    ("IRGC", ("IRGC", "ORGANIZATION")),
    ("Islamic Revolutionary Guard Corps", ("IRGC", "ORGANIZATION")),
    ("Hezbollah brigades", ("Kataib Hezbollah", "ORGANIZATION")),
    ("Kata'ib Hezbollah", ("Kataib Hezbollah", "ORGANIZATION")),
    ("Daesh", ("ISIS", "ORGANIZATION")),
    ("Hashd al-Shaabi", ("Popular Mobilization Forces", "ORGANIZATION")),
    # spelling variants: the Arabic article, hyphens, spaces
    ("al-Tanaf", ("Al-Tanf base", "FACILITY")), ("At Tanf", ("Al-Tanf base", "FACILITY")),
    ("Al Tanf", ("Al-Tanf base", "FACILITY")), ("the Tanf garrison", ("Al-Tanf base", "FACILITY")),
    ("Albu Kamal", ("Albukamal", "LOCATION")), ("Boukamal", ("Albukamal", "LOCATION")),
    ("Deir Ezzor", ("Deir ez-Zor", "LOCATION")), ("Erdoğan", ("Recep Tayyip Erdogan", "PERSON")),
    # possessives
    ("Iran's", ("Iran", "STATE")), ("Iran\u2019s", ("Iran", "STATE")), ("Irans", ("Iran", "STATE")),
    ("Assad's", ("Bashar al-Assad", "PERSON")),
    # demonyms
    ("Iranian", ("Iran", "STATE")), ("Syrians", ("Syria", "STATE")),
    ("the Americans", ("United States", "STATE")),
    # national forces
    ("Syrian forces", ("Syria", "STATE")), ("the Syrian army", ("Syria", "STATE")),
    ("Iraqi security forces", ("Iraq", "STATE")), ("US troops", ("United States", "STATE")),
    ("American forces", ("United States", "STATE")),
    ("Syrian government forces", ("Syria", "STATE")),
    ("the Trump administration", ("United States", "STATE")),
    ("Assad's regime", ("Syria", "STATE")),
    # named units are not national forces
    ("Quds Force", ("Quds Force", "ORGANIZATION")),
    ("Air Force Intelligence", ("Air Force Intelligence", "ORGANIZATION")),
    ("Syrian Democratic Forces", ("Syrian Democratic Forces", "ORGANIZATION")),
    # titles
    ("US President Donald Trump", ("Donald Trump", "PERSON")),
    ("Russian Foreign Minister Sergei Lavrov", ("Sergey Lavrov", "PERSON")),
    ("Supreme Leader Ali Khamenei", ("Ali Khamenei", "PERSON")),
    # X-backed Y
    ("Iran-backed Kataib Hezbollah", ("Kataib Hezbollah", "ORGANIZATION")),
    ("pro-Iranian Harakat al-Nujaba", ("Harakat Hezbollah al-Nujaba", "ORGANIZATION")),
])
def test_canonical_name(text, expected):
    assert canonical_name(text) == expected


def test_capitals_need_context():
    assert canonical_name("Damascus") == ("Syria", "STATE")
    assert canonical_name("Damascus", "LOCATION") == ("Damascus", "LOCATION")
    assert canonical_name("Washington") == ("United States", "STATE")


def test_unknown_and_empty():
    assert canonical_name("") is None
    assert canonical_name("   ") is None
    assert canonical_name("the weather") is None
    assert canonical_name("Zorblax Quintet") is None


def test_norm_key_ignores_article_case_and_punctuation():
    assert norm_key("al-Tanf") == norm_key("Al Tanf") == norm_key("Tanf") == "tanf"
    assert norm_key("Kata'ib Hezbollah") == norm_key("Kataib  Hezbollah")
    assert norm_key("The Hague") == norm_key("Hague")


# ---------------------------------------------------------------- fuzzy matching
MUST_MERGE = [
    ("Qasim Suleimany", "Qassem Soleimani"),
    ("Qasem Suleimani", "Qassem Soleimani"),
    ("Deir Ezzour", "Deir ez-Zor"),
    ("Asaib Ahl al Haqq", "Asaib Ahl al-Haq"),
    ("Fatimiyoun", "Fatemiyoun"),
    ("Zaynabiyoun", "Zainabiyoun"),
    ("Hizbolla", "Hezbollah"),
    ("Netanyahou", "Benjamin Netanyahu"),
    ("Hasan Nasrallah", "Hassan Nasrallah"),
    ("Kataib Hezbolla", "Kataib Hezbollah"),
]

MUST_NOT_MERGE = [
    ("Africa Corps", "Wagner Group"),
    ("Mali", "Malta"),
    ("Niger", "Nigeria"),
    ("Mikhail Bogdanovich", "Mikhail Bogdanov"),
    ("Hezbollah", "Kataib Hezbollah"),
    ("Kataib Hezbollah", "Hezbollah"),
    ("Iran", "Iraq"),
    ("Syria", "Serbia"),
    ("Libya", "Liberia"),
    ("Austria", "Australia"),
    ("Nigeria", "Algeria"),
    ("Othman", "Oman"),
    ("Hamas", "Hama"),
    ("Kurdistan", "Turkestan"),
    ("Harakat Hezbollah al-Nujaba", "Kataib Hezbollah"),
    ("Quds Force", "Air Force Intelligence"),
    ("Raqqa", "Iraq"),
    ("Mosul", "Mosal"),
    ("Branch 216", "Branch 215"),
    ("M6 highway", "M5 highway"),
]


@pytest.mark.parametrize("variant,actor", MUST_MERGE)
def test_fuzzy_merges_spelling_variants(variant, actor):
    hit = canonical_name(variant)
    assert hit is not None and hit[0] == actor
    assert same_actor(variant, actor)


@pytest.mark.parametrize("a,b", MUST_NOT_MERGE)
def test_fuzzy_does_not_merge_different_actors(a, b):
    assert not same_actor(a, b)


def test_fuzzy_rejects_near_misses_of_the_threshold():
    # "Haider al-Baghdadi" scores 80 against "Haider al-Abadi": too far to merge
    assert fuzzy_lookup("Haider al-Baghdadi") is None
    assert FUZZY_THRESHOLD >= 88


def test_fuzzy_type_hint_restricts_candidates():
    assert canonical_name("Qasem Suleimani", "PERSON") == ("Qassem Soleimani", "PERSON")
    assert canonical_name("Qasem Suleimani", "LOCATION") is None


def test_same_actor():
    assert same_actor("Washington", "US")
    assert same_actor("the Syrian army", "Damascus")
    assert same_actor("al-Tanaf", "At Tanf")
    assert same_actor("Albukamal", "Albu Kamal")
    assert same_actor("Some Unknown Militia", "some unknown militia")
    assert not same_actor("Some Unknown Militia", "Another Militia")
    assert not same_actor("Iran", "Iraq")


@pytest.mark.parametrize("text,expected", [
    ("Libyan National Army", ("Libyan National Army", "ORGANIZATION")),
    ("Iraqi National Army", None),  # a named group: not Iraq's forces
    ("Libyan forces", ("Libya", "STATE")),
    ("Sudanese troops", ("Sudan", "STATE")),
    ("Africa Corps", ("Africa Corps", "ORGANIZATION")),
    ("Hemedti", ("Mohamed Hamdan Dagalo", "PERSON")),
    ("Burkinabe", ("Burkina Faso", "STATE")),
    ("Saudi-led military coalition", ("Saudi-led coalition", "ORGANIZATION")),
    ("Tiyas air base", ("T4 air base", "FACILITY")),
    ("Harir air base", ("Harir air base", "FACILITY")),
])
def test_region_beyond_the_levant(text, expected):
    """The gazetteer covers Libya, Sudan, the Sahel, Yemen and the Gulf, and a capitalised
    "National" keeps an armed group's name from collapsing into its state."""
    assert canonical_name(text) == expected


def test_a_name_that_extends_a_known_one_is_not_merged():
    assert fuzzy_lookup("Mikhail Bogdanovich") is None
    assert canonical_name("Sergey Lavrovsky") is None
