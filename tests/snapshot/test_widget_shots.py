"""Widgets in ``kview snapshot`` and the pytest plugin, end to end: real Chromium, the real dev
server, a small app with a view named ``tracking``, a widget named ``tracking`` and a widget
``lookup`` (both pages in the app folder), and a widget served by the developer's own server.

A widget's page paints its box green only once a chain and a burst of Cards SDK requests were
answered and ``Date`` says the fixed year: a green box in the picture means the shot waited for
every pending SDK call and the clock reached the frame. The steps share one app folder and run in order.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("playwright")
pytest.importorskip("pybind11_pixelmatch")

from devserver import widget_shots  # noqa: E402
from devserver.cli import main  # noqa: E402
from devserver.project import load  # noqa: E402
from devserver.snapshot.compare import decode  # noqa: E402
from devserver.snapshot.shots import select  # noqa: E402
from devserver.snapshot.store import Store  # noqa: E402

pytest_plugins = ["pytester"]
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("widget-shots")]  # ordered steps: one worker (its own: it may run beside the snapshot command tests)

VIEW = """<Segment><div style={{color: '#1f6feb'}}>Tracking {customer.name}</div></Segment>
"""
META = {"resource": "customer", "context": "smartbar-card", "meta": {"displayName": "Tracking"}}
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="page.css">
<script src="https://cdn.kustomerapp.com/card-js/latest/kustomer-card.min.js"></script></head>
<body><div id="box"></div><img src="https://images.example/never.png" alt=""><script src="page.js"></script></body></html>
"""
CSS = "body { margin: 0; background: #ffffff; }\n#box { height: 120px; background: #cccccc; }\n#box.ready { background: GREEN; }\n"
YEAR = int(widget_shots.FIXED_TIME[:4])
# A call made in the answer of another (after 300 ms of work: the host hears of nothing new for
# much longer than two animation frames), then a burst of calls: a shot that did not wait for
# every pending call, in the frame as well as at the host, would show the box grey.
JS = """Kustomer.initialize(function () {
  Kustomer.request({ url: '/v1/users/current' }, function () {
    var start = performance.now();
    while (performance.now() - start < 300) { /* the page's own work */ }
    var calls = [];
    for (var i = 0; i < 40; i++) calls.push(Kustomer.request({ url: '/v1/users/current' }));
    Promise.all(calls).then(function () {
      if (new Date().getUTCFullYear() === YEAR) document.getElementById('box').className = 'ready';
    });
  });
});
""".replace("YEAR", str(YEAR))
GREEN, RED = (0x2E, 0x7D, 0x32), (0xC6, 0x28, 0x28)
WIDGETS = {"tracking": ("300px", "200px"), "lookup": ("360px", "180px")}
SCENARIOS = ("default", "busy")
VIEW_SHOTS = {f"tracking.{s}.{t}" for s in SCENARIOS for t in ("light", "dark")}
WIDGET_SHOTS = {f"widgets/{w}.{s}.{t}" for w in WIDGETS for s in SCENARIOS for t in ("light", "dark")}
REMOTE_SHOTS = {f"widgets/remote.{s}.{t}" for s in SCENARIOS for t in ("light", "dark")}


def snapshot(app: Path, *args: str) -> tuple[int, dict, str]:
    """``kview snapshot APP --format json ARGS…`` in process: (exit code, JSON, output)."""
    result = CliRunner().invoke(main, ["snapshot", str(app), "--format", "json", *args])
    text = result.stdout
    data = json.loads(text[text.index("{"):]) if "{" in text and result.exit_code in (0, 1) else {}
    return result.exit_code, data, text + result.stderr


def statuses(data: dict) -> dict[str, str]:
    return {s["name"]: s["status"] for s in data["shots"]}


def hex_colour(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


def share_of(png: bytes, rgb: tuple[int, int, int]) -> float:
    img = decode(png)[..., :3]
    return float((img == rgb).all(axis=-1).mean())


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shots") / "app"
    for folder in ("kviews", "mocks/tracking", "widgets/tracking", "widgets/lookup"):
        (root / folder).mkdir(parents=True)
    (root / "kviews" / "tracking.jsx").write_text(VIEW, encoding="utf-8")
    (root / "kviews" / "tracking.json").write_text(json.dumps(META), encoding="utf-8")
    (root / "mocks" / "customer.json").write_text(json.dumps({"customer": {"name": "Dana"}}), encoding="utf-8")
    (root / "mocks" / "tracking" / "busy.json").write_text(json.dumps(  # settings: widgets are shot in it too
        {"$scenario": {"settings": {"default": {"region": "busy"}}}, "customer": {"name": "Busy"}}), encoding="utf-8")
    for name, (width, height) in WIDGETS.items():
        (root / "widgets" / f"{name}.json").write_text(json.dumps(
            {"name": name, "title": name.title(), "url": f"https://acme.example/{name}", "width": width,
             "height": height}), encoding="utf-8")
        (root / "widgets" / name / "index.html").write_text(PAGE, encoding="utf-8")
        (root / "widgets" / name / "page.css").write_text(CSS.replace("GREEN", hex_colour(GREEN)), encoding="utf-8")
        (root / "widgets" / name / "page.js").write_text(JS, encoding="utf-8")
    (root / "widgets" / "remote.json").write_text(json.dumps(
        {"name": "remote", "title": "Remote", "url": "http://127.0.0.1:9/remote"}), encoding="utf-8")
    return root


def baselines(app: Path) -> dict[str, bytes]:
    return {name: Store(app).baseline_path(name).read_bytes() for name in sorted(Store(app).baseline_names())}


def test_1_the_first_run_photographs_each_widget_in_its_frame_apart_from_the_view_of_its_name(app: Path) -> None:
    code, data, out = snapshot(app)
    assert code == 0, out
    assert statuses(data) == {**dict.fromkeys(VIEW_SHOTS | WIDGET_SHOTS, "new"), **dict.fromkeys(REMOTE_SHOTS, "skipped")}
    skipped = next(s for s in data["shots"] if s["status"] == "skipped")
    assert "http://127.0.0.1:9/remote" in skipped["message"] and "widgets/remote/index.html" in skipped["message"]
    shots = baselines(app)
    assert set(shots) == VIEW_SHOTS | WIDGET_SHOTS
    # the view and the widget named tracking: two files, two different pictures
    folder = app / "__snapshots__"
    assert (folder / "tracking.default.light.png").is_file()
    assert (folder / "widgets" / "tracking.default.light.png").is_file()
    assert shots["tracking.default.light"] != shots["widgets/tracking.default.light"]
    for name in WIDGET_SHOTS:
        widget = name.split("/")[1].split(".")[0]
        img = decode(shots[name])
        width, height = (int(v[:-2]) for v in WIDGETS[widget])
        assert img.shape[:2] == (height, width), name  # the section at its declared size
        # the box went green: the SDK's chained answers came and Date was fixed in the frame
        assert share_of(shots[name], GREEN) > 0.25, name
        assert share_of(shots[name], (0xCC, 0xCC, 0xCC)) < 0.01, name
    # light and dark title bars differ; the page's own pixels do not
    assert shots["widgets/tracking.default.light"] != shots["widgets/tracking.default.dark"]


def test_1b_a_shot_waits_for_sdk_answers_slower_than_the_page(app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every mock answer 150 ms late (the server runs in this process): the shot still shows the
    box green, so it waited for the pending calls, not for a fixed time after initialize."""
    from devserver.project.store import MockStore

    handle = MockStore.handle

    def slow(self: MockStore, *args: object, **kwargs: object) -> object:
        time.sleep(0.15)
        return handle(self, *args, **kwargs)

    monkeypatch.setattr(MockStore, "handle", slow)
    code, data, out = snapshot(app, "--force", "--view", "widgets/lookup", "--scenario", "default", "--theme", "light")
    assert code == 0 and statuses(data) == {"widgets/lookup.default.light": "passed"}, out


def test_2_an_unchanged_run_starts_no_browser_and_no_server(app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from devserver.web.server import DevServer

    monkeypatch.setenv("KVIEW_CHROMIUM", str(app / "no-chromium"))  # a launch would fail
    started: list[object] = []

    def no_server(*args: object, **kwargs: object) -> None:
        started.append(args)
        raise OSError("no server in this test")

    monkeypatch.setattr(DevServer, "__init__", no_server)
    snapshot(app, "--view", "none-such-*")  # warm the imports (exit 2: nothing matches)
    t0 = time.perf_counter()
    code, data, out = snapshot(app)
    elapsed = time.perf_counter() - t0
    assert code == 0, out
    assert statuses(data) == {**dict.fromkeys(VIEW_SHOTS | WIDGET_SHOTS, "unchanged"),
                              **dict.fromkeys(REMOTE_SHOTS, "skipped")}
    assert data["browser"] is False
    assert elapsed <= 1.0, f"an unchanged run took {elapsed:.2f} s"
    assert started == []
    # and it does look: a forced widget shot needs the server, which cannot start here
    code, data, out = snapshot(app, "--force", "--view", "widgets/lookup", "--scenario", "default")
    assert code == 1 and set(statuses(data).values()) == {"error"}, out
    assert data["shots"][0]["message"] == "the dev server for the widgets did not start: no server in this test"
    assert len(started) == 2  # asked again for each shot (a server that did not start is not remembered)


def test_3_forced_widget_shots_are_byte_identical(app: Path) -> None:
    before = baselines(app)
    code, data, out = snapshot(app, "--force", "--view", "widgets/*")
    assert code == 0, out
    assert statuses(data) == {**dict.fromkeys(WIDGET_SHOTS, "passed"), **dict.fromkeys(REMOTE_SHOTS, "skipped")}
    assert {s["message"] for s in data["shots"] if s["status"] == "passed"} == {"identical"}
    assert baselines(app) == before
    # a run without failures wrote last-run.json, and the results folder keeps it out of git
    results = app / "__snapshots__" / ".results"
    assert (results / "last-run.json").is_file() and (results / ".gitignore").read_text().splitlines()[-1] == "*"


def test_4_a_colour_changed_in_a_widgets_page_fails_exactly_that_widget(app: Path) -> None:
    css = app / "widgets" / "lookup" / "page.css"
    css.write_text(css.read_text(encoding="utf-8").replace(hex_colour(GREEN), hex_colour(RED)), encoding="utf-8")
    code, data, out = snapshot(app)
    assert code == 1, out
    got = statuses(data)
    assert {n for n, s in got.items() if s == "failed"} == {n for n in WIDGET_SHOTS if n.startswith("widgets/lookup.")}
    assert {got[n] for n in VIEW_SHOTS} == {"unchanged"}
    # the other widget's page folder did not change, but widgets/ did: taken again, and identical
    assert {got[n] for n in WIDGET_SHOTS if n.startswith("widgets/tracking.")} == {"passed"}
    results = app / "__snapshots__" / ".results"
    name = "widgets/lookup.default.dark"
    diff = decode((results / f"{name}.diff.png").read_bytes())
    red = (diff[..., 0] == 255) & (diff[..., 1] == 0) & (diff[..., 2] == 0)
    assert red.sum() > 10_000  # the box, 120 px high
    assert share_of((results / f"{name}.actual.png").read_bytes(), RED) > 0.25
    assert share_of((results / f"{name}.expected.png").read_bytes(), GREEN) > 0.25
    report = (results / "report.html").read_text(encoding="utf-8")
    assert "widget lookup · default" in report and "--accept widgets/lookup.default.dark" in report
    # accepted from the last run, without running again
    result = CliRunner().invoke(main, ["snapshot", str(app), "--accept", "widgets/lookup.*"])
    assert result.exit_code == 0 and "accepted 4 shots" in result.output, result.output
    assert share_of(baselines(app)[name], RED) > 0.25
    code, data, out = snapshot(app)
    assert code == 0 and statuses(data)[name] == "unchanged", out


def test_5_update_rewrites_a_changed_widget_and_lists_stale_widget_baselines(app: Path) -> None:
    css = app / "widgets" / "tracking" / "page.css"
    css.write_text(css.read_text(encoding="utf-8").replace("#ffffff", "#263238"), encoding="utf-8")
    gone = app / "__snapshots__" / "widgets" / "gone.default.light.png"
    gone.write_bytes(baselines(app)["widgets/tracking.default.light"])
    code, data, out = snapshot(app, "--update")
    assert code == 0, out
    got = statuses(data)
    assert {n for n, s in got.items() if s == "updated"} == {n for n in WIDGET_SHOTS if n.startswith("widgets/tracking.")}
    assert {got[n] for n in WIDGET_SHOTS if n.startswith("widgets/lookup.")} == {"passed"}
    assert data["stale"] == ["widgets/gone.default.light"]
    gone.unlink()


def test_6_view_patterns_match_widgets_by_name_and_by_widgets_slash_name(app: Path) -> None:
    shots = [*widget_shots.widget_shots(load(app), widget_shots.WidgetServer(app))]
    names = {s.name for s in select(shots, view="tracking")}
    assert names == {n for n in WIDGET_SHOTS if n.startswith("widgets/tracking.")}
    code, data, _ = snapshot(app, "--view", "tracking", "--scenario", "default", "--theme", "dark")
    assert code == 0 and statuses(data) == {"tracking.default.dark": "unchanged",
                                            "widgets/tracking.default.dark": "unchanged"}
    code, data, _ = snapshot(app, "--view", "widgets/t*", "--theme", "dark")
    assert code == 0 and statuses(data) == {"widgets/tracking.default.dark": "unchanged",
                                            "widgets/tracking.busy.dark": "unchanged"}


def test_7_a_widget_that_never_initializes_is_an_error_saying_what_it_waited_for(
        app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(widget_shots, "READY_MS", 1500)
    js = app / "widgets" / "lookup" / "page.js"
    saved = js.read_text(encoding="utf-8")
    js.write_text("/* never calls Kustomer.initialize */\n", encoding="utf-8")
    try:
        code, data, out = snapshot(app, "--view", "lookup", "--scenario", "default", "--theme", "light")
        assert code == 1, out
        message = statuses(data) and data["shots"][0]["message"]
        assert data["shots"][0]["status"] == "error"
        assert "widget lookup not ready: still waiting for the widget to call Kustomer.initialize" in message
    finally:
        js.write_text(saved, encoding="utf-8")


def test_8_the_plugin_collects_and_passes_the_widget_items(app: Path, pytester: pytest.Pytester) -> None:
    code, _, out = snapshot(app, "--update")  # every baseline current
    assert code == 0, out
    collected = pytester.runpytest_subprocess("--kview-app", str(app), "-p", "no:cacheprovider",
                                              "--collect-only", "-q", timeout=120)
    ids = {line.split("::", 1)[1] for line in collected.outlines if "app::" in line}
    assert {i for i in ids if i.startswith("widgets/")} == {
        f"widgets/{w}[{s}-{t}]" for w in (*WIDGETS, "remote") for s in SCENARIOS for t in ("light", "dark")}
    assert "tracking[default-light]" in ids and "widgets/tracking[default-light]" in ids
    result = pytester.runpytest_subprocess("--kview-app", str(app), "-p", "no:cacheprovider", "-rs",
                                           "-k", "widgets and default", timeout=300)
    result.assert_outcomes(passed=4, skipped=2)
    result.stdout.re_match_lines([r"SKIPPED .*widgets/remote\.default\.(light|dark): its page is http://127\.0\.0\.1:9/remote"])
    # a change the baselines do not have fails the widget's items
    css = app / "widgets" / "lookup" / "page.css"
    css.write_text(css.read_text(encoding="utf-8").replace(hex_colour(RED), "#1565c0"), encoding="utf-8")
    result = pytester.runpytest_subprocess("--kview-app", str(app), "-p", "no:cacheprovider",
                                           "-k", "lookup and default", timeout=300)
    result.assert_outcomes(failed=2)
    result.stdout.re_match_lines([r"widgets/lookup\.default\.(light|dark): \d+ pixels differ"])
