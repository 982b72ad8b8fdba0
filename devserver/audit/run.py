"""An audit run: every shot rendered and measured in one browser (``snapshot.capture.take`` with
the audit's probe), then judged per view and scenario with both themes side by side."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..snapshot.capture import Taken, take
from ..snapshot.shots import Shot
from .catalog import SEVERITIES
from .probe import Measured, measure
from .rules import Finding, judge
from .source import locator


@dataclass
class AuditResult:
    findings: list[Finding]
    errors: dict[str, str]  # shot name → why it has no measurements (the view does not render)
    shots: list[Shot]
    seconds: float
    pictures: dict[str, bytes] = field(default_factory=dict)  # shot name → the frame's PNG

    def at_or_above(self, severity: str) -> list[Finding]:
        """The findings at ``severity`` or worse ("never": none)."""
        if severity not in SEVERITIES:
            return []
        worst = SEVERITIES[: SEVERITIES.index(severity) + 1]
        return [f for f in self.findings if f.severity in worst]

    def to_dict(self) -> dict[str, Any]:
        counts = {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}
        return {"shots": len(self.shots), "seconds": round(self.seconds, 3), "counts": counts,
                "errors": self.errors, "findings": [f.to_dict() for f in self.findings]}


def audit(shots: Sequence[Shot], sources: Mapping[str, Sequence[Path]], root: Path | None = None, *,
          workers: int = 1, on_taken: Callable[[Taken], None] = lambda taken: None) -> AuditResult:
    """Audit ``shots`` (both themes of a view and scenario are judged together; a lone theme is
    judged alone, without the hard-coded rules). ``sources`` maps a view to the files its colours
    may be written in (its template first). Raises ``ChromiumNotFound`` without a Chromium."""
    t0 = time.perf_counter()
    taken = take(shots, workers=workers, probe=measure, on_taken=on_taken)
    groups: dict[tuple[str, str], dict[str, Measured]] = {}
    errors: dict[str, str] = {}
    pictures: dict[str, bytes] = {}
    for t in taken:
        if t.png is None or not isinstance(t.extra, Measured):
            errors[t.shot.name] = t.error or "no measurements"
            continue
        pictures[t.shot.name] = t.png
        groups.setdefault((t.shot.view, t.shot.scenario), {})[t.shot.theme] = t.extra
    findings: list[Finding] = []
    locators = {view: locator(files, root) for view, files in sources.items()}
    for (view, scenario), themes in groups.items():
        findings += judge(view, scenario, themes, locators.get(view, lambda literal, color: "unknown"))
    return AuditResult(findings, errors, list(shots), time.perf_counter() - t0, pictures)
