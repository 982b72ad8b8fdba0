"""Lints of every template of an app: syntax, unknown components and props, custom attributes
nobody defines, dark-mode colours and commands the app does not have.

Unknown components and props are not checked here: each view is rendered with its mock data
(generated where it has none), exactly as the gallery renders it, and the renderer's own
``Diagnostic``s become findings — one component checker, the renderer's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from devserver.project import DuplicateViewError, ViewSpec, read_inputs, render_view
from renderer import KViewError, RenderError, TemplateSyntaxError, compile_view
from renderer.errors import Diagnostic
from renderer.js.parse import parse

from .assemble import Assembled
from .colours import hazards
from .findings import Finding, Severity

COMMAND_URL = re.compile(r"""/v1/commands/([\w.-]+)/run""")
THEME_HINT = "use a theme variable, e.g. var(--font-primary-color), var(--background-secondary-color) (static/kview.css lists them)"


def lint_templates(unit: Assembled) -> list[Finding]:
    """Findings of every view with a template, in kviews order."""
    out: list[Finding] = []
    for index, view in sorted(unit.views.items()):
        if view.source.strip():
            out.extend(_lint_view(unit, index, view))
    return out


class _Placer:
    """Puts a template position into the file a developer edits: the ``.jsx`` itself, or the
    JSON file holding an inline template (at the template's string, naming the template line)."""

    def __init__(self, unit: Assembled, index: int, view: ViewSpec) -> None:
        self.view = view
        self.jsx = view.path is not None and view.path.suffix == ".jsx"
        self.file = unit.display(view.path) if self.jsx and view.path else ""
        if not self.jsx:
            self.file, self.line, self.col = unit.locate(("kviews", index, "template"))

    def __call__(self, severity: Severity, rule: str, message: str, line: int | None, col: int | None,
                 fix: str = "") -> Finding:
        line, col = line or 1, col or 1
        if self.jsx:
            return Finding(severity, rule, message, self.file, line, col, fix, self.view.name)
        return Finding(severity, rule, f"{message} (template line {line}, column {col})", self.file, self.line,
                       self.col, fix, self.view.name)


def _lint_view(unit: Assembled, index: int, view: ViewSpec) -> Iterator[Finding]:
    place = _Placer(unit, index, view)
    try:
        compiled = compile_view(view.source, view.template_name)
    except TemplateSyntaxError as exc:
        yield place("error", "syntax-error", exc.message, exc.line, (exc.column or 0) + 1,
                    "fix the JavaScript/JSX syntax here")
        return
    except KViewError as exc:
        yield place("error", exc.kind, exc.message, exc.line, (exc.column or 0) + 1)
        return
    yield from _render_findings(unit, view, place)
    if compiled.needs is not None:
        yield from _attribute_findings(unit, view, compiled.needs.custom, place)
    tree = parse(view.source, view.template_name)
    for line, col, prop, colour in hazards(tree):
        yield place("warning", "hard-coded-colour", f"hard-coded colour {colour} in {prop}: it does not follow "
                    "the agent's dark theme", line, col + 1, THEME_HINT)
    yield from _command_findings(unit, view, place)


def _render_findings(unit: Assembled, view: ViewSpec, place: _Placer) -> Iterator[Finding]:
    if isinstance(view.problem, DuplicateViewError):
        return  # the definition's ``duplicate`` rule reports it, at the second name
    try:
        result = render_view(read_inputs(unit.app, view), theme="light")
    except RenderError as exc:
        yield place("warning", "render-error", f"throws with its mock data: {exc}", exc.line,
                    (exc.column or 0) + 1, "guard the read, or give the view mock data it expects")
        return
    except KViewError as exc:
        file = unit.display(Path(exc.file)) if exc.file else place.file
        yield Finding("error", exc.kind, exc.message, file, exc.line or 1, (exc.column or 0) + 1,
                      "fix this input file", view.name)
        return
    for w in result.warnings:
        finding = _from_diagnostic(w, place)
        if finding is not None:
            yield finding


def _from_diagnostic(w: Diagnostic, place: _Placer) -> Finding | None:
    if w.kind == "unknown-component":
        # a near miss of a known name is a typo; a name kview does not know may be one of
        # Kustomer's undocumented components, so only a warning
        misspelt = "did you mean" in w.message
        return place("error" if misspelt else "warning", "unknown-component", w.message, w.line, w.column,
                     "use the suggested component" if misspelt else "check the component's name")
    if w.kind == "unknown-prop":
        return place("warning", "unknown-prop", w.message, w.line, w.column, "use a prop the component takes")
    return None


def _attribute_findings(unit: Assembled, view: ViewSpec, custom: dict[str, Any], place: _Placer) -> Iterator[Finding]:
    """Custom attributes the template reads that the app's Klasses and mocks both lack (only
    for records the app describes: an attribute of a record it does not describe may come
    from the org)."""
    for record, attrs in sorted(custom.items()):
        klass = _klass_for(record, view.resource)
        known, described = _known_attributes(unit, view, klass)
        if not described:
            continue
        for attr in sorted(attrs):
            if _bare(attr, unit.definition) in known or attr in known:
                continue
            line, col = _find(view.source, attr)
            yield place("warning", "unknown-attribute",
                        f"{record}.custom.{attr} is defined neither by Klass {klass!r} nor by the mocks", line, col,
                        f"add {_bare(attr, unit.definition)} to the Klass's metadata.properties or to the mock data")


def _klass_for(record: str, resource: str) -> str:
    if record in ("object", "kobject"):
        return resource.removeprefix("kobject.")
    return record


def _bare(attr: str, d: dict[str, Any]) -> str:
    """``@acmeordLifetimeValueNum`` → ``lifetimeValueNum`` (the app's namespaced attribute)."""
    ident = d.get("identifier")
    if isinstance(ident, str) and attr.startswith("@" + ident) and len(attr) > len(ident) + 1:
        rest = attr[len(ident) + 1:]
        return rest[0].lower() + rest[1:]
    return attr


def _known_attributes(unit: Assembled, view: ViewSpec, klass: str) -> tuple[set[str], bool]:
    known: set[str] = set()
    described = False
    for k in unit.definition.get("klasses") or []:
        if isinstance(k, dict) and k.get("name") == klass:
            props = (k.get("metadata") or {}).get("properties") if isinstance(k.get("metadata"), dict) else None
            if isinstance(props, dict):
                known |= set(props)
                described = True
    mock = unit.app.mock_for(view)
    if mock is not None and mock.is_file():
        try:
            data = json.loads(mock.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        found = set(_custom_keys(data))
        known |= {_bare(a, unit.definition) for a in found} | found
        described = described or bool(found)
    return known, described


def _custom_keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "custom" and isinstance(v, dict):
                yield from v
            yield from _custom_keys(v)
    elif isinstance(value, list):
        for v in value:
            yield from _custom_keys(v)


def _command_findings(unit: Assembled, view: ViewSpec, place: _Placer) -> Iterator[Finding]:
    commands = unit.definition.get("commands")
    names = {c.get("name") for c in commands if isinstance(c, dict)} if isinstance(commands, list) else set()
    for m in COMMAND_URL.finditer(view.source):
        if m.group(1) not in names:
            line, col = _position(view.source, m.start(1))
            yield place("error", "unknown-command", f"runs command {m.group(1)!r}, which the app does not define",
                        line, col, "add it to commands or fix the name")


def _find(source: str, word: str) -> tuple[int, int]:
    i = source.find(word)
    return _position(source, max(i, 0))


def _position(source: str, i: int) -> tuple[int, int]:
    before = source[:i]
    return before.count("\n") + 1, i - (before.rfind("\n") + 1) + 1
