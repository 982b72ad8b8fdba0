"""``--browser-endpoint`` / ``--kview-browser-endpoint``, for real: a Chromium started by hand with
its DevTools port (``http://``, ``connect_over_cdp``) and a Playwright browser server
(``python -m playwright run-server``, ``ws://``, ``chromium.connect``), both on 127.0.0.1. The
client's own Chromium is made unlaunchable (``KVIEW_CHROMIUM`` pointing nowhere), so a shot that
is taken was taken remotely; remote shots equal local ones byte for byte.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("playwright")
pytest.importorskip("pybind11_pixelmatch")

from devserver.cli import main  # noqa: E402
from devserver.snapshot.capture import SNAPSHOT_ARGS  # noqa: E402
from devserver.snapshot.chromium import LAUNCH_ARGS, chromium_path  # noqa: E402
from devserver.snapshot.remote import BACKGROUND_ARGS, BadEndpoint, parse  # noqa: E402

pytest_plugins = ["pytester"]

CARD = """<Segment>
  <div style={{color: '#1f6feb', fontWeight: 700}}>Order {customer.name}</div>
  <BasicRow label="Status" value="shipped" />
</Segment>
"""
META = {"resource": "customer", "context": "smartbar-card", "meta": {"displayName": "Card"}}
SHOTS = {"card.default.light", "card.default.dark"}


# ---------------------------------------------------------------------- the URL
def test_a_playwright_server_url_keeps_its_launch_options_for_the_header() -> None:
    url = 'ws://127.0.0.1:3000/pw?token=t&launch-options={"executablePath":"/usr/bin/chromium","args":["--a"]}'
    endpoint = parse(url)
    assert not endpoint.cdp
    assert endpoint.url == "ws://127.0.0.1:3000/pw?token=t"
    assert endpoint.launch_options == {"executablePath": "/usr/bin/chromium", "args": ["--a"]}
    assert parse("http://10.0.0.5:9222").cdp and parse("https://grid.example:443/cdp").cdp


@pytest.mark.parametrize("url, says", [
    ("ftp://host:1", "expected ws://HOST:PORT/"),
    ("127.0.0.1:9222", "expected ws://HOST:PORT/"),
    ("http://", "expected ws://HOST:PORT/"),
    ("http://host:port", "Port could not be cast"),
    ('ws://h:1/?launch-options=[1]', "launch-options is not a JSON object"),
    ("ws://h:1/?launch-options={nope", "launch-options is not a JSON object"),
])
def test_a_bad_url_is_refused_in_one_line(url: str, says: str) -> None:
    with pytest.raises(BadEndpoint, match=re.escape(says)) as info:
        parse(url)
    assert "\n" not in str(info.value)


def test_an_endpoint_nobody_answers_is_one_line_and_exit_2(app: Path) -> None:
    result = CliRunner().invoke(main, ["snapshot", str(app), "--browser-endpoint", f"http://127.0.0.1:{free_port()}"])
    assert result.exit_code == 2
    assert re.search(r"Error: cannot use the browser at http://127\.0\.0\.1:\d+: .*ECONNREFUSED", result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit)


# ---------------------------------------------------------------------- the browsers
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def app(tmp_path: Path) -> Path:
    root = tmp_path / "app"
    (root / "kviews").mkdir(parents=True)
    (root / "mocks").mkdir()
    (root / "kviews" / "card.jsx").write_text(CARD, encoding="utf-8")
    (root / "kviews" / "card.json").write_text(json.dumps(META), encoding="utf-8")
    (root / "mocks" / "customer.json").write_text(json.dumps({"customer": {"name": "Dana"}}), encoding="utf-8")
    return root


def _start(args: list[str], log: Path, pattern: str) -> tuple[subprocess.Popen[bytes], re.Match[str]]:
    """Start ``args`` with its output in ``log`` (a pipe nobody drains would stall it) and wait
    for a line matching ``pattern``."""
    with log.open("wb") as out:
        # A session of its own: ``python -m playwright`` runs the server as a child, which must
        # stop with it (``_stop`` ends the process group it leads).
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if found := re.search(pattern, log.read_text(errors="replace")):
            return proc, found
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    _stop(proc)
    pytest.fail(f"{args[0]} did not print {pattern!r} (exit {proc.returncode}):\n{log.read_text(errors='replace')}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End ``proc`` and its children (its process group: ``_start`` made it lead one)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(10)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:  # the group outlives its leader until its children go
                os.killpg(proc.pid, 0)
                time.sleep(0.05)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            continue


@pytest.fixture
def devtools_chromium(tmp_path: Path) -> Iterator[str]:
    """The system Chromium started as the docs say, its DevTools URL read from its stderr."""
    proc, found = _start([chromium_path(), "--headless", "--remote-debugging-port=0",
                          "--remote-debugging-address=127.0.0.1", f"--user-data-dir={tmp_path / 'profile'}",
                          *LAUNCH_ARGS, *SNAPSHOT_ARGS, *BACKGROUND_ARGS, "about:blank"],
                         tmp_path / "chromium.log", r"DevTools listening on ws://(127\.0\.0\.1:\d+)/")
    try:
        yield f"http://{found.group(1)}"
    finally:
        _stop(proc)


@pytest.fixture
def playwright_server(tmp_path: Path) -> Iterator[str]:
    """Playwright's browser server (``--unsafe``: it launches what the client's launch options say)."""
    port = free_port()
    proc, _ = _start([sys.executable, "-m", "playwright", "run-server", "--port", str(port), "--host", "127.0.0.1",
                      "--unsafe"], tmp_path / "server.log", rf"Listening on ws://127\.0\.0\.1:{port}/")
    try:
        yield f"ws://127.0.0.1:{port}/?launch-options={json.dumps({'executablePath': chromium_path()})}"
    finally:
        _stop(proc)


def snapshot(app: Path, *args: str) -> tuple[int, dict[str, str], str]:
    result = CliRunner().invoke(main, ["snapshot", str(app), "--format", "json", "--workers", "2", *args])
    text = result.stdout
    data = json.loads(text[text.index("{"):]) if "{" in text else {"shots": []}
    return result.exit_code, {s["name"]: f"{s['status']} {s['message']}" for s in data["shots"]}, result.output


@pytest.mark.parametrize("server", ["devtools_chromium", "playwright_server"])
@pytest.mark.browser
@pytest.mark.xdist_group("snapshot-command")
def test_kview_snapshot_in_a_remote_browser_equals_the_local_shots(
        server: str, app: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    code, shots, out = snapshot(app)  # local: writes the baselines
    assert code == 0 and shots == dict.fromkeys(SHOTS, "new baseline written"), out
    endpoint = request.getfixturevalue(server)
    monkeypatch.setenv("KVIEW_CHROMIUM", str(app / "no-such-chromium"))  # a local launch would fail
    code, shots, out = snapshot(app, "--force", "--browser-endpoint", endpoint)
    assert code == 0 and shots == dict.fromkeys(SHOTS, "passed identical"), out
    monkeypatch.delenv("KVIEW_CHROMIUM")
    (app / "kviews" / "card.jsx").write_text(CARD.replace("#1f6feb", "#d73a49"), encoding="utf-8")
    monkeypatch.setenv("KVIEW_CHROMIUM", str(app / "no-such-chromium"))
    code, shots, out = snapshot(app, "--browser-endpoint", endpoint)
    assert code == 1 and {n: s.split()[0] for n, s in shots.items()} == dict.fromkeys(SHOTS, "failed"), out


@pytest.mark.parametrize("server", ["devtools_chromium", "playwright_server"])
@pytest.mark.browser
@pytest.mark.xdist_group("snapshot-command")
def test_the_plugins_items_in_a_remote_browser(server: str, app: Path, pytester: pytest.Pytester,
                                               request: pytest.FixtureRequest,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, out = snapshot(app)
    assert code == 0, out
    endpoint = request.getfixturevalue(server)
    monkeypatch.setenv("KVIEW_CHROMIUM", str(app / "no-such-chromium"))  # the subprocess inherits it
    result = pytester.runpytest_subprocess("--kview-app", str(app), "-p", "no:cacheprovider",
                                           "--kview-browser-endpoint", endpoint, timeout=180)
    result.assert_outcomes(passed=2)


# ---------------------------------------------------------------------- kview audit
FAINT = CARD.replace("</Segment>", "  <p style={{color: '#dddddd'}}>Hard to read</p>\n</Segment>")


def audit(app: Path, *args: str) -> tuple[int, dict, str]:
    result = CliRunner().invoke(main, ["audit", str(app), "--format", "json", "--workers", "2",
                                       "--report", str(app.parent / "report.html"), *args])
    text = result.stdout
    data = json.loads(text[text.index("{"):]) if "{" in text and result.exit_code in (0, 1) else {}
    return result.exit_code, data, result.output


def test_audit_refuses_a_bad_endpoint_in_one_line_and_exit_2(app: Path) -> None:
    code, _, out = audit(app, "--browser-endpoint", "ftp://host:1")
    assert code == 2 and "Error: browser endpoint 'ftp://host:1': expected ws://HOST:PORT/" in out
    code, _, out = audit(app, "--browser-endpoint", f"http://127.0.0.1:{free_port()}")
    assert code == 2
    assert re.search(r"Error: cannot use the browser at http://127\.0\.0\.1:\d+: .*ECONNREFUSED", out)
    assert "Traceback" not in out


@pytest.mark.parametrize("server", ["devtools_chromium", "playwright_server"])
@pytest.mark.browser
@pytest.mark.xdist_group("snapshot-command")
def test_kview_audit_in_a_remote_browser_finds_what_a_local_one_finds(
        server: str, app: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    (app / "kviews" / "card.jsx").write_text(FAINT, encoding="utf-8")
    code, local, out = audit(app)
    assert code == 1 and local["shots"] == 2 and not local["errors"], out
    assert any(f["text"] == "Hard to read" for f in local["findings"]), local["findings"]
    endpoint = request.getfixturevalue(server)
    monkeypatch.setenv("KVIEW_CHROMIUM", str(app / "no-such-chromium"))  # a local launch would fail
    code, remote, out = audit(app, "--browser-endpoint", endpoint)
    assert code == 1 and remote["shots"] == 2 and not remote["errors"], out
    assert remote["findings"] == local["findings"]
    code, _, out = audit(app)  # and without the endpoint it does try the local one
    assert code == 2 and "no-such-chromium" in out
