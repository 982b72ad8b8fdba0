"""The Cards SDK's WebSocket: RFC 6455 framing (``web/websocket.py``) on a socket pair, and the
real dev server's ``/_kview/sdk/socket`` over a real TCP connection: the same answers as the
POST endpoints, the guard's origin rule, no deadline on a quiet socket, a close on stop."""

from __future__ import annotations

import base64
import json
import os
import socket
import struct
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devserver.web import ServerConfig
from devserver.web.server import DevServer
from devserver.web.websocket import MAX_MESSAGE, WebSocket, accept_key, frame, unmask, valid_key
from tests.support.paths import ROOT


def masked(opcode: int, payload: bytes, *, fin: bool = True, mask: bytes | None = None) -> bytes:
    """A frame as a browser sends it (masked)."""
    mask = os.urandom(4) if mask is None else mask
    n = len(payload)
    first = (0x80 if fin else 0) | opcode
    if n < 126:
        head = struct.pack("!BB", first, 0x80 | n)
    elif n < 1 << 16:
        head = struct.pack("!BBH", first, 0x80 | 126, n)
    else:
        head = struct.pack("!BBQ", first, 0x80 | 127, n)
    return head + mask + unmask(mask, payload)


def read_frame(sock: socket.socket) -> tuple[int, bytes]:
    """One (unmasked) frame from the server: ``(opcode, payload)``."""
    def exactly(n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data
    first, second = exactly(2)
    assert not second & 0x80, "a server's frame is never masked"
    n = second & 0x7F
    if n == 126:
        (n,) = struct.unpack("!H", exactly(2))
    elif n == 127:
        (n,) = struct.unpack("!Q", exactly(8))
    return first & 0x0F, exactly(n)


# ------------------------------------------------------------------ framing, on a socket pair

@pytest.fixture
def pair() -> Iterator[tuple[WebSocket, socket.socket]]:
    server_end, client_end = socket.socketpair()
    client_end.settimeout(5)
    ws = WebSocket(server_end.makefile("rb"), server_end)
    yield ws, client_end
    server_end.close()
    client_end.close()


def test_the_rfc_example_key() -> None:
    assert accept_key("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="  # RFC 6455 §1.3
    assert valid_key("dGhlIHNhbXBsZSBub25jZQ==")
    assert not valid_key(None) and not valid_key("") and not valid_key("c2hvcnQ=") and not valid_key("not base64!!")


def test_lengths_and_masks_round_trip(pair: tuple[WebSocket, socket.socket]) -> None:
    ws, client = pair
    for size in (0, 1, 125, 126, 65535, 65536, 200_000):  # bytes: the 7-bit, 16-bit and 64-bit lengths
        text = ("é" + "x" * size)[-size:] if size else ""
        assert len(text.encode()) in (size, size + 1)
        sender = threading.Thread(target=client.sendall, args=(masked(0x1, text.encode()),))
        sender.start()  # a socket pair's buffer is smaller than the biggest message
        assert ws.receive() == text
        sender.join()
        replier = threading.Thread(target=ws.send, args=(text,))
        replier.start()
        assert read_frame(client) == (0x1, text.encode())
        replier.join()
    assert frame(0x1, b"x" * 126)[1] == 126 and frame(0x1, b"x" * 65536)[1] == 127


def test_fragments_are_joined_and_pings_answered_between_them(pair: tuple[WebSocket, socket.socket]) -> None:
    ws, client = pair
    client.sendall(masked(0x1, b"hel", fin=False) + masked(0x9, b"are you there")
                   + masked(0x0, b"lo ", fin=False) + masked(0xA, b"") + masked(0x0, "wörld".encode()))
    assert ws.receive() == "hello wörld"
    assert read_frame(client) == (0xA, b"are you there")


def test_a_close_is_answered_and_ends_the_messages(pair: tuple[WebSocket, socket.socket]) -> None:
    ws, client = pair
    client.sendall(masked(0x8, struct.pack("!H", 1000)))
    assert ws.receive() is None
    opcode, payload = read_frame(client)
    assert opcode == 0x8 and struct.unpack("!H", payload[:2])[0] == 1000


@pytest.mark.parametrize(("data", "code"), [
    (masked(0x1, b"x")[:1] + bytes([1]) + b"x", 1002),  # not masked
    (masked(0x2, b"\x00\x01"), 1003),  # binary
    (masked(0x1, b"\xff\xfe"), 1007),  # not UTF-8
    (masked(0x0, b"x"), 1002),  # a continuation with nothing to continue
    (masked(0x1, b"a", fin=False) + masked(0x1, b"b"), 1002),  # a new message inside a fragmented one
    (masked(0x9, b"x", fin=False), 1002),  # a fragmented control frame
    (bytes([0xC1, 0x81]) + b"\x00\x00\x00\x00x", 1002),  # a reserved bit
    (bytes([0x81, 0xFF]) + struct.pack("!Q", MAX_MESSAGE + 1), 1009),  # too big, refused before reading it
], ids=["unmasked", "binary", "not-utf8", "lone-continuation", "interleaved", "fragmented-control",
        "reserved-bit", "too-big"])  # named: the frames' random masks must not make xdist workers' ids differ
def test_broken_frames_close_with_the_rfc_code(pair: tuple[WebSocket, socket.socket], data: bytes, code: int) -> None:
    ws, client = pair
    client.sendall(data)
    assert ws.receive() is None
    opcode, payload = read_frame(client)
    assert opcode == 0x8 and struct.unpack("!H", payload[:2])[0] == code
    assert ws.closed


def test_a_peer_that_goes_away_ends_the_messages(pair: tuple[WebSocket, socket.socket]) -> None:
    ws, client = pair
    client.sendall(masked(0x1, b"half")[:4])
    client.close()
    assert ws.receive() is None and ws.closed


# ------------------------------------------------------------------ the dev server's socket

@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevServer]:
    import shutil

    views = tmp_path_factory.mktemp("socket") / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    srv = DevServer(ServerConfig(views_dir=views, reload=False), port=0, request_timeout=0.5).start()
    yield srv
    srv.stop()


def handshake(port: int, **headers: str) -> tuple[socket.socket, str]:
    """A connection asking for the socket: returns it and the response head."""
    key = base64.b64encode(os.urandom(16)).decode()
    asked = {"Host": f"127.0.0.1:{port}", "Upgrade": "websocket", "Connection": "Upgrade",
             "Sec-WebSocket-Key": key, "Sec-WebSocket-Version": "13", "Origin": f"http://127.0.0.1:{port}"}
    asked.update({k.replace("_", "-"): v for k, v in headers.items()})
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(("GET /_kview/sdk/socket HTTP/1.1\r\n"
                  + "".join(f"{k}: {v}\r\n" for k, v in asked.items() if v) + "\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(1)
        if not chunk:
            break
        head += chunk
    text = head.decode("latin-1")
    if text.startswith("HTTP/1.1 101"):
        assert f"Sec-WebSocket-Accept: {accept_key(key)}" in text
    return sock, text


def ask(sock: socket.socket, message: Any) -> dict[str, Any]:
    sock.sendall(masked(0x1, (message if isinstance(message, str) else json.dumps(message)).encode()))
    opcode, payload = read_frame(sock)
    assert opcode == 0x1
    answer: dict[str, Any] = json.loads(payload)
    return answer


def post(server: DevServer, name: str, body: dict[str, Any]) -> dict[str, Any]:
    import urllib.request

    req = urllib.request.Request(f"{server.url}_kview/sdk/{name}", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=10) as resp:
        out: dict[str, Any] = json.loads(resp.read())
        return out


def test_the_socket_answers_as_the_post_endpoints_do(server: DevServer) -> None:
    sock, head = handshake(server.port)
    assert head.startswith("HTTP/1.1 101")
    try:
        for name, body in (("request", {"method": "GET", "url": "/v1/users/current"}),
                           ("request", {"method": "GET", "url": "/v1/customers/nobody"}),
                           ("context", {"customer": 0, "open": True}),
                           ("context", {"view": "customer-overview"})):
            answer = ask(sock, {"seq": 7, "name": name, "body": body})
            assert answer == {"seq": 7, "status": 200, "body": post(server, name, body)}
        assert ask(sock, {"seq": 8, "name": "request", "body": {"method": "GET", "url": "/v1/customers/nobody"}}
                   )["body"]["status"] == 404  # the mock API's 404, answered (not a socket error)
        missing_view = ask(sock, {"seq": 9, "name": "context", "body": {"view": "no-such-view"}})
        assert missing_view["seq"] == 9 and missing_view["status"] == 404
        assert "no view named 'no-such-view'" in missing_view["body"]["description"]
        for bad in ("not json", "[1, 2]", {"seq": 3, "name": "drop-tables", "body": {}}, {"seq": 4, "name": "request"}):
            answer = ask(sock, bad)
            assert answer["status"] == 400 and "{seq, name, body}" in answer["body"]["description"]
        # a write through the socket changes the store the POST endpoints read
        customer = post(server, "context", {"customer": 0})["context"]["customer"]["id"]
        path = f"/v1/customers/{customer}"
        patched = ask(sock, {"seq": 10, "name": "request", "body": {
            "method": "PATCH", "url": path, "body": {"name": "Changed by the socket"}}})
        assert patched["status"] == 200 and patched["body"]["status"] == 200
        fetched = post(server, "request", {"method": "GET", "url": path})
        assert fetched["body"]["data"]["attributes"]["name"] == "Changed by the socket"
    finally:
        post(server, "reset", {})
        sock.close()


def test_after_a_slow_answer_the_socket_answers_side_by_side(server: DevServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Answers are made on the socket's thread while they are quick; once one was slow, a
    later ask is not held back by one still being answered (the stub would time it out)."""
    from devserver.project.store import MockStore
    from devserver.web.sdk import SLOW_ANSWER

    release = threading.Event()
    handle = MockStore.handle

    def paced(self: MockStore, seed: Any, method: str, url: str, body: Any = None) -> Any:
        if url.endswith("/slow"):
            time.sleep(SLOW_ANSWER * 2)
        elif url.endswith("/blocked"):
            release.wait(10)
        return handle(self, seed, method, url, body)

    monkeypatch.setattr(MockStore, "handle", paced)
    sock, _ = handshake(server.port)
    try:
        def send(seq: int, url: str) -> None:
            sock.sendall(masked(0x1, json.dumps({"seq": seq, "name": "request",
                                                 "body": {"method": "GET", "url": url}}).encode()))

        def seq_of_next() -> int:
            return int(json.loads(read_frame(sock)[1])["seq"])

        send(1, "/v1/customers/slow")
        assert seq_of_next() == 1
        send(2, "/v1/customers/blocked")
        send(3, "/v1/users/current")
        assert seq_of_next() == 3  # answered while 2 still waits
        release.set()
        assert seq_of_next() == 2
    finally:
        release.set()
        sock.close()


def test_a_quiet_socket_outlives_the_request_deadline(server: DevServer) -> None:
    sock, head = handshake(server.port)
    assert head.startswith("HTTP/1.1 101")
    try:
        time.sleep(1.2)  # the server's request timeout is 0.5 s: a half-sent request would be dropped
        answer = ask(sock, {"seq": 1, "name": "request", "body": {"method": "GET", "url": "/v1/users/current"}})
        assert answer["status"] == 200
    finally:
        sock.close()


@pytest.mark.parametrize(("headers", "status"), [
    ({"Origin": "http://evil.example"}, "403"),  # another site's page: WebSockets have no same-origin policy
    ({"Origin": "null"}, "403"),  # a sandboxed widget page talks to the host by postMessage only
    ({"Host": "evil.example"}, "400"),  # DNS rebinding
    ({"Sec-WebSocket-Key": "short"}, "400"),
    ({"Upgrade": ""}, "400"),
    ({"Sec-WebSocket-Version": "8"}, "426"),
])
def test_refused_handshakes(server: DevServer, headers: dict[str, str], status: str) -> None:
    sock, head = handshake(server.port, **headers)
    sock.close()
    assert head.split(" ", 2)[1] == status, head


def test_stopping_the_server_closes_its_sockets(tmp_path: Path) -> None:
    import shutil

    views = tmp_path / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    srv = DevServer(ServerConfig(views_dir=views, reload=False), port=0).start()
    sock, head = handshake(srv.port)
    assert head.startswith("HTTP/1.1 101")
    assert ask(sock, {"seq": 1, "name": "request", "body": {"method": "GET", "url": "/v1/users/current"}})["status"] == 200
    stopper = threading.Thread(target=srv.stop)
    stopper.start()
    try:
        opcode, payload = read_frame(sock)
        assert opcode == 0x8 and struct.unpack("!H", payload[:2])[0] == 1001  # going away
    finally:
        stopper.join(10)
        sock.close()
    assert not stopper.is_alive()
