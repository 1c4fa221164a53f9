"""The project's own sample articles (seeds/): they read cleanly and cover every relation."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import ontology
from kg.read import ReadReport, discover, read_file

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def read_seeds() -> tuple[list, ReadReport]:
    report = ReadReport()
    docs = [d for path in discover([SEEDS], report) for d in read_file(path, report)]
    return docs, report


def test_seeds_read_without_skips_or_warnings() -> None:
    docs, report = read_seeds()
    assert not report.skipped and not report.warnings
    suffixes = {Path(d.meta["path"]).suffix for d in docs}
    assert {".txt", ".jsonl", ".html"} <= suffixes
    assert "README" not in " ".join(d.meta["path"] for d in docs)
    assert 4 <= sum(1 for p in SEEDS.glob("*.txt")) <= 6


def test_seed_read_more_list_becomes_dated_documents() -> None:
    docs, _ = read_seeds()
    heads = [d for d in docs if d.meta.get("kind") == "read_more"]
    assert len(heads) >= 3
    assert all(d.date and d.id.split("#")[1].isdigit() for d in heads)
    assert all(d.text in d.title for d in heads)


def test_seed_page_furniture_is_gone() -> None:
    docs, _ = read_seeds()
    text = "\n".join(d.text for d in docs)
    for junk in ("Photo:", "(AFP)", "\nTT\n", "Subscribe", "Most read", "dataLayer", "Share"):
        assert junk not in text


def test_seeds_yield_every_relation_of_the_ontology() -> None:
    pytest.importorskip("kg.extractor", reason="needs the extractor (kg.extractor)")
    from kg.pipeline import extract

    found = {t.relation for t in extract([SEEDS]) if not t.negated}
    assert set(ontology.relations()) - found == set()
