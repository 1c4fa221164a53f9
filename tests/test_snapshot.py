"""Extraction output is identical, field by field, to the stored snapshot (tests/snapshot.py).

A change to kg/rel, kg/components, the gazetteer, word lists or rules that alters any triple
of the reference texts fails here. If the change is deliberate, regenerate the snapshot with
``python -m tests.snapshot --update`` in the same commit and say why in the message.
"""

from __future__ import annotations

import json

import pytest

from tests import snapshot


@pytest.mark.parametrize("name", list(snapshot.PIPELINES))
def test_extraction_matches_the_snapshot(name: str) -> None:
    why = snapshot.shared_missing() or snapshot.pipeline_missing(name)
    if why:
        pytest.skip(why)
    assert snapshot.stored_lines(name), f"no snapshot at {snapshot.snapshot_path(name)}"
    changes = snapshot.diff(name)
    shown = "\n".join(changes[:40])
    assert not changes, (
        f"extraction output ({name} pipeline) differs from {snapshot.snapshot_path(name)} "
        f"({len(changes)} diff lines). See it all with `python -m tests.snapshot --diff "
        f"--pipeline {name}`; if the change is deliberate, run `python -m tests.snapshot "
        f"--update` and say why in the commit message.\n{shown}")


def test_the_printed_diff_hides_held_out_lines_but_counts_them():
    held = sorted(p.name for p in snapshot.HELD_OUT.glob("*.txt"))
    if not held:
        pytest.skip("tests/data/heldout_c has no texts")
    rec = {"corpus": "tests/data", "subject": "A", "relation": "BACKS", "object": "B"}
    lines = ["--- stored blank", "+++ current blank", "@@ -1 +1 @@",
             "-" + json.dumps(dict(rec, doc_id=held[0])),
             "+" + json.dumps(dict(rec, doc_id="dev_01.txt"))]
    out = snapshot.masked(lines)
    assert not any(held[0] in line for line in out)
    assert any('"dev_01.txt"' in line for line in out)
    assert out[-1].startswith("(1 changed line(s) of tests/data/heldout_c / heldout_d not shown")

