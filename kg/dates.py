"""Explicit calendar dates in news prose, normalised to ISO 8601.

Relation extraction anchors a triple to the date its sentence (or paragraph) gives, and
"Read more" headlines carry a publication date; both need the same small parser. Only
*explicit* dates are recognised ("December 29, 2019", "29 Dec 2019", "2019-12-29",
"in March 2019", "in 2017"); relative ones ("last week", "on Sunday") are left alone
because resolving them needs a reference date the text rarely states.

Precision matters more than recall here: a wrong date on a triple is worse than none,
so a bare number only counts as a year when a preposition or "early/late/mid" makes it
one ("in 2017", "since 2013", "in early 2003"), never "3,600 men" or "Branch 227".

Results are ISO strings of the precision the text gives: ``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``.
"""

from __future__ import annotations

import calendar
import re

__all__ = ["find_dates", "parse_date", "MONTHS"]

MONTHS: dict[str, int] = {}
for _n, _name in enumerate(calendar.month_name[1:], 1):
    MONTHS[_name.lower()] = _n
    MONTHS[_name[:3].lower()] = _n
MONTHS["sept"] = 9

# Capitalised or upper-case month names only: "may" and "march" are also verbs.
_MONTH_NAMES = sorted({m for m in MONTHS}, key=len, reverse=True)
_MONTH = "(?P<{g}>" + "|".join(
    f"{m.capitalize()}|{m.upper()}" for m in _MONTH_NAMES) + r")(?:\.(?!\d))?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)"


_MDY = (_MONTH.format(g="m1") + r"\s+" + _DAY.format(g="d1") + r"(?:\s*,\s*|\s+)"
        + _YEAR.format(g="y1"))
_DMY = (_DAY.format(g="d2") + r"(?:\s+of)?\s+" + _MONTH.format(g="m2") + r"(?:\s*,\s*|\s+)"
        + _YEAR.format(g="y2"))
_ISO = r"(?P<y3>(?:1[89]|20)\d\d)(?P<sep>[-/])(?P<m3>[01]?\d)(?P=sep)(?P<d3>[0-3]?\d)(?![\d/-])"
_MY = _MONTH.format(g="m4") + r"(?:\s*,\s*|\s+)" + _YEAR.format(g="y4")
_PREP = (r"(?:(?<![\w-])(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Tt]ill|[Ff]rom|[Tt]hrough"
         r"|[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate|[Mm]id|(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all"
         r"|[Ww]inter|[Ee]nd|[Ss]tart|[Bb]eginning|[Mm]iddle)(?:\s+of)?)[\s-]+"
         r"(?:the\s+(?:year\s+)?)?)")
# A number after "by"/"from" is often a count ("killed by 2000 fighters"), not a year.
_COUNT_NOUN = (r"(?!\s+(?:people|men|women|children|fighters|troops|soldiers|civilians|members"
               r"|militants|rockets|missiles|km|kilometers|miles|dollars|barrels|tons)\b)")
_Y = _PREP + r"(?P<y5>(?:1[89]|20)\d\d)(?![\d,.]\d|s\b|'s\b|\u2019s\b|-\d)" + _COUNT_NOUN

_FULL = "|".join(f"(?:{p})" for p in (_ISO, _MDY, _DMY, _MY))
_DATE_RE = re.compile(r"(?<![\w.])(?:" + _FULL + r")(?:(?=T\d)|(?!\w))" + "|" + _Y)
_DIGIT = re.compile(r"\d")
# Every date above holds a year ("19xx", "20xx"), and before its year a match has at most
# 18 characters that are neither whitespace nor "-" ("beginning of the year", a 9-letter
# month with its day, "of" and a comma): _LEAD leaves a margin. The expression starts with
# a lookbehind, so the regex engine tries every position of a text with all of its
# alternatives; searching only from _LEAD such characters before each possible year (see
# _matches) finds the same matches at a fraction of the cost.
_YEAR_AT = re.compile(r"(?=(?:1[89]|20)\d\d)")
_LEAD = 24


def _iso(year: str, month: int | None = None, day: str | None = None) -> str | None:
    y = int(year)
    if month is None:
        return f"{y:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{y:04d}-{month:02d}"
    d = int(day)
    if not 1 <= d <= calendar.monthrange(y, month)[1]:
        return None
    return f"{y:04d}-{month:02d}-{d:02d}"


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every explicit date in ``text`` as ``(start, end, iso)``, in order, non-overlapping.

    ``start``/``end`` are character offsets of the date expression itself (for "in 2017"
    the span covers "2017" only), so callers can tell which sentence holds it.
    """
    out: list[tuple[int, int, str]] = []
    if not text or _DIGIT.search(text) is None:
        return out  # every pattern needs a digit (a day or a year): skip the slow regex
    for m in _matches(text):
        g = m.groupdict()
        if g["y3"]:
            iso = _iso(g["y3"], int(g["m3"]), g["d3"])
            span = m.span()
        elif g["y1"]:
            iso = _iso(g["y1"], _month(g["m1"]), g["d1"])
            span = m.span()
        elif g["y2"]:
            iso = _iso(g["y2"], _month(g["m2"]), g["d2"])
            span = m.span()
        elif g["y4"]:
            iso = _iso(g["y4"], _month(g["m4"]))
            span = m.span()
        else:
            iso = _iso(g["y5"])
            span = m.span("y5")
        if iso is not None:
            out.append((span[0], span[1], iso))
    return out


def _matches(text: str):
    """What ``_DATE_RE.finditer(text)`` yields, searching only near possible years.

    A match holding the year at ``p`` starts at or after ``_lead_start(text, p)``, which
    never decreases with ``p``. So when ``p`` is the first possible year at or after where
    the scan stands, no match starts between there and ``_lead_start(text, p)`` (it would
    hold an earlier year), and a search from the later of the two finds the next match
    (lookbehinds still see the text before the search's start)."""
    pos = 0
    for m0 in _YEAR_AT.finditer(text):
        p = m0.start()
        if p < pos:
            continue  # inside the last match: no later match can hold this year
        m = _DATE_RE.search(text, max(pos, _lead_start(text, p)))
        if m is None:
            return
        yield m
        pos = m.end()


def _lead_start(text: str, p: int) -> int:
    """The earliest start of a date whose year is at ``p``: ``_LEAD`` characters that are
    not whitespace or "-" back from ``p`` (and the whitespace and "-" among and before
    them, up to the next such character). Matched by one expression over the reversed
    text before ``p`` (a character loop in Python was the cost of this function)."""
    if p <= 0:
        return 0
    lo = max(0, p - _LEAD_WINDOW)
    n = _LEAD_BACK.match(text[p - 1:lo - 1 if lo else None:-1]).end()
    if n == p - lo and lo > 0:  # the window was all lead: look further back
        return _lead_start_loop(text, p)
    return p - n


# the reversed text before a year: separators, then up to _LEAD characters that are not
# whitespace or "-", each with the separators before it (str.isspace() is what \s is)
_LEAD_BACK = re.compile(r"[\s-]*(?:[^\s-][\s-]*){0," + str(_LEAD) + "}")
_LEAD_WINDOW = 256


def _lead_start_loop(text: str, p: int) -> int:
    """:func:`_lead_start` character by character (for a lead longer than the window)."""
    i, counted = p, 0
    while i > 0:
        c = text[i - 1]
        if not (c.isspace() or c == "-"):
            if counted == _LEAD:
                break
            counted += 1
        i -= 1
    return i


def parse_date(text: str | None) -> str | None:
    """The ISO form of the first explicit date in ``text`` (or a bare year), else None.

    Accepts metadata values as well as prose: "January 26th, 2026", "2019-12-29T10:00Z",
    "Sun, 29 Dec 2019 10:00:00 GMT", "March 2019", "2017".
    """
    if not text or not isinstance(text, str):
        return None
    text = text.strip()
    found = find_dates(text)
    if found:
        return found[0][2]
    m = re.fullmatch(r"((?:1[89]|20)\d\d)", text)
    return m.group(1) if m else None
