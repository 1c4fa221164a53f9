"""Docs that stay true (issue 13, point 10): the CLI reference is the commands' own
--help, every command and option is documented, every link in the docs resolves, and the
README keeps the quick start with its two commands."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from kg.cli.reference import REFERENCE, cli_reference, commands

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
COMMANDS = list(commands())


def test_the_cli_reference_is_current():
    assert REFERENCE.exists(), "run: python -m kg.cli.reference --write"
    assert REFERENCE.read_text(encoding="utf-8") == cli_reference(), (
        "docs/cli-reference.md is out of date; run: python -m kg.cli.reference --write")


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_and_option_is_documented(path, cmd):
    name = " ".join(path)
    assert cmd.help and cmd.help.strip(), f"`{name}` has no help text"
    reference = REFERENCE.read_text(encoding="utf-8")
    assert f"## `{name}`" in reference
    for param in cmd.params:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        flags = [*param.opts, *param.secondary_opts]
        assert param.help and param.help.strip() or param.is_flag and param.name == "help", (
            f"option {flags[0]} of `{name}` has no help text")
        for flag in flags:
            assert re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", reference), (
                f"{flag} of `{name}` is not in docs/cli-reference.md")
    if len(path) > 1:  # the guide names every command, groups included
        guide = (DOCS / "cli.md").read_text(encoding="utf-8")
        sub = path[-1]
        group = " ".join(path[:-1])
        assert re.search(rf"`{re.escape(group)} [^`]*\b{re.escape(sub)}\b", guide), (
            f"docs/cli.md does not mention `{name}`")


def _links(md: Path):
    text = md.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # code blocks hold no links
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"^(https?:|mailto:|#)", target):
            continue
        yield target.split("#", 1)[0]


@pytest.mark.parametrize("md", [REPO / "README.md", *sorted(DOCS.glob("*.md"))],
                         ids=lambda p: p.name)
def test_every_relative_link_resolves(md):
    missing = [t for t in _links(md) if not (md.parent / t).exists()]
    assert missing == []


def test_the_readme_keeps_the_quick_start_and_a_map():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("<!-- section:quickstart -->", 1)[1].split(
        "<!-- /section:quickstart -->", 1)[0]
    assert "python3 -m pip install -e . && kg build seeds/ && kg query" in quick
    assert "python3 -m pip install -e '.[test]' && python3 -m pytest" in quick
    for page in sorted(DOCS.glob("*.md")):
        assert f"(docs/{page.name})" in readme, f"the README's map misses docs/{page.name}"
    assert len(readme.splitlines()) < 150, "the reference belongs in docs/, not the README"
