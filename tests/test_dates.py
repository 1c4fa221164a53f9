"""Explicit dates in news prose → ISO strings (kg.dates)."""

from __future__ import annotations

import pytest

from kg.dates import find_dates, parse_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On December 29, 2019, the ministry said", "2019-12-29"),
        ("29 December 2019", "2019-12-29"),
        ("the 3rd of March, 2020 meeting", "2020-03-03"),
        ("Dec. 29, 2019", "2019-12-29"),
        ("Sept. 3 2020", "2020-09-03"),
        ("January 26th, 2026", "2026-01-26"),
        ("2019-12-29", "2019-12-29"),
        ("filed 2020/01/03 by the desk", "2020-01-03"),
        ("2019-12-29T10:00:00Z", "2019-12-29"),
        ("Sun, 29 Dec 2019 10:00:00 GMT", "2019-12-29"),
        ("in March 2019", "2019-03"),
        ("In November, 2018 the council met", "2018-11"),
        ("in 2017", "2017"),
        ("Back in 2017, the militias", "2017"),
        ("in early 2003, troops crossed", "2003"),
        ("since 2013 the corridor", "2013"),
        ("in mid-2019", "2019"),
        ("the spring of 2019", "2019"),
        ("DECEMBER 29, 2019", "2019-12-29"),
    ],
)
def test_explicit_dates_are_normalised(text: str, expected: str) -> None:
    found = find_dates(text)
    assert [iso for _, _, iso in found] == [expected]
    start, end, _ = found[0]
    assert parse_date(text[start:end]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "around 3,600 young men were recruited",
        "Branch 227 and Branch 215",
        "killed by 2000 fighters",
        "in the 1990s",
        "since May 18, when the strikes began",  # no year: not explicit
        "February 30, 2019",  # no such day
        "2019-13-01",  # no such month
        "they may 2019 never",  # lower-case 'may' is a verb
        "the year 2019's budget",
        "phone 2019-12-29-77",
    ],
)
def test_non_dates_are_ignored(text: str) -> None:
    assert find_dates(text) == []


def test_offsets_point_at_the_date_expression() -> None:
    text = ("Talks began in Astana in January 2017. On Dec. 29, 2019, strikes followed; "
            "by 2020 less.")
    found = find_dates(text)
    assert [text[s:e] for s, e, _ in found] == ["January 2017", "Dec. 29, 2019", "2020"]
    assert [iso for _, _, iso in found] == ["2017-01", "2019-12-29", "2020"]


def test_several_dates_in_order_and_non_overlapping() -> None:
    text = "Strikes on 29 December 2019 and 3 January 2020; talks in 2021."
    found = find_dates(text)
    assert [iso for *_, iso in found] == ["2019-12-29", "2020-01-03", "2021"]
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize("value", [None, "", "   ", "no date here", 17])
def test_parse_date_returns_none_without_a_date(value) -> None:
    assert parse_date(value) is None


def test_parse_date_accepts_bare_year_and_metadata_values() -> None:
    assert parse_date("2017") == "2017"
    assert parse_date(" January 24th, 2026 ") == "2026-01-24"
    assert parse_date("2026-01-26T08:15:00+00:00") == "2026-01-26"


def test_searching_near_years_finds_what_a_full_scan_finds():
    """kg.dates._matches searches only near possible years (for speed); it must yield
    exactly the matches of a scan of the whole text, however long the whitespace and
    hyphen runs before a year and however the dates crowd together."""
    import random

    from kg import dates

    parts = ["in", "In", "since", "by", "early", "beginning of the year", "end of", "the",
             "January", "SEPT.", "Sept", "September", "may", "March", "1st", "29th", "3",
             "31", "2019", "1999", "1850", "20190", "192019", "2019-12-29", "2019/1/2",
             "-", ",", ".", "\n", "of", "T10", "2019s", "3,600", "people", "al-", "x"]
    rng = random.Random(3)
    checked = 0
    for _ in range(20_000):
        text = "".join(rng.choice(parts) + rng.choice(
            [" ", "", "-", ", ", "\n", " " * rng.randint(2, 30), "-" * rng.randint(2, 30)])
            for _ in range(rng.randint(1, 10)))
        want = [m.span() for m in dates._DATE_RE.finditer(text)]
        assert [m.span() for m in dates._matches(text)] == want, text
        checked += bool(want)
    assert checked > 1000  # enough of the texts hold dates


def test_lead_start_equals_the_character_loop():
    """The lead before a possible year, found by one expression over the reversed text,
    equals the plain character loop, also for separator runs longer than its window and
    for Unicode whitespace."""
    import random

    from kg import dates

    chars = ["a", "9", ".", ",", " ", "-", "\n", "\u00a0", "\u2003", "\t", "x"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(chars) * rng.choice([1, 1, 2, 40, 300])
                       for _ in range(rng.randint(0, 40)))
        for p in {0, len(text), rng.randint(0, len(text))}:
            assert dates._lead_start(text, p) == dates._lead_start_loop(text, p), (text, p)
