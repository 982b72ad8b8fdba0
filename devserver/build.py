"""``kview build``: the definition to register with Kustomer, from an app folder.

Templates are inlined into ``kviews`` (from ``kviews/*.jsx`` and their meta), widgets added from
``widgets/*.json``, settings, i18n, commands and Klasses kept from ``app.json``; the result is
validated by the same schema and rules as ``kview check`` and written byte-identically on every
run: object keys sorted (their order means nothing to Kustomer), arrays in a fixed order
(``app.json``'s own views first, then the folder's by name), two-space indents, one final newline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .check import Finding, assemble_file, assemble_folder
from .check.definition import check_definition


class BuildError(Exception):
    """The app cannot be built: its files are unreadable or the definition has errors."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} error(s)")
        self.findings = findings


def build(source: Path) -> str:
    """The definition's JSON text; ``BuildError`` with the located errors when it is invalid."""
    unit = assemble_folder(source) if source.is_dir() else assemble_file(source)
    if unit.record_only:
        unit.problems.append(Finding("error", "not-an-app", "a single KView record is not an app definition",
                                     unit.display(source), fix="build the app folder or definition that holds it"))
    findings = [*unit.problems, *(check_definition(unit) if unit.definition else [])]
    errors = sorted((f for f in findings if f.severity == "error"), key=Finding.sort_key)
    if errors or not unit.definition:
        raise BuildError(errors or [Finding("error", "no-definition", "no app.json here", str(source),
                                            fix="run kview init, or add an app.json")])
    return dumps(unit.definition)


def dumps(definition: dict[str, Any]) -> str:
    """Stable JSON: sorted keys, two-space indents, UTF-8 text kept as is, a final newline."""
    return json.dumps(definition, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
