"""Hostile corpus input (issue 6, "Corpus input"): nothing crashes, nothing good is lost.

Every hostile file is generated here at test time (nothing big is committed): empty and
whitespace-only files, binary files renamed ``.txt``, invalid UTF-8, one 5 MB line, broken
HTML, a 50 MB text file (memory must stay bounded), a device-like FIFO, unreadable files,
symlink loops, non-English text, a half-written JSONL file. Each is read best-effort or
skipped with a reason; the rest of the folder is processed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from kg.read import MAX_DOCUMENT_CHARS, ReadReport, discover, iter_file

ARABIC = "قالت الحكومة إن المعبر سيُفتح غداً."
CHINESE = "伊朗和俄罗斯在阿斯塔纳举行了会谈。"
RUSSIAN = "Переговоры прошли в Астане."
GOOD_TEXT = ("Iran backs Hezbollah, officials said.\n\n"
             "The United States operates the Al-Tanf base in Syria.\n")


def read_all(paths: list[Path]) -> tuple[dict[str, list], ReadReport]:
    report = ReadReport()
    docs: dict[str, list] = {}
    for path in discover(paths, report):
        docs[path.name] = list(iter_file(path, report))
    return docs, report


def reasons(report: ReadReport) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in report.skipped}


def make_hostile_folder(root: Path, *, big_line_mb: float = 5) -> Path:
    """A mixed folder with one file of every hostile kind, plus good articles."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "nested" / "deeper" / "good2.md").write_text(
        "# Talks\n\nRussia, Turkey and Iran held talks in Astana in January 2017.\n",
        encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("  \n\n\t \n", encoding="utf-8")
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n" + bytes(range(256)) * 64
    (root / "report.txt").write_bytes(pdf)
    (root / "noise.txt").write_bytes(os.urandom(4096) + b"\x00" * 64)
    (root / "bad_utf8.txt").write_bytes(
        "Iraq\u2019s forces reached the crossing ".encode() + b"\xff\xfe and \xc3\x28 stayed "
        + "there \u2014 officials said.\n".encode() + "Truncated: \u2019".encode()[:-1])
    sentence = "Militia fighters moved along the highway toward the border. "
    (root / "one_line.txt").write_text(sentence * int(big_line_mb * 2**20 / len(sentence)),
                                       encoding="utf-8")
    (root / "broken.html").write_text(
        "<html><head><title>Broken</title><script>if (a < b) { x = '</p>'; }</script>"
        "<body><p>Syria&#39;s army <b>reached <i>the border.<p>Unclosed <div><span>tags "
        "everywhere &bogus; &#xZZ; <!-- unclosed comment", encoding="utf-8")
    (root / "arabic.txt").write_text(ARABIC + "\n", encoding="utf-8")
    (root / "chinese.md").write_text(CHINESE + "\n", encoding="utf-8")
    (root / "russian.txt").write_text(RUSSIAN + "\n", encoding="utf-8")
    (root / "half.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "Iran backs Hezbollah."}) + "\n"
        + '{"id": "cut-off", "text": "The file ends in the mid', encoding="utf-8")
    (root / "ignored.csv").write_text("a,b\n", encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    (root / "nested" / "loop").symlink_to("..", target_is_directory=True)
    (root / "self_a.txt").symlink_to("self_b.txt")
    (root / "self_b.txt").symlink_to("self_a.txt")
    (root / "dangling.txt").symlink_to("does-not-exist.txt")
    return root


def test_hostile_folder_is_read_file_by_file(tmp_path: Path) -> None:
    folder = make_hostile_folder(tmp_path / "corpus")
    docs, report = read_all([folder])
    why = reasons(report)

    assert why["empty.txt"] == "empty file"
    assert why["blank.txt"].startswith("no text")
    assert why["report.txt"] == "binary file (PDF)"
    assert why["noise.txt"].startswith("binary file")
    assert why["pipe.txt"].startswith("not a regular file")
    assert why["self_a.txt"] == "symlink loop" and why["self_b.txt"] == "symlink loop"
    assert why["dangling.txt"] == "broken symlink"
    assert why["loop"].startswith("symlink to a folder already read")
    assert "ignored.csv" not in why and "ignored.csv" not in docs

    # the good and the best-effort files are all there
    assert docs["good.txt"][0].text == GOOD_TEXT.strip()
    assert "Astana" in docs["good2.md"][0].text
    assert docs["arabic.txt"][0].text == ARABIC
    assert docs["chinese.md"][0].text == CHINESE
    assert docs["russian.txt"][0].text == RUSSIAN
    bad = docs["bad_utf8.txt"][0].text
    assert bad.startswith("Iraq\u2019s forces reached the crossing") and "\ufffd" in bad
    assert "stayed there \u2014 officials said." in bad and bad.endswith("Truncated: \ufffd")
    assert "Syria's army reached the border." in docs["broken.html"][0].text
    assert [d.id for d in docs["half.jsonl"]] == ["ok-1"]
    assert any(s.path.endswith("half.jsonl:2") and "not valid JSON" in s.reason
               for s in report.skipped)

    parts = docs["one_line.txt"]
    assert len(parts) > 40
    assert all(len(d.text) <= MAX_DOCUMENT_CHARS for d in parts)
    assert [d.id for d in parts][:2] == ["one_line.txt#part-1", "one_line.txt#part-2"]
    size = (folder / "one_line.txt").stat().st_size
    assert sum(len(d.text) for d in parts) >= 0.999 * size

    # every file of the folder tree was visited once: the loop did not repeat anything
    assert report.files_read == 9
    assert sum(1 for s in report.skipped if "good" in s.path) == 0
    assert any("replaced" in w.reason for w in report.warnings if "bad_utf8" in w.path)
    assert "skipped" in report.summary() and "binary file" in report.summary()


def test_discover_stops_on_symlinked_folder_cycles(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x.txt").write_text("one", encoding="utf-8")
    (a / "to_b").symlink_to(b, target_is_directory=True)
    (b / "to_a").symlink_to(a, target_is_directory=True)
    (b / "self").symlink_to(b, target_is_directory=True)
    report = ReadReport()
    found = list(discover([a, b, a / "to_b"], report))
    assert [p.name for p in found] == ["x.txt"]
    assert all("already read" in s.reason for s in report.skipped)


def test_html_garbage_never_raises(tmp_path: Path) -> None:
    junk = ["<", "<<<>>>", "</p></p>", "<!DOCTYPE", "<![CDATA[x", "<?xml ?>", "&#99999999;",
            "<a href='", "<script>", "<style>p{}", "<p" * 5000, "<div>" * 20000, "\x00<p>x"]
    for n, text in enumerate(junk):
        path = tmp_path / f"junk{n}.html"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        report = ReadReport()
        docs = list(iter_file(path, report))  # must not raise
        assert docs or report.skipped


BIG_FILE_SCRIPT = textwrap.dedent("""
    import json, resource, sys
    from pathlib import Path
    from kg.read import ReadReport, iter_file
    path = Path(sys.argv[1])
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = ReadReport()
    count = longest = total = 0
    for doc in iter_file(path, report):
        count += 1
        longest = max(longest, len(doc.text))
        total += len(doc.text)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"docs": count, "longest": longest, "chars": total,
                      "grew_kib": after - before, "skipped": len(report.skipped)}))
""")


@pytest.mark.parametrize("layout", ["paragraphs", "single_line"])
def test_50mb_file_is_read_in_bounded_memory(tmp_path: Path, layout: str) -> None:
    path = tmp_path / "export.txt"
    size = 50 * 2**20
    sentence = ("Officials said the militia moved fighters to the border crossing near "
                "Albukamal while the coalition watched the road from its base. ")
    with path.open("w", encoding="utf-8") as f:
        written = n = 0
        while written < size:
            n += 1
            para = f"Item {n}. " + sentence * 3
            sep = "\n\n" if layout == "paragraphs" else ""
            f.write(para + sep)
            written += len(para) + len(sep)
    proc = subprocess.run([sys.executable, "-c", BIG_FILE_SCRIPT, str(path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["skipped"] == 0
    assert result["longest"] <= MAX_DOCUMENT_CHARS
    assert result["docs"] >= 0.95 * size / MAX_DOCUMENT_CHARS
    assert result["chars"] >= 0.99 * path.stat().st_size
    # Holding the file would take 50 MB for the bytes and as much again for the text;
    # streaming holds a few documents of at most MAX_DOCUMENT_CHARS at a time.
    assert result["grew_kib"] < 24 * 1024, f"peak RSS grew by {result['grew_kib']:,} KiB"


# -- unreadable files --------------------------------------------------------------------------

UNREADABLE_SCRIPT = textwrap.dedent("""
    import json, sys
    from kg.read import ReadReport, discover, iter_file
    report = ReadReport()
    names = []
    for path in discover(sys.argv[1:], report):
        names += [d.id for d in iter_file(path, report)]
    print(json.dumps({"docs": names,
                      "skipped": {s.path.rsplit("/", 1)[-1]: s.reason for s in report.skipped}}))
""")


def _without_root_privileges() -> list[str]:
    """A command prefix that runs a child without the capabilities that bypass file modes."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root and setpriv is unavailable: permissions are not enforced")
    return [setpriv, "--inh-caps=-dac_override,-dac_read_search",
            "--bounding-set=-dac_override,-dac_read_search"]


def test_unreadable_files_and_folders_are_skipped_with_a_reason() -> None:
    prefix = _without_root_privileges()
    root = Path(tempfile.mkdtemp(prefix="kg-perm-"))
    try:
        (root / "ok.txt").write_text("Iran backs Hezbollah.", encoding="utf-8")
        secret = root / "secret.txt"
        secret.write_text("You should not read this.", encoding="utf-8")
        secret.chmod(0)
        closed = root / "closed"
        closed.mkdir()
        (closed / "inside.txt").write_text("Hidden by folder mode.", encoding="utf-8")
        closed.chmod(0)
        proc = subprocess.run([*prefix, sys.executable, "-c", UNREADABLE_SCRIPT, str(root)],
                              capture_output=True, text=True, timeout=60)
    finally:
        for p in (root / "closed", root / "secret.txt"):
            p.chmod(0o700)
        shutil.rmtree(root)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["docs"] == ["ok.txt"]
    assert result["skipped"]["secret.txt"].startswith("permission denied")
    assert result["skipped"]["closed"].startswith("permission denied")


# -- the command line ----------------------------------------------------------------------------

def test_kg_extract_on_a_hostile_folder_warns_summarises_and_writes_triples(
        tmp_path: Path) -> None:
    pytest.importorskip("kg.extractor", reason="needs the extractor (kg.extractor)")
    from click.testing import CliRunner

    from kg.cli.app import cli
    from kg.model import Triple

    folder = make_hostile_folder(tmp_path / "corpus", big_line_mb=0.25)
    out = tmp_path / "triples.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(folder), "-o", str(out), "--no-progress"])
    assert result.exception is None, result.output
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "Traceback" not in result.output
    for name, why in [("empty.txt", "empty file"), ("blank.txt", "no text"),
                      ("report.txt", "binary file (PDF)"), ("noise.txt", "binary file"),
                      ("pipe.txt", "not a regular file"), ("self_a.txt", "symlink loop"),
                      ("dangling.txt", "broken symlink"),
                      ("half.jsonl:2", "bad line: not valid JSON")]:
        assert f"warning: skipped {folder / name}: {why}" in err, err
    assert "bad_utf8.txt" in err and "replaced" in err
    summary = err.strip().splitlines()[-1]
    assert "9 files read" in summary and "skipped" in summary

    triples = [Triple.from_dict(json.loads(line)) for line in out.read_text("utf-8").splitlines()]
    docs = {t.doc_id for t in triples}
    assert "good.txt" in docs
    relations = {(t.subject, t.relation, t.object) for t in triples if t.doc_id == "good.txt"}
    assert ("United States", "OPERATES", "Al-Tanf base") in relations


def test_kg_extract_names_unreadable_files(tmp_path: Path) -> None:
    pytest.importorskip("kg.extractor", reason="needs the extractor (kg.extractor)")
    prefix = _without_root_privileges()
    (tmp_path / "ok.txt").write_text(GOOD_TEXT, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("Iran backs Hezbollah.", encoding="utf-8")
    secret.chmod(0)
    try:
        proc = subprocess.run(
            [*prefix, sys.executable, "-c", "from kg.cli import main; main()", "extract",
             str(tmp_path), "-o", str(tmp_path / "out.jsonl"), "--no-progress"],
            capture_output=True, text=True, timeout=300)
    finally:
        secret.chmod(0o600)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"warning: skipped {secret}: permission denied" in proc.stderr
    assert "1 file read" in proc.stderr.strip().splitlines()[-1]
    assert (tmp_path / "out.jsonl").read_text("utf-8").strip()


@pytest.mark.parametrize("opener", ["<!-- never closed ", "<script>var x = 1; ",
                                    "<a href='unterminated "])
def test_big_html_with_an_unclosed_construct_stays_bounded(tmp_path: Path, opener: str) -> None:
    path = tmp_path / "dump.html"
    with path.open("w", encoding="utf-8") as f:
        f.write("<html><body><p>Opening paragraph.</p>" + opener)
        for i in range(25_000):
            f.write(f"<p>Paragraph {i}: the militia convoy reached the border &amp; waited.</p>\n")
    report = ReadReport()
    docs = list(iter_file(path, report))
    assert docs and docs[0].text.startswith("Opening paragraph.")
    assert all(len(d.text) <= MAX_DOCUMENT_CHARS for d in docs)
    text = "\n".join(d.text for d in docs)
    assert "Paragraph 24999: the militia convoy reached the border & waited." in text
    assert "<p>" not in text and not report.skipped


try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    given = None

if given is not None:
    @settings(max_examples=60, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.one_of(st.binary(max_size=3000),
                          st.text(max_size=3000).map(lambda s: s.encode("utf-8", "surrogatepass"))),
           ext=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
    def test_any_bytes_are_read_or_skipped_never_raised(tmp_path: Path, data: bytes,
                                                        ext: str) -> None:
        path = tmp_path / f"any{ext}"
        path.write_bytes(data)
        report = ReadReport()
        docs = list(iter_file(path, report, max_chars=500))
        assert docs or report.skipped
        for doc in docs:
            assert isinstance(doc.text, str) and doc.text.strip()
            assert len(doc.text) <= 500
            assert "\x00" not in doc.text
