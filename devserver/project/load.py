"""Files → ``App``: the one module that knows how an app is laid out on disk.

An app folder::

    app.json              the app definition (its "title" names the gallery)
    *.app.json            app definitions whose "kviews" records hold templates
    kviews/<name>.jsx     one template per view ...
    kviews/<name>.json    ... with optional meta: name, resource, context, meta
    mocks/<name>.json     mock data of a view (by view name or template file stem)
    mocks/requests.json   request mocks answering KustomerRequest
    components/*.jsx      the app's own components

Files stay inside the app folder (``paths``): a template, view meta or app definition that
leads outside it is a view that shows its ``AppLoadError``; mock data, request mocks and
components outside it are refused when a view reads them (``FileError``). The rest loads.

A lone ``.jsx`` file is a view of its own, unless it sits in an app folder's ``kviews/``:
then it is that view of the app, with the app's mocks and components, as the gallery shows it.
A lone ``.json`` file is an app definition (or a single ``*.kview.json`` record).
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any

from renderer.errors import MockDataError

from .confinement import inside, outside_error
from .errors import AppLoadError
from .model import App, ViewSpec

KVIEWS = "kviews"
MOCKS = "mocks"
COMPONENTS = "components"
REQUESTS = "requests"  # mocks/requests.json
APP_JSON = "app.json"


def load(source: Path) -> App:
    """The app of an app folder, an app definition JSON file or a ``.jsx`` template."""
    if source.is_dir():
        return load_app(source)
    if source.suffix == ".json":
        return load_definition(source)
    return load_template(source)


def load_app(root: Path, only: Path | None = None) -> App:
    """An app folder; with ``only`` (one of its ``kviews/*.jsx``), just that view of it."""
    views: list[ViewSpec] = []
    kdir = root / KVIEWS
    templates = [only] if only is not None else sorted(kdir.glob("*.jsx")) if kdir.is_dir() else []
    for jsx in templates:
        views.append(_folder_view(root, jsx))
    if only is None:
        for app_json in sorted(root.glob("*.app.json")):
            if not inside(root, app_json):
                views.append(_refused(app_json.name, app_json, "app definition"))
                continue
            views.extend(_definition_views(read_json(app_json, "app definition"), app_json))
    requests = root / MOCKS / f"{REQUESTS}.json"
    cdir = root / COMPONENTS
    return App(
        views=tuple(views),
        root=root,
        title=_app_title(root / APP_JSON) if inside(root, root / APP_JSON) else None,
        mocks={v.name: mock for v in views if (mock := _find_mock(root, v)) is not None},
        requests=requests if requests.is_file() else None,
        components=tuple(sorted(cdir.glob("*.jsx"))) if cdir.is_dir() else (),
    )


def load_definition(path: Path) -> App:
    """The views of an app definition (or of a single ``*.kview.json`` record)."""
    return App(views=tuple(_definition_views(read_json(path, "app definition"), path)))


def load_template(path: Path) -> App:
    """A ``.jsx`` template: a view of its app folder when it is in one, else a view of its own."""
    if path.parent.name == KVIEWS:
        return load_app(path.parent.parent, only=path)
    return App(views=(ViewSpec(name=path.stem, source=read_text(path, "template"), path=path),))


def views_touched(app: App, path: Path) -> frozenset[str] | None:
    """Which views a change to ``path`` (inside the app folder) can affect: none (a README, an
    asset), the views named, or ``None`` for any view (shared files, app definitions, views
    added or removed)."""
    rel = _relative(path, app.root)
    parts = rel.parts
    if not parts or (parts[0] not in (KVIEWS, MOCKS, COMPONENTS) and not (len(parts) == 1 and rel.suffix == ".json")):
        return frozenset()
    hit: set[str] = set()
    if len(parts) == 2 and parts[0] == KVIEWS:
        hit = {v.name for v in app.views if v.path is not None and v.path.stem == rel.stem}
    elif len(parts) == 2 and parts[0] == MOCKS and rel.stem != REQUESTS:
        hit = {v.name for v in app.views if rel.stem in (v.name, v.path.stem if v.path else None)}
    return frozenset(hit) or None


# ---------------------------------------------------------------------- files
def read_text(path: Path, what: str) -> str:
    """A file's text; ``AppLoadError`` located at the file when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AppLoadError(f"cannot read {what}: {exc.strerror or exc}", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise AppLoadError(f"cannot read {what}: not UTF-8 ({exc.reason} at byte {exc.start})",
                           file=str(path)) from None


def parse_json(text: str, what: str, file: str) -> Any:
    """JSON text read from ``file``; a ``MockDataError`` at the failing line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MockDataError(f"invalid {what}: {exc.msg}", file=file, line=exc.lineno,
                            column=exc.colno - 1, source=text) from None


def read_json(path: Path, what: str) -> Any:
    return parse_json(read_text(path, what), what, str(path))


# ---------------------------------------------------------------------- views
def _refused(name: str, path: Path, what: str) -> ViewSpec:
    """A view whose file leads outside the app folder: listed, with its error, never read."""
    return ViewSpec(name=name, source="", path=path, problem=outside_error(AppLoadError, what, path))


def _folder_view(root: Path, jsx: Path) -> ViewSpec:
    meta_path = jsx.with_suffix(".json")
    if not inside(root, jsx):
        return _refused(jsx.stem, jsx, "template")
    if meta_path.exists() and not inside(root, meta_path):
        return _refused(jsx.stem, meta_path, "view meta")
    meta: dict[str, Any] = {}
    if meta_path.exists():
        raw = read_json(meta_path, "view meta")
        meta = raw if isinstance(raw, dict) else {}
    return ViewSpec(
        name=str(meta.get("name") or jsx.stem),
        source=read_text(jsx, "template"),
        path=jsx,
        resource=str(meta.get("resource") or "customer"),
        context=str(meta.get("context") or "smartbar-card"),
        meta=meta["meta"] if isinstance(meta.get("meta"), dict) else {},
    )


def _definition_views(defn: Any, path: Path) -> list[ViewSpec]:
    if isinstance(defn, dict) and "template" in defn and "kviews" not in defn:
        records = [defn]
    elif isinstance(defn, dict) and isinstance(defn.get("kviews"), list):
        records = defn["kviews"]
    else:
        raise AppLoadError("no 'kviews' array and no 'template' field", file=str(path))
    out = []
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            raise AppLoadError(f"kviews[{i}] is not an object", file=str(path))
        template = rec.get("template")
        if not isinstance(template, str):
            continue  # iframe-only views have no template
        out.append(
            ViewSpec(
                name=str(rec.get("name") or f"view-{i}"),
                source=template,
                path=path,
                resource=str(rec.get("resource") or "customer"),
                context=str(rec.get("context") or "smartbar-card"),
                meta=rec["meta"] if isinstance(rec.get("meta"), dict) else {},
            )
        )
    return out


def _find_mock(root: Path, view: ViewSpec) -> Path | None:
    """``mocks/<view name>.json``, else ``mocks/<template file stem>.json``. A name that leads
    outside the app folder is returned whether it exists or not: reading it is refused, and an
    app cannot learn which files exist elsewhere."""
    for name in (view.name, view.path.stem if view.path else None):
        if name:
            p = root / MOCKS / f"{name}.json"
            if not inside(root, p) or p.exists():
                return p
    return None


def _app_title(app_json: Path) -> str | None:
    """app.json's title; a missing or broken app.json just leaves the gallery without one."""
    try:
        defn = json.loads(app_json.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    title = defn.get("title") if isinstance(defn, dict) else None
    return str(title) if title else None


def _relative(path: Path, root: Path | None) -> PurePath:
    if root is None:
        return PurePath(path)
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return PurePath(path)
