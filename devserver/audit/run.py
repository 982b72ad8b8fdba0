"""An audit run: every shot rendered and measured in one browser (``snapshot.capture.take`` with
the audit's probe), then judged per view and scenario with both themes side by side."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..snapshot.capture import Taken, take
from ..snapshot.shots import Shot
from .axe import baseline_key, read_baseline, write_baseline
from .catalog import SEVERITIES
from .probe import Measured, Unmeasured, probe
from .rules import Finding, judge
from .source import locator


@dataclass
class AuditResult:
    findings: list[Finding]
    errors: dict[str, str]  # shot name → why it has no measurements (the view does not render)
    shots: list[Shot]
    seconds: float
    pictures: dict[str, bytes] = field(default_factory=dict)  # shot name → the frame's PNG
    resolved: list[str] = field(default_factory=list)  # axe baseline entries no longer found

    def at_or_above(self, severity: str) -> list[Finding]:
        """The findings at ``severity`` or worse ("never": none)."""
        if severity not in SEVERITIES:
            return []
        worst = SEVERITIES[: SEVERITIES.index(severity) + 1]
        return [f for f in self.findings if f.severity in worst and f.status != "pre-existing"]

    def to_dict(self) -> dict[str, Any]:
        counts = {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}
        return {"shots": len(self.shots), "seconds": round(self.seconds, 3), "counts": counts,
                "errors": self.errors, "findings": [f.to_dict() for f in self.findings], "resolved": self.resolved}


def audit(shots: Sequence[Shot], sources: Mapping[str, Sequence[Path]], root: Path | None = None, *,
          workers: int = 1, on_taken: Callable[[Taken], None] = lambda taken: None,
          axe_baseline: Path | None = None, update_baseline: bool = False,
          endpoint: str | None = None) -> AuditResult:
    """Audit ``shots`` (both themes of a view and scenario are judged together; a lone theme is
    judged alone, without the hard-coded rules). ``sources`` maps a view to the files its colours
    may be written in (its template first). With ``axe_baseline``, axe-core's rules run too and
    their violations are sorted against that file (``update_baseline``: rewritten with this run's
    for the shots audited). ``endpoint``: a remote browser's URL, as ``kview snapshot``'s
    (``snapshot.remote``). Raises ``ChromiumNotFound`` without a Chromium,
    ``remote.BadEndpoint`` / ``remote.BrowserUnavailable`` for an unusable endpoint."""
    t0 = time.perf_counter()
    taken = take(shots, workers=workers, probe=probe(axe=axe_baseline is not None), on_taken=on_taken,
                 endpoint=endpoint)
    groups: dict[tuple[str, str], dict[str, Measured]] = {}
    errors: dict[str, str] = {}
    pictures: dict[str, bytes] = {}
    for t in taken:
        if t.png is None or not isinstance(t.extra, Measured):
            errors[t.shot.name] = t.extra.error if isinstance(t.extra, Unmeasured) else t.error or "no measurements"
            continue
        pictures[t.shot.name] = t.png
        groups.setdefault((t.shot.view, t.shot.scenario), {})[t.shot.theme] = t.extra
    findings: list[Finding] = []
    locators = {view: locator(files, root) for view, files in sources.items()}
    for (view, scenario), themes in groups.items():
        findings += judge(view, scenario, themes, locators.get(view, lambda literal, color: "unknown"))
    resolved: list[str] = []
    if axe_baseline is not None:
        findings, resolved = _against_baseline(findings, shots, axe_baseline, update_baseline)
    return AuditResult(findings, errors, list(shots), time.perf_counter() - t0, pictures, resolved)


def _against_baseline(findings: list[Finding], shots: Sequence[Shot], path: Path,
                      update: bool) -> tuple[list[Finding], list[str]]:
    """``findings`` with their axe ones marked new or pre-existing, and the baseline's entries of
    the audited shots that this run did not find (resolved)."""
    known = read_baseline(path) or set()
    audited = {f"{s.view}.{s.scenario}.{s.theme} " for s in shots}
    current = {baseline_key(f) for f in findings if f.rule.startswith("axe/")}
    marked = [replace(f, status="pre-existing") if f.rule.startswith("axe/") and baseline_key(f) in known else f
              for f in findings]
    resolved = sorted(k for k in known - current if any(k.startswith(a) for a in audited))
    if update:
        kept = {k for k in known if not any(k.startswith(a) for a in audited)}
        write_baseline(path, kept | current)
    return marked, resolved
