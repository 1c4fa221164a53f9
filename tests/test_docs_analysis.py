"""docs/analysis.md ("Time, change, corroboration and camps") shows real output.

Each ``$ kg …`` line of that section runs on the sample corpus (``kg build seeds/`` in a
fresh folder, 100-column terminal) and must print exactly what the README shows.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SECTION = re.search(r"<!-- section:analysis -->(.*?)<!-- /section:analysis -->",
                    (REPO / "docs" / "analysis.md").read_text(encoding="utf-8"), re.S)


def examples() -> list[tuple[str, str]]:
    assert SECTION, "docs/analysis.md has no analysis section"
    out = []
    for block in re.findall(r"```\n(.*?)```", SECTION.group(1), re.S):
        current, lines = None, []
        for line in block.splitlines():
            if line.startswith("$ kg "):
                if current:
                    out.append((current, "\n".join(lines)))
                current, lines = line[2:], []
            else:
                lines.append(line)
        if current:
            out.append((current, "\n".join(lines)))
    return out


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("readme")
    shutil.copytree(REPO / "seeds", d / "seeds")
    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    proc = subprocess.run([*kg, "build", "seeds/"], cwd=d, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return d


@pytest.mark.parametrize("command,shown", examples(), ids=lambda x: x[:60])
def test_the_readme_shows_what_the_command_prints(workdir, command, shown):
    bindir = workdir / "bin"
    bindir.mkdir(exist_ok=True)
    shim = bindir / "kg"
    shim.write_text(f"#!/bin/sh\nexec {sys.executable} -c 'from kg.cli import main; main()' "
                    '"$@"\n')
    shim.chmod(0o755)
    env = dict(os.environ, COLUMNS="100", PATH=f"{bindir}:{os.environ['PATH']}")
    env.pop("KG_GRAPH", None)
    proc = subprocess.run(command + " 2>&1", shell=True, cwd=workdir, capture_output=True,
                          text=True, env=env, timeout=300)
    assert proc.stdout.rstrip("\n") == shown.rstrip("\n")


def test_every_analysis_command_has_an_example():
    commands = " ".join(c for c, _ in examples())
    for needed in ("--as-of", "kg diff", "--min-sources", "kg balance", "--camps",
                   "changes_since", "contradictions", "camps"):
        assert needed in commands


def _run(workdir: Path, command: str) -> str:
    """Run one documented command the way the test does (same shim, width and environment)."""
    bindir = workdir / "bin"
    bindir.mkdir(exist_ok=True)
    shim = bindir / "kg"
    shim.write_text(f"#!/bin/sh\nexec {sys.executable} -c 'from kg.cli import main; main()' "
                    '"$@"\n')
    shim.chmod(0o755)
    env = dict(os.environ, COLUMNS="100", PATH=f"{bindir}:{os.environ['PATH']}")
    env.pop("KG_GRAPH", None)
    proc = subprocess.run(command + " 2>&1", shell=True, cwd=workdir, capture_output=True,
                          text=True, env=env, timeout=300)
    return proc.stdout.rstrip("\n")


def update(path: Path = REPO / "docs" / "analysis.md") -> int:
    """Rewrite each example's output in place after a change in extraction moved the answers.

    Only the lines after each ``$ kg …`` line change; the prose and the commands stay, so a
    reviewer reads the diff of docs/analysis.md to see how the sample answers moved.
    """
    import tempfile

    text = path.read_text(encoding="utf-8")
    head, rest = text.split("<!-- section:analysis -->", 1)
    section, tail = rest.split("<!-- /section:analysis -->", 1)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        shutil.copytree(REPO / "seeds", d / "seeds")
        proc = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "build",
                               "seeds/"], cwd=d, capture_output=True, text=True, timeout=300)
        if proc.returncode:
            sys.stderr.write(proc.stderr)
            return 1
        changed = 0

        def redo(match: re.Match) -> str:
            nonlocal changed
            out, lines = [], match.group(1).splitlines()
            for line in lines:
                if line.startswith("$ kg "):
                    out.append(line)
                    out.append(_run(d, line[2:]))
            new = "```\n" + "\n".join(out) + "\n```"
            changed += new != match.group(0)
            return new

        section = re.sub(r"```\n(.*?)```", redo, section, flags=re.S)
    path.write_text(head + "<!-- section:analysis -->" + section + "<!-- /section:analysis -->"
                    + tail, encoding="utf-8")
    print(f"{changed} example block(s) rewritten in {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m tests.test_docs_analysis --update")
    sys.exit(update())
