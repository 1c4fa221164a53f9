"""Visible article text out of an HTML page, with the stdlib parser only.

Saved news pages are mostly scripts, styles, menus and share buttons. This extractor
keeps the text a reader sees in the page body, turns block elements (``<p>``, headings,
list items, captions, table rows) into paragraph breaks, and collects the metadata that
dates an article (``article:published_time``, ``<time datetime>``, ``og:site_name``).

It is incremental (``feed`` text in pieces, ``take_lines`` whatever is complete), so a
huge page is read in bounded memory. The lines it produces go through
:class:`kg.textclean.TextCleaner` like any text file.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["HTMLText", "declared_charset"]

# Content a reader never sees, or page furniture around the article.
SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
                  "canvas", "nav", "aside", "footer", "form", "button", "select", "head"})
# Elements that end a paragraph.
BLOCK = frozenset({"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4",
                   "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure",
                   "figcaption", "table", "tr", "pre", "hr", "address", "details", "summary",
                   "caption", "body", "html"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr", "param"})

_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate",
              "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date",
              "article.published", "parsely-pub-date")
_SOURCE_META = ("og:site_name", "application-name", "publisher")
_WS = re.compile(r"\s+")
_TAG = re.compile(r"<[^<>]{0,4000}>")


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or http-equiv)."""
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", head[:4096],
                  re.IGNORECASE)
    return m.group(1).decode("ascii", "replace").lower() if m else None


class HTMLText(HTMLParser):
    """Incremental HTML → lines of text (``""`` marks a paragraph break)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.date: str | None = None
        self.source: str | None = None
        self._skip: list[str] = []
        self._pre = 0
        self._in_title = False
        self._title_parts: list[str] = []
        self._line: list[str] = []
        self._lines: list[str] = []

    # -- output -------------------------------------------------------------------------
    def take_lines(self) -> list[str]:
        """Complete lines produced so far (the caller owns them afterwards)."""
        out, self._lines = self._lines, []
        return out

    def finish(self) -> list[str]:
        self.close()
        self._break(2)
        return self.take_lines()

    def salvage(self) -> None:
        """Unblock a parser stuck on an unclosed construct, in bounded memory.

        ``HTMLParser`` keeps everything after an unclosed ``<!--``, ``<script>`` or tag in
        its buffer and rescans it on every ``feed``. When that buffer grows too large, the
        content of an unclosed script or style is dropped (it is code), and anything else
        is kept as text with the tags stripped: a broken page still holds the article.
        """
        pending, self.rawdata = self.rawdata, ""
        if self.cdata_elem is not None:
            self.clear_cdata_mode()
            if self._skip:
                self._skip.pop()
            return
        if pending.startswith("<"):
            pending = pending[4:] if pending.startswith("<!--") else pending.split(">", 1)[-1]
        self.handle_data(html.unescape(_TAG.sub(" ", pending)))

    def _break(self, n: int) -> None:
        text = "".join(self._line)
        self._line = []
        if not self._pre:
            text = _WS.sub(" ", text).strip()
        if text:
            self._lines.extend(text.split("\n") if self._pre else [text])
        if n >= 2 and self._lines and self._lines[-1] != "":
            self._lines.append("")

    # -- parser callbacks ---------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag == "time" and self.date is None:
            value = dict(attrs).get("datetime")
            if value:
                self.date = value
        if tag == "title":
            self._in_title = True
            return
        if tag == "body":
            self._skip.clear()  # a page without </head> must not hide its body
        if tag in SKIP:
            if tag not in VOID:
                self._skip.append(tag)
            return
        if self._skip:
            return
        if tag == "br":
            self._break(1)
        elif tag in BLOCK:
            self._break(2)
            if tag == "pre":
                self._pre += 1
        elif tag == "img":
            return
        elif tag in ("td", "th"):
            self._line.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            title = _WS.sub(" ", "".join(self._title_parts)).strip()
            if title and not self.title:
                self.title = title
            return
        if self._skip:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag in BLOCK:
            self._break(2)
            if tag == "pre" and self._pre:
                self._pre -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
            return
        if self._skip:
            return
        self._line.append(data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = (attrs.get("content") or "").strip()
        if not key or not content:
            return
        if key in _DATE_META and self.date is None:
            self.date = content
        elif key in _SOURCE_META and self.source is None:
            self.source = content
        elif key == "og:title" and self.title is None:
            self.title = content
