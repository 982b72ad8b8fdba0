"""An app's files → the one definition Kustomer accepts, remembering where each part came from.

``kview build`` writes ``Assembled.definition``; ``kview check`` validates the same object and
maps each problem's JSON path back to the file a developer edits (``origin``): ``app.json``,
a view's ``kviews/<name>.json`` meta, its ``.jsx`` template, or a ``widgets/<name>.json``.
Which files an app has comes from ``devserver.project.load`` (the one reader of the layout:
views, widget files, definition files, all confined to the app folder); their text is read
again here only to know where each JSON value stands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devserver.project import App, ViewSpec, load
from devserver.project.confinement import inside
from devserver.project.registration import definition_entry
from renderer import KViewError

from .findings import Finding
from .locate import Positions, scan

APP_JSON = "app.json"
JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class SourceFile:
    """A file as read: its text, and where its JSON values are (``None`` for a template)."""

    path: Path
    text: str
    positions: Positions | None = None


@dataclass
class Assembled:
    """One app definition and the map from its JSON paths to the files they came from."""

    definition: dict[str, Any]
    files: list[SourceFile] = field(default_factory=list)
    origins: dict[JsonPath, tuple[SourceFile, JsonPath | None]] = field(default_factory=dict)
    views: dict[int, ViewSpec] = field(default_factory=dict)  # kviews index → the view to render
    app: App = field(default_factory=App)
    problems: list[Finding] = field(default_factory=list)  # files that could not be read
    record_only: bool = False  # a lone *.kview.json record, not a whole definition
    shown: Path | None = None  # paths are printed relative to this folder

    def display(self, path: Path) -> str:
        if self.shown is not None:
            try:
                return str(path.relative_to(self.shown))
            except ValueError:
                pass
        return str(path)

    def locate(self, path: JsonPath, *, key: bool = False) -> tuple[str, int, int]:
        """``(file, line, column)`` of a JSON path of the definition (its key with ``key``)."""
        p = tuple(path)
        while p not in self.origins and p:
            p = p[:-1]
        src, prefix = self.origins.get(p, (self.files[0], ()) if self.files else (None, None))
        if src is None:
            return ("<definition>", 1, 1)
        if prefix is None or src.positions is None:
            return (self.display(src.path), 1, 1)
        line, col = src.positions.of(prefix + tuple(path[len(p):]), key=key)
        return (self.display(src.path), line, col)


def read_source(path: Path, problems: list[Finding], shown: Path | None) -> SourceFile | None:
    """A JSON file with positions; a located ``Finding`` (and ``None``) when it cannot be read."""
    name = str(path.relative_to(shown)) if shown is not None and path.is_relative_to(shown) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Finding("error", "unreadable-file", f"not UTF-8 ({exc.reason} at byte {exc.start})",
                                name, fix="save the file as UTF-8"))
        return None
    except OSError as exc:
        problems.append(Finding("error", "unreadable-file", f"cannot read: {exc.strerror or exc}", name))
        return None
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(Finding("error", "invalid-json", f"invalid JSON: {exc.msg}", name, exc.lineno, exc.colno,
                                fix="fix the JSON syntax at this position"))
        return None
    return SourceFile(path, text, scan(text))


def assemble_file(path: Path) -> Assembled:
    """A registered definition (templates inline) or a single ``*.kview.json`` record."""
    out = Assembled(definition={}, shown=path.parent)
    src = read_source(path, out.problems, out.shown)
    if src is None:
        return out
    raw = json.loads(src.text)
    out.files.append(src)
    if isinstance(raw, dict) and "kviews" not in raw and "template" in raw:
        out.record_only = True  # kview's record format writes null for "not given"
        out.definition = {"kviews": [{k: v for k, v in raw.items() if v is not None or k == "template"}]}
        out.origins[("kviews", 0)] = (src, ())
        out.origins[()] = (src, ())
    else:
        out.definition = raw if isinstance(raw, dict) else {}
        out.origins[()] = (src, ())
        if not isinstance(raw, dict):
            out.problems.append(Finding("error", "wrong-shape", "an app definition must be a JSON object",
                                        out.display(path), fix="wrap the definition in { … }"))
    _inline_views(out, src)
    return out


def assemble_folder(root: Path) -> Assembled:
    """An app folder: ``app.json`` with the folder's views (``kviews/*.jsx`` + meta) and
    ``widgets/*.json`` filled in; templates inline, as Kustomer registers them."""
    out = Assembled(definition={}, shown=root)
    out.app = load(root)
    app_json = root / APP_JSON
    src = read_source(app_json, out.problems, root) if app_json.is_file() and inside(root, app_json) else None
    if src is not None:
        raw = json.loads(src.text)
        out.files.append(src)
        out.origins[()] = (src, ())
        if isinstance(raw, dict):
            out.definition = dict(raw)
        else:
            out.problems.append(Finding("error", "wrong-shape", "app.json must be a JSON object", APP_JSON))
        _inline_views(out, src)
    if not inside(root, app_json):
        out.problems.extend(_error_finding(p, out) for p in out.app.problems if p.file == str(app_json))
    kviews = out.definition.setdefault("kviews", [])
    if not isinstance(kviews, list):
        return out
    for view in sorted((v for v in out.app.views if v.path is not None and v.path.suffix == ".jsx"),
                       key=lambda v: v.name):
        _folder_view(out, view, kviews)
    _folder_widgets(out)
    return out


def _inline_views(out: Assembled, src: SourceFile) -> None:
    """Views whose templates are inline in the definition (rendered as ``file#name``)."""
    kviews = out.definition.get("kviews")
    if not isinstance(kviews, list):
        return
    prefix: JsonPath = () if out.record_only else ("kviews",)
    for i, rec in enumerate(kviews):
        if isinstance(rec, dict) and isinstance(rec.get("template"), str):
            out.origins[("kviews", i)] = (src, prefix if out.record_only else ("kviews", i))
            out.views[i] = ViewSpec(
                name=str(rec.get("name") or f"view-{i}"), source=rec["template"], path=src.path,
                resource=str(rec.get("resource") or "customer"), context=str(rec.get("context") or "smartbar-card"),
                meta=rec["meta"] if isinstance(rec.get("meta"), dict) else {},
            )


def _folder_view(out: Assembled, view: ViewSpec, kviews: list[Any]) -> None:
    assert view.path is not None
    record = definition_entry(view, out.definition)
    i = len(kviews)
    kviews.append(record)
    out.views[i] = view
    meta_path = view.path.with_suffix(".json")
    template = SourceFile(view.path, view.source)
    out.files.append(template)
    meta = read_source(meta_path, out.problems, out.shown) if meta_path.is_file() else None
    if meta is not None:
        out.files.append(meta)
        out.origins[("kviews", i)] = (meta, ())
    else:
        out.origins[("kviews", i)] = (template, None)
    out.origins[("kviews", i, "template")] = (template, None)


def _folder_widgets(out: Assembled) -> None:
    """The app's ``widgets/*.json`` files (as the app model found them), each a widget."""
    files = [w.path for w in out.app.widgets if w.path is not None]
    if not files:
        return
    widgets = out.definition.setdefault("widgets", [])
    if not isinstance(widgets, list):
        return
    for path in files:
        src = read_source(path, out.problems, out.shown)
        if src is None:
            continue
        out.files.append(src)
        out.origins[("widgets", len(widgets))] = (src, ())
        widgets.append(json.loads(src.text))


def _error_finding(exc: KViewError, out: Assembled) -> Finding:
    file = out.display(Path(exc.file)) if exc.file else "<app>"
    return Finding("error", exc.kind, exc.message, file, exc.line or 1, (exc.column or 0) + 1)
