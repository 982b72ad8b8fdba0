"""kview's pytest plugin, run as an app developer runs it: in a separate pytest process
(``pytester``), with ``--kview-app`` pointing at an app folder. The fixtures serve the app, open
the widget in real Chromium and expose the Cards SDK call log; the app's snapshot items compare
real Chromium pixels with the baselines, also split across xdist workers."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from devserver.app_shots import app_shots
from devserver.project import load
from devserver.widget_shots import WidgetServer, widget_shots

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
    result = pytester.runpytest_subprocess("--kview-app", str(app), "-p", "no:cacheprovider",
                                           "-m", "not kview_snapshot", timeout=180)
    snapshot_items = len(app_shots(load(app))) + len(widget_shots(load(app), WidgetServer(app)))
    result.assert_outcomes(passed=2, failed=1, deselected=snapshot_items)  # the views' and widgets' shots
    result.stdout.fnmatch_lines(["*TimeoutError*", "FAILED test_widget.py::test_a_wrong_expectation_fails*"])


def test_without_an_app_folder_the_fixtures_say_what_they_need(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_widget="def test_it(kview_server):\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", timeout=60)
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*the kview fixtures need an app folder: pytest --kview-app DIR*"])


# ---------------------------------------------------------------------- snapshot items
CARD = """<Segment>
  <div style={{color: '#1f6feb', fontWeight: 700}}>Order {customer.name}</div>
  <BasicRow label="Status" value="shipped" />
</Segment>
"""
NOTE = """<div><p style={{background: '#e8f5e9', padding: 6}}>A note for {customer.name}</p></div>
"""
ITEMS = {"app::card[default-light]", "app::card[default-dark]", "app::note[default-light]", "app::note[default-dark]"}
SHOTS = {"card.default.light", "card.default.dark", "note.default.light", "note.default.dark"}


@pytest.fixture
def small_app(pytester: pytest.Pytester) -> Path:
    """Two views, one scenario, two themes: four items, named ``app::<view>[default-<theme>]``."""
    root = pytester.path / "app"
    (root / "kviews").mkdir(parents=True)
    (root / "mocks").mkdir()
    meta = {"resource": "customer", "context": "smartbar-card", "meta": {"displayName": "Card"}}
    (root / "kviews" / "card.jsx").write_text(CARD, encoding="utf-8")
    (root / "kviews" / "card.json").write_text(json.dumps(meta), encoding="utf-8")
    (root / "kviews" / "note.jsx").write_text(NOTE, encoding="utf-8")
    (root / "kviews" / "note.json").write_text(json.dumps({**meta, "context": "expanded-timeline"}), encoding="utf-8")
    (root / "mocks" / "customer.json").write_text(json.dumps({"customer": {"name": "Dana"}}), encoding="utf-8")
    return root


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess("--kview-app", "app", "-p", "no:cacheprovider", "-rf", *args, timeout=180)


def baselines(app: Path) -> dict[str, bytes]:
    return {p.name[: -len(".png")]: p.read_bytes() for p in (app / "__snapshots__").glob("*.png")}


def outcome_ids(result: pytest.RunResult, word: str) -> set[str]:
    return {m.group(1) for line in result.outlines if (m := re.match(rf"{word} (\S+)", line))}


@pytest.mark.browser
@pytest.mark.xdist_group("plugin-command")
def test_update_writes_the_baselines_then_a_clean_run_passes_every_item(pytester: pytest.Pytester,
                                                                        small_app: Path) -> None:
    written = run(pytester, "--kview-update")
    written.assert_outcomes(passed=4)
    written.stdout.fnmatch_lines(["*kview: 4 baseline(s) written*"])
    assert set(baselines(small_app)) == SHOTS
    collected = run(pytester, "--collect-only", "-q")
    ids = {line for line in collected.outlines if line.startswith("app::")}
    assert ids == ITEMS
    again = run(pytester, "--collect-only", "-q")
    assert [line for line in again.outlines if line.startswith("app::")] == \
        [line for line in collected.outlines if line.startswith("app::")]  # same ids, same order
    before = baselines(small_app)
    clean = run(pytester, "-v")
    clean.assert_outcomes(passed=4)
    assert {m.group(1) for line in clean.outlines if (m := re.match(r"(app::\S+) PASSED", line))} == ITEMS
    assert baselines(small_app) == before  # a passing run writes no baseline
    assert "baseline(s) written" not in clean.stdout.str()


@pytest.mark.browser
@pytest.mark.xdist_group("plugin-command")
def test_a_missing_baseline_fails_saying_how_to_create_it(pytester: pytest.Pytester, small_app: Path) -> None:
    result = run(pytester, "-k", "dark")
    result.assert_outcomes(failed=2, deselected=2)
    assert outcome_ids(result, "FAILED") == {"app::card[default-dark]", "app::note[default-dark]"}
    result.stdout.fnmatch_lines(["card.default.dark: no baseline */app/__snapshots__/card.default.dark.png",
                                 "  create it: pytest --kview-app */app --kview-update (or: kview snapshot */app)"])
    assert baselines(small_app) == {}  # without --kview-update nothing is written as a baseline
    assert (small_app / "__snapshots__" / ".results" / "card.default.dark.actual.png").is_file()


@pytest.mark.browser
@pytest.mark.xdist_group("plugin-command")
def test_a_changed_colour_fails_exactly_that_views_items_with_a_diff(pytester: pytest.Pytester,
                                                                     small_app: Path) -> None:
    from devserver.snapshot.compare import decode

    run(pytester, "--kview-update").assert_outcomes(passed=4)
    before = baselines(small_app)
    card = small_app / "kviews" / "card.jsx"
    card.write_text(CARD.replace("#1f6feb", "#d73a49"), encoding="utf-8")
    result = run(pytester)
    result.assert_outcomes(passed=2, failed=2)
    assert outcome_ids(result, "FAILED") == {"app::card[default-light]", "app::card[default-dark]"}
    results = small_app / "__snapshots__" / ".results"
    for theme in ("light", "dark"):
        name = f"card.default.{theme}"
        result.stdout.re_match_lines([rf"{re.escape(name)}: \d+ pixels differ \(\d+\.\d\d% of the image\)",
                                      rf"  actual: .*{re.escape(name)}\.actual\.png",
                                      rf"  expected: .*{re.escape(name)}\.expected\.png",
                                      rf"  diff: .*{re.escape(name)}\.diff\.png"])
        diff = decode((results / f"{name}.diff.png").read_bytes())
        assert ((diff[..., 0] == 255) & (diff[..., 1] == 0) & (diff[..., 2] == 0)).any()  # pixelmatch's red
        assert (results / f"{name}.expected.png").read_bytes() == before[name]
    assert not any(results.glob("note.*"))
    assert baselines(small_app) == before  # a failure rewrites no baseline

    updated = run(pytester, "--kview-update")
    updated.assert_outcomes(passed=4)
    updated.stdout.fnmatch_lines(["*kview: 2 baseline(s) written*", "  updated: */card.default.dark.png",
                                  "  updated: */card.default.light.png"])
    after = baselines(small_app)
    assert {n for n in SHOTS if after[n] != before[n]} == {"card.default.light", "card.default.dark"}
    run(pytester).assert_outcomes(passed=4)


@pytest.mark.browser
@pytest.mark.xdist_group("plugin-command")
def test_under_xdist_workers_split_the_items_and_the_controller_reports_stale_baselines_once(
        pytester: pytest.Pytester, small_app: Path) -> None:
    written = run(pytester, "-n", "2", "--kview-update")  # workers write separate files: all land
    written.assert_outcomes(passed=4)
    assert set(baselines(small_app)) == SHOTS
    assert re.search(r"created: 2/2 workers", written.stdout.str())
    (small_app / "__snapshots__" / "gone.default.light.png").write_bytes(baselines(small_app)["card.default.light"])
    for narrowing in ((), ("-k", "light")):  # also when each worker ran only part of the items
        result = run(pytester, "-n", "2", "-v", *narrowing)
        result.assert_outcomes(passed=2 if narrowing else 4)  # (xdist's summary counts no deselected)
        out = result.stdout.str()
        workers = {m.group(1) for m in re.finditer(r"\[(gw\d)\] \[[ \d]+%\] PASSED app::", out)}
        assert workers == {"gw0", "gw1"}, out  # both workers took shots
        assert out.count("baseline(s) no view produces any more") == 1, out
        result.stdout.fnmatch_lines(["*kview: 1 baseline(s) no view produces any more*",
                                     "  */app/__snapshots__/gone.default.light.png"])
        assert not re.search(r"__snapshots__/(card|note)\.", out.split("no view produces any more")[1])


def test_without_kview_app_no_snapshot_item_is_collected(pytester: pytest.Pytester, small_app: Path) -> None:
    (small_app / "__snapshots__").mkdir()
    (small_app / "__snapshots__" / "card.default.light.png").write_bytes(b"not a png")
    pytester.makepyfile(test_plain="def test_it():\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--collect-only", "-q", timeout=60)
    assert [line for line in result.outlines if "::" in line] == ["test_plain.py::test_it"]
    assert "kview" not in result.stdout.str()


def test_a_bad_browser_endpoint_is_one_line(pytester: pytest.Pytester, small_app: Path) -> None:
    result = run(pytester, "--kview-browser-endpoint", "ftp://example.invalid")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: --kview-browser-endpoint: browser endpoint 'ftp://example.invalid': "
                                 "expected ws://HOST:PORT/… (a Playwright browser server) or http://HOST:PORT*"])
    assert "Traceback" not in result.stderr.str() + result.stdout.str()


@pytest.mark.browser
@pytest.mark.xdist_group("plugin-command")
def test_a_view_that_does_not_render_fails_its_items_with_the_located_error(pytester: pytest.Pytester,
                                                                            small_app: Path) -> None:
    run(pytester, "--kview-update").assert_outcomes(passed=4)
    (small_app / "kviews" / "note.jsx").write_text("<div>{</div>\n", encoding="utf-8")
    result = run(pytester)
    result.assert_outcomes(passed=2, failed=2)
    assert outcome_ids(result, "FAILED") == {"app::note[default-light]", "app::note[default-dark]"}
    result.stdout.fnmatch_lines(["note.default.light: the view does not render",
                                 "*/app/kviews/note.jsx:1:*", "> 1 | <div>{</div>"])
