"""Findings out: for people (grouped by file, coloured on a terminal), JSON, or SARIF 2.1.0.

SARIF is what code hosts read to show findings inline in a pull request; the output is the
minimal valid log: one run, the tool with its rules, one result per finding with its location.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import groupby
from typing import Any

import click

from .findings import Finding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/kview/kview"


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    errors = sum(f.severity == "error" for f in findings)
    return {"errors": errors, "warnings": len(findings) - errors}


def human(findings: Sequence[Finding], color: bool) -> str:
    """Findings grouped by file: ``line:col  severity  message  [rule]`` then the fix."""
    style = click.style if color else (lambda text, **_: text)
    lines: list[str] = []
    for file, group in groupby(findings, key=lambda f: f.file):
        lines.append(style(file, bold=True, underline=True))
        for f in group:
            sev = style(f.severity, fg="red" if f.severity == "error" else "yellow", bold=True)
            view = f" ({f.view})" if f.view else ""
            lines.append(f"  {f.line}:{f.column}  {sev}  {f.message}{view}  {style('[' + f.rule + ']', dim=True)}")
            if f.fix:
                lines.append(f"      fix: {f.fix}")
        lines.append("")
    n = summary(findings)
    tail = f"{n['errors']} error{'s' * (n['errors'] != 1)}, {n['warnings']} warning{'s' * (n['warnings'] != 1)}"
    lines.append(style(tail, fg="red" if n["errors"] else "yellow" if n["warnings"] else "green", bold=True)
                 if findings else style("no problems found", fg="green", bold=True))
    return "\n".join(lines)


def as_json(findings: Sequence[Finding]) -> str:
    return json.dumps({"findings": [f.to_dict() for f in findings], "summary": summary(findings)},
                      indent=2, ensure_ascii=False)


def as_sarif(findings: Sequence[Finding], version: str) -> str:
    """A SARIF 2.1.0 log: ``runs[0].tool.driver`` with the rules used, ``results`` located."""
    rules = sorted({f.rule for f in findings})
    results: list[dict[str, Any]] = []
    for f in findings:
        text = f"{f.message} (view {f.view})" if f.view else f.message
        results.append({
            "ruleId": f.rule,
            "ruleIndex": rules.index(f.rule),
            "level": f.severity,
            "message": {"text": f"{text}. Fix: {f.fix}" if f.fix else text},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": f.file.replace("\\", "/")},
                "region": {"startLine": f.line, "startColumn": f.column},
            }}],
        })
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "kview check", "version": version, "informationUri": INFO_URI,
                                "rules": [{"id": r} for r in rules]}},
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)
