"""``kview check``: an app as Kustomer would judge it, before it is registered.

``assemble`` turns an app folder (or a definition file) into the definition Kustomer accepts
and remembers which file each part came from (``locate`` finds line:column in JSON);
``definition`` validates it (JSON Schema, then cross-references); ``lint`` checks every
template by rendering it; ``report`` prints findings for people, as JSON or as SARIF.

Rules: sits beside ``web``, above ``project`` (it loads apps and renders views through the app
model, never reading the layout itself beyond the definition's own files); no web, no cli.
"""

from __future__ import annotations

from pathlib import Path

from .assemble import Assembled, assemble_file, assemble_folder
from .definition import check_definition
from .findings import Finding
from .lint import lint_templates

__all__ = ["Assembled", "Finding", "assemble_file", "assemble_folder", "check", "check_unit", "units"]


def units(source: Path) -> list[Assembled]:
    """The definitions ``source`` holds: an app folder (its ``app.json`` with its views, and each
    ``*.app.json`` / ``*.kview.json`` beside it), or one definition file."""
    if not source.is_dir():
        return [assemble_file(source)]
    out = [assemble_folder(source)]
    for extra in sorted([*source.glob("*.app.json"), *source.glob("*.kview.json")]):
        unit = assemble_file(extra)
        unit.app = out[0].app
        unit.shown = source
        out.append(unit)
    return out


def check_unit(unit: Assembled) -> list[Finding]:
    """Every finding of one definition, sorted by file and position."""
    found = list(unit.problems)
    if unit.definition:
        found += check_definition(unit)
    found += lint_templates(unit)
    return sorted(set(found), key=Finding.sort_key)


def check(source: Path) -> list[Finding]:
    """Every finding of an app folder or definition file."""
    return sorted({f for u in units(source) for f in check_unit(u)}, key=Finding.sort_key)
