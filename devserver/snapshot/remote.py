"""A browser somewhere else: ``--browser-endpoint URL``. ``ws://`` is a Playwright browser server
(``playwright run-server``, ``launchServer``), reached with ``chromium.connect``; ``http://`` is a
Chromium's DevTools port (``--remote-debugging-port``, or a grid that speaks CDP), reached with
``connect_over_cdp``. kview cannot launch a remote browser with its determinism switches
(``capture.SNAPSHOT_ARGS``): a Playwright server is asked to (it obeys with ``--unsafe``), a
DevTools browser must have been started with them and ``BACKGROUND_ARGS`` (docs/SNAPSHOTS.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

CONNECT_MS = 30_000
# What Playwright adds when it launches Chromium and a browser started by hand lacks: they keep a
# page that is not in front painting (animation frames, which a screenshot waits for).
BACKGROUND_ARGS = ["--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
                   "--disable-renderer-backgrounding"]
LAUNCH_OPTIONS = "launch-options"  # the Playwright server's query parameter and header suffix


class BadEndpoint(ValueError):
    """An endpoint URL kview cannot use: ``str()`` is the one line to show."""


class BrowserUnavailable(RuntimeError):
    """Nothing usable answered at the endpoint: ``str()`` is the one line to show."""


@dataclass(frozen=True)
class Endpoint:
    url: str
    cdp: bool  # DevTools protocol (http), else a Playwright server (ws)
    launch_options: dict[str, Any]  # the Playwright server's launch options given in the URL


def parse(url: str) -> Endpoint:
    """``url`` checked: ``ws(s)://HOST[:PORT]/…`` or ``http(s)://HOST[:PORT]``; raises ``BadEndpoint``."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a port that is not a number)
    except ValueError as exc:
        raise BadEndpoint(f"browser endpoint {url!r}: {exc}") from None
    if parts.scheme not in ("ws", "wss", "http", "https") or not parts.hostname:
        raise BadEndpoint(f"browser endpoint {url!r}: expected ws://HOST:PORT/… (a Playwright browser "
                          "server) or http://HOST:PORT (a Chromium's DevTools port)")
    if parts.scheme.startswith("http"):
        return Endpoint(url, True, {})
    query = parse_qsl(parts.query, keep_blank_values=True)
    given = dict(query).get(LAUNCH_OPTIONS)
    try:
        options = json.loads(given) if given else {}
    except ValueError:
        options = None
    if not isinstance(options, dict):
        raise BadEndpoint(f"browser endpoint {url!r}: {LAUNCH_OPTIONS} is not a JSON object")
    rest = urlencode([(k, v) for k, v in query if k != LAUNCH_OPTIONS])
    return Endpoint(urlunsplit(parts._replace(query=rest)), False, options)


async def connect(playwright: Any, url: str, args: list[str]) -> Any:
    """The browser at ``url`` (see the module); ``args``: the switches a Playwright server should
    launch Chromium with, added to any launch options the URL gives. Raises ``BadEndpoint`` or
    ``BrowserUnavailable`` (one line each)."""
    from playwright.async_api import Error as PlaywrightError  # here: parse() needs no Playwright

    endpoint = parse(url)
    try:
        if endpoint.cdp:
            return await playwright.chromium.connect_over_cdp(endpoint.url, timeout=CONNECT_MS)
        options = {"headless": True, **endpoint.launch_options}
        options["args"] = [*options.get("args", []), *args]
        return await playwright.chromium.connect(endpoint.url, timeout=CONNECT_MS,
                                                 headers={f"x-playwright-{LAUNCH_OPTIONS}": json.dumps(options)})
    except PlaywrightError as exc:
        first = next((line.strip() for line in str(exc.message).splitlines() if line.strip()), "no answer")
        raise BrowserUnavailable(f"cannot use the browser at {url}: {first}") from None
