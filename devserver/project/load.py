"""Files → ``App``: the one module that knows how an app is laid out on disk.

An app folder (both of Kustomer's layouts, and any mix of them)::

    app.json              the app's definition: title, widgets, settings, klasses… and any
                          KView records it holds inline (its "kviews" array)
    *.app.json            more app definitions (registered JSON, templates inline): a folder may
                          hold several apps, and shows all their views
    *.kview.json          one KView record each (also in kviews/)
    kviews/<name>.jsx     one template per view ...
    kviews/<name>.json    ... with optional meta: name, resource, context, meta
    widgets/<name>.json   one widget record each (added to app.json's widgets)
    mocks/<name>.json     mock data of a view (by view name or template file stem)
    mocks/requests.json   request mocks answering KustomerRequest
    components/*.jsx      the app's own components

An app with no views (widget-, webhook-, settings-only) is an app all the same: its
``Definition`` says what it has. A view with ``template: null`` is an iframe view, previewed by a
stand-in (``definition.iframe_stand_in``). A view name defined twice is an error naming both
places, shown on that view (identical copies, as a built ``app.json`` holds them, are one view).

One bad file never hides the others: a file that is not UTF-8, not JSON or of the wrong shape
is one located ``AppLoadError`` (file, line, column), on the view it defines when it defines
one (``ViewSpec.problem``), else in ``App.problems``; loading a folder does not raise. Files
stay inside the app folder (``confinement``): a template, view meta or definition that leads
outside it is such an error too; mock data, request mocks and components outside it are refused
when a view reads them (``FileError``).

A lone ``.jsx`` file is a view of its own, unless it sits in an app folder's ``kviews/``:
then it is that view of the app, with the app's mocks and components, as the gallery shows it.
A lone ``.json`` file is an app definition (or a single ``*.kview.json`` record).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from renderer.errors import KViewError, MockDataError

from .confinement import inside, outside_error
from .definition import Read, read_definition
from .errors import AppLoadError, DuplicateViewError
from .model import App, Definition, ViewSpec, Widget

KVIEWS = "kviews"
MOCKS = "mocks"
COMPONENTS = "components"
WIDGETS = "widgets"
REQUESTS = "requests"  # mocks/requests.json
APP_JSON = "app.json"
_SUFFIXES = {KVIEWS: (".jsx", ".json"), COMPONENTS: (".jsx",), MOCKS: (".json",), WIDGETS: (".json",)}


def load(source: Path) -> App:
    """The app of an app folder, an app definition JSON file or a ``.jsx`` template."""
    if source.is_dir():
        return load_app(source)
    if source.suffix == ".json":
        return load_definition(source)
    return load_template(source)


def load_app(root: Path, only: Path | None = None) -> App:
    """An app folder; with ``only`` (one of its ``kviews/*.jsx``), just that view of it.
    Never raises for a file in it: see the module docstring."""
    found = _Found()
    kdir = root / KVIEWS
    for jsx in sorted(kdir.glob("*.jsx")) if kdir.is_dir() else []:
        found.add_view(_folder_view(root, jsx))
    found.add_definition_file(root, root / APP_JSON, optional=True)
    for path in sorted(root.glob("*.app.json")):
        found.add_definition_file(root, path)
    for path in sorted(root.glob("*.kview.json")) + (sorted(kdir.glob("*.kview.json")) if kdir.is_dir() else []):
        found.add_definition_file(root, path)
    found.add_widget_files(root, root / WIDGETS)
    views = found.views
    if only is not None:
        views = [v for v in views if v.path is not None and v.path.resolve() == only.resolve()] or [_folder_view(root, only)]
    requests = root / MOCKS / f"{REQUESTS}.json"
    cdir = root / COMPONENTS
    # The folder's own app.json owns the folder's kviews/*.jsx views (they are its kviews once built).
    definitions = list(found.definitions)
    folder_views = tuple(v.name for v in found.views if v.path is not None and v.path.suffix == ".jsx")
    for i, d in enumerate(definitions):
        if d.path == root / APP_JSON and folder_views:
            definitions[i] = replace(d, views=tuple(dict.fromkeys(d.views + folder_views)))
    folder_defn = next((d for d in definitions if d.path == root / APP_JSON), None)
    return App(
        views=tuple(views),
        root=root,
        title=folder_defn.title if folder_defn else None,
        mocks={v.name: mock for v in views if (mock := _find_mock(root, v)) is not None},
        requests=requests if requests.is_file() else None,
        components=tuple(sorted(cdir.glob("*.jsx"))) if cdir.is_dir() else (),
        definitions=tuple(definitions),
        problems=tuple(found.problems),
    )


def load_definition(path: Path) -> App:
    """The app of one definition file (or of a single ``*.kview.json`` record). Raises
    ``AppLoadError`` / ``MockDataError`` when the file itself cannot be read as one; problems
    inside it (a bad record, a part of the wrong shape) are the app's ``problems``."""
    text = read_text(path, "app definition")
    read = read_definition(parse_json(text, "app definition", str(path)), path, text)
    found = _Found()
    found.add_read(read)
    defn = read.definition
    return App(views=tuple(found.views), title=defn.title if defn else None,
               definitions=(defn,) if defn else (), problems=tuple(found.problems))


def load_template(path: Path) -> App:
    """A ``.jsx`` template: a view of its app folder when it is in one, else a view of its own."""
    if path.parent.name == KVIEWS:
        return load_app(path.parent.parent, only=path)
    return App(views=(ViewSpec(name=path.stem, source=read_text(path, "template"), path=path, origin=str(path)),))


def views_touched(app: App, path: Path, before: App | None = None) -> frozenset[str] | None:
    """Which views a change to ``path`` (inside the app folder) can affect: none (a README, an
    asset), the views named, or ``None`` for any view (shared files, app definitions, views
    added or removed). A view's template or meta, its mock file, a scenario of it, and a
    ``mocks/kobject.<klass>.json`` fixture name their views; a component file is ``None`` here
    (``Project`` narrows it to the views that use its components). Given the app ``before`` the
    change, a view file removed touches only the views whose definition differs (a duplicate it
    resolved): the others, and the frames they show, stay as they are."""
    rel = _relative(path, app.root)
    parts = rel.parts
    if not parts or (parts[0] not in (KVIEWS, MOCKS, COMPONENTS, WIDGETS) and not (len(parts) == 1 and rel.suffix == ".json")):
        return frozenset()
    if len(parts) > 1 and rel.suffix not in _SUFFIXES.get(parts[0], (".json",)):
        return frozenset()  # not a file kview reads (a tool's temp file, a README, an image)
    hit: set[str] = set()
    if len(parts) == 2 and parts[0] == KVIEWS:
        hit = {v.name for v in app.views if v.path is not None and v.path.stem == rel.stem}
    elif len(parts) == 2 and parts[0] == MOCKS and rel.stem != REQUESTS:
        hit = {v.name for v in app.views if rel.stem in (v.name, v.path.stem if v.path else None)}
        if not hit and rel.stem.startswith("kobject."):  # a KObject fixture: the views of that klass
            return frozenset(v.name for v in app.views if v.resource == rel.stem)
    elif len(parts) == 3 and parts[0] == MOCKS and rel.suffix == ".json":  # mocks/<view>/<scenario>.json
        hit = {v.name for v in app.views if parts[1] in (v.name, v.path.stem if v.path else None)}
    if not hit and before is not None and len(parts) == 2 and parts[0] == KVIEWS and not path.exists():
        was = {v.name: v for v in before.views}
        return frozenset(v.name for v in app.views if was.get(v.name) != v)
    return frozenset(hit) or None


def page_touched(app: App, path: Path) -> str | None:
    """The widget whose local page a change to ``path`` is part of (``widgets/<name>/…``: HTML,
    scripts, styles, images), else ``None``. No view depends on those files; the frames showing
    the page reload."""
    parts = _relative(path, app.root).parts
    return parts[1] if len(parts) >= 3 and parts[0] == WIDGETS else None


# ---------------------------------------------------------------------- files
def read_text(path: Path, what: str) -> str:
    """A file's text; ``AppLoadError`` located at the file (and, when it is not UTF-8, at the
    line and column of the first bad byte) when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AppLoadError(f"cannot read {what}: {exc.strerror or exc}", file=str(path)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace"))
        raise AppLoadError(f"cannot read {what}: not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8",
                           file=str(path), line=line, column=column,
                           source=data.decode("utf-8", "replace")) from None


def parse_json(text: str, what: str, file: str) -> Any:
    """JSON text read from ``file``; a ``MockDataError`` at the failing line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MockDataError(f"invalid {what}: {exc.msg}", file=file, line=exc.lineno,
                            column=exc.colno - 1, source=text) from None
    except RecursionError:
        raise MockDataError(f"invalid {what}: nested too deeply", file=file, line=1, column=0) from None


def read_json(path: Path, what: str) -> Any:
    return parse_json(read_text(path, what), what, str(path))


# ---------------------------------------------------------------------- views
@dataclass
class _Found:
    """What a folder's files gave, in reading order: views (each name once), definitions, problems."""

    views: list[ViewSpec] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    problems: list[KViewError] = field(default_factory=list)

    def add_view(self, view: ViewSpec) -> None:
        i = next((i for i, v in enumerate(self.views) if v.name == view.name), None)
        if i is None:
            self.views.append(view)
            return
        first = self.views[i]
        if (first.source, first.resource, first.context, first.iframe) == (view.source, view.resource,
                                                                          view.context, view.iframe):
            return  # the same view twice (a built app.json beside kviews/): one view
        error = DuplicateViewError(f"view '{view.name}' is defined twice: in {first.origin} and in {view.origin}; "
                             "rename or remove one", file=str(view.path) if view.path else None)
        self.views[i] = replace(first, problem=first.problem or error)

    def add_read(self, read: Read) -> None:
        for view in read.views:
            self.add_view(view)
        self.problems.extend(read.problems)
        if read.definition is not None:
            self.definitions.append(read.definition)

    def add_definition_file(self, root: Path, path: Path, optional: bool = False) -> None:
        """A definition or KView record file of the folder; its problems are the app's."""
        if optional and not path.exists() and not path.is_symlink():
            return
        if not inside(root, path):
            self.problems.append(outside_error(AppLoadError, "app definition", path))
            return
        try:
            text = read_text(path, "app definition")
            self.add_read(read_definition(parse_json(text, "app definition", str(path)), path, text))
        except KViewError as exc:
            self.problems.append(exc)

    def add_widget_files(self, root: Path, wdir: Path) -> None:
        """``widgets/*.json``: added to the folder's definition (``app.json``'s, made when absent)."""
        if not wdir.is_dir():
            return
        widgets: list[Widget] = []
        for path in sorted(wdir.glob("*.json")):
            try:
                if not inside(root, path):
                    raise outside_error(AppLoadError, "widget", path)
                text = read_text(path, "widget")
                read = read_definition({"widgets": [parse_json(text, "widget", str(path))]}, path, text)
            except KViewError as exc:
                self.problems.append(exc)
                continue
            self.problems.extend(read.problems)
            widgets.extend(replace(w, path=path) for w in (read.definition.widgets if read.definition else ()))
        if not widgets:
            return
        i = next((i for i, d in enumerate(self.definitions) if d.path == root / APP_JSON), None)
        if i is None:
            self.definitions.insert(0, Definition(path=root / APP_JSON, widgets=tuple(widgets)))
        else:
            self.definitions[i] = replace(self.definitions[i], widgets=self.definitions[i].widgets + tuple(widgets))


def scenario_dirs(app: App, view: ViewSpec) -> list[Path]:
    """``mocks/<view name>/`` then ``mocks/<template file stem>/``: where a view's scenarios live."""
    if app.root is None:
        return []
    names = dict.fromkeys(n for n in (view.name, view.path.stem if view.path else None) if n)
    return [app.root / MOCKS / n for n in names]


def scenario_files(app: App, view: ViewSpec) -> dict[str, Path]:
    """A view's scenario files by scenario name (``mocks/<view>/<scenario>.json``); the first
    folder that has a name wins."""
    out: dict[str, Path] = {}
    for d in scenario_dirs(app, view):
        for p in sorted(d.glob("*.json")) if d.is_dir() else []:
            out.setdefault(p.stem, p)
    return out


def fixture_file(app: App, stem: str) -> Path | None:
    """``mocks/<stem>.json`` (an app-wide fixture: ``customer``, ``kobject.<klass>``…) if it exists."""
    if app.root is None:
        return None
    p = app.root / MOCKS / f"{stem}.json"
    return p if p.is_file() else None


def _refused(name: str, path: Path, what: str) -> ViewSpec:
    """A view whose file leads outside the app folder: listed, with its error, never read."""
    return ViewSpec(name=name, source="", path=path, problem=outside_error(AppLoadError, what, path),
                    origin=str(path))


def _folder_view(root: Path, jsx: Path) -> ViewSpec:
    """``kviews/<name>.jsx`` with its meta; a file that cannot be read is the view's problem."""
    meta_path = jsx.with_suffix(".json")
    if not inside(root, jsx):
        return _refused(jsx.stem, jsx, "template")
    if meta_path.exists() and not inside(root, meta_path):
        return _refused(jsx.stem, meta_path, "view meta")
    meta: dict[str, Any] = {}
    problem: KViewError | None = None
    if meta_path.exists():
        try:
            raw = read_json(meta_path, "view meta")
            if not isinstance(raw, dict):
                raise AppLoadError("view meta must be a JSON object ({\"name\", \"resource\", \"context\", "
                                   "\"meta\"})", file=str(meta_path), line=1, column=0)
            meta = raw
        except KViewError as exc:
            problem = exc
    try:
        source = read_text(jsx, "template")
    except KViewError as exc:
        source, problem = "", problem or exc
    return ViewSpec(
        name=str(meta.get("name") or jsx.stem),
        source=source,
        path=jsx,
        resource=str(meta.get("resource") or "customer"),
        context=str(meta.get("context") or "smartbar-card"),
        meta=meta["meta"] if isinstance(meta.get("meta"), dict) else {},
        problem=problem,
        origin=str(jsx),
    )


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


def _relative(path: Path, root: Path | None) -> PurePath:
    if root is None:
        return PurePath(path)
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return PurePath(path)
