"""Extraction quality stays at or above the README's floors on every evaluation set (blank
pipeline, shared scorer; see tests/quality.py for the sets and the floors)."""

from __future__ import annotations

import pytest

from tests.quality import FLOORS, SETS, available, measure


@pytest.fixture(scope="module")
def extractor():
    from kg.extractor import Extractor

    return Extractor()


@pytest.mark.parametrize("s", [pytest.param(s, id=s.name) for s in SETS])
def test_quality_at_or_above_its_floor(extractor, s):
    if not available(s):
        pytest.skip(f"{s.name}: texts or gold not found at {s.docs} (set KG_SHARED)")
    r = measure(s, extractor)
    floor_p, floor_r = FLOORS[s.name]
    assert r["P"] >= floor_p and r["R"] >= floor_r, (s.name, r["P"], r["R"], FLOORS[s.name])
    assert r["docs"] > 0 and r["required_gold"] > 0
