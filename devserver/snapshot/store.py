"""Where a run's files live. Baselines: ``DIR/__snapshots__/<view>.<scenario>.<theme>.png`` and, for
widgets, ``DIR/__snapshots__/widgets/<widget>.<scenario>.<theme>.png`` (a shot's name is its path
below the folder, without ``.png``), with ``.kview-inputs.json`` beside them (each baseline's input digest: an unchanged shot is not taken
again). Results of the last run: ``__snapshots__/.results/`` (or ``--output``): the actual,
expected and diff PNGs of each failed shot, ``report.html`` and ``last-run.json``, which
``--accept`` reads to write baselines without running again; a ``.gitignore`` keeps the folder
out of git. Only files kview wrote there are ever removed from the results folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SNAPSHOTS = "__snapshots__"
INPUTS = ".kview-inputs.json"
RESULTS = ".results"
LAST_RUN = "last-run.json"
REPORT = "report.html"
_RESULT_SUFFIXES = (".actual.png", ".expected.png", ".diff.png")
SUBFOLDERS = ("widgets",)  # shots named <sub>/<…> (shots.WIDGETS): baselines and results there


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()  # read once, at import: os.umask can only be read by setting it


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (never half a file).
    The file gets the mode it had, or a new file's (0666 less the umask), not mkstemp's 0600:
    baselines and reports are shared with the team, CI and the web server that shows them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_UMASK
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):  # POSIX (Windows has it from Python 3.13)
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Failure:
    """A failed shot as ``last-run.json`` records it (files relative to the results folder)."""

    name: str
    digest: str
    message: str
    actual: str | None  # None: the view did not render, there is nothing to accept
    expected: str | None
    diff: str | None


class Store:
    """The baselines of one app folder and the results folder of its runs."""

    def __init__(self, app_dir: Path, output: Path | None = None) -> None:
        self.baselines = Path(app_dir) / SNAPSHOTS
        self.results = Path(output) if output is not None else self.baselines / RESULTS

    # ------------------------------------------------------------------ baselines
    def baseline_path(self, name: str) -> Path:
        return self.baselines / f"{name}.png"

    def baseline(self, name: str) -> bytes | None:
        try:
            return self.baseline_path(name).read_bytes()
        except FileNotFoundError:
            return None

    def write_baseline(self, name: str, png: bytes) -> None:
        write_atomic(self.baseline_path(name), png)

    def baseline_names(self) -> set[str]:
        """Every baseline's shot name (``card.default.light``, ``widgets/lookup.default.dark``)."""
        if not self.baselines.is_dir():
            return set()
        found = [*self.baselines.glob("*.png"), *(p for sub in SUBFOLDERS for p in self.baselines.glob(f"{sub}/*.png"))]
        return {p.relative_to(self.baselines).as_posix()[: -len(".png")] for p in found}

    def digests(self) -> dict[str, str]:
        """Each baseline's input digest as the last run that wrote or passed it saw it."""
        try:
            data = json.loads((self.baselines / INPUTS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # none yet, or unreadable: every shot is taken again
        shots = data.get("shots") if isinstance(data, dict) else None
        return {k: v for k, v in shots.items() if isinstance(v, str)} if isinstance(shots, dict) else {}

    def save_digests(self, digests: dict[str, str]) -> None:
        text = json.dumps({"version": 1, "shots": dict(sorted(digests.items()))}, indent=1) + "\n"
        write_atomic(self.baselines / INPUTS, text.encode())

    # ------------------------------------------------------------------ results of the last run
    def clear_results(self) -> None:
        """Remove what an earlier run wrote to the results folder (and nothing else)."""
        if not self.results.is_dir():
            return
        for p in self.results.iterdir():
            if p.name in (LAST_RUN, REPORT) or p.name.endswith(_RESULT_SUFFIXES):
                p.unlink(missing_ok=True)
        for sub in SUBFOLDERS:
            for p in self.results.glob(f"{sub}/*"):
                if p.name.endswith(_RESULT_SUFFIXES):
                    p.unlink(missing_ok=True)

    def result_files(self, name: str) -> tuple[Path, Path, Path]:
        """Where a failed shot's actual, expected and diff pictures go."""
        return tuple(self.results / f"{name}{suffix}" for suffix in _RESULT_SUFFIXES)  # type: ignore[return-value]

    def clear_result(self, name: str) -> None:
        """Remove one shot's pictures of an earlier run (the pytest plugin judges shot by shot)."""
        for path in self.result_files(name):
            path.unlink(missing_ok=True)

    def write_result(self, file: str, png: bytes) -> None:
        write_atomic(self.results / file, png)
        self._ignore_results()

    def _ignore_results(self) -> None:
        ignore = self.results / ".gitignore"
        if not ignore.exists():  # results are per run: the folder keeps itself out of git
            write_atomic(ignore, b"# written by kview snapshot: the last run's results\n*\n")

    def save_last_run(self, failures: list[Failure], summary: dict[str, Any]) -> None:
        data = {"version": 1, "baselines": str(self.baselines.resolve()), "summary": summary,
                "failures": [f.__dict__ for f in failures]}
        write_atomic(self.results / LAST_RUN, (json.dumps(data, indent=1) + "\n").encode())
        self._ignore_results()  # also a run without failures (its last-run.json)

    def last_failures(self) -> list[Failure] | None:
        """The failures of the last run, or ``None`` when there is no (readable) last run."""
        try:
            data = json.loads((self.results / LAST_RUN).read_text(encoding="utf-8"))
            return [Failure(**f) for f in data["failures"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None
