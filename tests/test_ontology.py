import os
from pathlib import Path

import pytest

from kg import ontology
from kg.ontology import OntologyError

REPO = Path(__file__).resolve().parents[1]
SPEC = Path(os.environ.get("KG_SHARED", REPO.parent / "shared")) / "spec" / "ONTOLOGY.md"


def _relation_table(markdown: str) -> dict[str, bool]:
    """Relation → symmetric (marked ⇄), from the first table whose header starts "relation"."""
    rows: dict[str, bool] = {}
    in_table = False
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not in_table:
            in_table = line.startswith("|") and cells[0] == "relation"
            continue
        if not line.startswith("|"):
            break
        name = cells[0].replace("⇄", "").strip(" `")
        if name and not set(name) <= set("-:"):
            rows[name] = "⇄" in cells[0]
    return rows


def test_documented_relation_table_is_the_ontology():
    table = _relation_table((REPO / "docs" / "model.md").read_text(encoding="utf-8"))
    assert list(table) == list(ontology.relations())
    assert {r for r, sym in table.items() if sym} == ontology.symmetric_relations()


def test_ontology_has_every_relation_of_the_spec():
    """The ontology may grow beyond the spec, but never loses or redirects a spec relation."""
    if not SPEC.exists():
        pytest.skip(f"the shared ontology spec is not here ({SPEC}); set KG_SHARED")
    table = _relation_table(SPEC.read_text(encoding="utf-8"))
    assert set(table) <= set(ontology.relations())
    assert {r for r, sym in table.items() if sym} == ontology.symmetric_relations() & set(table)


def test_labels_put_the_key_label_first():
    assert ontology.labels_for("STATE") == ("Entity", "Actor", "State")
    assert ontology.labels_for("FACILITY") == ("Entity", "Place", "Facility")


@pytest.mark.parametrize("bad", ["backs", "BACKS]->() DETACH DELETE n //", "BACKS`", "", "FOO"])
def test_relation_allow_list_rejects_anything_else(bad):
    with pytest.raises(OntologyError):
        ontology.check_relation(bad)


@pytest.mark.parametrize("bad", ["State:Admin", "State`) DETACH DELETE n //", "state", "Person "])
def test_label_allow_list_rejects_anything_else(bad):
    with pytest.raises(OntologyError):
        ontology.check_label(bad)
