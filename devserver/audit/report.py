"""The audit's HTML report: per shot with findings, its picture with each finding's element
outlined (a positioned box over the PNG), self-contained (pictures as data URLs)."""

from __future__ import annotations

import base64
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from ..snapshot.shots import shot_name
from .catalog import RULES
from .rules import Finding
from .run import AuditResult

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _shots_of(finding: Finding) -> list[str]:
    themes = ("light", "dark") if finding.theme == "both" else (finding.theme,)
    return [shot_name(finding.view, finding.scenario, t) for t in themes]


def render_report(result: AuditResult) -> str:
    """The report's HTML."""
    sections: dict[str, list[Finding]] = {}
    for finding in result.findings:
        for name in _shots_of(finding):
            sections.setdefault(name, []).append(finding)
    shots = [{"name": name, "findings": found,
              "picture": ("data:image/png;base64," + base64.b64encode(result.pictures[name]).decode("ascii"))
              if name in result.pictures else None}
             for name, found in sections.items()]
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html").render(shots=shots, result=result, rules=RULES)


def write_report(result: AuditResult, path: Path) -> Path:
    """Write the report to ``path`` (its folder made); returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(result), encoding="utf-8")
    return path
