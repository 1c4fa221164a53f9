"""Reading documents: cleaning scraped pages, Read-more lists, HTML, JSONL, encodings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.read import ReadReport, discover, iter_file, read_file, sniff_encoding
from kg.textclean import clean_text, parse_read_more_item

SHARED = Path(os.environ.get("KG_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
SHARED_SEEDS = SHARED / "seeds"

CAPTION = ("Armoured vehicles wait at the Al-Qaim crossing before dawn, "
           "Iraq, March 3, 2020. REUTERS/Jane Roe")

SCRAPED = f"""Militia Convoys Return to the Border

{CAPTION}
{CAPTION}
TT

Militia Convoys Return to the Border

{CAPTION}

Kataib Hezbollah moved fighters toward Al-Qaim on March 2, 2020, local officials said.

The group is backed by Iran's Quds Force, according to Iraqi officials.
Advertisement
A second paragraph on its own line follows here.

Read more:
Militia Convoys Return to the Border - The Desert Courier
- Turkey and Russia hold talks in Astana on Syria - The Steppe Times - May 4th, 2021 [May 4th, 2021]
- US strikes depots - report - Gulf Wire - January 5th, 2020 [January 5th, 2020]
- Iran sends advisers to Syria - - February 1st, 2021 [February 1st, 2021]
- Hezbollah fighters redeploy near Qusayr - Levant Daily - - March 9th, 2021 [March 9th, 2021]
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def read_one(path: Path) -> tuple[list, ReadReport]:
    report = ReadReport()
    return read_file(path, report), report


# -- cleaning -------------------------------------------------------------------------------

def test_scraped_page_is_cleaned_and_keeps_paragraphs(tmp_path: Path) -> None:
    docs, report = read_one(write(tmp_path, "convoy.txt", SCRAPED))
    main = docs[0]
    assert main.id == "convoy.txt"
    assert main.title == "Militia Convoys Return to the Border"
    paragraphs = main.text.split("\n\n")
    assert paragraphs[0] == "Militia Convoys Return to the Border"
    # caption once, credit gone, lone token and boilerplate gone
    caption = "Armoured vehicles wait at the Al-Qaim crossing before dawn, Iraq, March 3, 2020."
    assert paragraphs[1] == caption
    assert main.text.count("Armoured vehicles wait") == 1
    assert main.text.count("Militia Convoys Return") == 1
    assert "REUTERS" not in main.text and "TT" not in main.text.split()
    assert "Advertisement" not in main.text
    # one paragraph per line, blank line between paragraphs, nothing from the list
    assert "The group is backed by Iran's Quds Force, according to Iraqi officials." in paragraphs
    assert "A second paragraph on its own line follows here." in paragraphs
    assert "Read more" not in main.text and "Astana" not in main.text
    assert "\n\n\n" not in main.text
    assert report.files_read == 1 and report.documents == len(docs) and not report.skipped


def test_read_more_list_becomes_dated_headline_documents(tmp_path: Path) -> None:
    docs, _ = read_one(write(tmp_path, "convoy.txt", SCRAPED))
    heads = docs[1:]
    assert [d.id for d in heads] == ["convoy.txt#1", "convoy.txt#2", "convoy.txt#3",
                                     "convoy.txt#4"]
    assert [(d.text, d.source, d.date) for d in heads] == [
        ("Turkey and Russia hold talks in Astana on Syria", "The Steppe Times", "2021-05-04"),
        ("US strikes depots - report", "Gulf Wire", "2020-01-05"),
        ("Iran sends advisers to Syria", None, "2021-02-01"),
        ("Hezbollah fighters redeploy near Qusayr", "Levant Daily", "2021-03-09"),
    ]
    assert all(d.meta["parent"] == "convoy.txt" for d in heads)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("- Talks stall in Geneva - Alpine Post - June 2nd, 2022 [June 2nd, 2022]",
         ("Talks stall in Geneva", "Alpine Post", "2022-06-02")),
        ("• Aid convoy reaches Idlib – relief.example.org – 2023-02-11",
         ("Aid convoy reaches Idlib", "relief.example.org", "2023-02-11")),
        ("Ceasefire holds in Daraa - The Southern Ledger",
         ("Ceasefire holds in Daraa", "The Southern Ledger", None)),
    ],
)
def test_parse_read_more_item(line: str, expected: tuple) -> None:
    item = parse_read_more_item(line)
    assert item is not None
    assert (item.headline, item.outlet, item.date) == expected


@pytest.mark.parametrize("line", [
    "Our army - they said - is at the border.",
    "The talks went on for hours.",
])
def test_prose_is_not_a_list_item(line: str) -> None:
    assert parse_read_more_item(line) is None


def test_text_after_the_list_returns_to_the_article() -> None:
    text = ("First paragraph of the story.\n\nRelated:\n"
            "- Border reopens - Daily Crossing - 2 May 2019\n"
            "The story goes on after the related links, which is common on some sites.\n")
    result = clean_text(text)
    assert result.text.split("\n\n") == [
        "First paragraph of the story.",
        "The story goes on after the related links, which is common on some sites."]
    assert [(i.headline, i.date) for i in result.items] == [("Border reopens", "2019-05-02")]


def test_credits_in_several_styles_are_removed() -> None:
    text = "\n\n".join([
        "Mourners gather in Beirut (AP Photo/John Doe)",
        "Smoke rises over the depot. AFP photo",
        "Photo: Jane Roe",
        "Fighters cross the river near Deir ez-Zor (AFP)",
        "The minister spoke to Reuters/Ipsos pollsters about the vote.",
    ])
    assert clean_text(text).text.split("\n\n") == [
        "Mourners gather in Beirut",
        "Smoke rises over the depot.",
        "Fighters cross the river near Deir ez-Zor",
        "The minister spoke to Reuters/Ipsos pollsters about the vote.",
    ]


def test_short_repeated_quote_survives_but_adjacent_copy_does_not() -> None:
    text = "\u201cNo.\u201d\nHe paused.\n\u201cNo.\u201d\nCaption line\nCaption line\n"
    assert clean_text(text).text.split("\n\n") == [
        "\u201cNo.\u201d", "He paused.", "\u201cNo.\u201d", "Caption line"]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = ("The border crossing between the two countries was closed for several\n"
            "years and reopened after negotiations between the governments of both\n"
            "states, officials said on Monday.\n\n"
            "A second paragraph.\n")
    assert clean_text(text).text.split("\n\n") == [
        "The border crossing between the two countries was closed for several years and "
        "reopened after negotiations between the governments of both states, officials said "
        "on Monday.",
        "A second paragraph."]


def test_markdown_markup_is_removed(tmp_path: Path) -> None:
    md = ("# Talks in Astana\n\nRussia, Turkey and **Iran** met in "
          "[Astana](https://example.org/astana) in January 2017.\n\n- first point\n")
    docs, _ = read_one(write(tmp_path, "talks.md", md))
    assert docs[0].text.split("\n\n") == [
        "Talks in Astana", "Russia, Turkey and Iran met in Astana in January 2017.",
        "first point"]


def test_long_document_is_split_into_parts_on_paragraph_boundaries(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {i} says the convoy moved on day {i}." for i in range(200)]
    path = write(tmp_path, "long.txt", "\n\n".join(paragraphs))
    report = ReadReport()
    docs = list(iter_file(path, report, max_chars=1000))
    assert len(docs) > 5
    assert [d.id for d in docs] == [f"long.txt#part-{n}" for n in range(1, len(docs) + 1)]
    assert all(len(d.text) <= 1000 for d in docs)
    rejoined = [p for d in docs for p in d.text.split("\n\n")]
    assert rejoined == paragraphs
    assert any("split into" in w.reason for w in report.warnings)


# -- HTML -----------------------------------------------------------------------------------

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Strikes near Albukamal | Frontier News</title>
<meta property="article:published_time" content="2019-12-30T08:00:00Z">
<meta property="og:site_name" content="Frontier News">
<style>p { color: red }</style><script>var s = "<p>not text</p>";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Strikes near Albukamal</h1>
<p>US aircraft struck five sites used by Kataib&nbsp;Hezbollah on
   December 29, 2019, the Pentagon said.</p>
<figure><img src="x.jpg"><figcaption>Smoke over the site. REUTERS/John Doe</figcaption></figure>
<p>Iraq&#8217;s government condemned the strikes.<br>Protesters gathered in Baghdad.</p>
<ul><li>Five sites hit</li><li>Two in Syria</li></ul>
</article>
<aside>Most read: something else</aside>
<footer>&copy; Frontier News</footer>
<noscript>Enable JavaScript</noscript>
</body></html>
"""


def test_html_is_reduced_to_visible_article_text(tmp_path: Path) -> None:
    docs, report = read_one(write(tmp_path, "strikes.html", HTML))
    assert len(docs) == 1 and not report.skipped
    doc = docs[0]
    assert doc.id == "strikes.html"
    assert doc.title == "Strikes near Albukamal | Frontier News"
    assert doc.date == "2019-12-30" and doc.source == "Frontier News"
    assert doc.text.split("\n\n") == [
        "Strikes near Albukamal",
        "US aircraft struck five sites used by Kataib Hezbollah on December 29, 2019, "
        "the Pentagon said.",
        "Smoke over the site.",
        "Iraq\u2019s government condemned the strikes.",
        "Protesters gathered in Baghdad.",
        "Five sites hit",
        "Two in Syria",
    ]
    for junk in ("color", "not text", "Home", "Most read", "JavaScript", "\u00a9"):
        assert junk not in doc.text


def test_html_with_declared_legacy_charset(tmp_path: Path) -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1252"></head><body><p>\u201cWe will respond,\u201d the '
            'minister said.</p></body></html>')
    docs, _ = read_one(write(tmp_path, "legacy.htm", page.encode("cp1252")))
    assert docs[0].text == "\u201cWe will respond,\u201d the minister said."


# -- JSONL ----------------------------------------------------------------------------------

def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "Iran backs the group.\nSecond paragraph.",
                    "date": "December 29, 2019", "source": "Wire"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a2"}),
        "",
        json.dumps({"text": "No id here.", "date": "2020-01-03T10:00:00Z"}),
        json.dumps({"id": 7, "text": "   "}),
        json.dumps({"id": "a3", "text": "Undated.", "date": "someday"}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    docs, report = read_one(path)
    assert [(d.id, d.date) for d in docs] == [("a1", "2019-12-29"), ("feed.jsonl#6", "2020-01-03"),
                                             ("a3", None)]
    assert docs[0].text == "Iran backs the group.\n\nSecond paragraph."
    assert docs[0].source == "Wire"
    reasons = {s.path.rsplit(":", 1)[1]: s.reason for s in report.skipped}
    assert set(reasons) == {"2", "3", "4", "7"}
    assert "not valid JSON" in reasons["2"]
    assert "JSON object" in reasons["3"]
    assert '"text"' in reasons["4"] and '"text"' in reasons["7"]
    assert any("someday" in w.reason for w in report.warnings)
    assert report.files_read == 1 and report.documents == 3


def test_jsonl_text_gets_the_same_cleaning(tmp_path: Path) -> None:
    text = ("Title line here\n\nBody sentence one.\nTT\n\n"
            "Read more:\n- Other story - Outlet - 2021-01-02")
    path = write(tmp_path, "one.jsonl", json.dumps({"id": "x", "text": text}) + "\n")
    docs, _ = read_one(path)
    assert [(d.id, d.text, d.date) for d in docs] == [
        ("x", "Title line here\n\nBody sentence one.", None),
        ("x#1", "Other story", "2021-01-02")]


# -- encodings ------------------------------------------------------------------------------

def test_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    data = "Syria\u2019s army reached the crossing. ".encode() + b"\xff\xfe\xc3(" + b" End."
    docs, report = read_one(write(tmp_path, "bad.txt", data))
    assert docs[0].text.startswith("Syria\u2019s army reached the crossing.")
    assert "\ufffd" in docs[0].text and docs[0].text.endswith("End.")
    assert any("replaced" in w.reason for w in report.warnings)


def test_legacy_8bit_text_is_read_as_windows_1252(tmp_path: Path) -> None:
    text = "\u201cThe base stays,\u201d said the colonel \u2013 caf\u00e9 talk."
    docs, report = read_one(write(tmp_path, "old.txt", text.encode("cp1252")))
    assert docs[0].text == text
    assert any("Windows-1252" in w.reason for w in report.warnings)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_unicode_encodings_with_or_without_bom(tmp_path: Path, encoding: str) -> None:
    text = "Damascus and Baghdad agreed to reopen the road. \u062f\u0645\u0634\u0642"
    docs, report = read_one(write(tmp_path, "u.txt", text.encode(encoding)))
    assert docs[0].text == text
    assert not report.skipped


def test_sniff_encoding_flags_binary() -> None:
    assert sniff_encoding(b"%PDF-1.7\n%\xe2\xe3")[1] == "binary file (PDF)"
    assert "binary" in sniff_encoding(bytes(range(256)) * 4)[1]
    assert sniff_encoding(b"plain ascii text")[0] == "utf-8"


# -- discovery ------------------------------------------------------------------------------

def test_discover_walks_folders_in_order_and_filters_extensions(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/z.txt", "a.md", "c.html", "d.jsonl", "e.pdf", "f.csv", ".hidden/g.txt",
                 ".h.txt"):
        write(tmp_path, name, "text")
    report = ReadReport()
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path], report)]
    assert found == ["a.md", "c.html", "d.jsonl", "e.pdf", "b/z.txt"]  # PDFs via pypdf
    assert not report.skipped
    assert dict(report.other_files) == {".csv": 1}  # counted for the summary


def test_discover_reports_missing_paths_and_reads_explicit_files(tmp_path: Path) -> None:
    notes = write(tmp_path, "notes.log", "Some text.")
    report = ReadReport()
    found = list(discover([tmp_path / "nope.txt", notes, notes], report))
    assert found == [notes]
    assert [s.reason for s in report.skipped] == ["not found", f"same file as {notes}"]


# -- the shared reference articles ----------------------------------------------------------

def _shared(name: str) -> Path:
    path = SHARED_SEEDS / name
    if not path.exists():
        pytest.skip(f"shared reference articles not found at {SHARED_SEEDS}")
    return path


def test_shared_article_with_duplicated_captions() -> None:
    path = _shared("000_09e9792247556f15.txt")
    lines = path.read_text("utf-8").splitlines()
    title, caption = lines[0], lines[2]
    assert lines.count(caption) >= 2 and " REUTERS/" in caption  # what the page carries
    docs, report = read_one(path)
    assert len(docs) == 1 and not report.skipped
    text = docs[0].text
    assert "REUTERS" not in text and "(AFP)" not in text
    assert "\nTT\n" not in text and not text.startswith("TT")
    assert text.count(caption.rsplit(" REUTERS/", 1)[0]) == 1
    assert text.count(title) == 1 and docs[0].title == title
    assert "On December 29, 2019, US forces" in text


def test_shared_article_read_more_list() -> None:
    path = _shared("003_c66142f3a5c4e8e4.txt")
    listed = [line for line in path.read_text("utf-8").splitlines() if line.startswith("- ")]
    docs, _ = read_one(path)
    main, heads = docs[0], docs[1:]
    assert "Read more" not in main.text and "[January" not in main.text
    assert main.text.rstrip().endswith("based in Beirut.")
    assert len(heads) == len(listed)  # the dateless echo of the article's own title is dropped
    assert all(d.date and d.date.startswith("2026-01-") for d in heads)
    headline, outlet, _ = listed[0][2:].split(" - ")
    first = heads[0]
    assert (first.id, first.text, first.source, first.date) == (
        "003_c66142f3a5c4e8e4.txt#1", headline, outlet, "2026-01-26")
    assert not any("2026" in d.text or "[" in d.text for d in heads)
    # three lines of the list name no outlet ("headline - - date")
    assert sum(d.source is None for d in heads) == 3


def test_a_jsonl_file_that_is_not_documents_gives_a_few_warnings_and_a_total(
        tmp_path: Path) -> None:
    lines = [json.dumps({"doc": "a.txt", "subject": "Iran", "relation": "BACKS"})] * 40
    path = write(tmp_path, "gold.jsonl", "\n".join(lines) + "\n")
    report = ReadReport()
    assert read_file(path, report) == []
    reasons = [s.reason for s in report.skipped]
    assert len(reasons) == 7  # five lines listed, one total, and the file itself
    assert reasons[5].startswith("35 more bad lines (of 40) not listed")
    assert reasons[6] == "no valid records"
