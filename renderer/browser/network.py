"""The mocked network: request tables that answer ``fetch`` and ``KustomerRequest``; nothing leaves the machine.

A preview never reaches a real server. Both ways a template can ask one (``fetch`` here,
``KustomerRequest`` in ``renderer/kustomer``) are answered from the render's table; an error
status without a body gets the JSON:API error body Kustomer's API sends, because that API is
the one templates talk to.

``load_requests(table)``
    Validates a mock request table (the ``--requests`` JSON) into a ``RequestTable``; a bad
    shape is a ``MockDataError`` saying what to write instead. The format:

    * keys ``"METHOD /path"`` (``GET``, ``POST``, ``PUT``, ``PATCH``, ``DELETE``, ``HEAD``,
      ``OPTIONS``, case-insensitive, or ``*`` for any method), or a bare ``"/path"`` which
      also matches any method. The path may be a full URL (``"GET https://api.x.com/v1/a"``,
      what ``fetch`` entries use);
    * in a path, ``:name`` matches one segment (``/v1/customers/:id``) and ``*`` matches any
      run of characters, ``/`` included (``/v1/commands/*/run``). Without a ``?`` in the
      pattern the request's query string is ignored; a trailing ``/`` is ignored;
    * keys with a query string are tried first, then exact keys, then patterns (each group in
      the table's order);
    * a value is the JSON response body, answered with status 200 — unless it is an object
      whose keys are only ``status`` (an integer, required), ``body``, ``headers`` and
      ``delay`` (virtual milliseconds before the answer): then it is that response, e.g.
      ``{"status": 404, "body": {"errors": [...]}}``. An error status without a body gets
      the JSON:API error body Kustomer's API sends for it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import MockDataError
from ..js.values import to_js

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_ENVELOPE_KEYS = frozenset({"status", "body", "headers", "delay"})
_STATUS_TITLES = {400: ("bad_request", "Bad Request"), 401: ("unauthorized", "Unauthorized"),
                  403: ("forbidden", "Forbidden"), 404: ("not_found", "Not Found"),
                  409: ("conflict", "Conflict"), 422: ("unprocessable_entity", "Unprocessable Entity"),
                  429: ("too_many_requests", "Too Many Requests"),
                  500: ("internal_server_error", "Internal Server Error"),
                  502: ("bad_gateway", "Bad Gateway"), 503: ("service_unavailable", "Service Unavailable")}


def error_body(status: int, detail: str) -> dict[str, Any]:
    """The JSON:API error body Kustomer's API answers with for ``status``."""
    code, title = _STATUS_TITLES.get(status, ("error", "Error"))
    return {"errors": [{"status": status, "code": code, "title": title, "detail": detail}]}


@dataclass(frozen=True)
class MockResponse:
    status: int
    body: Any  # JSON (Python) data, converted to JS values afresh for every request
    headers: dict[str, str] = field(default_factory=dict)
    delay_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


@dataclass(frozen=True)
class Route:
    key: str  # as written in the table
    method: str  # upper case, or "*"
    pattern: str
    regex: re.Pattern
    exact: bool
    response: MockResponse


def _split_url(url: str) -> tuple[str, str]:
    url = url.split("#", 1)[0]
    path, _, query = url.partition("?")
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    return path, query


def _compile_pattern(pattern: str) -> tuple[re.Pattern, bool]:
    path, query = _split_url(pattern)
    has_query = "?" in pattern
    out, exact = [], True
    for tok in re.split(r"(\*|(?<=/):[A-Za-z_]\w*)", path + ("?" + query if has_query else "")):
        if tok == "*":
            out.append(".*")
            exact = False
        elif tok.startswith(":") and len(tok) > 1:
            out.append(f"(?P<{tok[1:]}>[^/?#]+)")
            exact = False
        else:
            out.append(re.escape(tok))
    return re.compile("".join(out) + r"\Z"), exact


class RequestTable:
    """Routes of a validated request table; ``match(method, url)`` finds the answering one."""

    def __init__(self, routes: list[Route] | None = None) -> None:
        self.routes = routes or []

    def __len__(self) -> int:
        return len(self.routes)

    def match(self, method: str, url: str, *, path_fallback: bool = False) -> tuple[Route, dict[str, str]] | None:
        """The route for ``METHOD url`` and its ``:param`` values, or None.

        With ``path_fallback`` an absolute URL also tries its path (``https://x.kustomerapp.com/v1/a``
        → ``/v1/a``), as ``KustomerRequest`` URLs are API paths.
        """
        method = method.upper()
        candidates = [url]
        if path_fallback:
            m = re.match(r"https?://[^/]+(/.*)?\Z", url)
            if m:
                candidates.append(m.group(1) or "/")
        for with_query, exact in ((True, True), (True, False), (False, True), (False, False)):
            for cand in candidates:
                path, query = _split_url(cand)
                for r in self.routes:
                    if r.exact != exact or ("?" in r.pattern) != with_query or r.method not in ("*", method):
                        continue
                    subject = path + ("?" + query if "?" in r.pattern else "")
                    m = r.regex.match(subject)
                    if m:
                        return r, m.groupdict()
        return None


def _parse_key(key: Any, name: str) -> tuple[str, str]:
    if not isinstance(key, str) or not key.strip():
        raise MockDataError(f"a key must be a string like \"GET /v1/users/current\", not {key!r}", file=name)
    parts = key.split()
    if len(parts) == 1:
        method, path = "*", parts[0]
    elif len(parts) == 2:
        method, path = parts[0].upper(), parts[1]
        if method not in HTTP_METHODS and method != "*":
            raise MockDataError(
                f"unknown HTTP method {parts[0]!r} in {key!r} "
                f"(use {', '.join(HTTP_METHODS)} or * for any)", file=name)
    else:
        raise MockDataError(
            f"{key!r} is not \"METHOD /path\" (one method, one space, one path; "
            "encode spaces in the path as %20)", file=name)
    if not (path.startswith("/") or re.match(r"https?://", path)):
        raise MockDataError(
            f"the path in {key!r} must start with / (an API path like /v1/customers/:id) "
            "or http(s):// (a full URL, for fetch)", file=name)
    return method, path


def _check_json(value: Any, where: str, name: str) -> None:
    try:
        to_js(value, where)
    except ValueError as exc:
        raise MockDataError(str(exc), file=name) from None


def _parse_response(value: Any, key: str, name: str, path: str) -> MockResponse:
    where = f"$[{json.dumps(key)}]"
    if isinstance(value, dict) and "status" in value and set(value) <= _ENVELOPE_KEYS:
        status = value["status"]
        if type(status) is not int or not 100 <= status <= 599:
            raise MockDataError(
                f"{where}.status must be an HTTP status code (an integer 100-599), not {status!r}",
                file=name)
        headers = value.get("headers", {})
        if not isinstance(headers, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items()):
            raise MockDataError(f"{where}.headers must be an object of strings", file=name)
        delay = value.get("delay", 0)
        if type(delay) not in (int, float) or not 0 <= delay <= 60_000:
            raise MockDataError(f"{where}.delay must be a number of milliseconds (0-60000), not {delay!r}", file=name)
        if "body" in value:
            body = value["body"]
            _check_json(body, where + ".body", name)
        elif status >= 400:
            body = error_body(status, f"kview: mocked {status} for {key}")
        else:
            body = None
        return MockResponse(status, body, dict(headers), float(delay))
    _check_json(value, where, name)
    return MockResponse(200, value)


def load_requests(table: Any, name: str = "requests") -> RequestTable:
    """Validate a request table (JSON data) into a ``RequestTable``; ``MockDataError`` if malformed."""
    if table is None:
        return RequestTable()
    if isinstance(table, RequestTable):
        return table
    if not isinstance(table, dict):
        raise MockDataError(
            f"{name} must be a JSON object mapping \"METHOD /path\" to a response body, e.g. "
            f"{{\"GET /v1/users/current\": {{\"data\": {{…}}}}}}, not a {type(table).__name__}", file=name)
    routes: list[Route] = []
    seen: dict[tuple[str, str], str] = {}
    for key, value in table.items():
        method, path = _parse_key(key, name)
        norm = (method, "".join(_split_url(path)) + ("?" if "?" in path else ""))
        if norm in seen:
            raise MockDataError(f"{key!r} repeats the route {seen[norm]!r}", file=name)
        seen[norm] = key
        regex, exact = _compile_pattern(path)
        routes.append(Route(key, method, path, regex, exact, _parse_response(value, key, name, path)))
    return RequestTable(routes)
