"""Evidence items: time windows over dates of any precision, and corroboration counts."""

from __future__ import annotations

import pytest

from kg import evidence as ev
from kg.derive import refresh
from kg.model import Document, Triple
from kg.pipeline import with_folder_sources
from kg.store import NetworkXStore


def item(date="", doc="a.txt", sentence="Iran arms the group.", outlet="", key=None):
    return ev.Evidence(key or f"{doc}:{date}:{sentence}", doc, sentence, "r", date, "", outlet)


@pytest.mark.parametrize("date,window,inside", [
    ("2019-12-29", ev.Window(end="2019-12-31"), True),
    ("2020-01-03", ev.Window(end="2019-12-31"), False),
    ("2019-12", ev.Window(end="2019-12-15"), True),       # December overlaps
    ("2019", ev.Window(start="2019-06-01", end="2019-06-30"), True),
    ("2019-12", ev.Window(start="2020-01-01", end="2020-12-31"), False),
    ("2020", ev.Window(start="2020-01-01", end="2020-12-31"), True),
    ("2020-02", ev.Window(start="2020-02-29"), True),       # leap day is in February
    ("", ev.Window(end="2030-01-01"), False),
    ("someday", ev.Window(), False),
])
def test_a_partial_date_is_inside_when_its_period_overlaps_the_window(date, window, inside):
    assert window.contains(date) is inside


def test_bounds_from_the_command_line_cover_whole_periods():
    assert ev.parse_bound("2019", end=True) == "2019-12-31"
    assert ev.parse_bound("2019-02", end=True) == "2019-02-28"
    assert ev.parse_bound("2019-02") == "2019-02-01"
    with pytest.raises(ev.DateError):
        ev.parse_bound("last week")
    with pytest.raises(ev.DateError):
        ev.Window(start="2020-01-01", end="2019-01-01")


def test_undated_relations_are_kept_and_marked_and_mixed_ones_keep_dated_items():
    undated = [item(), item(doc="b.txt")]
    assert ev.in_window(undated, ev.Window(end="2000-01-01")) == (undated, True)
    mixed = [item("2019-01-01"), item(""), item("2021-01-01")]
    kept, marked = ev.in_window(mixed, ev.Window(end="2020-01-01"))
    assert kept == [mixed[0]] and marked is False


def test_a_repeated_wire_sentence_counts_once():
    wire = "Iran sent rockets to the group, officials said."
    evidence = [item("2020-01-02", "paper1.txt", wire, "Daily One"),
                item("2020-01-03", "paper2.txt", wire.upper(), "Daily Two"),   # reprint
                item("2020-01-03", "paper3.txt", "Iran funds the group.", "Daily Two"),
                item("2020-01-04", "blog.txt", "Iran trains the group.", "")]
    assert ev.corroboration(evidence) == {"documents": 3, "sources": 3}
    # the reprint is the later copy; the first printing keeps its document and outlet
    assert [e.doc for e in ev.independent(evidence)] == ["paper1.txt", "paper3.txt", "blog.txt"]


def test_parts_of_one_long_article_are_one_document():
    evidence = [item(doc="long.txt#part-1", sentence="One."),
                item(doc="long.txt#part-2", sentence="Two."),
                item(doc="long.txt#3", sentence="A read-more headline.")]
    assert ev.corroboration(evidence)["documents"] == 2


def test_items_pads_lists_missing_from_older_graphs():
    [only] = ev.items({"evidence_keys": ["k"], "docs": ["d"], "sentences": ["s"]})
    assert (only.doc, only.outlet, only.date) == ("d", "", "")


def test_sources_come_from_metadata_or_from_the_folder_below_the_given_one(tmp_path):
    (tmp_path / "reuters").mkdir()
    docs = [Document("a.txt", "x", meta={"path": str(tmp_path / "reuters" / "a.txt")}),
            Document("b.txt", "x", source="Wire", meta={"path": str(tmp_path / "reuters/b")}),
            Document("c.txt", "x", meta={"path": str(tmp_path / "c.txt")})]
    got = [d.source for d in with_folder_sources(docs, [tmp_path])]
    assert got == ["reuters", "Wire", None]


def _triple(doc, sentence, source, start=0, date="2020-01-01"):
    return Triple("Iran", "STATE", "BACKS", "Hezbollah", "ORGANIZATION", doc, sentence, start,
                  start + len(sentence), "t", 0.8, date=date, source=source)


def test_refresh_stores_documents_and_sources_on_each_relationship(tmp_path):
    store = NetworkXStore(tmp_path / "g.json")
    store.load([_triple("a.jsonl#1", "Iran arms Hezbollah.", "Wire A"),
                _triple("a.jsonl#2", "Iran arms Hezbollah.", "Wire B"),
                _triple("b.txt", "Iran funds Hezbollah.", None)])
    refresh(store)
    store.save()
    g = NetworkXStore(tmp_path / "g.json").graph  # what the saved file holds, read back
    (_, _, e), = g.edges(data=True)
    assert e["outlets"] == ["Wire A", "Wire B", ""]
    assert (e["documents"], e["sources"], e["mentions"]) == (2, 2, 3)
    assert {d["camp"] for _, d in g.nodes(data=True)} <= {"1A", "1B"}
