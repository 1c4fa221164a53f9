"""Reading articles from files and folders into :class:`~kg.model.Document` objects.

Interface relied on by :mod:`kg.pipeline`: ``discover(paths, report)`` yields files to
read; ``read_file(path, report)`` returns that file's documents, or ``[]`` after noting
in ``report`` why it was skipped. Neither raises on bad input: analysts point kg at
scraped folders (HTML dumps, PDFs renamed .txt, half-written files, 50 MB exports), and
one bad file must cost a warning, not the run.

``iter_file(path, report)`` is the streaming form of ``read_file``: it reads a file in
bounded memory and yields its documents one at a time; a file longer than
``max_chars`` after cleaning becomes several documents ``name#part-1``, ``name#part-2``…
cut on paragraph boundaries (so no document outgrows spaCy's ``max_length`` either).

Document ids: the file's path below the folder it was found in (``2020/report.txt``
for ``kg build corpus/`` over ``corpus/2020/report.txt``; the bare name for a file named
on the command line or lying directly in the folder given), so two files of the same name
in different folders never merge; ``ID#n`` for the n-th headline of a trailing "Read
more" list (its outlet and date become ``source`` and ``date``); for ``.jsonl`` the
record's ``id`` (or ``ID#line``). :func:`document_base` computes the file part.
"""

from __future__ import annotations

import codecs
import errno
import io
import json
import os
import re
import stat
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .dates import parse_date
from .htmltext import HTMLText, declared_charset
from .model import Document
from .parts import MANIFEST as PARTS_MANIFEST
from .textclean import ReadMoreItem, TextCleaner, is_title_echo

EXTENSIONS = (".txt", ".md", ".html", ".htm", ".jsonl", ".pdf")
MAX_LISTED_BAD_LINES = 5
HTML_EXTENSIONS = (".html", ".htm")
NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE"})

MAX_DOCUMENT_CHARS = 100_000
"""Longest document handed to extraction; longer files are split into parts."""

SNIFF_BYTES = 64 * 1024
READ_BLOCK_CHARS = 64 * 1024
MAX_JSONL_LINE_CHARS = 32 * 1024 * 1024
MAX_PENDING_ITEMS = 1000
MAX_HTML_PENDING_CHARS = 1_000_000

_MAGIC = {
    b"%PDF-": "PDF", b"PK\x03\x04": "ZIP/Office", b"\x89PNG": "PNG", b"GIF8": "GIF",
    b"\xff\xd8\xff": "JPEG", b"\x7fELF": "executable", b"\x1f\x8b": "gzip",
    b"Rar!": "RAR", b"7z\xbc\xaf": "7-Zip", b"\xd0\xcf\x11\xe0": "MS Office",
    b"SQLite format 3": "SQLite", b"BZh": "bzip2", b"\xfd7zXZ": "xz",
}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class ReadReport:
    """What reading saw: files read, documents made, files (or lines) skipped and why.

    ``warnings`` are non-fatal remarks about files that *were* read (bad bytes replaced,
    a big file split into parts).
    """

    files_read: int = 0
    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)
    # files of a walked folder left alone for their extension: ".docx" → 9
    other_files: Counter[str] = field(default_factory=Counter)

    def skip(self, path: os.PathLike | str, reason: str) -> None:
        self.skipped.append(Skipped(str(path), reason))

    def skip_extension(self, path: os.PathLike | str) -> None:
        self.other_files[Path(path).suffix.lower() or "(no extension)"] += 1

    def skipped_line(self) -> str:
        """"14 skipped: 9 .docx, 3 .png, 2 unreadable", or "" when nothing was skipped."""
        parts = [f"{n} {ext}" for ext, n in sorted(self.other_files.items(),
                                                   key=lambda kv: (-kv[1], kv[0]))]
        if self.skipped:
            parts.append(f"{len(self.skipped)} unreadable")
        total = len(self.skipped) + sum(self.other_files.values())
        return f"{total} skipped: {', '.join(parts)}" if total else ""

    def warn(self, path: os.PathLike | str, message: str) -> None:
        self.warnings.append(Skipped(str(path), message))

    def summary(self) -> str:
        """One line: processed counts, then skips grouped by reason."""
        text = (f"{self.files_read} file{'s' if self.files_read != 1 else ''} read, "
                f"{self.documents} document{'s' if self.documents != 1 else ''}")
        if self.skipped:
            reasons = Counter(_reason_kind(s.reason) for s in self.skipped)
            why = ", ".join(f"{n} {r}" for r, n in reasons.most_common())
            text += f", {len(self.skipped)} skipped ({why})"
        if self.other_files:
            text += ", " + ", ".join(f"{n} {ext}" for ext, n in self.other_files.most_common()) \
                + " not read (extension)"
        return text


def _reason_kind(reason: str) -> str:
    if reason.startswith("bad line"):
        return "bad lines"
    return reason.split(" (")[0].split(":")[0]


# -- discovery ----------------------------------------------------------------------------

def discover(paths: Iterable[str | os.PathLike], report: ReadReport) -> Iterator[Path]:
    """Files to read under ``paths``, in a stable order; each real file once.

    Folders are walked recursively for the supported extensions, leaving out hidden
    entries and README/LICENSE-style files; a file named explicitly is read whatever its
    name and extension. Symlinks are followed, but a
    folder is entered once only, so symlink loops end; broken links are reported.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: dict[tuple[int, int], str] = {}
    for raw in paths:
        p = Path(raw)
        try:
            st = p.stat()
        except OSError as e:
            report.skip(p, _stat_error(p, e))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(p, report, seen_dirs, seen_files)
        elif _first_time(p, st, seen_files, report):
            yield p


def _walk(root: Path, report: ReadReport, seen_dirs: set[tuple[int, int]],
          seen_files: dict[tuple[int, int], str]) -> Iterator[Path]:
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            st = d.stat()
        except OSError as e:
            report.skip(d, _stat_error(d, e))
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            if d.is_symlink():
                report.skip(d, "symlink to a folder already read (loop or duplicate)")
            continue
        seen_dirs.add(key)
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            report.skip(d, _os_reason(e, "folder"))
            continue
        subdirs: list[Path] = []
        for entry in entries:
            if entry.name.startswith(".") or _is_project_file(entry.name):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not os.path.isfile(path / PARTS_MANIFEST):  # kg's triples, not articles
                    subdirs.append(path)
                continue
            if path.suffix.lower() not in EXTENSIONS:
                report.skip_extension(path)
                continue
            try:
                fst = path.stat()
            except OSError as e:
                report.skip(path, _stat_error(path, e))
                continue
            if _first_time(path, fst, seen_files, report):
                yield path
        stack.extend(reversed(subdirs))


def _is_project_file(name: str) -> bool:
    """README/LICENSE/CHANGELOG files describe a corpus folder; they are not articles."""
    return Path(name).stem.upper() in NOT_ARTICLES


def _first_time(path: Path, st: os.stat_result, seen: dict[tuple[int, int], str],
                report: ReadReport) -> bool:
    key = (st.st_dev, st.st_ino)
    if key in seen:
        report.skip(path, f"same file as {seen[key]}")
        return False
    seen[key] = str(path)
    return True


def _stat_error(path: Path, e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symlink loop"
    if path.is_symlink():
        return "broken symlink"
    if e.errno == errno.ENOENT:
        return "not found"
    return _os_reason(e, "file")


def _os_reason(e: OSError, what: str) -> str:
    if isinstance(e, PermissionError):
        return f"permission denied ({what} not readable)"
    return f"cannot read {what}: {e.strerror or e}"


# -- reading ------------------------------------------------------------------------------

def read_file(path: Path, report: ReadReport, *,
              max_chars: int = MAX_DOCUMENT_CHARS) -> list[Document]:
    """All documents of one file (see :func:`iter_file` for the streaming form)."""
    return list(iter_file(path, report, max_chars=max_chars))


def document_base(path: str | os.PathLike, folders: Iterable[str | os.PathLike]) -> str:
    """The id part a file gives its documents: its path below the first of ``folders``
    (the folders the user gave) that holds it, with ``/`` separators; else its name."""
    path = Path(path)
    for folder in folders:
        try:
            rel = path.relative_to(folder)
        except ValueError:
            continue
        if rel.parts:
            return rel.as_posix()
    return path.name


def iter_file(path: str | os.PathLike, report: ReadReport, *,
              max_chars: int = MAX_DOCUMENT_CHARS,
              doc_id: str | None = None) -> Iterator[Document]:
    """Documents of one file, one at a time, in bounded memory; never raises on bad input.

    ``doc_id`` is the id base of its documents (see :func:`document_base`; default: the
    file name). A file that cannot be read at all is recorded in ``report.skipped`` with
    the reason (``empty file``, ``binary file (PDF)``, ``permission denied``…).
    """
    path = Path(path)
    base_id = doc_id or path.name
    made = 0
    try:
        if path.suffix.lower() == ".pdf":
            opened = _open_pdf(path, report, max_chars)
        else:
            opened = _open(path, report)
        if opened is None:
            return
        raw, encoding = opened
        with raw:
            ext = path.suffix.lower()
            if ext == ".jsonl":
                docs = _jsonl_documents(path, raw, encoding, report, max_chars, base_id)
            else:
                docs = _text_documents(path, raw, encoding, report, max_chars, base_id,
                                       html=ext in HTML_EXTENSIONS, markdown=ext == ".md")
            for doc in docs:
                made += 1
                report.documents += 1
                yield doc
    except Exception as e:  # noqa: BLE001 - the contract: a bad file is a skip, never a crash
        reason = (_os_reason(e, "file") if isinstance(e, OSError)
                  else f"unreadable: {e.__class__.__name__}: {str(e)[:120]}")
        if made:
            reason += f" (after {made} document{'s' if made != 1 else ''})"
        report.skip(path, reason)
        return
    if made:
        report.files_read += 1
    elif path.suffix.lower() != ".jsonl":
        report.skip(path, "no text (only whitespace, markup or page furniture)")
    else:
        report.skip(path, "no valid records")


SCANNED_HINT = ("no text layer (a scanned PDF?): run OCR first, e.g. "
                "`ocrmypdf --sidecar out.txt in.pdf out.pdf`, then read out.txt")
MIN_PDF_CHARS_PER_PAGE = 20  # less than this per page is page numbers, not an article


def _open_pdf(path: Path, report: ReadReport, max_chars: int
              ) -> tuple[IO[bytes], str] | None:
    """The text layer of a PDF (pypdf), as a UTF-8 stream for the text reader.

    Pages are joined by blank lines so paragraphs stay apart. A PDF with (almost) no
    text is a scan: skipped with a hint to run OCR. Encrypted and damaged PDFs are
    skipped with the reason. Memory: the text of the whole PDF is held at once.
    """
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        report.skip(path, "PDF (install pypdf to read PDFs)")
        return None
    try:
        if path.stat().st_size == 0:
            report.skip(path, "empty file")
            return None
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            report.skip(path, "encrypted PDF (no text without the password)")
            return None
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as e:
        report.skip(path, f"damaged PDF: {str(e)[:120]}")
        return None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if len(text) < MIN_PDF_CHARS_PER_PAGE * max(1, len(pages)):
        report.skip(path, SCANNED_HINT)
        return None
    return io.BytesIO(text.encode("utf-8")), "utf-8"


def _open(path: Path, report: ReadReport) -> tuple[IO[bytes], str] | None:
    """The open file and its text encoding, or None after recording why it is skipped."""
    try:
        st = path.stat()
    except OSError as e:
        report.skip(path, _stat_error(path, e))
        return None
    if stat.S_ISDIR(st.st_mode):
        report.skip(path, "is a folder")
        return None
    if not stat.S_ISREG(st.st_mode):
        report.skip(path, "not a regular file (device, pipe or socket)")
        return None
    if st.st_size == 0:
        report.skip(path, "empty file")
        return None
    try:
        raw = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    except OSError as e:
        report.skip(path, _os_reason(e, "file"))
        return None
    try:
        head = raw.read(SNIFF_BYTES)
        raw.seek(0)
    except OSError as e:
        raw.close()
        report.skip(path, _os_reason(e, "file"))
        return None
    encoding, problem = sniff_encoding(head, html=path.suffix.lower() in HTML_EXTENSIONS)
    if problem:
        raw.close()
        report.skip(path, problem)
        return None
    return raw, encoding


def sniff_encoding(head: bytes, *, html: bool = False) -> tuple[str, str | None]:
    """``(encoding, None)`` for text, ``("", reason)`` for binary data.

    Order: byte-order mark; binary signatures and NUL/control bytes (UTF-16 without a
    BOM is recognised); valid UTF-8; the charset an HTML page declares; otherwise the
    likeliest of the region's legacy encodings (:data:`LEGACY_ENCODINGS`: Windows-1256
    and ISO-8859-6 Arabic, Windows-1252, Turkish, Hebrew, Cyrillic) by the maintained
    detector charset-normalizer; UTF-8 with replacement when none fits.
    """
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc, None
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return "", f"binary file ({kind})"
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head) or _detect(head, _UTF16)
        return (utf16, None) if utf16 else ("", "binary file (NUL bytes)")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if head and controls / len(head) > 0.05:
        return "", "binary file (control characters)"
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(head, final=False)
        return "utf-8", None
    except UnicodeDecodeError:
        pass
    if html:
        declared = declared_charset(head)
        if declared:
            try:
                return codecs.lookup(declared).name, None
            except LookupError:
                pass
    if _mostly_utf8(head):
        return "utf-8", None  # UTF-8 with a few damaged bytes: replace those, keep the rest
    return _detect(head, LEGACY_ENCODINGS) or "utf-8", None


def _mostly_utf8(head: bytes) -> bool:
    """Well-formed multi-byte UTF-8 characters at least a quarter as many as stray bytes:
    damaged UTF-8. (Legacy 8-bit text forms a valid UTF-8 sequence only now and then.)"""
    text = head.decode("utf-8", "replace")
    stray = text.count("\ufffd") - head.decode("utf-8", "ignore").count("\ufffd")
    return 4 * sum(1 for c in text if ord(c) > 127 and c != "\ufffd") >= stray


LEGACY_ENCODINGS = {
    "cp1252": "Windows-1252", "cp1256": "Windows-1256 (Arabic)",
    "iso8859_6": "ISO-8859-6 (Arabic)", "cp1254": "Windows-1254 (Turkish)",
    "cp1255": "Windows-1255 (Hebrew)", "iso8859_8": "ISO-8859-8 (Hebrew)",
    "cp1251": "Windows-1251 (Cyrillic)", "koi8_r": "KOI8-R (Cyrillic)",
}
"""Legacy encodings of news in the region, tried (with UTF-8) when a file is not UTF-8."""
_UTF16 = {"utf_16_le": "UTF-16", "utf_16_be": "UTF-16"}
# Latin encodings that differ from Windows-1252 in a few letters only: when the detector
# finds Windows-1252 equally plausible, it is the likelier one for news in English.
_NEAR_1252 = {"cp1250", "cp1254", "cp1257", "iso8859_1", "iso8859_9", "iso8859_15"}


def _detect(head: bytes, candidates: dict[str, str]) -> str | None:
    """The encoding charset-normalizer finds likeliest among ``candidates`` (None: none
    decodes the bytes as plausible text)."""
    from charset_normalizer import from_bytes

    results = from_bytes(head, cp_isolation=list(candidates), explain=False)
    best = results.best()
    if best is None:
        return None
    found = {m.encoding for m in results}
    if (best.encoding in _NEAR_1252 or best.encoding == "cp1252") and "cp1252" in found:
        if "cp1254" in found and any(c in "ðÐýÝþÞ" for c in head.decode("cp1252", "replace")):
            return "cp1254"  # ğ ı ş Ğ İ Ş read as Windows-1252 are Icelandic letters
        return "cp1252"
    return best.encoding


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM has NUL in every other byte (for Latin script)."""
    sample = head[:4096]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


class _Replacements(threading.local):
    count = 0


_REPLACED = _Replacements()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _REPLACED.count += exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error("kg-replace", _count_and_replace)


def _text_stream(raw: IO[bytes], encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(raw, encoding=encoding, errors="kg-replace", newline=None)


def _lines(stream: io.TextIOWrapper, limit: int) -> Iterator[tuple[str, bool]]:
    """``(line, complete)``; a line longer than ``limit`` comes in ``complete=False`` pieces."""
    while True:
        s = stream.readline(limit)
        if not s:
            return
        if s.endswith("\n"):
            yield s[:-1], True
        else:
            yield s, len(s) < limit


def _html_lines(stream: io.TextIOWrapper, parser: HTMLText) -> Iterator[tuple[str, bool]]:
    while True:
        chunk = stream.read(READ_BLOCK_CHARS)
        if not chunk:
            break
        parser.feed(chunk)
        if len(parser.rawdata) > MAX_HTML_PENDING_CHARS:
            parser.salvage()  # an unclosed comment or tag would hold the rest of the file
        for line in parser.take_lines():
            yield line, True
    for line in parser.finish():
        yield line, True


def _text_documents(path: Path, raw: IO[bytes], encoding: str, report: ReadReport,
                    max_chars: int, base_id: str, *, html: bool,
                    markdown: bool) -> Iterator[Document]:
    _REPLACED.count = 0
    stream = _text_stream(raw, encoding)
    parser = HTMLText() if html else None
    lines = _html_lines(stream, parser) if parser else _lines(stream, READ_BLOCK_CHARS)
    cleaner = TextCleaner(max_chars=max_chars, markdown=markdown)
    events = _events(lines, cleaner)
    yield from _assemble(base_id, events, cleaner, max_chars, report, path,
                         meta_source=lambda: parser)
    stream.detach()
    if _REPLACED.count:
        report.warn(path, f"{_REPLACED.count} byte(s) not valid {encoding}; replaced with \ufffd")
    if encoding in LEGACY_ENCODINGS:
        report.warn(path, f"not UTF-8; read as {LEGACY_ENCODINGS[encoding]} (detected)")


def _events(lines: Iterable[tuple[str, bool]], cleaner: TextCleaner):
    for line, complete in lines:
        yield from cleaner.feed(line, complete)
    yield from cleaner.close()


def _assemble(base_id: str, events: Iterable[str | ReadMoreItem], cleaner: TextCleaner,
              max_chars: int, report: ReadReport, path: Path, *, meta_source=lambda: None,
              date: str | None = None, title: str | None = None,
              source: str | None = None) -> Iterator[Document]:
    """Paragraph events → the article (in parts when long) and its Read-more documents."""
    buf: list[str] = []
    size = 0
    parts = 0
    items: list[ReadMoreItem] = []
    n_items = 0

    def part_doc(text: str, part: int | None) -> Document:
        html = meta_source()
        doc_title = title or (html.title if html else None) or cleaner.title
        doc_date = date or parse_date(html.date if html else None)
        doc_source = source or (html.source if html else None)
        doc_id = base_id if part is None else f"{base_id}#part-{part}"
        meta = {"path": str(path)}
        if part is not None:
            meta["part"] = part
        return Document(doc_id, text, date=doc_date, title=doc_title, source=doc_source,
                        meta=meta)

    def item_docs(pending: list[ReadMoreItem]) -> Iterator[Document]:
        nonlocal n_items
        for item in pending:
            if is_title_echo(item, title or cleaner.title):
                continue
            n_items += 1
            yield Document(f"{base_id}#{n_items}", item.headline, date=item.date,
                           title=item.headline, source=item.outlet,
                           meta={"path": str(path), "parent": base_id, "kind": "read_more"})

    for ev in events:
        if isinstance(ev, ReadMoreItem):
            items.append(ev)
            if len(items) >= MAX_PENDING_ITEMS:
                yield from item_docs(items)
                items = []
            continue
        if buf and size + 2 + len(ev) > max_chars:
            parts += 1
            yield part_doc("\n\n".join(buf), parts)
            buf, size = [], 0
        buf.append(ev)
        size += len(ev) + (2 if len(buf) > 1 else 0)
    if buf:
        if parts:
            parts += 1
        yield part_doc("\n\n".join(buf), parts or None)
    if parts:
        report.warn(path, f"longer than {max_chars:,} characters: split into {parts} parts")
    yield from item_docs(items)


def _jsonl_documents(path: Path | str, raw: IO[bytes], encoding: str, report: ReadReport,
                     max_chars: int, base_id: str, *, tally: JsonlTally | None = None,
                     first_line: int = 1) -> Iterator[Document]:
    """One document per valid line ``{"id", "text", "date"?, "title"?, "source"?}``.

    Bad lines are reported one by one up to ``MAX_LISTED_BAD_LINES``, then counted, so a
    JSONL file that is not a documents file at all (a gold file, a log) gives a few
    warnings and one total rather than a warning per line. A caller that reads the file in
    pieces passes its own ``tally`` (and each piece's ``first_line``) and reports it once.
    """
    own = tally is None
    tally = tally if tally is not None else JsonlTally()
    _REPLACED.count = 0
    stream = _text_stream(raw, encoding)
    pieces: list[str] = []
    size = 0
    too_long = False
    n = first_line - 1
    try:
        for piece, complete in _lines(stream, READ_BLOCK_CHARS):
            if not too_long:
                pieces.append(piece)
                size += len(piece)
                if size > MAX_JSONL_LINE_CHARS:
                    too_long, pieces = True, []
            if not complete:
                continue
            n += 1
            line, pieces, size = "".join(pieces), [], 0
            if too_long:
                too_long = False
                tally.bad_line(n, f"longer than {MAX_JSONL_LINE_CHARS:,} chars")
                continue
            if not line.strip():
                continue
            record, problem = _record(line)
            if problem:
                tally.bad_line(n, problem)
                continue
            yield from _record_documents(record, f"{base_id}#{n}", path, report, max_chars)
        stream.detach()
    finally:
        tally.lines = max(tally.lines, n)
        tally.replaced += _REPLACED.count
        if own:
            tally.report_to(report, path, encoding)


@dataclass
class JsonlTally:
    """A JSONL file's line-level problems, kept apart from the report until the file is
    done, so that a file read in byte ranges (on a Dask cluster, :mod:`kg.cluster`)
    reports what the same file read whole reports: the first bad lines listed, the rest
    counted, one warning for replaced bytes."""

    listed: list[tuple[int, str]] = field(default_factory=list)
    bad: int = 0
    lines: int = 0  # the last line number seen
    replaced: int = 0
    documents: int = 0  # counted by jsonl_block_documents only

    def bad_line(self, n: int, reason: str) -> None:
        self.bad += 1
        if len(self.listed) < MAX_LISTED_BAD_LINES:
            self.listed.append((n, reason))

    def add(self, later: JsonlTally) -> None:
        """Fold in the tally of the next piece of the same file."""
        self.listed = (self.listed + later.listed)[:MAX_LISTED_BAD_LINES]
        self.bad += later.bad
        self.lines = max(self.lines, later.lines)
        self.replaced += later.replaced
        self.documents += later.documents

    def report_to(self, report: ReadReport, path: Path | str, encoding: str) -> None:
        for n, reason in self.listed:
            report.skip(f"{path}:{n}", f"bad line: {reason}")
        if self.bad > MAX_LISTED_BAD_LINES:
            report.skip(path, f"{self.bad - MAX_LISTED_BAD_LINES} more bad lines (of "
                              f"{self.lines}) not listed; is this a documents file with a "
                              f"\"text\" field per line?")
        if self.replaced:
            report.warn(path, f"{self.replaced} byte(s) not valid {encoding}; replaced with "
                              "\ufffd")


def jsonl_block_documents(block: bytes, shown: str, encoding: str, report: ReadReport,
                          tally: JsonlTally, *, first_line: int, doc_id: str,
                          max_chars: int = MAX_DOCUMENT_CHARS) -> Iterator[Document]:
    """Documents of one byte range of a JSONL file that starts at line ``first_line``.

    ``block`` must start and end on line boundaries (as ``fsspec.utils.read_block`` with
    ``delimiter=b"\\n"`` cuts them) and ``encoding`` must be the whole file's (see
    :func:`splittable_encoding`); the documents, ids and line numbers are then those a
    whole-file read gives these lines. Line-level problems go to ``tally``.
    """
    for doc in _jsonl_documents(shown, io.BytesIO(block), encoding, report, max_chars,
                                doc_id, tally=tally, first_line=first_line):
        report.documents += 1
        tally.documents += 1
        yield doc


def count_lines(block: bytes) -> int:
    """Lines ended in ``block`` as the reader counts them (universal newlines: ``\\n``,
    ``\\r\\n`` and a lone ``\\r``), for an ASCII-compatible encoding."""
    return block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")


def splittable_encoding(encoding: str) -> bool:
    """Line ends are the bytes 10 and 13 in this encoding, so a file in it can be cut into
    byte ranges at line ends (not so in UTF-16 or UTF-32)."""
    return not codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _record(line: str) -> tuple[dict, str | None]:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as e:
        return {}, f"not valid JSON ({e.__class__.__name__}: {str(e)[:80]})"
    if not isinstance(obj, dict):
        return {}, f"expected a JSON object, got {type(obj).__name__}"
    obj = {k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v
           for k, v in obj.items()}  # "\ud800" is valid JSON but not text: U+FFFD
    text = obj.get("text")
    if not isinstance(text, str):
        return {}, 'no "text" string'
    if not text.strip():
        return {}, 'empty "text"'
    return obj, None


def _record_documents(obj: dict, fallback_id: str, path: Path, report: ReadReport,
                      max_chars: int) -> Iterator[Document]:
    doc_id = obj.get("id")
    doc_id = fallback_id if doc_id is None or str(doc_id).strip() == "" else str(doc_id)
    raw_date = obj.get("date")
    date = parse_date(str(raw_date)) if raw_date is not None else None
    if raw_date not in (None, "") and date is None:
        report.warn(path, f"{doc_id}: date {str(raw_date)[:40]!r} not understood; ignored")
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    source = obj.get("source") if isinstance(obj.get("source"), str) else None
    cleaner = TextCleaner(max_chars=max_chars)
    lines = ((line, True) for line in obj["text"].splitlines())
    events = _events(lines, cleaner)
    yield from _assemble(doc_id, events, cleaner, max_chars, report, path, date=date,
                         title=title, source=source)
