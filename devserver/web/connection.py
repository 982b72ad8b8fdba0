"""How the dev server reads a connection: deadlines, and keep-alive.

Deadlines: a client must not be able to hold a thread by sending half a request, so the request
line and headers must arrive within ``timeout`` seconds in all (a client trickling a byte at a
time is dropped too), and every later read or write waits at most that long. A response being
streamed (SSE) is not a read: it is unaffected.

Keep-alive: werkzeug closes every connection after one response, because ``http.server`` cannot
drain an unread request body before the next request line. A browser then pays a new connection
per request, about 3 ms in Chromium against under 1 ms for the request itself: most of a Cards
SDK round trip (``bench/sdk_bench.py``). Here an HTTP/1.1 request whose body has a length (at
most ``MAX_KEPT_BODY``) is read whole before the app runs, so nothing of it is left on the
socket, and a response whose end the client can tell (``Content-Length``, chunked, no body)
leaves the connection open. Anything else closes, as before. An idle kept connection is closed
quietly after ``timeout`` seconds.

Take-over: a view that answers ``101 Switching Protocols`` and puts a callable at
``environ[TAKEOVER]`` gets the connection once the response is written (the WebSocket of
``sdk.py``): the callable runs on this connection's thread with its reader and socket, without
deadlines, and the connection closes when it returns.
"""

from __future__ import annotations

import io
import socket
import time
from typing import Any, ClassVar

from werkzeug.serving import WSGIRequestHandler

MAX_KEPT_BODY = 1024 * 1024  # a bigger body (a rare upload) is streamed, and the connection closed
TAKEOVER = "kview.takeover"  # environ key: ``(reader, socket) -> None``, run after a 101 response


class IdleConnection(ConnectionError):
    """A connection whose (next) request never started: closed without a word (werkzeug's
    ``handle`` treats a ``ConnectionError`` as a dropped connection)."""


class _QuietHandler(WSGIRequestHandler):
    """Log failed requests only: a reloading page makes many uninteresting 200s."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        try:
            failed = int(code) >= 400
        except (TypeError, ValueError):
            failed = True
        if failed:
            super().log_request(code, size)


class _DeadlineReader(io.RawIOBase):
    """The connection's reads, bounded by the handler's deadline for the request head."""

    def __init__(self, handler: _TimedHandler) -> None:
        super().__init__()
        self.handler = handler

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        handler = self.handler
        wait = None if handler.unbounded else handler.timeout
        if handler.head_deadline is not None:
            left = handler.head_deadline - time.monotonic()
            if left <= 0:
                if handler.idle:
                    raise IdleConnection("the connection stayed idle")
                raise TimeoutError("the request was not received in time")
            wait = left if wait is None else min(left, wait)
        handler.connection.settimeout(wait)
        try:
            n: int = handler.connection.recv_into(buffer)
        except TimeoutError:
            if handler.idle:
                raise IdleConnection("the connection stayed idle") from None
            raise
        if n:
            handler.idle = False
        return n


class _TimedHandler(_QuietHandler):
    """``_QuietHandler`` whose request head must arrive within ``timeout`` seconds, and which
    keeps a connection open for the next request when that is safe."""

    timeout: ClassVar[float | None] = 5.0
    head_deadline: float | None = None
    idle = False  # waiting for a request of which nothing has arrived yet
    _keep = False  # this request may leave the connection open
    _framed = False  # the response says where it ends
    _status = 0  # the status sent for the current request
    unbounded = False  # taken over (a WebSocket): reads wait as long as they must

    def setup(self) -> None:
        super().setup()
        # werkzeug writes the head and the body separately: without this, on a kept connection
        # the body waits for the client's delayed ACK of the head (Nagle's algorithm, ~40 ms)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.rfile.close()  # the plain socket file: reads go through the deadline instead
        self.rfile = io.BufferedReader(_DeadlineReader(self))

    def handle_one_request(self) -> None:
        self.head_deadline = None if self.timeout is None else time.monotonic() + self.timeout
        self.idle = True  # until a byte of the request arrives (a browser's spare connection sends none)
        super().handle_one_request()

    def parse_request(self) -> bool:
        try:
            return super().parse_request()  # reads the headers
        finally:
            self.head_deadline = None  # the head is in: the rest is the app's
            self.idle = False

    def run_wsgi(self) -> None:
        self._respond()
        takeover = self.environ.get(TAKEOVER)
        if takeover is not None and self._status == 101:
            self.close_connection = True
            self.unbounded = True  # a socket may stay quiet for hours
            takeover(self.rfile, self.connection)

    def _respond(self) -> None:
        body = self._whole_body()
        if body is None:
            self._keep = False
            super().run_wsgi()
            return
        self._keep, self._framed = True, self.command == "HEAD"
        real = self.rfile
        # the app reads the body from memory; werkzeug's drain after the response finds it
        # empty (and never reads the next request from the socket)
        self.rfile = io.BytesIO(body)
        try:
            super().run_wsgi()
        finally:
            self.rfile = real

    def _whole_body(self) -> bytes | None:
        """The request's body, read now, when the connection may be kept; ``None`` when not."""
        if self.request_version != "HTTP/1.1" or self.close_connection:
            return None
        if self.headers.get("Transfer-Encoding"):
            return None
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        try:
            n = int(length)
        except ValueError:
            return None
        if not 0 <= n <= MAX_KEPT_BODY:
            return None
        body = self.rfile.read(n)
        return body if len(body) == n else None

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        if code in (204, 304) or 100 <= code < 200:
            self._framed = True
        super().send_response(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        key = keyword.lower()
        if key in ("content-length", "transfer-encoding"):
            self._framed = True
        if key == "connection" and value.lower() == "close" and self._keep and self._framed:
            return  # werkzeug's unconditional close: this response may keep the connection
        super().send_header(keyword, value)


def handler_class(request_timeout: float) -> type[_TimedHandler]:
    """A request handler class whose connections time out after ``request_timeout`` seconds."""
    return type("KviewRequestHandler", (_TimedHandler,), {"timeout": request_timeout})
