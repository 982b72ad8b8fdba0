"""Server-sent events: one ``Broadcaster`` fans ``reload``/``error`` events out to every open page.

Each client gets a bounded queue (a stalled tab can never grow memory: when its queue is full
the oldest event is dropped, and the page is then sent ``resync``: it fetches the page whole,
since a ``reload`` event carries changes, not a full state), a heartbeat comment every ~15 s
keeps proxies and the browser from timing the stream out, and the client is unregistered when
the stream's generator is closed (``GeneratorExit``: the browser went away). Each stream holds
one werkzeug thread, hence ``threaded=True``.

Events are numbered; a browser that reconnects (``EventSource`` does by itself, ``retry: 1000``)
sends the last number it saw as ``Last-Event-ID``. A page that missed events of this process
is sent ``resync``; a page that reconnects to another process sees a new ``boot`` id in
``hello`` and reloads.
"""

from __future__ import annotations

import itertools
import json
import queue
import threading
import uuid
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response, current_app, request

_CLOSE = object()  # sentinel: the broadcaster is shutting down


def format_event(event: str, data: Any, event_id: int | None = None) -> str:
    """One SSE message; ``data`` is JSON on a single line (json.dumps never emits newlines)."""
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


class Client:
    """One connected page: a bounded queue of already-formatted SSE messages."""

    def __init__(self, maxsize: int) -> None:
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=maxsize)
        self.dropped = 0

    def offer(self, message: Any) -> None:
        while True:
            try:
                self.queue.put_nowait(message)
                return
            except queue.Full:
                try:  # drop the oldest: the newest event supersedes it anyway
                    self.queue.get_nowait()
                    self.dropped += 1
                except queue.Empty:
                    pass


class Broadcaster:
    """Publish events to every registered client; thread-safe."""

    def __init__(self, *, maxsize: int = 32, heartbeat: float = 15.0) -> None:
        self.maxsize = maxsize
        self.heartbeat = heartbeat
        # a new id per server process: a page that reconnects to a different process reloads
        self.boot_id = uuid.uuid4().hex[:12]
        self._clients: set[Client] = set()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.last_id = 0  # the number of the latest event published
        self._closed = False

    # ------------------------------------------------------------------ clients
    def register(self) -> Client:
        client = Client(self.maxsize)
        with self._lock:
            self._clients.add(client)
        return client

    def unregister(self, client: Client) -> None:
        with self._lock:
            self._clients.discard(client)

    @property
    def client_count(self) -> int:
        with self._lock:
            return len(self._clients)

    # ------------------------------------------------------------------ publishing
    def publish(self, event: str, data: Any = None) -> int:
        """Queue ``event`` for every client; returns how many clients it went to."""
        with self._lock:
            self.last_id = event_id = next(self._ids)
            clients = list(self._clients)
        message = format_event(event, data if data is not None else {}, event_id)
        for client in clients:
            client.offer(message)
        return len(clients)

    def close(self) -> None:
        """End every open stream (server shutdown, tests)."""
        self._closed = True
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            client.offer(_CLOSE)

    # ------------------------------------------------------------------ streaming
    def stream(self, client: Client | None = None, last_event_id: int | None = None) -> Iterator[str]:
        """The SSE body for one client. Register first (so no event is missed), then yield.
        ``last_event_id``: the browser's ``Last-Event-ID`` when it reconnects."""
        client = client or self.register()
        try:
            yield "retry: 1000\n\n"  # reconnect quickly after a server restart
            yield format_event("hello", {"boot": self.boot_id})
            if last_event_id is not None and last_event_id < self.last_id:
                yield format_event("resync", {"missed": self.last_id - last_event_id})
            dropped = 0
            while not self._closed:
                try:
                    message = client.queue.get(timeout=self.heartbeat)
                except queue.Empty:
                    yield ": heartbeat\n\n"
                    continue
                if message is _CLOSE:
                    return
                if client.dropped != dropped:  # the page missed events: it fetches the whole page
                    dropped = client.dropped
                    yield format_event("resync", {"missed": dropped})
                yield message
        finally:  # GeneratorExit when the browser disconnects, or a normal end
            self.unregister(client)


bp = Blueprint("events", __name__)


@bp.get("/events")
def events() -> Response:
    broadcaster: Broadcaster = current_app.extensions["kview"].broadcaster
    client = broadcaster.register()  # registered now, not when werkzeug first iterates
    response = Response(
        broadcaster.stream(client, _last_event_id()),
        mimetype="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
    # a generator that never started does not run its ``finally``: unregister on close too
    response.call_on_close(lambda: broadcaster.unregister(client))
    return response


def _last_event_id() -> int | None:
    raw = request.headers.get("Last-Event-ID", "")
    return int(raw) if raw.isdigit() else None
