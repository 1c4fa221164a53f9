"""Extraction output is identical, field by field, to the stored snapshot (tests/snapshot.py).

A change to kg/rel, kg/components, the gazetteer, word lists or rules that alters any triple
of the reference texts fails here. If the change is deliberate, regenerate the snapshot with
``python -m tests.snapshot --update`` in the same commit and say why in the message.
"""

from __future__ import annotations

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
