"""Turning the lines of a scraped news page into clean paragraphs.

Scraped articles carry page furniture that pollutes extraction: the photo caption
appears twice, a lone "TT" or "AP" sits on its own line, captions end with credits
("REUTERS/Name", "(AFP)", "Photo: Name"), and a trailing "Read more:" list glues dozens
of unrelated headlines onto the article. A headline in that list is real content about
*another* story, so it is not thrown away: it becomes its own small dated document
(:class:`ReadMoreItem`), with its outlet and date as metadata.

:class:`TextCleaner` works line by line and keeps only bounded state (the current block
of lines and a capped set of line hashes), so the reader can stream a 50 MB file through
it. It emits paragraphs (strings; joined by the reader with one blank line between them,
which is the paragraph structure relation extraction relies on) and ReadMoreItems.

Patterns for credits, boilerplate lines and list markers live in ``kg/data/cleaning.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .dates import find_dates

__all__ = ["ReadMoreItem", "TextCleaner", "clean_text", "parse_read_more_item",
           "split_long", "normalize_line"]

MIN_DEDUPE_CHARS = 20
"""Lines at least this long are dropped when they repeat anywhere in the document (captions
and titles are repeated by scrapers); shorter lines only when they repeat the line before,
so a short quote such as "No." said twice in an interview survives."""

MAX_SEEN_LINES = 50_000
"""Cap on remembered line hashes, so memory stays bounded on huge files."""

MAX_BLOCK_LINES = 400

MAX_HEADLINE_CHARS = 400
"""A longer line is prose, never an item of a "Read more" list."""


@dataclass
class ReadMoreItem:
    """One line of a "Read more" list: ``headline - Outlet - Date [Date]``."""

    headline: str
    outlet: str | None = None
    date: str | None = None


@lru_cache(maxsize=1)
def _rules() -> dict:
    text = resources.files("kg").joinpath("data/cleaning.json").read_text(encoding="utf-8")
    data = json.loads(text)
    agencies = "|".join(re.escape(a) for a in sorted(data["agencies"], key=len, reverse=True))
    agency = f"(?:{agencies})"

    def compile_all(key: str) -> list[re.Pattern[str]]:
        return [re.compile(p.replace("{agency}", agency), re.IGNORECASE) for p in data[key]]

    markers = "|".join(re.escape(m) for m in sorted(data["read_more_markers"], key=len,
                                                         reverse=True))
    return {
        "credit_lines": compile_all("credit_line_patterns"),
        "credit_suffixes": compile_all("credit_suffix_patterns"),
        "boilerplate": {b.casefold() for b in data["boilerplate_lines"]},
        "marker_line": re.compile(rf"^\W*(?:{markers})\s*[:.]?\W*$", re.IGNORECASE),
        "marker_inline": re.compile(rf"^(?:{markers})\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE),
        "lone_max": int(data.get("lone_token_max_chars", 3)),
    }


# C0/C1 control characters other than tab; zero-width no-break space (stray BOMs).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f"
                     r"\u205f\u3000]*| {2,}")
_CREDIT_HINTS = ("/", "(", "photo", "picture", "image", "credit")
CREDIT_TAIL_CHARS = 200
_BULLET = re.compile(r"^(?:[-\u2013\u2014\u2022*\u00b7\u25aa\u25cf]|\d{1,3}[.)])\s+")
_SEPARATOR = re.compile(r"\s+[-\u2013\u2014](?=\s|$)")
_SENTENCE_END = re.compile(r"[.!?\u3002\u061f][\"'\u201d\u2019)\]]*\s")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+|\s+#+\s*$")
_MD_QUOTE = re.compile(r"^>\s?")


def normalize_line(line: str) -> str:
    """Drop control characters and unify exotic spaces; keep every letter of any script."""
    if line.isprintable() and "  " not in line:  # the common case, checked in C
        return line.strip()
    line = _CONTROL.sub("", line)
    line = _SPACES.sub(" ", line)
    return line.strip()


def _is_symbol_only(s: str) -> bool:
    """True for separator lines such as "***" or "—" (they mark a break, not content)."""
    return not any(unicodedata.category(c)[0] in "LN" for c in s)


def strip_credit(line: str) -> str:
    """The line without a trailing photo credit; "" when the whole line is a credit."""
    rules = _rules()
    hinted = len(line) <= 40 or any(h in line[:24].casefold() for h in _CREDIT_HINTS[2:])
    if len(line) <= 160 and hinted and any(p.search(line) for p in rules["credit_lines"]):
        return ""
    # Credits sit at the end of a line: only the tail is searched, and only when it holds
    # a hint, which keeps a 50 MB file fast.
    cut = max(0, len(line) - CREDIT_TAIL_CHARS)
    head, tail = line[:cut], line[cut:]
    folded = tail.casefold()
    if not any(h in folded for h in _CREDIT_HINTS):
        return line.strip()
    for p in rules["credit_suffixes"]:
        tail = p.sub("", tail)
    return (head + tail).strip()


def _is_junk(s: str) -> bool:
    if len(s) > 40:
        return False
    rules = _rules()
    if " " not in s and len(s) <= rules["lone_max"]:
        return True
    return s.rstrip(":.!").casefold() in rules["boilerplate"]


def _markdown(s: str) -> str:
    s = _MD_QUOTE.sub("", s)
    s = _MD_HEADING.sub("", s)
    s = _MD_LINK.sub(r"\1", s)
    s = _MD_EMPH.sub(r"\2", s)
    return s.strip()


def _looks_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose (lines cut at ~72 columns) rather than one paragraph per line."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    longest = max(len(x) for x in lines)
    if longest > 100 or min(len(x) for x in body) < 0.5 * longest:
        return False
    if sum(len(x) for x in body) / len(body) < 40:
        return False
    if any(_BULLET.match(x) for x in lines):
        return False
    open_ends = sum(1 for x in body if not re.search(r"[.!?:\"'\u201d\u2019)]$", x))
    return open_ends >= len(body) / 2


def split_long(text: str, max_chars: int) -> Iterator[str]:
    """Cut ``text`` into pieces of at most ``max_chars``: at a sentence end, else a space."""
    while len(text) > max_chars:
        window = text[:max_chars]
        cut = 0
        for m in _SENTENCE_END.finditer(window):
            cut = m.end()
        if cut < max_chars // 4:
            cut = window.rfind(" ") + 1
        if cut < max_chars // 4:
            cut = max_chars
        head = text[:cut].strip()
        if head:
            yield head
        text = text[cut:]
    text = text.strip()
    if text:
        yield text


def _date_part(part: str) -> str | None:
    """The ISO date if ``part`` is (almost) nothing but a date."""
    found = find_dates(part)
    if not found:
        return None
    start, end, iso = found[0]
    return iso if len(part) - (end - start) <= 4 else None


def _looks_like_outlet(part: str) -> bool:
    """A publication name: short, no sentence punctuation, capitalised or a domain name."""
    words = part.split()
    if not 0 < len(words) <= 7 or len(part) > 60 or part.endswith((".", "?", "!", ",", ":")):
        return False
    domain = len(words) == 1 and re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", part) is not None
    return (part[0].isupper() or part[0].isdigit() or domain) and _date_part(part) is None


def parse_read_more_item(line: str, *, require_marker: bool = True) -> ReadMoreItem | None:
    """Parse ``headline - Outlet - Date [Date]`` (bullet, outlet and dates optional).

    Parsed from the right because headlines contain dashes themselves. An empty outlet
    ("headline - - Date") is allowed. With ``require_marker`` the line must show it is a
    list item: a leading bullet, a date, or a plausible outlet after a dash.
    """
    s = line.strip()
    bullet = _BULLET.match(s)
    if bullet:
        s = s[bullet.end():].strip()
    date = None
    bracket = re.search(r"\s*\[([^\[\]]{4,40})\]\s*$", s)
    if bracket and _date_part(bracket.group(1)):
        date = _date_part(bracket.group(1))
        s = s[:bracket.start()].rstrip()
    seps = list(_SEPARATOR.finditer(s))
    end = len(s)
    k = len(seps)

    def part(i: int) -> str:  # the text after separator i-1 and before separator i
        begin = seps[i - 1].end() if i > 0 else 0
        stop = seps[i].start() if i < len(seps) else len(s)
        return s[begin:stop].strip()

    if k and _date_part(part(k)):
        date = _date_part(part(k))
        end = seps[k - 1].start()
        k -= 1
    had_empty = False
    while k and not part(k):
        had_empty = True
        end = seps[k - 1].start()
        k -= 1
    outlet = None
    if k and _looks_like_outlet(part(k)):
        outlet = part(k).strip()
        end = seps[k - 1].start()
    elif k and had_empty:
        pass
    headline = s[:end].strip().strip("-\u2013\u2014 ").strip()
    if not headline or not re.search(r"\w", headline):
        return None
    if require_marker and not (bullet or date or outlet):
        return None
    return ReadMoreItem(headline=headline, outlet=outlet, date=date)


def _norm_key(s: str) -> str:
    return re.sub(r"\W+", " ", s.casefold()).strip()


Event = str | ReadMoreItem


class TextCleaner:
    """Line-by-line cleaner: ``feed()`` lines, then ``close()``; both yield events.

    An event is a paragraph (``str``, at most ``max_chars`` long) or a
    :class:`ReadMoreItem`. ``title`` is the first paragraph when it reads like a headline.
    """

    def __init__(self, *, max_chars: int = 100_000, markdown: bool = False):
        self.max_chars = max_chars
        self.markdown = markdown
        self.title: str | None = None
        self.lines_dropped = 0
        self._seen: set[int] = set()
        self._prev: str | None = None
        self._block: list[str] = []
        self._block_chars = 0
        self._long: list[str] = []
        self._long_chars = 0
        self._in_list = False
        self._paragraphs = 0
        self._rules = _rules()

    # -- public -------------------------------------------------------------------------
    def feed(self, line: str, complete: bool = True) -> Iterator[Event]:
        """One line of input; ``complete=False`` for a piece of an over-long line."""
        if not complete or self._long:
            yield from self._feed_long(line, complete)
        elif not line or line.isspace():
            if self._block:
                yield from self._flush_block()
        else:
            yield from self._line(normalize_line(line))

    def close(self) -> Iterator[Event]:
        if self._long:
            yield from self._feed_long("", True)
        yield from self._flush_block()

    # -- internals ----------------------------------------------------------------------
    def _feed_long(self, piece: str, complete: bool) -> Iterator[Event]:
        if not self._long:
            self._in_list = False
            yield from self._flush_block()
        piece = _CONTROL.sub("", piece)
        self._long.append(piece)
        self._long_chars += len(piece)
        if self._long_chars <= self.max_chars and not complete:
            return
        text = "".join(self._long)
        pieces = list(split_long(text, self.max_chars))
        keep = "" if complete or not pieces else pieces.pop()
        for p in pieces:
            yield from self._paragraph(_SPACES.sub(" ", p))
        self._long = [keep] if keep else []
        self._long_chars = len(keep)

    def _line(self, s: str) -> Iterator[Event]:
        rules = self._rules
        if not s:
            yield from self._flush_block()
            return
        short = len(s) <= 40
        if self._in_list and len(s) <= MAX_HEADLINE_CHARS:
            item = parse_read_more_item(s)
            if item is not None:
                yield item
                return
            if short and rules["marker_line"].match(s):
                return
            self._in_list = False
        if short and rules["marker_line"].match(s):
            yield from self._flush_block()
            self._in_list = True
            return
        inline = (rules["marker_inline"].match(s)
                  if ":" in s[:40] and len(s) <= MAX_HEADLINE_CHARS else None)
        if inline:
            rest = inline.group("rest")
            item = parse_read_more_item(rest, require_marker=False)
            if item is not None:
                yield item
            return
        s = strip_credit(s)
        if self.markdown and s:
            s = _markdown(s)
        if not s:
            self.lines_dropped += 1
            return
        if _is_symbol_only(s):
            yield from self._flush_block()
            return
        if _is_junk(s) or self._duplicate(s):
            self.lines_dropped += 1
            return
        self._block.append(s)
        self._block_chars += len(s)
        if len(self._block) >= MAX_BLOCK_LINES or self._block_chars >= self.max_chars:
            yield from self._flush_block()

    def _duplicate(self, s: str) -> bool:
        if s == self._prev:
            return True
        self._prev = s
        if len(s) < MIN_DEDUPE_CHARS:
            return False
        h = hash(s)
        if h in self._seen:
            return True
        if len(self._seen) >= MAX_SEEN_LINES:
            self._seen.clear()
        self._seen.add(h)
        return False

    def _flush_block(self) -> Iterator[Event]:
        lines, self._block, self._block_chars = self._block, [], 0
        if not lines:
            return
        paragraphs = [" ".join(lines)] if _looks_wrapped(lines) else lines
        for p in paragraphs:
            bullet = _BULLET.match(p)
            if bullet and not re.match(r"\d", p):
                p = p[bullet.end():]
            for piece in split_long(p, self.max_chars):
                yield from self._paragraph(piece)

    def _paragraph(self, p: str) -> Iterator[Event]:
        p = p.strip()
        if not p:
            return
        if self._paragraphs == 0 and len(p) <= 200 and not p.endswith("."):
            self.title = p
        self._paragraphs += 1
        yield p


def is_title_echo(item: ReadMoreItem, title: str | None) -> bool:
    """A dateless list line that merely repeats the article's own title (and outlet)."""
    if not title or item.date:
        return False
    head, full = _norm_key(item.headline), _norm_key(title)
    return bool(head) and (full == head or full.startswith(head + " "))


@dataclass
class CleanText:
    text: str
    title: str | None
    items: list[ReadMoreItem]


def clean_text(text: str, *, markdown: bool = False, max_chars: int = 10**12) -> CleanText:
    """Clean an in-memory text: paragraphs joined by one blank line, plus list items."""
    cleaner = TextCleaner(max_chars=max_chars, markdown=markdown)
    paragraphs: list[str] = []
    items: list[ReadMoreItem] = []

    def take(events: Iterator[Event]) -> None:
        for ev in events:
            (paragraphs if isinstance(ev, str) else items).append(ev)

    for line in text.splitlines():
        take(cleaner.feed(line))
    take(cleaner.close())
    items = [i for i in items if not is_title_echo(i, cleaner.title)]
    return CleanText("\n\n".join(paragraphs), cleaner.title, items)
