"""The library contract (issue 13, point 9): ``kg.extract`` stays the function however
often it is called and whatever is imported; both backends are a ``kg.Store``; every
expected failure is a ``kg.KgError`` and the CLI turns it into one line and its exit code.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli

ARTICLE = ("Iran backs Hezbollah. The United States opposes Iran.\n")


def test_kg_extract_is_callable_every_time_even_after_importing_the_extractor(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    first = list(kg.extract([tmp_path]))
    importlib.import_module("kg.extractor")
    importlib.import_module("kg.pipeline")
    second = list(kg.extract([tmp_path]))
    assert callable(kg.extract) and kg.extract is kg.pipeline.extract
    assert first and [t.to_dict() for t in first] == [t.to_dict() for t in second]


def test_kg_extract_works_twice_in_a_fresh_interpreter(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code = ("import kg, sys; a = list(kg.extract([sys.argv[1]])); "
            "b = list(kg.extract([sys.argv[1]])); print(len(a), len(b))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    a, b = map(int, out.stdout.split())
    assert a == b > 0


def test_the_embedded_store_implements_the_store_protocol_and_save_returns_its_file(tmp_path):
    store = kg.open_store("networkx", graph=tmp_path / "g.json")
    assert isinstance(store, kg.Store)
    for name in ("load", "save", "query", "stats", "to_networkx", "close"):
        assert callable(getattr(store, name))
    # both backends accept the same load() keywords
    assert "batch_size" in inspect.signature(store.load).parameters
    assert store.save() == tmp_path / "g.json" and (tmp_path / "g.json").exists()


def test_the_neo4j_store_class_implements_the_store_protocol():
    from kg.store.base import Store
    from kg.store.neo4j_store import Neo4jStore

    for name, member in inspect.getmembers(Store, inspect.isfunction):
        if name.startswith("_") and name not in ("__enter__", "__exit__"):
            continue
        impl = getattr(Neo4jStore, name)
        assert set(inspect.signature(member).parameters) <= set(
            inspect.signature(impl).parameters), name


def _error_classes():
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        if info.name.startswith("kg.cli") or info.name.startswith("kg._"):
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, Exception):
                yield cls


def test_every_error_class_of_the_library_is_a_kg_error():
    classes = list(_error_classes())
    assert len(classes) >= 8  # QueryError, GraphFileError, Neo4jStoreError, …
    outside = [c.__qualname__ for c in classes if not issubclass(c, kg.KgError)]
    assert outside == []


def test_library_errors_keep_their_builtin_base_for_old_callers():
    from kg.query import QueryError
    from kg.store import GraphFileError

    assert issubclass(QueryError, ValueError) and issubclass(GraphFileError, RuntimeError)
    with pytest.raises(kg.KgError):
        kg.open_store("sqlite")


@pytest.mark.parametrize("args, code", [
    (["query", "no_such_query"], 1),
    (["load", "{triples}"], 1),
    (["stats", "--graph", "{missing}"], 1),
])
def test_the_cli_maps_kg_errors_to_one_line_and_the_errors_exit_code(tmp_path, args, code):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"subject": 1}\n', encoding="utf-8")
    args = [a.format(triples=bad, missing=tmp_path / "none.json") for a in args]
    result = CliRunner().invoke(cli, [*args, "--graph", str(tmp_path / "g.json")]
                                if args[0] == "load" else args)
    assert result.exit_code == code, result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert "Traceback" not in result.output
