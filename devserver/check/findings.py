"""``Finding``: one problem ``kview check`` reports, located in the file to edit, with the fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """A located problem. ``line``/``column`` are 1-based (editors' convention); ``rule`` is a
    stable id (``unknown-context``) that JSON and SARIF consumers can filter on; ``fix`` says in
    words what to change; ``view`` names the KView it concerns, when it concerns one."""

    severity: Severity
    rule: str
    message: str
    file: str
    line: int = 1
    column: int = 1
    fix: str = ""
    view: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity, "rule": self.rule, "message": self.message, "fix": self.fix,
            "file": self.file, "line": self.line, "column": self.column, "view": self.view,
        }
