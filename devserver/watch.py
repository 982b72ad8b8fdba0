"""Watch an app folder: file events in, one debounced batch of changed paths out.

``Watcher`` is a context manager. ``__enter__`` takes an initial snapshot and starts watchdog's
observer (or, if that fails — no inotify watches left, an exotic file system, watchdog missing —
a small stat-polling thread); ``__exit__`` stops and joins everything. The event handler only
filters and enqueues paths; a worker thread waits until the folder has been quiet for
``debounce`` seconds and then calls ``on_change(paths)`` once with the whole batch, so an
editor's save (temp file, rename, chmod, …) becomes one reload. Nothing here restarts the
process: the callback invalidates caches and tells the browser (werkzeug's reloader restarts
for *code* changes; templates are data).
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

IGNORED_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", "node_modules", ".idea", ".vscode"})
IGNORED_EVENTS = frozenset({"opened", "closed", "closed_no_write"})
_STOP = object()


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


class Watcher:
    """Call ``on_change(sorted_paths)`` after a quiet period following file changes under ``root``."""

    def __init__(
        self,
        root: str | os.PathLike[str],
        on_change: Callable[[list[Path]], Any],
        *,
        debounce: float = 0.15,
        max_wait: float = 1.0,
        poll_interval: float = 0.5,
        force_polling: bool = False,
    ) -> None:
        self.root = Path(root).resolve()
        self.on_change = on_change
        self.debounce = debounce
        self.max_wait = max_wait  # flush a batch even while writes keep coming
        self.poll_interval = poll_interval
        self.force_polling = force_polling
        self.mode: str | None = None  # "watchdog" or "polling" once started
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
        """Filter one watchdog-style event (``event_type``, ``src_path``, ``dest_path``,
        ``is_directory``) and enqueue its paths. Cheap: runs on the observer's thread."""
        if event.event_type in IGNORED_EVENTS:
            return
        if getattr(event, "is_directory", False) and event.event_type == "modified":
            return  # a directory's mtime changes whenever a file in it does
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                self.enqueue(raw)

    def enqueue(self, path: str | os.PathLike[str] | bytes) -> None:
        p = Path(os.fsdecode(path))
        try:
            rel = p.relative_to(self.root)  # only the part inside the app folder is judged
        except ValueError:
            rel = p
        if not is_ignored(rel):
            self._queue.put(p)

    # ------------------------------------------------------------------ batches out
    def _worker(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            batch = {item}
            started = time.monotonic()
            stopping = False
            while True:
                remaining = min(self.debounce, started + self.max_wait - time.monotonic())
                if remaining <= 0:
                    break
                try:
                    item = self._queue.get(timeout=remaining)
                except queue.Empty:
                    break
                if item is _STOP:
                    stopping = True
                    break
                batch.add(item)
            self._flush(batch)
            if stopping:
                return

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
            for p in current.keys() | old.keys():
                if current.get(p) != old.get(p):
                    self._queue.put(p)
            self._snapshot = current
