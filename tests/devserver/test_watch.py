"""The watcher on a real folder (inotify through watchdog where the machine has it): leading edge
(a saved file is passed on at once, no fixed debounce), complete files only (a file still being
written waits for its close), one batch per atomic save, coalescing while a render runs, and
editors' temp files, VCS and cache folders ignored."""

from __future__ import annotations

import os
import statistics
import threading
import time
from pathlib import Path

import pytest

from devserver.watch import Watcher

FINAL = "<p>final content, complete</p>\n"


class Reader:
    """A callback that reads the watched file the way a render does, when it is called."""

    def __init__(self, target: Path, hold: float = 0.0) -> None:
        self.target = target
        self.hold = hold  # how long each call takes (a slow render)
        self.batches: list[list[Path]] = []
        self.seen: list[str | None] = []
        self.at: list[float] = []
        self.cond = threading.Condition()

    def __call__(self, paths: list[Path]) -> None:
        at = time.time()
        try:
            text: str | None = self.target.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = None
        time.sleep(self.hold)
        with self.cond:
            self.batches.append(paths)
            self.seen.append(text)
            self.at.append(at)
            self.cond.notify_all()

    def wait_for(self, n: int, timeout: float = 5.0) -> None:
        with self.cond:
            assert self.cond.wait_for(lambda: len(self.batches) >= n, timeout), f"{len(self.batches)} batches, wanted {n}"

    def settle(self, quiet: float = 0.4) -> None:
        """Wait until no batch came for ``quiet`` seconds (so 'exactly N batches' is checked)."""
        while True:
            n = len(self.batches)
            time.sleep(quiet)
            if len(self.batches) == n:
                return


@pytest.fixture
def app(tmp_path: Path) -> Path:
    (tmp_path / "kviews").mkdir()
    (tmp_path / "kviews" / "a.jsx").write_text("<p>old</p>\n", encoding="utf-8")
    return tmp_path


def watching(root: Path, cb: Reader, **kw) -> Watcher:
    w = Watcher(root, cb, **kw)
    w.start()
    time.sleep(0.05)  # the observer's watches are in place
    return w


def test_a_plain_write_is_one_batch_with_the_final_content(app: Path) -> None:
    target = app / "kviews" / "a.jsx"
    cb = Reader(target)
    w = watching(app, cb)
    try:
        target.write_text(FINAL, encoding="utf-8")
        cb.wait_for(1)
        cb.settle()
    finally:
        w.stop()
    assert cb.batches == [[target]]
    assert cb.seen == [FINAL]


def test_an_atomic_save_is_one_batch_and_its_temp_file_none(app: Path) -> None:
    target = app / "kviews" / "a.jsx"
    cb = Reader(target)
    w = watching(app, cb)
    try:
        for tmp_name in (".a.jsx.tmp", "a.jsx~"):
            tmp = app / "kviews" / tmp_name
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(FINAL + tmp_name)
            os.replace(tmp, target)
            cb.wait_for(1)
            cb.settle()
            assert cb.batches == [[target]], tmp_name
            assert cb.seen == [FINAL + tmp_name]
            cb.batches.clear()
            cb.seen.clear()
    finally:
        w.stop()


def test_a_file_written_in_chunks_is_never_read_half_written(app: Path) -> None:
    target = app / "kviews" / "a.jsx"
    cb = Reader(target)
    w = watching(app, cb)
    chunks = ["<div>\n", "  <p>middle</p>\n", "</div>\n"]
    try:
        with open(target, "w", encoding="utf-8") as f:
            for chunk in chunks:
                f.write(chunk)
                f.flush()
                os.fsync(f.fileno())
                time.sleep(0.15)  # longer than any quiet period: only the close says it is done
        cb.wait_for(1)
        cb.settle()
    finally:
        w.stop()
    assert w.reports_close or w.mode == "polling"
    if w.reports_close:  # inotify: the close is the signal, so nothing partial was ever read
        assert cb.seen == ["".join(chunks)]
        assert len(cb.batches) == 1
    else:
        assert cb.seen[-1] == "".join(chunks)


def test_a_save_is_passed_on_at_once(app: Path) -> None:
    """Leading edge: the callback starts within milliseconds of the close, not after a debounce."""
    target = app / "kviews" / "a.jsx"
    cb = Reader(target)
    w = watching(app, cb)
    delays = []
    try:
        for i in range(7):
            before = len(cb.batches)
            target.write_text(f"<p>{i}</p>\n", encoding="utf-8")
            written = time.time()
            cb.wait_for(before + 1)
            delays.append(cb.at[before] - written)
            cb.settle(0.1)
    finally:
        w.stop()
    if not w.reports_close:
        pytest.skip("this platform reports no closes: changes wait for the quiet period")
    assert statistics.median(delays) < 0.03, delays  # the old debounce alone was 0.15 s


def test_changes_during_a_render_become_one_more_batch(app: Path) -> None:
    target = app / "kviews" / "a.jsx"
    other = app / "kviews" / "b.jsx"
    cb = Reader(target, hold=0.4)
    w = watching(app, cb)
    try:
        target.write_text("<p>first</p>\n", encoding="utf-8")
        time.sleep(0.1)  # the first render is running now
        for i in range(5):
            target.write_text(f"<p>burst {i}</p>\n", encoding="utf-8")
        tmp = app / "kviews" / ".b.jsx.tmp"
        tmp.write_text("<p>b</p>\n", encoding="utf-8")
        os.replace(tmp, other)
        cb.wait_for(2)
        cb.settle()
    finally:
        w.stop()
    assert cb.batches == [[target], sorted([target, other])]
    assert cb.seen == ["<p>first</p>\n", "<p>burst 4</p>\n"]


def test_vim_style_save_never_shows_the_file_missing(app: Path) -> None:
    """vim (backupcopy=no): probe file 4913, rename the file to a backup, write it anew, delete the backup."""
    target = app / "kviews" / "a.jsx"
    cb = Reader(target)
    w = watching(app, cb)
    try:
        probe = app / "kviews" / "4913"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
        backup = app / "kviews" / "a.jsx~"
        os.replace(target, backup)
        target.write_text(FINAL, encoding="utf-8")
        backup.unlink()
        cb.wait_for(1)
        cb.settle()
    finally:
        w.stop()
    assert None not in cb.seen
    assert cb.seen[-1] == FINAL
    assert all(batch == [target] for batch in cb.batches)


@pytest.mark.parametrize("rel", [
    ".git/index", ".git/objects/ab/cdef", "kviews/__pycache__/x.pyc", "kviews/.a.jsx.swp",
    "kviews/a.jsx~", "kviews/4913", "kviews/.#a.jsx", "kviews/.a.jsx.tmp", "node_modules/x/index.js",
])
def test_ignored_paths_never_make_a_batch(app: Path, rel: str) -> None:
    cb = Reader(app / "kviews" / "a.jsx")
    w = watching(app, cb)
    try:
        path = app / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
        path.unlink()
        time.sleep(0.3)
    finally:
        w.stop()
    assert cb.batches == []


def test_polling_still_works_and_waits_for_quiet(app: Path) -> None:
    target = app / "kviews" / "a.jsx"
    cb = Reader(target)
    w = watching(app, cb, force_polling=True, poll_interval=0.05, debounce=0.05)
    try:
        assert w.mode == "polling"
        time.sleep(0.1)
        target.write_text(FINAL, encoding="utf-8")
        cb.wait_for(1)
        cb.settle()
    finally:
        w.stop()
    assert cb.batches == [[target]] and cb.seen == [FINAL]
