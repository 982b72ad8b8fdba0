"""Shared test set-up."""

import pytest

from renderer.view import ensure_recursion_headroom

# The renderer raises the recursion limit on first use; do it before any test runs so that
# hypothesis (which checks the limit around each example) sees one stable value.
ensure_recursion_headroom()


@pytest.fixture(scope="session")
def browser():
    """One system Chromium per session for the ``browser`` tests (Playwright can't fetch its own)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from devserver.snapshot.chromium import ChromiumNotFound, launch

    try:
        with sync_api.sync_playwright() as p:
            b = launch(p)
            yield b
            b.close()
    except ChromiumNotFound as exc:
        pytest.skip(str(exc))
