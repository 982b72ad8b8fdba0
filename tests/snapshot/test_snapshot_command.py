"""``kview snapshot`` end to end, in real Chromium, on a small app of two views (two themes each):
the first run writes baselines; an unchanged run starts no browser and takes under a second; a
colour changed in one template fails exactly that view's shots with diff pictures and a report;
``--accept`` fixes it without running again; ``--update`` rewrites only what changed and lists
baselines no view produces; ten consecutive runs give byte-identical shots; exit codes.

The steps share one app folder and run in order (each builds on the last, as a developer's day
does); each step is its own test so a failure names the step.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("playwright")
pytest.importorskip("pybind11_pixelmatch")

from devserver.cli import main  # noqa: E402
from devserver.snapshot.compare import decode  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("snapshot-command")]  # ordered steps: one worker

CARD = """<Segment>
  <div style={{color: '#1f6feb', fontWeight: 700}}>Order {customer.name}</div>
  <BasicRow label="Status" value="shipped" />
</Segment>
"""
NOTE = """<div><p style={{background: '#e8f5e9', padding: 6}}>A note for {customer.name}</p></div>
"""
META = {"resource": "customer", "context": "smartbar-card", "meta": {"displayName": "Card", "icon": "cart"}}
NOTE_META = {"resource": "customer", "context": "expanded-timeline", "meta": {"displayName": "Note"}}
ALL = {"card.default.light", "card.default.dark", "note.default.light", "note.default.dark"}


def snapshot(app: Path, *args: str) -> tuple[int, dict, str]:
    """Run ``kview snapshot APP --format json ARGS…`` in process: (exit code, JSON, output)."""
    result = CliRunner().invoke(main, ["snapshot", str(app), "--format", "json", "--workers", "2", *args])
    text = result.stdout
    data = json.loads(text[text.index("{"):]) if "{" in text and result.exit_code in (0, 1) else {}
    return result.exit_code, data, text + result.stderr


def statuses(data: dict) -> dict[str, str]:
    return {s["name"]: s["status"] for s in data["shots"]}


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("snap") / "app"
    (root / "kviews").mkdir(parents=True)
    (root / "mocks").mkdir()
    (root / "kviews" / "card.jsx").write_text(CARD, encoding="utf-8")
    (root / "kviews" / "card.json").write_text(json.dumps(META), encoding="utf-8")
    (root / "kviews" / "note.jsx").write_text(NOTE, encoding="utf-8")
    (root / "kviews" / "note.json").write_text(json.dumps(NOTE_META), encoding="utf-8")
    (root / "mocks" / "customer.json").write_text(json.dumps({"customer": {"name": "Dana"}}), encoding="utf-8")
    return root


def baselines(app: Path) -> dict[str, bytes]:
    return {p.name[:-4]: p.read_bytes() for p in sorted((app / "__snapshots__").glob("*.png"))}


def test_1_first_run_writes_the_baselines(app: Path) -> None:
    code, data, out = snapshot(app)
    assert code == 0, out
    assert statuses(data) == dict.fromkeys(ALL, "new")
    assert data["browser"] is True
    shots = baselines(app)
    assert set(shots) == ALL
    for name, png in shots.items():
        img = decode(png)
        assert img.shape[0] > 40 and img.shape[1] > 200, name
    # light and dark differ; the card's dark shot is mostly dark
    assert shots["card.default.light"] != shots["card.default.dark"]
    dark = decode(shots["card.default.dark"])
    assert dark[..., :3].mean() < 100 < decode(shots["card.default.light"])[..., :3].mean()
    inputs = json.loads((app / "__snapshots__" / ".kview-inputs.json").read_text())
    assert set(inputs["shots"]) == ALL


def test_2_an_unchanged_run_starts_no_browser_and_takes_under_a_second(app: Path, monkeypatch) -> None:
    # A browser launch would fail: this Chromium does not exist.
    monkeypatch.setenv("KVIEW_CHROMIUM", str(app / "no-chromium"))
    snapshot(app, "--view", "none-such-*")  # warm the imports (exit 2: nothing matches)
    t0 = time.perf_counter()
    code, data, out = snapshot(app)
    elapsed = time.perf_counter() - t0
    assert code == 0, out
    assert statuses(data) == dict.fromkeys(ALL, "unchanged")
    assert data["browser"] is False
    assert elapsed <= 1.0, f"an unchanged run took {elapsed:.2f} s"
    # and the check does look: a forced run needs the browser, which is missing here (exit 2)
    code, _, out = snapshot(app, "--force")
    assert code == 2 and "no-chromium" in out


def test_3_ten_consecutive_runs_give_byte_identical_shots(app: Path) -> None:
    before = baselines(app)
    for run in range(10):
        code, data, out = snapshot(app, "--force")  # another browser, every shot taken again
        assert code == 0, (run, out)
        assert statuses(data) == dict.fromkeys(ALL, "passed"), run
        assert {s["message"] for s in data["shots"]} == {"identical"}, (run, data["shots"])
        assert data["browser"] is True
    assert baselines(app) == before


def test_4_a_colour_change_fails_exactly_that_view_with_diffs_and_a_report(app: Path) -> None:
    card = app / "kviews" / "card.jsx"
    card.write_text(CARD.replace("#1f6feb", "#d73a49"), encoding="utf-8")
    code, data, out = snapshot(app)
    assert code == 1, out
    assert statuses(data) == {"card.default.light": "failed", "card.default.dark": "failed",
                              "note.default.light": "unchanged", "note.default.dark": "unchanged"}
    results = app / "__snapshots__" / ".results"
    for theme in ("light", "dark"):
        name = f"card.default.{theme}"
        actual = decode((results / f"{name}.actual.png").read_bytes())
        expected = decode((results / f"{name}.expected.png").read_bytes())
        diff = decode((results / f"{name}.diff.png").read_bytes())
        assert (results / f"{name}.expected.png").read_bytes() == baselines(app)[name]
        red = (diff[..., 0] == 255) & (diff[..., 1] == 0) & (diff[..., 2] == 0)
        assert red.sum() > 20  # the changed text shows in the diff
        rows = red.any(axis=1).nonzero()[0]
        assert rows.max() - rows.min() < 30  # …and only the line whose colour changed
        # the new text really is red where the old was blue
        changed = actual[red]
        assert changed[..., 0].mean() > changed[..., 2].mean()
        assert expected[red][..., 2].mean() > expected[red][..., 0].mean()
    report = (results / "report.html").read_text(encoding="utf-8")
    assert report.count('class="shot"') == 2
    assert "data:image/png;base64," in report and "<script" not in report
    assert "--accept card.default.light" in report and "--accept-all" in report
    # the report's pictures are the files' own
    uri = re.search(r'src="data:image/png;base64,([^"]+)" alt="diff card.default.light"', report)
    assert uri and base64.b64decode(uri.group(1)) == (results / "card.default.light.diff.png").read_bytes()
    assert data["report"] == str(results / "report.html")
    assert (results / ".gitignore").read_text().splitlines()[-1] == "*"


def test_4b_the_report_shows_side_by_side_slider_and_overlay_without_script(app: Path, browser) -> None:
    """The report in Chromium, opened from disk: light and dark of the failed view together,
    each switching between its three views with no script (JavaScript is off)."""
    report = app / "__snapshots__" / ".results" / "report.html"
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.goto(report.as_uri())
        shots = page.locator(".shot")
        assert shots.count() == 2
        assert [shots.nth(i).locator("h3").inner_text().lower() for i in range(2)] == ["light", "dark"]
        light = shots.nth(0)
        images = light.locator(".v-side img")
        assert images.count() == 3
        for i in range(3):  # decoded pictures, not broken ones
            assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 200")
        assert light.locator(".v-side").is_visible() and not light.locator(".v-slide").is_visible()
        light.locator("label.l-slide").click()
        assert light.locator(".v-slide").is_visible() and not light.locator(".v-side").is_visible()
        top = light.locator(".v-slide .top")
        assert top.evaluate("e => getComputedStyle(e).resize") == "horizontal"
        light.locator("label.l-over").click()
        assert light.locator(".v-over").is_visible()
        assert light.locator(".v-over .top").evaluate("e => getComputedStyle(e).mixBlendMode") == "difference"
        assert shots.nth(1).locator(".v-side").is_visible()  # the dark shot keeps its own mode
        assert "--accept card.default.light" in light.locator("code.cmd").inner_text()
    finally:
        context.close()


def test_5_accept_writes_the_baselines_without_running_again(app: Path, monkeypatch) -> None:
    results = app / "__snapshots__" / ".results"
    light = (results / "card.default.light.actual.png").read_bytes()
    dark = (results / "card.default.dark.actual.png").read_bytes()
    monkeypatch.setenv("KVIEW_CHROMIUM", str(app / "no-chromium"))  # no browser may start
    result = CliRunner().invoke(main, ["snapshot", str(app), "--accept", "card.default.light"])
    assert result.exit_code == 0, result.output
    assert "accepted 1 shot" in result.output
    assert baselines(app)["card.default.light"] == light
    assert baselines(app)["card.default.dark"] != dark
    # the report now shows only what is left
    assert (results / "report.html").read_text(encoding="utf-8").count('class="shot"') == 1
    result = CliRunner().invoke(main, ["snapshot", str(app), "--accept-all"])
    assert result.exit_code == 0 and "card.default.dark" in result.output
    assert baselines(app)["card.default.dark"] == dark
    assert not (results / "report.html").exists()
    # accepted means recorded: the next run is unchanged, with no browser
    code, data, out = snapshot(app)
    assert code == 0, out
    assert statuses(data) == dict.fromkeys(ALL, "unchanged")


def test_6_update_rewrites_only_what_changed_and_lists_stale_baselines(app: Path) -> None:
    note = app / "kviews" / "note.jsx"
    note.write_text(NOTE.replace("#e8f5e9", "#1b5e20"), encoding="utf-8")
    before = baselines(app)
    mtimes = {p.name: p.stat().st_mtime_ns for p in (app / "__snapshots__").glob("*.png")}
    (app / "__snapshots__" / "gone.default.light.png").write_bytes(before["card.default.light"])
    code, data, out = snapshot(app, "--update")
    assert code == 0, out
    assert statuses(data) == {"card.default.light": "unchanged", "card.default.dark": "unchanged",
                              "note.default.light": "updated", "note.default.dark": "updated"}
    after = baselines(app)
    assert after["note.default.light"] != before["note.default.light"]
    for name in ("card.default.light.png", "card.default.dark.png"):
        assert (app / "__snapshots__" / name).stat().st_mtime_ns == mtimes[name]
    assert data["stale"] == ["gone.default.light"]
    # human output names it too
    result = CliRunner().invoke(main, ["snapshot", str(app)])
    assert result.exit_code == 0
    assert "gone.default.light.png" in result.stdout and "no view produces" in result.stdout


def test_7_a_view_that_does_not_render_fails_with_its_located_error(app: Path, monkeypatch) -> None:
    broken = app / "kviews" / "broken.jsx"
    broken.write_text("<div>{customer.name</div>\n", encoding="utf-8")
    monkeypatch.setenv("KVIEW_CHROMIUM", str(app / "no-chromium"))  # nothing to shoot: no browser
    try:
        code, data, out = snapshot(app, "--view", "broken")
        assert code == 1, out
        assert statuses(data) == {"broken.default.light": "error", "broken.default.dark": "error"}
        assert data["browser"] is False
        message = data["shots"][0]["message"]
        assert "broken.jsx:1:" in message and "Traceback" not in out
        last = json.loads((app / "__snapshots__" / ".results" / "last-run.json").read_text())
        assert {f["name"] for f in last["failures"]} == {"broken.default.light", "broken.default.dark"}
    finally:
        broken.unlink()


def test_8_narrowing_and_usage_errors(app: Path) -> None:
    code, data, _ = snapshot(app, "--view", "c*", "--theme", "dark")
    assert code == 0 and set(statuses(data)) == {"card.default.dark"}
    code, _, out = snapshot(app, "--view", "nothing-like-it")
    assert code == 2 and "no shot matches" in out
    code, _, out = snapshot(app, "--accept", "x", "--accept-all")
    assert code == 2
    code, _, out = snapshot(app, "--accept", "not-a-failure")
    assert code == 2 and "no failed shot" in out
    code, _, out = snapshot(app, "--threshold", "3")
    assert code == 2


def test_shots_in_one_browser_are_byte_identical() -> None:
    """Five shots of one view, swapped into the same pages one after another, give one PNG."""
    from devserver.snapshot.capture import take
    from devserver.snapshot.shots import Shot

    html = ('<div class="kvg-frame kview-theme-light kvg-frame-plain" data-theme="light"><div class="kvg-preview">'
            '<div class="kview kview-theme-light"><b>Bold</b> and <code>mono 0123</code> <i>italic</i></div></div></div>')
    shots = [Shot(f"v{i}", "default", "light", "d", lambda: html) for i in range(5)]
    taken = take(shots, workers=2)
    digests = {hashlib.sha256(t.png or b"").hexdigest() for t in taken}
    assert len(digests) == 1 and all(t.png for t in taken)
