"""Watch an app folder: file events in, batches of complete changed files out, at once.

``Watcher`` is a context manager. ``__enter__`` takes an initial snapshot and starts watchdog's
observer (or, if that fails — no inotify watches left, an exotic file system, watchdog missing —
a small stat-polling thread); ``__exit__`` stops and joins everything.

Leading edge, no fixed debounce: a change is passed on as soon as the file is known to be
complete, so the first render starts within a millisecond of the save. A file is complete when
it was written and closed (inotify's IN_CLOSE_WRITE: watchdog's ``closed``) or renamed onto its
name (``moved``: an editor's atomic save). A bare ``modified`` / ``created`` waits for its close;
where the platform never reports closes (FSEvents, Windows, polling) it waits ``debounce``
seconds of quiet instead, and never longer than ``max_wait`` — so a half-written file is not
rendered. A deletion waits ``debounce`` too (vim renames the file away, then writes it anew).
While ``on_change`` runs, further events pile up in the queue and become one more batch after
it (coalescing). Editors' temp, swap and backup files and VCS/cache folders never count
(``is_ignored``), but the rename of a temp file onto a real one does.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger("kview.watch")

# __snapshots__: kview snapshot's baselines and results, which no view reads
IGNORED_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", "node_modules", ".idea", ".vscode", "__snapshots__"})
# reads (our own renders read the files), and opens that have not written anything yet
IGNORED_EVENTS = frozenset({"opened", "closed_no_write"})
_STOP = object()

READY = "ready"  # complete: pass it on now
PENDING = "pending"  # being written: wait for its close (or for quiet, without close events)
GONE = "gone"  # deleted or renamed away: wait briefly, it is often written anew at once


def is_ignored(path: str | os.PathLike[str]) -> bool:
    """VCS and cache folders, and the temp files editors write next to the real one."""
    p = Path(path)
    if any(part in IGNORED_DIRS for part in p.parts):
        return True
    name = p.name
    return (
        name.endswith((".swp", ".swo", ".swx", ".swpx", "~", ".tmp", ".bak", "___jb_tmp___", "___jb_old___"))
        or name.startswith((".#", "#"))  # emacs lock / autosave files
        or name == "4913"  # vim's "can I write here?" probe file
        or name in (".DS_Store", "Thumbs.db")
    )


def event_kinds(event: Any) -> list[tuple[str, str]]:
    """A watchdog-style event (``event_type``, ``src_path``, ``dest_path``, ``is_directory``)
    as ``(kind, raw path)`` pairs: ``READY``, ``PENDING`` or ``GONE`` (nothing for reads)."""
    etype = event.event_type
    if etype in IGNORED_EVENTS:
        return []
    is_dir = getattr(event, "is_directory", False)
    if is_dir and etype in ("modified", "attrib", "closed"):
        return []  # a directory's mtime changes whenever a file in it does
    src = os.fsdecode(event.src_path)
    if etype == "closed":
        return [(READY, src)]
    if etype == "moved":
        dest = os.fsdecode(getattr(event, "dest_path", "") or "")
        return [(GONE, src)] + ([(READY, dest)] if dest else [])
    if etype == "deleted":
        return [(GONE, src)]
    if is_dir:  # a folder made (no close will come): its files come with their own events
        return [(READY, src)]
    return [(PENDING, src)]  # created, modified, attrib


class Watcher:
    """Call ``on_change(sorted_paths)`` as soon as changed files under ``root`` are complete."""

    def __init__(
        self,
        root: str | os.PathLike[str],
        on_change: Callable[[list[Path]], Any],
        *,
        debounce: float = 0.05,
        max_wait: float = 1.0,
        poll_interval: float = 0.5,
        force_polling: bool = False,
    ) -> None:
        self.root = Path(root).resolve()
        self.on_change = on_change
        self.debounce = debounce  # quiet wanted after a change that reports no close
        self.max_wait = max_wait  # the longest a change waits for its close
        self.poll_interval = poll_interval
        self.force_polling = force_polling
        self.mode: str | None = None  # "watchdog" or "polling" once started
        self.reports_close = False  # the observer delivers ``closed`` (Linux inotify)
        self._queue: queue.Queue[Any] = queue.Queue()
        self._stop = threading.Event()
        self._observer: Any = None
        self._threads: list[threading.Thread] = []
        self._snapshot: dict[Path, tuple[int, int]] = {}

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> Watcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self._snapshot = self._scan()
        if not self.force_polling:
            try:
                self._observer = self._start_observer()
                self.mode = "watchdog"
                self.reports_close = type(self._observer).__name__ == "InotifyObserver"
            except Exception as exc:  # inotify limits, missing watchdog, unsupported FS
                log.warning("file watching with watchdog failed (%s); polling every %.1fs instead", exc, self.poll_interval)
                self._observer = None
        if self._observer is None:
            self.mode = "polling"
            self._spawn(self._poll_loop, "kview-poll")
        self._spawn(self._worker, "kview-watch")

    def stop(self) -> None:
        self._stop.set()
        self._queue.put(_STOP)
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None
        for t in self._threads:
            t.join(timeout=5)
        self._threads.clear()

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        t = threading.Thread(target=target, name=name, daemon=True)
        t.start()
        self._threads.append(t)

    def _start_observer(self) -> Any:
        # imported here so that a missing or broken watchdog falls back to polling (start())
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                watcher.dispatch(event)

        observer = Observer()
        observer.schedule(Handler(), str(self.root), recursive=True)
        observer.start()
        return observer

    # ------------------------------------------------------------------ events in
    def dispatch(self, event: Any) -> None:
        """Filter one watchdog-style event and enqueue its paths. Cheap: runs on the observer's thread."""
        for kind, raw in event_kinds(event):
            self.enqueue(raw, kind)

    def enqueue(self, path: str | os.PathLike[str] | bytes, kind: str = READY) -> None:
        p = Path(os.fsdecode(path))
        try:
            rel = p.relative_to(self.root)  # only the part inside the app folder is judged
        except ValueError:
            rel = p
        if not is_ignored(rel):
            self._queue.put((kind, p, time.monotonic()))

    # ------------------------------------------------------------------ batches out
    def _worker(self) -> None:
        waiting: dict[Path, tuple[float, float]] = {}  # path → (first seen, deadline)
        while True:
            timeout = None
            if waiting:
                timeout = max(0.0, min(d for _, d in waiting.values()) - time.monotonic())
            try:
                items = [self._queue.get(timeout=timeout)]
            except queue.Empty:
                items = []
            while True:  # everything that arrived meanwhile (e.g. during the last render)
                try:
                    items.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            ready: set[Path] = set()
            for item in items:
                if item is _STOP:
                    return
                self._take(item, waiting, ready)
            ready -= waiting.keys()  # written again since its close: wait for the new close
            now = time.monotonic()
            for p in [p for p, (_, d) in waiting.items() if d <= now]:
                del waiting[p]
                ready.add(p)
            if ready:
                self._flush(ready)

    def _take(self, item: tuple[str, Path, float], waiting: dict[Path, tuple[float, float]], ready: set[Path]) -> None:
        kind, path, at = item
        if kind == READY:
            waiting.pop(path, None)
            ready.add(path)
            return
        first = waiting[path][0] if path in waiting else at
        wait = self.max_wait if kind == PENDING and self.reports_close else self.debounce
        waiting[path] = (first, min(first + self.max_wait, at + wait))

    def _flush(self, batch: Iterable[Path]) -> None:
        paths = sorted(batch)
        try:
            self.on_change(paths)
        except Exception:  # the watcher must survive a failing callback
            log.exception("reload after a change to %s failed", ", ".join(map(str, paths)))

    # ------------------------------------------------------------------ polling fallback
    def _scan(self) -> dict[Path, tuple[int, int]]:
        out: dict[Path, tuple[int, int]] = {}
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = [d for d in dirnames if d not in IGNORED_DIRS]
            for fn in filenames:
                p = Path(dirpath, fn)
                if is_ignored(p.name):
                    continue
                try:
                    st = p.stat()
                except OSError:
                    continue
                out[p] = (st.st_mtime_ns, st.st_size)
        return out

    def _poll_loop(self) -> None:
        while not self._stop.wait(self.poll_interval):
            current = self._scan()
            old = self._snapshot
            now = time.monotonic()
            for p in current.keys() | old.keys():
                if current.get(p) != old.get(p):
                    self._queue.put((PENDING if p in current else GONE, p, now))
            self._snapshot = current
