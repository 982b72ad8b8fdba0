"""A snapshot run: which shots need taking, taking them, judging them against their baselines,
writing what a person needs to look at; and accepting the last run's results.

A shot whose baseline exists and whose input digest equals the one recorded when that baseline
last passed is ``unchanged``: not taken (a run where nothing changed starts no browser). The
others are taken in one browser; a missing baseline is written (``new``), identical bytes or a
difference within the tolerance ``pass``, anything else ``fail``s (or, with ``update``, its
baseline is rewritten: ``updated``). A shot that can never be taken (a widget whose page is the
developer's own server) is ``skipped`` with its reason, which fails nothing. Baselines no shot of
the app produces are listed as ``stale`` (kept: deleting them is the developer's call).
"""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .report import write_report
from .shots import Shot
from .store import Failure, Store
from .tolerance import Tolerance

if TYPE_CHECKING:
    from .capture import Taken

STATUSES = ("unchanged", "passed", "new", "updated", "skipped", "failed", "error")


@dataclass(frozen=True)
class Options:
    update: bool = False  # rewrite the baselines of shots that changed
    force: bool = False  # take every shot, even unchanged ones
    workers: int = 1
    tolerance: Tolerance = field(default_factory=Tolerance)
    masks: tuple[str, ...] = ()  # CSS selectors painted over in every shot
    endpoint: str | None = None  # a remote browser's URL (``remote``); None: the system Chromium


@dataclass(frozen=True)
class ShotResult:
    name: str
    status: str  # one of STATUSES
    message: str = ""
    diff_pixels: int = 0


@dataclass
class RunResult:
    results: list[ShotResult]
    stale: list[str]  # baselines no shot of the app produces
    browser: bool  # whether a browser was started
    seconds: float
    report: Path | None = None  # the HTML report, when something failed

    @property
    def failed(self) -> list[ShotResult]:
        return [r for r in self.results if r.status in ("failed", "error")]

    @property
    def ok(self) -> bool:
        return not self.failed

    def counts(self) -> dict[str, int]:
        return count_statuses(self.results)

    def to_dict(self) -> dict[str, object]:
        return {"ok": self.ok, "counts": self.counts(), "stale": self.stale, "browser": self.browser,
                "seconds": round(self.seconds, 3), "report": str(self.report) if self.report else None,
                "shots": [r.__dict__ for r in self.results]}


def run(store: Store, shots: Sequence[Shot], all_names: set[str], options: Options,
        on_result: Callable[[ShotResult], None] = lambda r: None) -> RunResult:
    """Judge ``shots`` (already narrowed by ``--view``/``--theme``/``--scenario``) against their
    baselines; ``all_names`` is every shot the app produces (for ``stale``)."""
    t0 = time.perf_counter()
    digests = store.digests()
    results: dict[str, ShotResult] = {}
    to_take: list[Shot] = []
    for shot in shots:
        if shot.skip is not None:
            results[shot.name] = ShotResult(shot.name, "skipped", shot.skip)
            on_result(results[shot.name])
        elif not options.force and digests.get(shot.name) == shot.digest and store.baseline_path(shot.name).is_file():
            results[shot.name] = ShotResult(shot.name, "unchanged")
            on_result(results[shot.name])
        else:
            to_take.append(shot)
    failures: list[Failure] = []

    def judged(taken: Taken) -> None:
        result = judge(store, taken, options, digests, failures)
        results[taken.shot.name] = result
        on_result(result)

    if to_take:
        # Imported here: Playwright and numpy cost a third of a second, which a run that
        # takes no shot (nothing changed) does not pay.
        from .capture import take

        store.clear_results()
        take(to_take, workers=options.workers, masks=options.masks, on_taken=judged, endpoint=options.endpoint)
        store.save_digests(digests)
    report = None
    if to_take:
        summary = {s: n for s, n in count_statuses(results.values()).items() if n}
        store.save_last_run(failures, summary)
        if failures:
            report = write_report(store, failures)
    ordered = [results[s.name] for s in shots]
    stale = sorted(store.baseline_names() - all_names)
    shot_in_browser = any(r.status not in ("unchanged", "skipped", "error") for r in ordered)
    return RunResult(ordered, stale, shot_in_browser, time.perf_counter() - t0, report)


def judge(store: Store, taken: Taken, options: Options, digests: dict[str, str],
          failures: list[Failure]) -> ShotResult:
    """One taken shot against its baseline (see the module), recording its digest in ``digests``
    and, when it failed, its pictures in the results folder and a ``Failure`` in ``failures``."""
    shot = taken.shot
    name = shot.name
    if taken.png is None:
        digests.pop(name, None)
        failures.append(Failure(name, shot.digest, taken.error or "no picture", None, None, None))
        return ShotResult(name, "error", taken.error or "")
    expected = store.baseline(name)
    if expected is None:
        store.write_baseline(name, taken.png)
        digests[name] = shot.digest
        return ShotResult(name, "new", "baseline written")
    if taken.png == expected:  # the common case, decided without decoding a pixel
        digests[name] = shot.digest
        return ShotResult(name, "passed", "identical")
    from .compare import compare  # numpy and pixelmatch: only when bytes differ

    verdict = compare(taken.png, expected, options.tolerance)
    if verdict.matches:
        digests[name] = shot.digest
        return ShotResult(name, "passed", verdict.message, verdict.diff_pixels)
    if options.update:
        store.write_baseline(name, taken.png)
        digests[name] = shot.digest
        return ShotResult(name, "updated", verdict.message, verdict.diff_pixels)
    digests.pop(name, None)
    files = (f"{name}.actual.png", f"{name}.expected.png", f"{name}.diff.png")
    for file, png in zip(files, (taken.png, expected, verdict.diff_png)):
        if png is not None:
            store.write_result(file, png)
    failures.append(Failure(name, shot.digest, verdict.message, *files))
    return ShotResult(name, "failed", verdict.message, verdict.diff_pixels)


def count_statuses(results: Iterable[ShotResult]) -> dict[str, int]:
    items = list(results)
    return {s: sum(1 for r in items if r.status == s) for s in STATUSES}


class NothingToAccept(Exception):
    """``--accept`` without a last run, or naming a shot that did not fail in it."""


def accept(store: Store, names: Sequence[str] | None) -> list[str]:
    """Write the last run's actual pictures as baselines, for ``names`` (globs allowed) or, with
    ``None``, for every failed shot; no browser runs. Returns the names accepted."""
    failures = store.last_failures()
    if failures is None:
        raise NothingToAccept(f"no last run in {store.results}: run `kview snapshot` first")
    acceptable = [f for f in failures if f.actual is not None]
    if names is None:
        chosen = acceptable
    else:
        chosen = [f for f in acceptable if any(fnmatch.fnmatchcase(f.name, n) for n in names)]
        unmatched = [n for n in names if not any(fnmatch.fnmatchcase(f.name, n) for f in acceptable)]
        if unmatched:
            known = ", ".join(f.name for f in acceptable) or "none"
            raise NothingToAccept(f"the last run has no failed shot {unmatched[0]!r} to accept (failed: {known})")
    digests = store.digests()
    for f in chosen:
        try:
            png = (store.results / str(f.actual)).read_bytes()
        except OSError as exc:
            raise NothingToAccept(f"cannot read the last run's picture of {f.name}: {exc.strerror or exc}") from None
        store.write_baseline(f.name, png)
        digests[f.name] = f.digest
    store.save_digests(digests)
    left = [f for f in failures if f not in chosen]
    store.save_last_run(left, {"accepted": len(chosen)})
    if left:
        write_report(store, left)
    else:
        (store.results / "report.html").unlink(missing_ok=True)
    for f in chosen:
        for file in (f.actual, f.expected, f.diff):
            if file:
                (store.results / file).unlink(missing_ok=True)
    return [f.name for f in chosen]
