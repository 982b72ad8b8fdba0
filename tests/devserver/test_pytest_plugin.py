"""kview's pytest plugin, run as an app developer runs it: a test file of theirs, in a separate
pytest process (``pytester``), with ``--kview-app`` pointing at a copy of the sample app. The
fixtures serve the app, open the widget in real Chromium and expose the Cards SDK call log."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.browser

SAMPLES = Path(__file__).resolve().parents[2] / "sample_views"

DEVELOPERS_TESTS = '''
def test_lookup_reads_the_customer_and_its_orders(kview_widget):
    widget = kview_widget("order-lookup")
    first = widget.wait_for_call("request")
    assert first["args"][0]["url"].startswith("/v1/customers/")
    widget.wait_for_call("command.run")
    urls = [c["args"][0]["url"] for c in widget.calls("request")]
    assert any(u.endswith("/klasses/acme_orders-order") for u in urls), urls
    widget.frame.locator(".order").first.wait_for()
    assert widget.frame.locator(".order").count() == 3
    assert widget.calls("initialize")[0]["answer"]["context"]["type"] == "widget"

def test_saving_writes_the_customer(kview_widget):
    widget = kview_widget("order-lookup")
    widget.wait_for_call("request")
    widget.frame.locator("#name").fill("Renamed In Test")
    widget.frame.locator("#name").press("Enter")
    widget.page.wait_for_function("() => window.kviewSdkLog.some(e => e.method === 'request'"
                                  " && e.args[0].method === 'put' && e.status)")
    put = next(c for c in widget.calls("request") if c["args"][0].get("method") == "put")
    assert put["status"] == "ok" and put["answer"]["attributes"]["name"] == "Renamed In Test"
    widget.frame.locator("#who", has_text="Renamed In Test").wait_for()

def test_a_wrong_expectation_fails(kview_widget):
    widget = kview_widget("order-lookup")
    widget.wait_for_call("modal.init", timeout_ms=1500)  # the page opens no modal by itself
'''


@pytest.fixture
def app(tmp_path: Path) -> Path:
    dest = tmp_path / "my_app"
    shutil.copytree(SAMPLES, dest)
    return dest


def test_a_developers_widget_tests_run_against_the_stub(pytester: pytest.Pytester, app: Path) -> None:
    pytester.makepyfile(test_widget=DEVELOPERS_TESTS)
    result = pytester.runpytest_subprocess("--kview-app", str(app), "-p", "no:cacheprovider", timeout=180)
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*TimeoutError*", "FAILED test_widget.py::test_a_wrong_expectation_fails*"])


def test_without_an_app_folder_the_fixtures_say_what_they_need(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_widget="def test_it(kview_server):\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", timeout=60)
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*the kview fixtures need an app folder: pytest --kview-app DIR*"])
