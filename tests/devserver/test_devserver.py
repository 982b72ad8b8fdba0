"""The dev server: gallery, /render, errors as pages, SSE broadcaster, watcher, ``kview serve``.

Apps are built on a ``tmp_path`` copy of ``sample_views`` (or a tiny app written by the test)
with Flask's test client; one test edits a file under a live watcher and waits for the event.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import threading
import time
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from devserver.cli import main
from devserver.project import Project, trimmed_traceback
from devserver.project import inputs as inputs_module
from devserver.watch import Watcher, is_ignored
from devserver.web import ServerConfig, create_app
from devserver.web.events import Broadcaster, format_event
from devserver.web.server import DevServer
from renderer import RenderResult
from tests.support.serve import kview_serve

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_views"

HELLO = '<div className="hello">Hello, {customer.name}!</div>\n'
HELLO_MOCK = {"customer": {"name": "Dana"}}
BROKEN = 'const x = 1;\n<div className="hello">\n  Hello, {customer.name!\n</div>\n'


# ---------------------------------------------------------------------- helpers
def write_app(root: Path, views: dict[str, str], mocks: dict[str, object] | None = None,
              meta: dict[str, dict] | None = None) -> Path:
    (root / "kviews").mkdir(parents=True, exist_ok=True)
    (root / "mocks").mkdir(exist_ok=True)
    for name, src in views.items():
        (root / "kviews" / f"{name}.jsx").write_text(src, encoding="utf-8")
    for name, data in (mocks or {}).items():
        text = data if isinstance(data, str) else json.dumps(data)
        (root / "mocks" / f"{name}.json").write_text(text, encoding="utf-8")
    for name, m in (meta or {}).items():
        (root / "kviews" / f"{name}.json").write_text(json.dumps(m), encoding="utf-8")
    return root


@pytest.fixture
def hello_app(tmp_path: Path) -> Path:
    return write_app(tmp_path / "app", {"hello": HELLO}, {"hello": HELLO_MOCK},
                     {"hello": {"resource": "customer", "context": "smartbar-card",
                                "meta": {"displayName": "Hello card", "icon": "cart"}}})


@pytest.fixture
def client(hello_app: Path):
    app = create_app(ServerConfig(views_dir=hello_app, reload=False))
    return app.test_client()


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    dest = tmp_path / "sample_views"
    shutil.copytree(SAMPLES, dest)
    return dest


def sections(html: str) -> dict[str, str]:
    """``data-view`` → that view's section of the gallery page."""
    out = {}
    for m in re.finditer(r'<section class="kvg-view[^"]*"[^>]*data-view="([^"]+)".*?</section>', html, re.S):
        out[m.group(1)] = m.group(0)
    return out


def fake_event(event_type: str, src: Path | str, dest: Path | str = "", is_directory: bool = False):
    return SimpleNamespace(event_type=event_type, src_path=str(src), dest_path=str(dest), is_directory=is_directory)


# ---------------------------------------------------------------------- gallery
def test_index_lists_every_sample_view_in_both_themes(samples: Path) -> None:
    client = create_app(ServerConfig(views_dir=samples, reload=False)).test_client()
    resp = client.get("/")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    expected = sorted(p.stem for p in (samples / "kviews").glob("*.jsx"))
    assert len(expected) >= 6
    found = sections(html)
    assert sorted(found) == expected
    for name, sec in found.items():
        # both themes, each framed; broken views show an error card instead
        if 'data-state="ok"' in sec:
            assert 'class="kvg-pane" data-theme="light"' in sec, name
            assert 'class="kvg-pane" data-theme="dark"' in sec, name
            assert "kview-theme-light" in sec and "kview-theme-dark" in sec, name
        else:
            assert 'class="kvg-error"' in sec, name
        # every view is listed in the sidebar
        assert f'data-view="{name}" data-status=' in html
    assert '<script src="/static/reload.js' in html
    assert "Acme Orders" in html  # app.json title


def test_sample_views_render_without_errors(samples: Path) -> None:
    project = Project(samples)
    failing = {}
    for spec in project.views():
        state = project.state(spec)
        if state.error:
            failing[spec.name] = state.error.get("message")
    assert not failing, failing


def test_frames_follow_the_kustomer_context(client) -> None:
    html = client.get("/").get_data(as_text=True)
    sec = sections(html)["hello"]
    assert "kvg-frame-card" in sec and 'data-context="smartbar-card"' in sec
    assert '<span class="kvg-card-title">Hello card</span>' in sec
    assert 'title="cart"' in sec  # the icon name
    assert sec.count("Hello, Dana!") == 2  # light and dark


def test_theme_query_picks_one_theme(client) -> None:
    sec = sections(client.get("/?theme=dark").get_data(as_text=True))["hello"]
    assert 'data-theme="dark"' in sec and 'data-theme="light"' not in sec
    assert 'data-layout="single"' in sec


def test_default_theme_from_config(hello_app: Path) -> None:
    client = create_app({"views_dir": hello_app, "theme": "light", "reload": False}).test_client()
    sec = sections(client.get("/").get_data(as_text=True))["hello"]
    assert "kview-theme-light" in sec and "kview-theme-dark" not in sec
    with pytest.raises(ValueError):
        ServerConfig(views_dir=hello_app, theme="sepia")


def test_view_page(client) -> None:
    resp = client.get("/view/hello")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "Hello, Dana!" in html
    assert "kvg-details" in html and "mocks/hello.json" in html
    # the template source, escaped, one span per line
    src = re.search(r'<pre class="kvg-pre kvg-src">(.*?)</pre>', html, re.S).group(1)
    assert "<div" not in src and "&lt;div className=" in src
    assert unescape(re.sub(r"<[^>]+>", "", src)) == "1" + HELLO.rstrip("\n")
    assert client.get("/view/nope").status_code == 404


def test_console_and_warnings_are_shown_under_the_card(hello_app: Path) -> None:
    write_app(hello_app, {"logs": 'console.log("loaded", 1 + 1);\nconsole.warn("careful");\n<p>x</p>'})
    client = create_app(ServerConfig(views_dir=hello_app, reload=False)).test_client()
    sec = sections(client.get("/").get_data(as_text=True))["logs"]
    assert 'data-level="log"' in sec and "loaded 2" in sec
    assert 'data-level="warn"' in sec and "careful" in sec
    assert ">L1<" in sec  # the template line


def test_static_files_are_served(client) -> None:
    resp = client.get("/static/reload.js")
    assert resp.status_code == 200
    assert b"EventSource" in resp.data
    resp.close()
    assert client.get("/_kview/gallery.css").status_code == 200


# ---------------------------------------------------------------------- /render
def test_render_fragment_html(client) -> None:
    resp = client.get("/render/hello?theme=dark")
    assert resp.status_code == 200
    assert resp.mimetype == "text/html"
    html = resp.get_data(as_text=True)
    assert "kview-theme-dark" in html and "Hello, Dana!" in html
    assert "<html" not in html


def test_render_json(client) -> None:
    body = client.get("/render/hello?theme=light&format=json").get_json()
    assert body["error"] is None
    assert "Hello, Dana!" in body["html"] and "kview-theme-light" in body["html"]
    assert body["console"] == [] and body["warnings"] == []
    via_accept = client.get("/render/hello", headers={"Accept": "application/json"}).get_json()
    assert via_accept["html"] == body["html"]


def test_render_errors(client) -> None:
    assert client.get("/render/hello?theme=sepia").status_code == 400
    assert client.get("/render/nope").status_code == 404
    resp = client.get("/render/nope?format=json")
    assert resp.status_code == 404 and resp.get_json()["error"]["kind"] == "NotFound"


# ---------------------------------------------------------------------- errors become pages
def test_syntax_error_shows_location_and_keeps_last_good_render(hello_app: Path, client) -> None:
    assert "Hello, Dana!" in client.get("/").get_data(as_text=True)  # a good render first
    (hello_app / "kviews" / "hello.jsx").write_text(BROKEN, encoding="utf-8")

    resp = client.get("/")
    assert resp.status_code == 200  # a page, not a crash
    sec = sections(resp.get_data(as_text=True))["hello"]
    assert 'data-state="error"' in sec
    assert 'class="kvg-error"' in sec
    assert "kviews/hello.jsx" in sec
    assert re.search(r"line 3, column \d+", sec)
    frame = re.search(r'<pre class="kvg-code-frame">(.*?)</pre>', sec, re.S).group(1)
    assert "&gt; 3 |   Hello, {customer.name!" in frame
    assert "^" in frame
    # the last good render stays, dimmed, beside the error, in both themes
    assert sec.count('class="kvg-pane is-stale"') == 2
    assert sec.count("Hello, Dana!") == 2
    assert "last good render" in sec

    body = client.get("/render/hello?format=json").get_json()
    assert body["html"] is None
    assert body["error"]["line"] == 3 and body["error"]["column"] >= 1
    assert body["error"]["file"] == "kviews/hello.jsx"
    assert "Hello, Dana!" in body["last_good_html"]
    assert client.get("/render/hello").status_code == 422

    # the errors JSON for the overlay is embedded in the page
    html = client.get("/").get_data(as_text=True)
    errors = json.loads(re.search(r'<script type="application/json" id="kvg-errors">(.*?)</script>', html, re.S).group(1))
    assert errors[0]["view"] == "hello" and errors[0]["error"]["line"] == 3

    # fixed again: the error is gone
    (hello_app / "kviews" / "hello.jsx").write_text(HELLO.replace("Hello", "Hi"), encoding="utf-8")
    sec = sections(client.get("/").get_data(as_text=True))["hello"]
    assert 'data-state="ok"' in sec and "Hi, Dana!" in sec


def test_error_without_a_good_render_shows_only_the_error(hello_app: Path) -> None:
    write_app(hello_app, {"bad": BROKEN})
    client = create_app(ServerConfig(views_dir=hello_app, reload=False)).test_client()
    sec = sections(client.get("/").get_data(as_text=True))["bad"]
    assert 'class="kvg-error"' in sec and "is-stale" not in sec


def test_runtime_error_is_located(hello_app: Path) -> None:
    write_app(hello_app, {"boom": "const o = null;\n<p>{o.name}</p>\n"}, {"boom": {}})
    client = create_app(ServerConfig(views_dir=hello_app, reload=False)).test_client()
    err = client.get("/render/boom?format=json").get_json()["error"]
    assert err["line"] == 2
    assert err.get("js_type") == "TypeError"
    assert "Cannot read properties of null" in err["message"]


def test_renders_are_memoised_by_content_errors_included(hello_app: Path, monkeypatch) -> None:
    calls = []
    real = inputs_module.render

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(inputs_module, "render", counting)
    project = Project(hello_app)
    spec = project.find("hello")
    first = project.render(spec, "light")
    assert project.render(spec, "light") is first and len(calls) == 1
    (hello_app / "kviews" / "hello.jsx").write_text(BROKEN, encoding="utf-8")
    spec = project.find("hello")
    broken = project.render(spec, "light")
    assert broken.error and project.render(spec, "light") is broken and len(calls) == 2
    (hello_app / "mocks" / "hello.json").write_text('{"customer": {"name": "Kim"}}', encoding="utf-8")
    project.render(spec, "light")
    assert len(calls) == 3  # a mock edit is a new version too


def test_bad_mock_json_is_a_mock_data_error(hello_app: Path, client) -> None:
    (hello_app / "mocks" / "hello.json").write_text('{\n  "customer": {"name": "Dana",}\n}\n', encoding="utf-8")
    sec = sections(client.get("/").get_data(as_text=True))["hello"]
    assert 'data-kind="MockDataError"' in sec
    assert "mocks/hello.json" in sec
    err = client.get("/render/hello?format=json").get_json()["error"]
    assert err["kind"] == "MockDataError"
    assert err["file"] == "mocks/hello.json"
    assert (err["line"], err["column"]) == (2, 31)  # the "}" after the trailing comma
    assert "> 2 |" in err["frame"]


def test_mock_that_is_not_an_object(hello_app: Path, client) -> None:
    (hello_app / "mocks" / "hello.json").write_text("[1, 2]\n", encoding="utf-8")
    err = client.get("/render/hello?format=json").get_json()["error"]
    assert err["kind"] == "MockDataError" and "JSON object" in err["message"]


def test_internal_error_is_logged_trimmed_and_shown(client, monkeypatch, caplog) -> None:
    def broken_render(*args, **kwargs):
        def deep(n):
            if n == 0:
                raise RuntimeError("kview bug")
            return deep(n - 1)

        return deep(30)

    monkeypatch.setattr(inputs_module, "render", broken_render)
    with caplog.at_level("ERROR", logger="kview"):
        resp = client.get("/")
    assert resp.status_code == 200
    sec = sections(resp.get_data(as_text=True))["hello"]
    assert 'data-kind="InternalError"' in sec
    assert "RuntimeError: kview bug" in sec
    assert "Python traceback" in sec
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError: kview bug" in logged
    assert "interpreter frames omitted" in logged
    assert client.get("/render/hello").status_code == 500


def test_trimmed_traceback_keeps_head_and_tail() -> None:
    def deep(n):
        if n == 0:
            raise ValueError("deep")
        deep(n - 1)

    try:
        deep(50)
    except ValueError as exc:
        text = trimmed_traceback(exc)
    assert "frames omitted" in text and text.endswith("ValueError: deep")
    assert text.count('File "') <= 8


def test_broken_view_meta_is_that_views_located_error(hello_app: Path, client) -> None:
    assert "hello" in sections(client.get("/").get_data(as_text=True))
    (hello_app / "kviews" / "hello.json").write_text('{"resource": ', encoding="utf-8")
    html = client.get("/").get_data(as_text=True)
    assert 'data-view="hello" data-state="error"' in html and "kviews/hello.json" in html
    assert "invalid view meta" in html and "kvg-app-error" not in html  # the folder itself is fine
    assert "hello" in sections(html)


def test_empty_app_folder_page(tmp_path: Path) -> None:
    (tmp_path / "kviews").mkdir()
    client = create_app(ServerConfig(views_dir=tmp_path, reload=False)).test_client()
    html = client.get("/").get_data(as_text=True)
    assert "No views in" in html


def test_render_gets_components_requests_and_resource(samples: Path, monkeypatch) -> None:
    seen = {}

    def spy(source, data, **kwargs):
        seen.update(kwargs)
        return RenderResult('<div class="kview">ok</div>')

    monkeypatch.setattr(inputs_module, "render", spy)
    project = Project(samples)
    assert project.render(project.find("order-activity"), "light").ok
    assert "GET /v1/users/current" in seen["requests"]
    assert list(seen["components"]) == [str(samples / "components" / "StatusPill.jsx")]
    assert seen["resource"] == "customer"
    assert seen["name"] == str(samples / "kviews" / "order-activity.jsx")
    assert seen["root_class"] == "kview kview-theme-light"


# ---------------------------------------------------------------------- change detection
def test_affected_views(samples: Path) -> None:
    project = Project(samples)
    everyone = sorted(v.name for v in project.views())
    assert project.affected([samples / "kviews" / "loyalty.jsx"]) == (["loyalty"], False)
    assert project.affected([samples / "kviews" / "loyalty.json"]) == (["loyalty"], False)
    assert project.affected([samples / "mocks" / "recent-orders.json"]) == (["recent-orders"], False)
    assert project.affected([samples / "mocks" / "requests.json"]) == (everyone, True)
    # a component: the views that use it (tests/devserver/test_watch_affected.py has more)
    assert project.affected([samples / "components" / "StatusPill.jsx"]) == (["recent-orders"], False)
    assert project.affected([samples / "app.json"]) == (everyone, True)
    assert project.affected([samples / "kviews" / "brand-new.jsx"]) == (everyone, True)
    assert project.affected([samples / "README.md", samples / "assets" / "x.png"]) == ([], False)


def test_refresh_publishes_reload_and_error_events(hello_app: Path) -> None:
    app = create_app(ServerConfig(views_dir=hello_app))
    kv = app.extensions["kview"]
    client = kv.broadcaster.register()
    kv.on_files_changed([hello_app / "kviews" / "hello.jsx"])
    msg = client.queue.get_nowait()
    assert "event: reload" in msg and '"views":["hello"]' in msg and '"errors":0' in msg

    (hello_app / "kviews" / "hello.jsx").write_text(BROKEN, encoding="utf-8")
    kv.on_files_changed([hello_app / "kviews" / "hello.jsx"])
    assert '"errors":1' in client.queue.get_nowait()
    err = client.queue.get_nowait()
    assert err.startswith("id: ") and "event: error" in err
    data = json.loads(err.split("data: ", 1)[1])
    assert data["view"] == "hello" and data["error"]["line"] == 3
    # the refresh itself recorded the last good render (no page needed to have been open)
    assert kv.project.state(kv.project.find("hello")).last_good


# ---------------------------------------------------------------------- SSE broadcaster
def test_format_event() -> None:
    assert format_event("reload", {"views": ["a"]}, 7) == 'id: 7\nevent: reload\ndata: {"views":["a"]}\n\n'


def test_broadcaster_fans_out_and_bounds_queues() -> None:
    b = Broadcaster(maxsize=3)
    c1, c2 = b.register(), b.register()
    assert b.publish("reload", {"views": ["x"]}) == 2
    assert "event: reload" in c1.queue.get_nowait() and "event: reload" in c2.queue.get_nowait()
    for i in range(5):
        b.publish("reload", {"n": i})
    assert c1.queue.qsize() == 3 and c1.dropped == 2
    assert '"n":2' in c1.queue.get_nowait()  # the oldest were dropped
    b.unregister(c1)
    assert b.client_count == 1


def test_broadcaster_stream_heartbeat_and_unregister_on_close() -> None:
    b = Broadcaster(heartbeat=0.05)
    stream = b.stream()
    assert next(stream) == "retry: 1000\n\n"
    hello = next(stream)
    assert "event: hello" in hello and b.boot_id in hello
    assert b.client_count == 1
    assert next(stream) == ": heartbeat\n\n"  # nothing published: a comment keeps it alive
    b.publish("reload", {"views": ["a"]})
    assert "event: reload" in next(stream)
    stream.close()  # the browser went away: GeneratorExit
    assert b.client_count == 0


def test_broadcaster_close_ends_streams() -> None:
    b = Broadcaster(heartbeat=5)
    stream = b.stream()
    next(stream), next(stream)
    b.close()
    assert list(stream) == []
    assert b.client_count == 0


def test_events_endpoint(client) -> None:
    kv = client.application.extensions["kview"]
    resp = client.get("/events")
    assert resp.mimetype == "text/event-stream"
    assert resp.headers["Cache-Control"] == "no-cache"
    chunks = iter(resp.response)
    assert next(chunks) == b"retry: 1000\n\n"
    assert kv.broadcaster.client_count == 1
    kv.broadcaster.publish("reload", {"views": ["hello"]})
    got = b""
    while b"event: reload" not in got:
        got += next(chunks)
    resp.close()
    assert kv.broadcaster.client_count == 0


# ---------------------------------------------------------------------- watcher
@pytest.mark.parametrize("path,ignored", [
    ("kviews/a.jsx", False),
    ("mocks/a.json", False),
    (".git/index", True),
    ("kviews/__pycache__/x.pyc", True),
    ("kviews/.a.jsx.swp", True),
    ("kviews/a.jsx~", True),
    ("kviews/.#a.jsx", True),
    ("kviews/4913", True),
])
def test_is_ignored(path: str, ignored: bool) -> None:
    assert is_ignored(path) is ignored


class Collector:
    def __init__(self) -> None:
        self.batches: list[list[Path]] = []
        self.event = threading.Event()

    def __call__(self, paths: list[Path]) -> None:
        self.batches.append(paths)
        self.event.set()

    def wait(self, timeout: float = 5.0) -> list[Path]:
        assert self.event.wait(timeout), "no batch within the timeout"
        self.event.clear()
        return self.batches[-1]


def test_watcher_filters_and_coalesces_fake_events(tmp_path: Path) -> None:
    got = Collector()
    a, b = tmp_path / "kviews" / "a.jsx", tmp_path / "mocks" / "b.json"
    with Watcher(tmp_path, got, debounce=0.1, force_polling=True, poll_interval=60) as w:
        for ev in [
            fake_event("opened", a), fake_event("closed_no_write", a),
            fake_event("modified", tmp_path / ".git" / "index"),
            fake_event("modified", tmp_path / "kviews" / "__pycache__" / "x.pyc"),
            fake_event("created", tmp_path / "kviews" / ".a.jsx.swp"),
            fake_event("created", tmp_path / "kviews" / "4913"),
            fake_event("modified", tmp_path / "kviews", is_directory=True),
        ]:
            w.dispatch(ev)
        time.sleep(0.3)
        assert got.batches == []  # nothing interesting happened (reads, temp files, folders)
        # a burst of changes without closes: one batch after the quiet period
        w.dispatch(fake_event("modified", a))
        w.dispatch(fake_event("modified", a))
        w.dispatch(fake_event("modified", b))
        assert got.wait() == sorted([a, b])
        time.sleep(0.3)
        assert len(got.batches) == 1  # one batch for the burst


def test_watcher_survives_a_failing_callback(tmp_path: Path, caplog) -> None:
    calls = []

    def cb(paths):
        calls.append(paths)
        if len(calls) == 1:
            raise RuntimeError("boom")

    with Watcher(tmp_path, cb, debounce=0.02, force_polling=True, poll_interval=60) as w:
        w.dispatch(fake_event("modified", tmp_path / "a.jsx"))
        deadline = time.monotonic() + 3
        while len(calls) < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        w.dispatch(fake_event("modified", tmp_path / "b.jsx"))
        while len(calls) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
    assert len(calls) == 2
    assert "boom" in caplog.text


def test_watcher_falls_back_to_polling(tmp_path: Path, monkeypatch) -> None:
    def no_observer(self):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(Watcher, "_start_observer", no_observer)
    target = tmp_path / "kviews" / "a.jsx"
    target.parent.mkdir()
    target.write_text("<p>1</p>")
    got = Collector()
    with Watcher(tmp_path, got, debounce=0.05, poll_interval=0.05) as w:
        assert w.mode == "polling"
        time.sleep(0.1)
        target.write_text("<p>22</p>")
        assert target in got.wait()


def test_live_edit_reloads_open_pages(hello_app: Path) -> None:
    """A real file edit under a real watcher becomes one ``reload`` event, and the page shows it."""
    app = create_app(ServerConfig(views_dir=hello_app, debounce=0.05))
    kv = app.extensions["kview"]
    listener = kv.broadcaster.register()
    with kv.watcher() as w:
        assert w.mode in ("watchdog", "polling")
        time.sleep(0.1)
        (hello_app / "kviews" / "hello.jsx").write_text(HELLO.replace("Hello", "Howdy"), encoding="utf-8")
        deadline = time.monotonic() + 5
        msg = ""
        while "event: reload" not in msg:
            msg = listener.queue.get(timeout=max(0.01, deadline - time.monotonic()))
        assert '"views":["hello"]' in msg
    assert "Howdy, Dana!" in app.test_client().get("/").get_data(as_text=True)


# ---------------------------------------------------------------------- serving and the CLI
def test_dev_server_on_port_zero(hello_app: Path) -> None:
    import urllib.request

    with DevServer(ServerConfig(views_dir=hello_app, reload=False), port=0).start() as server:
        assert server.port > 0 and server.url.endswith(f":{server.port}/")
        with urllib.request.urlopen(server.url + "render/hello", timeout=5) as resp:
            assert b"Hello, Dana!" in resp.read()


def test_serve_missing_dir_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "not a directory" in result.output


def test_serve_without_views_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", str(tmp_path)])
    assert result.exit_code == 2
    assert "has no views" in result.output


def test_serve_port_in_use_exits_1(hello_app: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", str(hello_app), "--port", str(port)])
    assert result.exit_code == 1
    assert f"port {port}" in result.output and "already in use" in result.output


def test_serve_help_documents_every_option() -> None:
    out = CliRunner().invoke(main, ["serve", "--help"]).output
    for opt in ("--host", "--port", "--theme", "--no-reload", "--open / --no-open"):
        assert opt in out


def test_kview_serve_subprocess(hello_app: Path) -> None:
    """The real command: banner on stdout (no colour off a TTY), pages served, Ctrl+C stops it."""
    import urllib.request

    with kview_serve(hello_app, "--no-reload") as served:
        assert "\x1b[" not in served.banner
        assert served.url.startswith("http://127.0.0.1:") and "1 view" in served.banner
        with urllib.request.urlopen(served.url, timeout=10) as resp:
            assert b"Hello, Dana!" in resp.read()
    assert served.returncode == 0, served.err


def test_kview_serve_starts_with_a_broken_meta_file_and_shows_it(hello_app: Path) -> None:
    """A broken kviews/<name>.json at start-up is an error on the page, not a refusal to start."""
    import urllib.request

    metas = list((hello_app / "kviews").glob("*.jsx"))
    (metas[0].with_suffix(".json")).write_text('{"resource": ', encoding="utf-8")
    with kview_serve(hello_app, "--no-reload") as served:
        with urllib.request.urlopen(served.url, timeout=10) as resp:
            page = resp.read().decode()
        assert "invalid view meta" in page and ".json" in page
    assert served.returncode == 0, served.err
    assert "invalid view meta" in served.err


# ---------------------------------------------------------------------- templates
def test_pages_escape_what_the_app_folder_says(hello_app: Path) -> None:
    """Names, meta and messages come from the user's files: the templates escape all of them."""
    evil = '<img src=x onerror="alert(1)">'
    write_app(hello_app, {"x": "<p>{undefinedThing}</p>\n"}, meta={"x": {"name": "x", "meta": {
        "displayName": evil, "icon": evil, "state": evil}, "context": evil, "resource": evil}})
    client = create_app(ServerConfig(views_dir=hello_app, reload=False)).test_client()
    for url in ("/", "/view/x"):
        html = client.get(url).get_data(as_text=True)
        # the errors JSON is script data (raw text: only "</" could end it, and it is escaped)
        data = re.search(r'<script type="application/json" id="kvg-errors">(.*?)</script>', html, re.S)
        assert json.loads(data.group(1))[0]["title"] == evil
        markup = html.replace(data.group(0), "")
        assert evil not in markup and "<img" not in markup
        assert "&lt;img src=x onerror=" in markup
    # the renderer's fragment goes in as is (it is HTML), the error message does not
    card = client.get("/render/x").get_data(as_text=True)
    assert 'class="kvg-error"' in card and "undefinedThing is not defined" in card


def test_every_icon_key_has_a_drawing(client) -> None:
    from devserver.web.gallery import ICON_ALIASES, ICON_KEYS, icon_key

    icons = client.application.jinja_env.get_template("partials/icons.html").module
    for key in ICON_KEYS:
        svg = str(icons.icon(key))
        assert svg.startswith('<svg class="kvg-icon"') and re.search(r"<(path|circle|rect) ", svg), key
    assert {icon_key(alias) for alias in ICON_ALIASES} <= set(ICON_KEYS)
    assert icon_key("mdi-shopping-outline") == "cart"
    assert "kvg-icon-letter" in str(icons.icon("zzz")) and ">Z<" in str(icons.icon("zzz"))


def test_gallery_css_is_the_static_file(client) -> None:
    resp = client.get("/_kview/gallery.css")
    assert resp.mimetype == "text/css" and resp.headers["Cache-Control"] == "no-cache"
    assert resp.data == (ROOT / "static" / "gallery.css").read_bytes()
    assert b".kvg-view {" in resp.data
    icon = client.get("/favicon.ico")
    assert icon.mimetype == "image/svg+xml" and icon.data.startswith(b"<svg")


def test_errors_are_diagnostics_in_every_json(hello_app: Path, client) -> None:
    (hello_app / "kviews" / "hello.jsx").write_text(BROKEN, encoding="utf-8")
    err = client.get("/render/hello?format=json").get_json()["error"]
    assert {"severity", "kind", "message", "file", "line", "column", "frame"} <= set(err)
    assert err["severity"] == "error" and err["kind"] == "TemplateSyntaxError"
    html = client.get("/").get_data(as_text=True)
    page = json.loads(re.search(r'id="kvg-errors">(.*?)</script>', html, re.S).group(1))
    assert page[0]["error"] == err
    missing = client.get("/render/nope?format=json").get_json()["error"]
    assert missing["severity"] == "error" and missing["message"] == "no view named 'nope'"
