"""Fixtures shared by every test folder: a real headless Chromium driven by selenium.

Needs the Debian packages ``chromium`` and ``chromium-driver`` and the ``selenium``
package. Without them a browser test is skipped, unless ``KG_REQUIRE_BROWSER=1`` (CI)
makes their absence a failure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("KG_CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    # without these Chromium keeps calling home, which a closed network answers slowly
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--window-size=1400,1000",
)
BROWSER_WAIT = 90  # seconds; CI has 2 shared cores
REPO = Path(__file__).resolve().parents[1]


def _browser_missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed (pip install selenium)"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.exists(path) or shutil.which(path)):
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    return None


@pytest.fixture(scope="module")
def chrome():
    """A headless Chromium; its performance log records every network request."""
    reason = _browser_missing()
    if reason:
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KG_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(BROWSER_WAIT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def test_artifacts() -> Path:
    """Where tests leave files for people to look at (screenshots): ``KG_TEST_ARTIFACTS``
    or ``test-artifacts/``."""
    path = Path(os.environ.get("KG_TEST_ARTIFACTS") or REPO / "test-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def quickstart_graph(tmp_path_factory) -> Path:
    """The graph of the README's quick start: ``kg build seeds/``, through the CLI."""
    from click.testing import CliRunner

    from kg.cli import cli

    path = tmp_path_factory.mktemp("quickstart") / "graph.json"
    result = CliRunner().invoke(cli, ["build", str(REPO / "seeds"), "--graph", str(path)])
    assert result.exit_code == 0, result.output
    return path
