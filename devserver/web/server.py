"""``DevServer``: the app on a real socket, plus the file watcher; ``bind`` and ``PortInUseError``."""

from __future__ import annotations

import errno
import socket
import threading

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server, select_address_family

from ..watch import Watcher
from . import create_app
from .config import ServerConfig
from .state import KviewState


class PortInUseError(OSError):
    pass


class _QuietHandler(WSGIRequestHandler):
    """Log failed requests only: a reloading page makes many uninteresting 200s."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        try:
            failed = int(code) >= 400
        except (TypeError, ValueError):
            failed = True
        if failed:
            super().log_request(code, size)


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
    host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{port}/"


class DevServer:
    """The app on a real socket, plus the file watcher. ``with DevServer(cfg, port=0) as s:``"""

    def __init__(self, config: ServerConfig, host: str = "127.0.0.1", port: int = 5000) -> None:
        self.config = config
        sock = bind(host, port)
        try:
            self.host = host
            self.port = int(sock.getsockname()[1])
            # bound first, so the app is built knowing its URL (what DynamicCard iframes are
            # told their parent is)
            config.parent_url = self.url
            self.app = create_app(config)
            self.state: KviewState = self.app.extensions["kview"]
            self.server: BaseWSGIServer = make_server(
                host, self.port, self.app, threaded=True, request_handler=_QuietHandler, fd=sock.fileno()
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

    def start(self) -> DevServer:
        """Serve on a background thread (tests); ``stop()`` ends it."""
        self.__enter__()
        self._thread = threading.Thread(target=self.server.serve_forever, name="kview-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.state.broadcaster.close()
        if self._thread is not None:
            self.server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.server.server_close()
        if self._watcher is not None:
            self._watcher.__exit__(None, None, None)
            self._watcher = None
