"""The server answers only its own pages: Host allowlist, cross-site callers, headers, timeouts.

Flask's test client for the rules, a real ``DevServer`` on a socket for DNS-rebinding requests,
half-sent requests and the SSE stream, and the real ``kview serve`` for ``--allow-host``.
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from devserver.cli import main
from devserver.web import ServerConfig, create_app
from devserver.web.guard import HostPolicy, host_name, machine_names
from devserver.web.server import DevServer
from tests.support.serve import kview_serve

ROOT = Path(__file__).resolve().parents[2]
SECRET = "const secretToken = 'tok-123';\n<div className=\"hello\">Hello, {customer.name}!</div>\n"


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    root = tmp_path / "app"
    (root / "kviews").mkdir(parents=True)
    (root / "mocks").mkdir()
    (root / "kviews" / "hello.jsx").write_text(SECRET, encoding="utf-8")
    (root / "mocks" / "hello.json").write_text(json.dumps({"customer": {"name": "Dana"}}), encoding="utf-8")
    return root


@pytest.fixture
def client(app_dir: Path):
    return create_app(ServerConfig(views_dir=app_dir, reload=False)).test_client()


@pytest.fixture
def server(app_dir: Path):
    srv = DevServer(ServerConfig(views_dir=app_dir, reload=False), port=0, request_timeout=1.0).start()
    yield srv
    srv.stop()


def raw_get(port: int, path: str, host: str, **headers: str) -> tuple[int, dict[str, str], str]:
    """A GET over a real socket with the ``Host`` header a DNS-rebinding page would send."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.putrequest("GET", path, skip_host=True)
        conn.putheader("Host", host)
        for key, value in headers.items():
            conn.putheader(key.replace("_", "-"), value)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read().decode()
    finally:
        conn.close()


# ---------------------------------------------------------------------- Host allowlist
ALLOWED = ["localhost", "localhost:5000", "127.0.0.1", "127.0.0.1:8123", "[::1]", "[::1]:5000",
           "LocalHost:5000", "localhost.:5000"]
REFUSED = ["evil.example:5000", "evil.example", "127.0.0.1.evil.example", "localhost.evil.example:5000",
           "192.168.1.20:5000", "::1", "[::1", "[::1]x", "localhost:50a0", "localhost:5000:1", "user@localhost"]


@pytest.mark.parametrize("host", ALLOWED)
def test_loopback_hosts_are_answered(client, host: str) -> None:
    resp = client.get("/", headers={"Host": host})
    assert resp.status_code == 200
    assert "Hello, Dana!" in resp.get_data(as_text=True)


@pytest.mark.parametrize("host", REFUSED)
def test_other_hosts_are_refused_with_a_plain_message(client, host: str) -> None:
    for path in ("/", "/view/hello", "/render/hello", "/render/hello?format=json", "/static/reload.js", "/events"):
        resp = client.get(path, headers={"Host": host})
        body = resp.get_data(as_text=True)
        assert resp.status_code == 400, (host, path)
        assert resp.mimetype == "text/plain"
        assert "answers only to localhost" in body
        assert "secretToken" not in body and "Dana" not in body and "kvg-" not in body


def test_dns_rebinding_request_on_a_real_socket(server) -> None:
    status, headers, body = raw_get(server.port, "/view/hello", f"evil.example:{server.port}")
    assert status == 400 and headers["content-type"].startswith("text/plain")
    assert "secretToken" not in body and "Dana" not in body
    assert "access-control-allow-origin" not in headers
    status, _, body = raw_get(server.port, "/view/hello", f"localhost:{server.port}")
    assert status == 200 and "secretToken" in body  # the template source, for its own page


def test_host_policy_for_the_interface_served() -> None:
    lan = HostPolicy.for_server("192.168.1.5")
    assert lan.allows("192.168.1.5:5000") and lan.allows("localhost:5000")
    assert not lan.allows("192.168.1.6:5000") and not lan.allows("evil.example")
    named = HostPolicy.for_server("devbox.lan", ["kview.test"])
    assert named.allows("DEVBOX.LAN:80") and named.allows("kview.test:5000") and not named.allows("evil.example")
    v6 = HostPolicy.for_server("fe80::1")
    assert v6.allows("[fe80::1]:5000") and not v6.allows("[fe80::2]:5000")
    everywhere = HostPolicy.for_server("0.0.0.0", ["kview.test"])
    for name in machine_names():
        assert everywhere.allows(f"{name}:5000"), name
    # an IP literal is the page's own origin: it cannot carry a rebinding attack
    assert everywhere.allows("10.1.2.3:5000") and everywhere.allows("[2001:db8::1]:5000")
    assert everywhere.allows("kview.test") and not everywhere.allows("evil.example:5000")
    assert not HostPolicy.for_server("127.0.0.1").allows("10.1.2.3:5000")


def test_host_name_parsing() -> None:
    assert host_name("Example.COM.:80") == "example.com"
    assert host_name("[::1]:5000") == "::1" and host_name("[::1]") == "::1"
    assert host_name("localhost:") == "localhost"
    for bad in ("", None, "::1", "[::1", "a:b", "x:1:2", "[::1]:x"):
        assert host_name(bad) is None, bad


# ---------------------------------------------------------------------- cross-site callers
def test_other_origins_are_refused_and_no_cors_is_sent(client) -> None:
    for origin in ("http://evil.example", "http://evil.example:5000", "null", "file://", "http://localhost.evil.example"):
        resp = client.get("/render/hello?format=json", headers={"Origin": origin})
        assert resp.status_code == 403, origin
        assert "Dana" not in resp.get_data(as_text=True)
    ok = client.get("/render/hello?format=json", headers={"Origin": "http://localhost:5000"})
    assert ok.status_code == 200 and "Dana" in ok.get_json()["html"]
    for resp in (ok, client.get("/"), client.options("/"), client.get("/static/reload.js")):
        assert not [h for h in resp.headers.keys() if h.lower().startswith("access-control-")]
        resp.close()


def test_cross_site_subresources_are_refused_but_links_open_the_gallery(client) -> None:
    fetched = client.get("/render/hello", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"})
    assert fetched.status_code == 403 and "Dana" not in fetched.get_data(as_text=True)
    script = client.get("/static/reload.js", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"})
    assert script.status_code == 403 and b"EventSource" not in script.data
    linked = client.get("/", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"})
    assert linked.status_code == 200 and "Hello, Dana!" in linked.get_data(as_text=True)
    same = client.get("/render/hello", headers={"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors"})
    assert same.status_code == 200


# ---------------------------------------------------------------------- headers
ROUTES = ["/", "/?theme=dark", "/view/hello", "/view/nope", "/render/hello", "/render/hello?format=json",
          "/render/nope", "/render/hello?theme=sepia", "/static/reload.js", "/static/kview.css",
          "/static/nope.js", "/_kview/gallery.css", "/favicon.ico", "/nowhere"]


def assert_security_headers(headers) -> None:
    csp = headers["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split("; ")}
    assert directives["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'none'"]
    assert "https:" in directives["frame-src"]  # DynamicCard iframes to the developer's widgets
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"


def test_security_headers_on_every_route(client) -> None:
    statuses = set()
    for path in ROUTES:
        resp = client.get(path)
        statuses.add(resp.status_code)
        assert_security_headers(resp.headers)
        resp.close()
    assert statuses >= {200, 400, 404}
    for resp in (client.post("/"), client.get("/", headers={"Host": "evil.example"}),
                 client.get("/", headers={"Origin": "http://evil.example"})):
        assert resp.status_code in (400, 403, 405)
        assert_security_headers(resp.headers)
    stream = client.get("/events", buffered=False)
    assert stream.mimetype == "text/event-stream"
    assert_security_headers(stream.headers)
    stream.close()


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
        self.handlers += [f"{tag} {k}" for k, _ in attrs if k.startswith("on")]


def test_gallery_pages_have_no_inline_script(app_dir: Path, client) -> None:
    (app_dir / "kviews" / "broken.jsx").write_text("<p>{", encoding="utf-8")
    for path in ("/", "/view/hello", "/view/broken", "/render/broken"):
        parser = _Scripts()
        parser.feed(client.get(path).get_data(as_text=True))
        for attrs in parser.scripts:
            assert attrs.get("type") == "application/json" or str(attrs.get("src", "")).startswith("/static/"), attrs
        assert not parser.handlers, parser.handlers
    parser = _Scripts()
    parser.feed(client.get("/").get_data(as_text=True))
    assert {"src": "/static/reload.js?v=" + re.search(r"reload\.js\?v=(\d+)", client.get("/").get_data(as_text=True))
            .group(1), "defer": None} in parser.scripts


# ---------------------------------------------------------------------- --allow-host
def test_serve_help_documents_allow_host() -> None:
    out = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "--allow-host NAME" in out and "repeatable" in out


def test_kview_serve_on_every_interface_with_allow_host(app_dir: Path) -> None:
    with kview_serve(app_dir, "--no-reload", "--host", "0.0.0.0", "--allow-host", "kview.test",
                     "--allow-host", "box.example") as served:
        port = served.port
        for host in ("kview.test", "box.example:80", f"127.0.0.1:{port}", f"{socket.gethostname()}:{port}"):
            status, _, body = raw_get(port, "/", host)
            assert status == 200 and "Hello, Dana!" in body, host
        status, _, body = raw_get(port, "/", f"evil.example:{port}")
        assert status == 400 and "Dana" not in body
    assert served.returncode == 0, served.err
    assert "warning: listening on 0.0.0.0" in served.err and "reachable from other machines" in served.err


def test_kview_serve_on_loopback_gives_no_network_warning(app_dir: Path) -> None:
    with kview_serve(app_dir, "--no-reload") as served:
        assert raw_get(served.port, "/", f"127.0.0.1:{served.port}")[0] == 200
    assert served.returncode == 0 and "reachable" not in served.err, served.err


@pytest.mark.parametrize(("host", "local"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("", False), ("192.168.1.20", False), ("box.example", False),
])
def test_which_hosts_get_the_network_warning(host: str, local: bool) -> None:
    from devserver.cli.serve import loopback as _loopback

    assert _loopback(host) is local


# ---------------------------------------------------------------------- path traversal
def raw_request(port: int, method: str, path: str, body: bytes = b"", **headers: str) -> tuple[int, str]:
    """A request sent as is (no client normalises the path), from a page of the server itself."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", f"127.0.0.1:{port}")
        for key, value in headers.items():
            conn.putheader(key.replace("_", "-"), value)
        conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        resp = conn.getresponse()
        return resp.status, resp.read().decode(errors="replace")
    finally:
        conn.close()


TRAVERSALS = [
    "/static/../pyproject.toml", "/static/..%2fpyproject.toml", "/static/%2e%2e/pyproject.toml",
    "/static/%2e%2e%2fpyproject.toml", "/static/..%5cpyproject.toml", "/static//etc/passwd",
    "/static/%2fetc%2fpasswd", "/render/..%2f..%2fetc%2fpasswd", "/render/../../etc/passwd",
    "/render/%2e%2e/%2e%2e/etc/passwd", "/view/%2e%2e/%2e%2e/etc/passwd", "/view/..%2f..%2fsecret",
    "/view/../../secret", "/render/..%2fsecret?format=json", "/view/hello/../../../secret",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_paths_out_of_the_app_and_static_folders_are_refused(server, app_dir: Path, path: str) -> None:
    (app_dir.parent / "secret.jsx").write_text("<p>TOPSECRET</p>", encoding="utf-8")
    (app_dir.parent / "secret.json").write_text('{"TOPSECRET": 1}', encoding="utf-8")
    status, body = raw_request(server.port, "GET", path)
    if status == 308:  # werkzeug merges the slashes of "//etc": the path it sends to stays in /static/
        target = re.search(r'href="http://127\.0\.0\.1:\d+(/[^"]*)"', body)
        assert target and target.group(1).startswith("/static/"), body
        status, body = raw_request(server.port, "GET", target.group(1))
    assert status in (400, 404), (status, body[:200])
    assert "TOPSECRET" not in body and "[project]" not in body and "root:" not in body


@pytest.mark.parametrize(("path", "name"), [
    ("/api/scenario/hello", "../../outside"), ("/api/scenario/hello", "..%2f..%2foutside"),
    ("/api/scenario/hello", "/tmp/outside"), ("/api/scenario/..%2f..%2foutside", "x"),
    ("/api/scenario/../../outside", "x"), ("/api/scenario/%2e%2e/%2e%2e/outside", "x"),
])
def test_the_save_endpoint_refuses_names_out_of_the_app(server, app_dir: Path, path: str, name: str) -> None:
    before = sorted(p for p in app_dir.parent.rglob("*"))
    body = json.dumps({"name": name, "text": "{}"}).encode()
    status, answer = raw_request(server.port, "POST", path, body, Origin=f"http://127.0.0.1:{server.port}",
                                 Content_Type="application/json")
    assert status in (400, 404), (status, answer)
    assert sorted(p for p in app_dir.parent.rglob("*")) == before


def test_the_save_endpoint_refuses_other_callers_on_a_real_socket(server, app_dir: Path) -> None:
    body = json.dumps({"name": "ok", "text": "{}"}).encode()
    port = server.port
    for headers in ({}, {"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Origin": f"http://localhost:{port}"},  # another origin than the one asked
                    {"Origin": f"http://127.0.0.1:{port}", "Sec-Fetch-Site": "cross-site"}):
        status, _ = raw_request(port, "POST", "/api/scenario/hello", body, Content_Type="application/json", **headers)
        assert status == 403, headers
    assert not (app_dir / "mocks" / "hello").exists()
    status, _ = raw_request(port, "POST", "/api/scenario/hello", body, Content_Type="application/json",
                            Origin=f"http://127.0.0.1:{port}")
    assert status == 200 and (app_dir / "mocks" / "hello" / "ok.json").is_file()


# ---------------------------------------------------------------------- timeouts
def closed_after(sock: socket.socket, limit: float = 10.0) -> float:
    """Seconds until the server closes ``sock`` (what it sent before is read and dropped)."""
    t0 = time.monotonic()
    sock.settimeout(limit)
    while sock.recv(4096):
        pass
    return time.monotonic() - t0


def test_half_sent_request_is_dropped_while_others_are_served(server) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as half:
        t0 = time.monotonic()
        half.sendall(f"GET / HTTP/1.1\r\nHost: localhost:{server.port}\r\nX-Slow: 1\r\n".encode())
        # meanwhile a whole request is answered at once
        t1 = time.monotonic()
        status, _, body = raw_get(server.port, "/render/hello", "localhost")
        served_in = time.monotonic() - t1
        assert status == 200 and "Hello, Dana!" in body and served_in < 1.0
        closed_after(half)
        waited = time.monotonic() - t0  # from the first byte sent
    assert 0.8 <= waited < 3.0, waited  # request_timeout=1.0


def test_trickled_request_head_is_dropped_at_its_deadline(server) -> None:
    head = f"GET / HTTP/1.1\r\nHost: localhost:{server.port}\r\n" + "X-Pad: " + "a" * 40 + "\r\n"
    with socket.create_connection(("127.0.0.1", server.port)) as slow:
        slow.settimeout(5)
        t0 = time.monotonic()
        closed = None
        for ch in head:  # a byte every 0.1 s: each read is quick, the whole head is not
            try:
                slow.sendall(ch.encode())
            except OSError:
                closed = time.monotonic() - t0
                break
            time.sleep(0.1)
            if time.monotonic() - t0 > 4:
                break
        if closed is None:  # all sent, or the server closed while a send still fit in the buffer
            closed_after(slow)
            closed = time.monotonic() - t0
    assert closed < 2.5, closed  # the head (~80 bytes, 8 s at this pace) had 1 s


def test_event_stream_outlives_the_request_timeout(server) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sse:
        sse.sendall(f"GET /events HTTP/1.1\r\nHost: localhost:{server.port}\r\n\r\n".encode())
        sse.settimeout(5)
        got = b""
        while b"event: hello" not in got:
            got += sse.recv(4096)
        assert b"text/event-stream" in got
        time.sleep(2.5)  # well past request_timeout=1.0
        assert server.state.broadcaster.publish("reload", {"views": ["hello"], "all": False, "errors": 0}) == 1
        got = b""
        while b"event: reload" not in got:
            chunk = sse.recv(4096)
            assert chunk, "the stream was closed"
            got += chunk
        assert b'"views":["hello"]' in got


# ---------------------------------------------------------------------- keep-alive
def read_response(f) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 response with a Content-Length from the socket file ``f``."""
    status = int(f.readline().split()[1])
    headers: dict[str, str] = {}
    while (line := f.readline().decode()) not in ("\r\n", ""):
        key, value = line.split(":", 1)
        headers[key.strip().lower()] = value.strip()
    return status, headers, f.read(int(headers["content-length"]))


def get(port: int, path: str, *extra: str) -> bytes:
    return "\r\n".join([f"GET {path} HTTP/1.1", f"Host: localhost:{port}", *extra, "", ""]).encode()


def test_a_connection_is_kept_for_the_next_requests_even_pipelined(server) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        f = sock.makefile("rb")
        sock.sendall(get(server.port, "/render/hello"))
        status, headers, body = read_response(f)
        assert status == 200 and b"Hello, Dana!" in body and "connection" not in headers
        sock.sendall(get(server.port, "/render/hello") + get(server.port, "/nope"))  # two at once
        assert read_response(f)[0] == 200
        assert read_response(f)[0] == 404
        sock.sendall(get(server.port, "/render/hello", "Connection: close"))  # the client's last one
        status, headers, _ = read_response(f)
        assert status == 200 and headers["connection"] == "close"
        assert closed_after(sock) < 1.0


def test_a_body_the_app_never_reads_is_not_taken_for_the_next_request(server) -> None:
    junk = b"GET /evil HTTP/1.1\r\n\r\n" * 200  # looks like requests, is a body
    head = (f"POST /render/hello HTTP/1.1\r\nHost: localhost:{server.port}\r\n"
            f"Content-Type: text/plain\r\nContent-Length: {len(junk)}\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        f = sock.makefile("rb")
        sock.sendall(head + junk + get(server.port, "/render/hello"))
        assert read_response(f)[0] == 405  # the body was never read by the app
        status, _, body = read_response(f)
        assert status == 200 and b"Hello, Dana!" in body  # the next request, not the body's


@pytest.mark.parametrize("request_head", [
    "POST /render/hello HTTP/1.1\r\nHost: localhost:{port}\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
    "GET /render/hello HTTP/1.0\r\nHost: localhost:{port}\r\n\r\n",
], ids=["chunked-body", "http-1.0"])
def test_what_cannot_be_kept_safely_closes(server, request_head: str) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        f = sock.makefile("rb")
        sock.sendall(request_head.format(port=server.port).encode())
        status, headers, _ = read_response(f)
        assert status in (200, 405) and headers["connection"] == "close"
        assert closed_after(sock) < 1.0


def test_an_idle_connection_is_closed_quietly(server, caplog: pytest.LogCaptureFixture) -> None:
    """A kept connection with no next request, and a browser's spare connection that never sends
    a byte, are closed after request_timeout (1 s here) without an error in the log."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as kept, \
            socket.create_connection(("127.0.0.1", server.port), timeout=5) as spare:
        t0 = time.monotonic()
        f = kept.makefile("rb")
        kept.sendall(get(server.port, "/render/hello"))
        assert read_response(f)[0] == 200
        assert 0.8 <= closed_after(kept) < 3.0
        closed_after(spare)
        assert 0.8 <= time.monotonic() - t0 < 3.0
    assert "timed out" not in caplog.text.lower(), caplog.text
