"""``kview serve`` stops cleanly on SIGINT and SIGTERM, also when started with SIGINT ignored.

A shell running a job in the background without job control (``make test &``, CI runners)
starts it with SIGINT set to SIG_IGN; Python then never raises ``KeyboardInterrupt``. The real
command runs in a subprocess with live reload on (so the watcher runs too); each test sends
the signal once the gallery has answered, and checks: exit status 0 within 2 s, the stop
message printed after the server and watcher were stopped, no traceback, the port closed.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.paths import ROOT
from tests.support.serve import start

STOP_WITHIN = 2.0  # seconds from the signal to the process gone


def ignore_sigint() -> None:
    """What a non-interactive shell does to a background job before exec."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start_serve(app: Path, preexec=None) -> tuple[subprocess.Popen[str], int]:
    served = start(app, preexec=preexec)
    with urllib.request.urlopen(served.url, timeout=10) as resp:
        assert resp.status == 200
    return served.proc, served.port


@pytest.fixture
def app(tmp_path: Path) -> Path:
    dest = tmp_path / "sample_views"
    shutil.copytree(ROOT / "sample_views", dest)
    return dest


def test_the_background_job_set_up_really_ignores_sigint() -> None:
    """The precondition the tests below rely on: such a child starts with SIGINT ignored."""
    out = subprocess.run([sys.executable, "-c", "import signal; print(repr(signal.getsignal(signal.SIGINT)))"],
                         capture_output=True, text=True, preexec_fn=ignore_sigint, check=True).stdout
    assert "SIG_IGN" in out


@pytest.mark.parametrize("background", [False, True], ids=["foreground", "sigint-ignored"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_serve_stops_cleanly(app: Path, signum: int, background: bool) -> None:
    proc, port = start_serve(app, ignore_sigint if background else None)
    try:
        sent = time.monotonic()
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=STOP_WITHIN)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert took < STOP_WITHIN
    assert f"kview: stopped ({signal.Signals(signum).name})" in out
    assert "Traceback" not in err
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_serve_stops_with_an_event_stream_open(app: Path) -> None:
    """An open SSE stream (a gallery tab) holds a thread: it must not keep the process alive."""
    proc, port = start_serve(app, ignore_sigint)
    stream = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        stream.sendall(f"GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        assert stream.recv(4096).startswith(b"HTTP/1.1 200")
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=STOP_WITHIN)
    finally:
        stream.close()
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "kview: stopped (SIGINT)" in out
