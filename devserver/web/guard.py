"""Who the server answers, and the headers every answer carries.

The dev server sits on a developer's machine while they browse the web, and it shows templates,
mock data and app definitions they may not have written. Three rules keep it to its own pages:

- **Host allowlist** (DNS rebinding): a page at ``evil.example`` whose name is re-pointed at
  127.0.0.1 reaches this server with ``Host: evil.example``; only the loopback names, the
  ``--host`` the server listens on and ``--allow-host`` names are answered (400 otherwise). Bound
  to every interface (``0.0.0.0``/``::``), the machine's own names and any IP literal are
  answered too: a browser sends an IP literal only for a page whose origin *is* that address,
  so a literal cannot carry a rebinding attack.
- **No cross-site callers**: a request whose ``Origin`` is not an allowed host, or a cross-site
  subresource request (``Sec-Fetch-Site: cross-site`` that is not a navigation) is refused with
  403, and no CORS header is ever sent. A link from elsewhere still opens the gallery.
- **Headers on every response**: a Content-Security-Policy under which no inline script, inline
  event handler or ``javascript:`` URL runs (the gallery's own JS is ``static/reload.js``), so a
  rendered preview cannot run script even if the renderer's sanitizer slipped; framing only by
  the gallery itself; ``nosniff``; no referrer.
- **Widget pages are another origin**: the developer's own pages (``widgets/<name>/…``, served
  under ``/_kview/pages/``) must run their scripts, so they get their own policy whose
  ``sandbox`` directive (no ``allow-same-origin``) makes them an opaque origin wherever they
  are opened: they cannot read kview's pages or call its endpoints, and talk to the host only by
  postMessage. Their subresource requests arrive as cross-site with ``Origin: null`` and no
  ``Referer``; they are answered only under ``/_kview/pages/<token>/``, where ``token`` is a
  secret made per server start that only kview's own (same-origin) pages show, so another site
  cannot name those URLs. The SDK stub (``/static/kustomer-card.js``, kview's own static code and the API
  description) may be loaded by any page, so one served elsewhere can use it (docs/SECURITY.md).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})

# Previews show the developer's own images and DynamicCard widget pages (any http(s) URL a
# template names); styles may be inline (React's style props). Script: kview's files only.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: http: https:",
    "media-src 'self' data: blob: http: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' http: https:",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
])

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Resource-Policy": "same-origin",  # other sites cannot embed kview's responses
}

PAGES_PREFIX = "/_kview/pages/"
PAGES_TOKEN = "KVIEW_PAGES_TOKEN"  # app.config key: the secret path part of widget pages' URLs
PUBLIC_SCRIPTS = frozenset({"/static/kustomer-card.js"})


def widget_page_policy(server_origin: str) -> str:
    """The CSP of a widget page: sandboxed (an opaque origin), its own scripts allowed."""
    return "; ".join([
        "sandbox allow-scripts allow-forms allow-popups allow-modals",
        f"default-src 'self' {server_origin} http: https: data: blob:",
        f"script-src 'self' {server_origin} 'unsafe-inline' http: https:",
        "style-src 'self' 'unsafe-inline' http: https:",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ])


class HostPolicy:
    """The host names a server answers to (lower case, no port, IPv6 without brackets)."""

    def __init__(self, names: Iterable[str], *, any_ip: bool = False) -> None:
        self.names = frozenset(_normal(n) for n in names if _normal(n))
        self.any_ip = any_ip  # bound to every interface: any address of this machine

    @classmethod
    def for_server(cls, bind_host: str, allow: Iterable[str] = ()) -> HostPolicy:
        """The loopback names, ``bind_host`` and ``allow``; for a wildcard bind, the machine's
        own names and any IP literal too."""
        names = set(LOOPBACK_HOSTS) | set(allow)
        wildcard = bind_host in WILDCARD_HOSTS
        if wildcard:
            names |= machine_names()
        else:
            names.add(bind_host)
        return cls(names, any_ip=wildcard)

    def allows(self, host: str | None) -> bool:
        """Whether a ``Host`` header value (``name[:port]``, ``[v6]:port``) is one of ours."""
        name = host_name(host)
        if name is None:
            return False
        return name in self.names or (self.any_ip and _is_ip(name))

    def allows_origin(self, origin: str) -> bool:
        """Whether an ``Origin`` header names one of our hosts (``null`` never does)."""
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        return parts.scheme in ("http", "https") and self.allows(parts.netloc)


def machine_names() -> set[str]:
    """This machine's host names (what a LAN browser may type for a server on ``0.0.0.0``)."""
    names: set[str] = set()
    try:
        hostname = socket.gethostname()
    except OSError:
        return names
    names |= {hostname, f"{hostname}.local"}
    try:
        names.add(socket.getfqdn(hostname))
    except OSError:
        pass
    return names


def host_name(host: str | None) -> str | None:
    """The name part of a ``Host`` header, normalised; ``None`` when it is not a host at all."""
    if not host:
        return None
    host = host.strip()
    if host.startswith("["):
        end = host.find("]")
        if end < 0 or (host[end + 1:] and not _is_port(host[end + 1:])):
            return None
        return _normal(host[1:end]) or None
    name, sep, port = host.rpartition(":")
    if not sep:
        name = host
    elif not _is_port(":" + port) or ":" in name:
        return None
    return _normal(name) or None


def install(app: Flask, policy: HostPolicy) -> None:
    """Refuse requests for other hosts or from other sites; add the headers to every response."""

    @app.before_request
    def _check_caller() -> Response | None:
        if not policy.allows(request.host):
            return _refuse(400, "kview: this server answers only to localhost and the hosts it was "
                                "started with (see kview serve --allow-host).\n")
        if _sandboxed_read(policy):  # a widget page's own file, or the stub: reads only
            return None
        origin = request.headers.get("Origin")
        if origin is not None and not policy.allows_origin(origin):
            return _refuse(403, "kview: requests from other sites are refused.\n")
        fetch_site = request.headers.get("Sec-Fetch-Site")
        if fetch_site == "cross-site" and request.headers.get("Sec-Fetch-Mode") != "navigate":
            return _refuse(403, "kview: requests from other sites are refused.\n")
        return None

    @app.after_request
    def _add_headers(response: Response) -> Response:
        for key, value in SECURITY_HEADERS.items():
            response.headers[key] = value
        if request.path.startswith(PAGES_PREFIX):
            response.headers["Content-Security-Policy"] = widget_page_policy(request.host_url.rstrip("/"))
        if request.path.startswith(PAGES_PREFIX) or request.path in PUBLIC_SCRIPTS:
            response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response


def _sandboxed_read(policy: HostPolicy) -> bool:
    """A cross-site GET that is a widget page's own subresource (its path carries this server's
    pages token, which only kview's own pages know), or the SDK stub, which any page may load."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path in PUBLIC_SCRIPTS:
        return True
    token = current_app.config.get(PAGES_TOKEN)
    return bool(token) and request.path.startswith(f"{PAGES_PREFIX}{token}/")


def _refuse(status: int, message: str) -> Response:
    return Response(message, status=status, mimetype="text/plain")


def _normal(name: str) -> str:
    return name.strip().strip("[]").rstrip(".").lower()


def _is_port(text: str) -> bool:
    """``:`` followed by digits (an empty port, ``host:``, is allowed by RFC 3986)."""
    return text.startswith(":") and (text[1:].isdigit() or text == ":") and text.isascii()


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True
