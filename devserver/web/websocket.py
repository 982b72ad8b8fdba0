"""WebSocket (RFC 6455), the little the dev server needs: the handshake's accept key, and text
messages read and written on a connection taken over after a ``101`` response (``connection``).

Why a socket at all: the Cards SDK host (``static/kview-host.js``) answers a page's calls from
the mock store on this server. Through ``fetch()`` each answer costs Chromium some 3–6 ms of its
own network stack; a message on an open socket about 1 ms. The socket carries exactly what the
POST endpoints do (``sdk.py``), and the host falls back to them whenever the socket is not open.

Only what a browser sends is accepted: masked frames, text messages (fragmented or not), ping,
pong and close. Anything else closes the socket with the code the RFC names.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import socket
import struct
import threading
from typing import BinaryIO

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
MAX_MESSAGE = 1024 * 1024  # a bigger message closes the socket (1009): SDK calls are small

TEXT, BINARY, CLOSE, PING, PONG, CONTINUATION = 0x1, 0x2, 0x8, 0x9, 0xA, 0x0
NORMAL, GOING_AWAY, PROTOCOL_ERROR, UNSUPPORTED, BAD_DATA, TOO_BIG = 1000, 1001, 1002, 1003, 1007, 1009


class ProtocolError(Exception):
    """The peer broke the protocol: the socket is closed with ``code``."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code


def valid_key(key: str | None) -> bool:
    """Whether ``Sec-WebSocket-Key`` is what the RFC asks: 16 bytes in base64."""
    if not key:
        return False
    try:
        return len(base64.b64decode(key.strip(), validate=True)) == 16
    except (binascii.Error, ValueError):
        return False


def accept_key(key: str) -> str:
    """``Sec-WebSocket-Accept`` for a client's ``Sec-WebSocket-Key``."""
    return base64.b64encode(hashlib.sha1((key.strip() + GUID).encode("ascii")).digest()).decode("ascii")


def frame(opcode: int, payload: bytes) -> bytes:
    """One unmasked, final frame (a server never masks)."""
    n = len(payload)
    if n < 126:
        head = struct.pack("!BB", 0x80 | opcode, n)
    elif n < 1 << 16:
        head = struct.pack("!BBH", 0x80 | opcode, 126, n)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 127, n)
    return head + payload


def unmask(mask: bytes, data: bytes) -> bytes:
    """``data`` XOR the repeated 4-byte ``mask`` (one big-integer XOR: no per-byte loop)."""
    n = len(data)
    if not n:
        return b""
    key = (mask * (n // 4 + 1))[:n]
    return (int.from_bytes(data, "big") ^ int.from_bytes(key, "big")).to_bytes(n, "big")


class WebSocket:
    """A server-side socket on a connection whose handshake is done: ``receive`` text messages
    (``None`` once closed), ``send`` them, ``close``. ``send`` may be called from any thread."""

    def __init__(self, rfile: BinaryIO, connection: socket.socket) -> None:
        self._rfile = rfile  # may hold bytes the client sent right after the handshake
        self._connection = connection
        self._lock = threading.Lock()
        self.closed = False

    def receive(self) -> str | None:
        """The next text message; ``None`` when the peer closed or broke the protocol (the
        socket is then closed with the matching code)."""
        try:
            return self._receive()
        except ProtocolError as exc:
            self.close(exc.code, str(exc))
        except (ConnectionError, TimeoutError, OSError):
            self.closed = True
        return None

    def send(self, text: str) -> None:
        self._write(frame(TEXT, text.encode("utf-8")))

    def close(self, code: int = NORMAL, reason: str = "") -> None:
        """Send a close frame (once) and shut the connection's writing side."""
        if self.closed:
            return
        self.closed = True
        try:
            self._write(frame(CLOSE, struct.pack("!H", code) + reason.encode("utf-8")[:120]))
            self._connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def _write(self, data: bytes) -> None:
        with self._lock:
            self._connection.sendall(data)

    def _receive(self) -> str | None:
        parts: list[bytes] = []
        size = 0
        while True:
            fin, opcode, payload = self._frame()
            if opcode == CLOSE:
                self.close(NORMAL)
                return None
            if opcode == PING:
                self._write(frame(PONG, payload))
                continue
            if opcode == PONG:
                continue
            if opcode == BINARY:
                raise ProtocolError(UNSUPPORTED, "kview's socket takes text messages only")
            if opcode not in (TEXT, CONTINUATION) or (opcode == CONTINUATION) != bool(parts):
                raise ProtocolError(PROTOCOL_ERROR, f"unexpected frame (opcode {opcode})")
            size += len(payload)
            if size > MAX_MESSAGE:
                raise ProtocolError(TOO_BIG, "message too big")
            parts.append(payload)
            if fin:
                try:
                    return b"".join(parts).decode("utf-8")
                except UnicodeDecodeError:
                    raise ProtocolError(BAD_DATA, "a text message that is not UTF-8") from None

    def _frame(self) -> tuple[bool, int, bytes]:
        first, second = self._exactly(2)
        if first & 0x70:
            raise ProtocolError(PROTOCOL_ERROR, "reserved bits set")
        opcode = first & 0x0F
        if not second & 0x80:
            raise ProtocolError(PROTOCOL_ERROR, "a client's frame must be masked")
        n = second & 0x7F
        if n == 126:
            (n,) = struct.unpack("!H", self._exactly(2))
        elif n == 127:
            (n,) = struct.unpack("!Q", self._exactly(8))
        if opcode >= CLOSE and (n > 125 or not first & 0x80):
            raise ProtocolError(PROTOCOL_ERROR, "a control frame must be whole and short")
        if n > MAX_MESSAGE:
            raise ProtocolError(TOO_BIG, "message too big")
        mask = self._exactly(4)
        return bool(first & 0x80), opcode, unmask(mask, self._exactly(n))

    def _exactly(self, n: int) -> bytes:
        data = self._rfile.read(n) if n else b""
        if len(data) != n:
            raise ConnectionError("the peer went away")
        return data
