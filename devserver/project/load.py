"""Files → app model: the views of a `.jsx` file, an app definition JSON, or an app folder."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from renderer.errors import MockDataError


@dataclass
class ViewSpec:
    """One KView as kview sees it: where its template came from and how to frame it."""

    name: str
    source: str
    path: Path | None = None
    resource: str = "customer"
    context: str = "smartbar-card"
    meta: dict[str, Any] = field(default_factory=dict)
    # line offset of the template inside its file (0 for .jsx files): errors point at the file
    line_offset: int = 0

    @property
    def display_name(self) -> str:
        return str(self.meta.get("displayName") or self.name)


class AppLoadError(Exception):
    pass


def load_json(path: Path, what: str = "JSON file") -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise MockDataError(f"cannot read {what}: {exc.strerror}", file=str(path)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MockDataError(
            f"invalid {what}: {exc.msg}", file=str(path), line=exc.lineno, column=exc.colno - 1, source=text
        ) from None


def views_from_definition(defn: Any, path: Path | None = None) -> list[ViewSpec]:
    """The ``kviews`` of an app definition (or a single ``*.kview.json`` record)."""
    if isinstance(defn, dict) and "template" in defn and "kviews" not in defn:
        records = [defn]
    elif isinstance(defn, dict) and isinstance(defn.get("kviews"), list):
        records = defn["kviews"]
    else:
        raise AppLoadError(f"{path or 'definition'}: no 'kviews' array and no 'template' field")
    out = []
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            raise AppLoadError(f"{path}: kviews[{i}] is not an object")
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
                meta=rec.get("meta") if isinstance(rec.get("meta"), dict) else {},
            )
        )
    return out


def load_views(source: Path) -> list[ViewSpec]:
    """Views from a `.jsx` file, an app definition / `.kview.json`, or an app folder."""
    if source.is_dir():
        return load_app_dir(source)
    if source.suffix == ".json":
        return views_from_definition(load_json(source, "app definition"), source)
    text = source.read_text(encoding="utf-8")
    return [ViewSpec(name=source.stem, source=text, path=source)]


def load_app_dir(root: Path) -> list[ViewSpec]:
    """An app folder: ``kviews/*.jsx`` (with optional ``kviews/<name>.json`` meta) and app JSON."""
    views: list[ViewSpec] = []
    kdir = root / "kviews"
    if kdir.is_dir():
        for jsx in sorted(kdir.glob("*.jsx")):
            meta_path = jsx.with_suffix(".json")
            meta: dict[str, Any] = {}
            if meta_path.exists():
                raw = load_json(meta_path, "view meta")
                meta = raw if isinstance(raw, dict) else {}
            views.append(
                ViewSpec(
                    name=str(meta.get("name") or jsx.stem),
                    source=jsx.read_text(encoding="utf-8"),
                    path=jsx,
                    resource=str(meta.get("resource") or "customer"),
                    context=str(meta.get("context") or "smartbar-card"),
                    meta=meta.get("meta") if isinstance(meta.get("meta"), dict) else {},
                )
            )
    for app_json in sorted(root.glob("*.app.json")):
        views.extend(views_from_definition(load_json(app_json, "app definition"), app_json))
    return views


def find_mock(root: Path, view: ViewSpec) -> Path | None:
    """``mocks/<view name>.json`` (or the template's file stem) inside an app folder."""
    for name in (view.name, view.path.stem if view.path else None):
        if name:
            p = root / "mocks" / f"{name}.json"
            if p.exists():
                return p
    return None


def component_files(root: Path) -> dict[Path, str]:
    """The app's own components: ``components/*.jsx`` sources by path (they override built-ins)."""
    cdir = root / "components"
    if not cdir.is_dir():
        return {}
    return {p: p.read_text(encoding="utf-8") for p in sorted(cdir.glob("*.jsx"))}
