"""Input a user has (issue 13, point 7): text PDFs through pypdf, a hint for scanned PDFs,
and the files of a folder kg leaves alone counted by extension in the summary."""

from __future__ import annotations

import json

from click.testing import CliRunner
from pdf_maker import write_pdf

import kg
from kg.cli import cli
from kg.read import SCANNED_HINT, ReadReport, read_file

PAGE_1 = ["Tehran, 3 March 2021.", "",
          "Iran has long armed and funded Hezbollah, officials in Beirut said."]
PAGE_2 = ["The United States imposed new sanctions on Iran on Tuesday."]


def test_a_text_pdf_is_read_page_by_page(tmp_path):
    pdf = write_pdf(tmp_path / "brief.pdf", [PAGE_1, PAGE_2])
    report = ReadReport()
    docs = read_file(pdf, report)
    assert [d.id for d in docs] == ["brief.pdf"] and report.skipped == []
    text = " ".join(docs[0].text.split())
    assert "Iran has long armed and funded Hezbollah" in text
    assert "imposed new sanctions on Iran" in text
    assert text.index("Hezbollah") < text.index("sanctions")  # page order kept


def test_kg_extract_finds_relations_in_a_pdf_of_a_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_pdf(folder / "brief.pdf", [PAGE_1, PAGE_2])
    out = tmp_path / "t.jsonl"
    r = CliRunner().invoke(cli, ["extract", str(folder), "-o", str(out), "--no-progress"])
    assert r.exit_code == 0, r.output
    triples = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {(t["subject"], t["relation"], t["object"]) for t in triples} >= {
        ("Iran", "BACKS", "Hezbollah")}
    assert all(t["doc_id"] == "brief.pdf" for t in triples)
    library = list(kg.extract([folder]))
    assert [t.to_dict() for t in library] == triples


def test_a_scanned_pdf_is_skipped_with_an_ocr_hint(tmp_path):
    pdf = write_pdf(tmp_path / "scan.pdf", [[], []])
    report = ReadReport()
    assert read_file(pdf, report) == []
    assert [s.reason for s in report.skipped] == [SCANNED_HINT]
    r = CliRunner().invoke(cli, ["extract", str(pdf), "-o", str(tmp_path / "t.jsonl"),
                                 "--no-progress"])
    assert r.exit_code == 0
    assert f"warning: skipped {pdf}: no text layer (a scanned PDF?)" in r.stderr
    assert "ocrmypdf" in r.stderr


def test_a_damaged_pdf_is_a_skip_not_a_crash(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    report = ReadReport()
    assert read_file(bad, report) == []
    assert len(report.skipped) == 1 and report.skipped[0].path == str(bad)


def test_the_summary_counts_files_left_alone_by_extension(tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("Iran backs Hezbollah.\n", encoding="utf-8")
    for i in range(3):
        (folder / f"memo{i}.docx").write_bytes(b"PK\x03\x04 not really")
    for i in range(2):
        (folder / f"photo{i}.png").write_bytes(b"\x89PNG")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(folder), "-o", str(tmp_path / "t.jsonl"),
                                 "--no-progress"])
    assert r.exit_code == 0, r.output
    last = r.stderr.strip().splitlines()[-1]
    assert "1 file read" in last
    assert "6 skipped: 3 .docx, 2 .png, 1 unreadable" in last
    report = kg.pipeline.ExtractReport()
    list(kg.extract([folder], report=report))
    assert dict(report.read.other_files) == {".docx": 3, ".png": 2}
