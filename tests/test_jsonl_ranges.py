"""A JSONL file read in byte ranges (as Dask workers read one big file between them) gives
what the same file read whole gives: the same documents with the same ids, and the same
report (bad lines by number, the count of the ones not listed, replaced bytes).

The ranges are cut by ``fsspec.utils.read_block`` at line ends, exactly as on a cluster;
line numbers come from :func:`kg.read.count_lines` over the ranges before. No cluster here:
tests/test_dask_cluster.py runs the same cut on real scheduler and worker processes.
"""

from __future__ import annotations

import json
import os

import pytest

from kg.read import (
    SNIFF_BYTES,
    JsonlTally,
    ReadReport,
    count_lines,
    iter_file,
    jsonl_block_documents,
    sniff_encoding,
    splittable_encoding,
)

if os.environ.get("KG_REQUIRE_DASK") != "1":
    pytest.importorskip("fsspec", reason="the Dask extra is not installed (pip install 'kg[dask]')")


def _records() -> bytes:
    """Articles in our own words, with what real exports hold: ids on some lines only,
    CRLF and lone-CR line ends, blank lines, lines that are not JSON (more than the five
    listed), a line with bytes that are not UTF-8, a record whose text runs long."""
    lines = []
    for i in range(40):
        rec = {"text": f"Report {i} from Zahlé. Iran backs Hezbollah in Lebanon, officials "
                       f"said on day {i}.",
               "date": "2021-03-04"}
        if i % 3 == 0:
            rec["id"] = f"wire-{i}"
        if i == 17:
            rec["text"] = " ".join(["Turkey supports the Syrian National Army."] * 300)
        end = {0: "\r\n", 1: "\n", 2: "\r"}[i % 3] if i % 5 else "\n"
        lines.append(json.dumps(rec, ensure_ascii=False).encode() + end.encode())
        if i % 6 == 4:
            lines.append(b"{not json at all}\n\n")
    lines.insert(10, b'{"text": "Caf\xe9 owners in Beirut say Iran funds the group."}\n')
    return b"".join(lines)


def _whole(path) -> tuple[list, ReadReport]:
    report = ReadReport()
    docs = [(d.id, d.text, d.date) for d in iter_file(path, report)]
    return docs, report


def _in_ranges(path, size: int) -> tuple[list, ReadReport]:
    from fsspec.utils import read_block

    total = path.stat().st_size
    with open(path, "rb") as f:
        blocks = [read_block(f, off, size, delimiter=b"\n") for off in range(0, total, size)]
    encoding, problem = sniff_encoding(path.read_bytes()[:SNIFF_BYTES])  # as a worker does
    assert problem is None and splittable_encoding(encoding)
    report, tally, docs, first = ReadReport(), JsonlTally(), [], 1
    for block in blocks:
        part = JsonlTally()
        docs += [(d.id, d.text, d.date) for d in jsonl_block_documents(
            block, str(path), encoding, report, part, first_line=first, doc_id=path.name)]
        tally.add(part)
        first += count_lines(block)
    tally.report_to(report, str(path), encoding)
    report.files_read += 1
    return docs, report


@pytest.mark.parametrize("size", [1, 13, 200, 1000, 4096, 10**6])
def test_ranges_of_any_size_read_as_the_whole_file(tmp_path, size):
    path = tmp_path / "wires.jsonl"
    path.write_bytes(_records())
    want, want_report = _whole(path)
    got, got_report = _in_ranges(path, size)
    assert len(want) > 40
    assert any(doc_id == "wires.jsonl#3" for doc_id, _, _ in want)  # a line-number id
    assert got == want
    assert got_report == want_report
    assert any("more bad lines" in s.reason for s in want_report.skipped)
    assert any("replaced" in w.reason for w in want_report.warnings)


def test_a_bom_is_read_once_and_utf16_is_not_cut(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _records())
    assert _in_ranges(path, 300) == _whole(path)
    assert not splittable_encoding(sniff_encoding("{}".encode("utf-16"))[0])
    assert count_lines(b"a\r\nb\rc\n\n") == 4
