"""A real ``kview serve`` in a subprocess: started, its URL read from the banner, stopped with
a signal (the way the command-line tests drive the server people run)."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.paths import ROOT

BANNER_URL = re.compile(r"(http://(?:127\.0\.0\.1|\[::1\]|[\w.-]+):(\d+)/)")


@dataclass
class Served:
    proc: subprocess.Popen[str]
    banner: str
    url: str
    port: int
    # what the process printed after it stopped, and its exit status (``stop``)
    out: str = ""
    err: str = ""
    returncode: int | None = None
    stopped: bool = field(default=False, repr=False)

    def stop(self, signum: int = signal.SIGINT, timeout: float = 10.0) -> None:
        """Send ``signum`` and wait (a process that does not stop in time is killed)."""
        if self.stopped:
            return
        self.stopped = True
        self.proc.send_signal(signum)
        try:
            self.out, self.err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.out, self.err = self.proc.communicate()
        self.returncode = self.proc.returncode


def start(app: Path, *args: str, preexec: Callable[[], None] | None = None) -> Served:
    """``kview serve APP --port 0 ARGS…``; fails the test when no banner with a URL comes."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "from devserver.cli import main; main()", "serve", str(app), "--port", "0", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, preexec_fn=preexec,
    )
    banner = proc.stdout.readline() if proc.stdout else ""
    m = BANNER_URL.search(banner)
    if not m:
        proc.kill()
        raise AssertionError(f"kview serve printed no URL: {banner!r} {proc.communicate()[1]}")
    return Served(proc, banner, m.group(1), int(m.group(2)))


@contextmanager
def kview_serve(app: Path, *args: str) -> Iterator[Served]:
    """``start`` as a context: the server is stopped with SIGINT on the way out."""
    served = start(app, *args)
    try:
        yield served
    finally:
        served.stop()
