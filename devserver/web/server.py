"""``DevServer``: the app on a real socket, plus the file watcher; ``bind`` and ``PortInUseError``.

Each connection has a thread (werkzeug's threaded server; an SSE stream holds one for as long
as its page is open); how a connection is read, timed and kept alive is ``connection.py``'s.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import threading
from types import FrameType

from werkzeug.serving import BaseWSGIServer, make_server, select_address_family

from ..watch import Watcher
from . import create_app
from .config import ServerConfig
from .connection import handler_class
from .state import KviewState


class PortInUseError(OSError):
    pass


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class _StopSignal(BaseException):
    """Raised by the signal handler in the main thread to leave ``serve_forever`` (a
    ``BaseException``, like ``KeyboardInterrupt``, so no ``except Exception`` swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def bind(host: str, port: int) -> socket.socket:
    """A listening socket; ``PortInUseError`` with a clear message when the port is taken."""
    family = select_address_family(host, port)
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortInUseError(exc.errno, f"port {port} on {host} is already in use; stop the other "
                                 "server or pick another port with --port (0 picks a free one)") from None
        raise
    return sock


def public_url(host: str, port: int) -> str:
    """The URL a browser on this machine opens for a server bound to ``host:port``."""
    host = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}.get(host, host)
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{port}/"


class DevServer:
    """The app on a real socket, plus the file watcher. ``with DevServer(cfg, port=0) as s:``"""

    def __init__(self, config: ServerConfig, host: str = "127.0.0.1", port: int = 5000, *,
                 request_timeout: float = 5.0) -> None:
        self.config = config
        sock = bind(host, port)
        try:
            self.host = host
            self.port = int(sock.getsockname()[1])
            # bound first, so the app is built knowing its URL (what DynamicCard iframes are
            # told their parent is)
            config.parent_url = self.url
            config.host = host  # the Host allowlist names the interface served
            self.app = create_app(config)
            self.state: KviewState = self.app.extensions["kview"]
            self.server: BaseWSGIServer = make_server(
                host, self.port, self.app, threaded=True, request_handler=handler_class(request_timeout),
                fd=sock.fileno(),
            )
        finally:
            sock.close()  # the server holds its own duplicate of the descriptor
        self._watcher: Watcher | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return public_url(self.host, self.port)

    def __enter__(self) -> DevServer:
        if self.config.reload:
            self._watcher = self.state.watcher()
            self._watcher.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def serve_forever(self) -> None:
        self.server.serve_forever()

    def serve_until_signal(self, signals: tuple[int, ...] = STOP_SIGNALS) -> int:
        """Serve in the main thread until one of ``signals`` arrives, then ``stop()``; returns it.

        Handlers are installed for every signal explicitly: a process started in the background
        by a non-interactive shell (``make test &``) inherits SIGINT *ignored*, so Python never
        turns it into ``KeyboardInterrupt``, and SIGTERM's default kills without closing the
        socket or the watcher. A second signal while stopping exits at once (an impatient Ctrl+C).
        The previous handlers are restored on the way out.
        """

        def first(signum: int, _frame: FrameType | None) -> None:
            for s in signals:
                signal.signal(s, again)
            raise _StopSignal(signum)

        def again(signum: int, _frame: FrameType | None) -> None:
            os._exit(128 + signum)

        previous = {s: signal.getsignal(s) for s in signals}
        for s in signals:
            signal.signal(s, first)
        try:
            self.server.serve_forever()
        except _StopSignal as stop:
            return stop.signum
        finally:
            self.stop()
            for s, handler in previous.items():
                signal.signal(s, handler)
        return 0  # serve_forever returned: shutdown() was called from another thread

    def start(self) -> DevServer:
        """Serve on a background thread (tests); ``stop()`` ends it."""
        self.__enter__()
        # polled every 50 ms for stop(), not socketserver's 0.5 s: a snapshot run or a test that
        # stops its server would otherwise wait up to half a second for it
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="kview-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.state.close()
        if self._thread is not None:
            self.server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.server.server_close()
        if self._watcher is not None:
            self._watcher.__exit__(None, None, None)
            self._watcher = None
