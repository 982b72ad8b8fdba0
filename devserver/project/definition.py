"""An app definition's JSON → a ``Definition`` and its views, read the lenient way Kustomer's
own examples need: widget-only, webhook-only, settings-only apps have no ``kviews`` and are
apps all the same; a view with ``template: null`` is an iframe view (its hosted page is the
preview). Each part with the wrong shape is one located ``AppLoadError`` (file, line, column of
its key), and the rest of the definition still loads. ``check`` is where the schema is strict.

No file IO here: ``load`` reads the files and hands over the parsed JSON with its text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import AppLoadError
from .model import PARTS, Command, Definition, Klass, Setting, ViewSpec, Widget

# the keys that make a JSON object an app definition rather than one KView record
DEFINITION_KEYS = frozenset({"app", "kviews", "version", "title"} | {key for _a, key, _n in PARTS})
DEFAULT_RESOURCE = "customer"
DEFAULT_CONTEXT = "smartbar-card"


@dataclass
class Read:
    """What one definition file gave: its definition (``None`` for a lone KView record), its
    views and the problems found in it."""

    definition: Definition | None = None
    views: list[ViewSpec] = field(default_factory=list)
    problems: list[AppLoadError] = field(default_factory=list)


def read_definition(raw: Any, path: Path, text: str) -> Read:
    """An app definition, or a single KView record (``*.kview.json``), parsed from ``path``."""
    where = Locator(path, text)
    if isinstance(raw, dict) and "template" in raw and not DEFINITION_KEYS & raw.keys():
        out = Read()
        view = view_of_record(raw, None, where, None)
        if isinstance(view, AppLoadError):
            out.problems.append(view)
        else:
            out.views.append(view)
        return out
    if not isinstance(raw, dict) or not DEFINITION_KEYS & raw.keys():
        found = f"an object with keys {', '.join(sorted(raw)[:6])}" if isinstance(raw, dict) else f"a JSON {_kind(raw)}"
        raise where.error("not an app definition (an object with 'app' and 'kviews', 'widgets', "
                          "'settings'…) nor one KView record (with 'template'): found " + found, None)
    return _definition(raw, where)


def view_of_record(rec: Any, index: int | None, where: Locator, app: str | None) -> ViewSpec | AppLoadError:
    """One KView record as a view; an error when it cannot be one (not an object, no name)."""
    label = "the KView record" if index is None else f"kviews[{index}]"
    if not isinstance(rec, dict):
        return where.error(f"{label} is not an object but a JSON {_kind(rec)}", "kviews")
    name = rec.get("name")
    if index is None and not (isinstance(name, str) and name):
        name = record_file_name(where.path)  # a lone record is named by its file, as kviews/<name>.jsx is
    if not isinstance(name, str) or not name:
        return where.error(f"{label} has no 'name' (a string naming the view, e.g. "
                           f"'kustomer.app.<app>.<view>')", "name" if index is None else "kviews")
    raw_meta = rec.get("meta")
    meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
    template = rec.get("template")
    problem = None
    if template is not None and not isinstance(template, str):
        problem = where.error(f"view '{name}': 'template' must be a string of JSX (or null for an iframe "
                              f"view), not a JSON {_kind(template)}", "template", name)
    iframe = template is None
    return ViewSpec(
        name=name,
        source=iframe_stand_in(rec, meta) if iframe else template if isinstance(template, str) else "",
        path=where.path,
        resource=_str(rec.get("resource")) or DEFAULT_RESOURCE,
        context=_str(rec.get("context")) or DEFAULT_CONTEXT,
        meta=meta,
        problem=problem,
        origin=str(where.path) if index is None else f"{where.path} kviews[{index}]",
        iframe=iframe,
        app=app,
        record=rec,
    )


def record_file_name(path: Path) -> str:
    """``x.kview.json`` → ``x``: the name of a lone KView record that gives none."""
    name = path.name
    for suffix in (".kview.json", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)] or name
    return path.stem


def iframe_stand_in(rec: Mapping[str, Any], meta: Mapping[str, Any]) -> str:
    """The template kview previews an iframe view with: a DynamicCard of its page when the record
    names one, else a placeholder saying what the view is (Kustomer serves its page itself)."""
    url = next((v for v in (meta.get("url"), meta.get("src"), rec.get("url"), rec.get("src"))
                if isinstance(v, str) and v), None)
    if url:
        return f"<DynamicCard src={{{json.dumps(url)}}} />\n"
    text = ("This view has no template (template: null): Kustomer shows the app's hosted page in "
            "an iframe here. Preview that page with the Cards SDK.")
    return (f'<div className="kview-iframe-view"><strong>{{{json.dumps("iframe view")}}}</strong>'
            f"<p>{{{json.dumps(text)}}}</p></div>\n")


# ---------------------------------------------------------------------- the definition
def _definition(raw: dict[str, Any], where: Locator) -> Read:
    out = Read()
    app = _str(raw.get("app"))
    records = raw.get("kviews", [])
    if not isinstance(records, list):
        out.problems.append(where.error(f"'kviews' must be an array of KView records, not a JSON {_kind(records)}",
                                        "kviews"))
        records = []
    for i, rec in enumerate(records):
        view = view_of_record(rec, i, where, app)
        if isinstance(view, AppLoadError):
            out.problems.append(view)
        else:
            out.views.append(view)
    parts: dict[str, Any] = {
        "widgets": _items(raw, "widgets", where, out.problems, _widget),
        "commands": _items(raw, "commands", where, out.problems, _command),
        "klasses": _items(raw, "klasses", where, out.problems, _klass),
        "settings": _settings(raw, where, out.problems),
        "i18n": _i18n(raw, where, out.problems),
    }
    for attr, key, _noun in PARTS:
        if attr not in parts:
            parts[attr] = _items(raw, key, where, out.problems, lambda item: item)
    out.definition = Definition(
        path=where.path, raw=raw, app=app, title=_str(raw.get("title")), version=_str(raw.get("version")),
        views=tuple(v.name for v in out.views), **parts,
    )
    return out


def _items(raw: dict[str, Any], key: str, where: Locator, problems: list[AppLoadError], make: Any) -> tuple[Any, ...]:
    value = raw.get(key)
    if value is None:
        return ()
    if isinstance(value, dict) and key not in ("widgets", "commands", "klasses"):
        value = [value]  # shapes the reference does not give (hooks…): one object is one item
    if not isinstance(value, list):
        problems.append(where.error(f"'{key}' must be an array of objects, not a JSON {_kind(value)}", key))
        return ()
    out = []
    for i, item in enumerate(value):
        if isinstance(item, dict):
            out.append(make(item))
        else:
            problems.append(where.error(f"{key}[{i}] is not an object but a JSON {_kind(item)}", key))
    return tuple(out)


def _widget(item: dict[str, Any]) -> Widget:
    return Widget(name=_str(item.get("name")), url=_str(item.get("url")), title=_str(item.get("title")),
                  icon=_str(item.get("icon")), width=_str(item.get("width")), height=_str(item.get("height")),
                  raw=item)


def _command(item: dict[str, Any]) -> Command:
    return Command(name=_str(item.get("name")), display_name=_str(item.get("displayName")),
                   url=_str(item.get("url")), http_method=_str(item.get("httpMethod")), raw=item)


def _klass(item: dict[str, Any]) -> Klass:
    metadata = item.get("metadata")
    props = metadata.get("properties") if isinstance(metadata, dict) else None
    properties = {str(k): v for k, v in props.items() if isinstance(v, dict)} if isinstance(props, dict) else {}
    return Klass(name=_str(item.get("name")), properties=properties, raw=item)


def _settings(raw: dict[str, Any], where: Locator, problems: list[AppLoadError]) -> tuple[Setting, ...]:
    value = raw.get("settings")
    if value is None:
        return ()
    if not isinstance(value, dict):
        problems.append(where.error(f"'settings' must be an object of categories, not a JSON {_kind(value)}",
                                    "settings"))
        return ()
    out = []
    for category, entries in value.items():
        if not isinstance(entries, dict):
            problems.append(where.error(f"settings.{category} must be an object of settings, not a JSON "
                                        f"{_kind(entries)}", category))
            continue
        for name, spec in entries.items():
            if not isinstance(spec, dict):
                problems.append(where.error(f"settings.{category}.{name} must be an object ({{type, defaultValue, "
                                            f"required…}}), not a JSON {_kind(spec)}", name))
                continue
            out.append(Setting(category=str(category), name=str(name), type=_str(spec.get("type")),
                               default=spec.get("defaultValue"), required=spec.get("required") is True, raw=spec))
    return tuple(out)


def _i18n(raw: dict[str, Any], where: Locator, problems: list[AppLoadError]) -> dict[str, dict[str, str]]:
    value = raw.get("i18n")
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        problems.append(where.error("'i18n' must be an object of locales ({\"en_us\": {\"<key>\": \"text\"}})",
                                    "i18n"))
        return {}
    return {str(loc): {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in strings.items()}
            for loc, strings in value.items()}


# ---------------------------------------------------------------------- helpers
class Locator:
    """Errors located in a definition file: at the first ``"key":`` (after a view's name when
    given), else at its start."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def error(self, message: str, key: str | None, near_name: str | None = None) -> AppLoadError:
        start = 0
        if near_name is not None:
            m = re.search(r'"name"\s*:\s*' + re.escape(json.dumps(near_name)), self.text)
            start = m.start() if m else 0
        pos = -1
        if key is not None:
            m = re.compile(re.escape(json.dumps(key)) + r"\s*:").search(self.text, start)
            pos = m.start() if m else -1
        if pos < 0:
            pos = len(self.text) - len(self.text.lstrip())
        line = self.text.count("\n", 0, pos) + 1
        column = pos - (self.text.rfind("\n", 0, pos) + 1)
        return AppLoadError(message, file=str(self.path), line=line, column=column, source=self.text)


def _str(value: Any) -> str | None:
    """A string field as a string (numbers as JSON writes them); ``None`` when absent or empty."""
    if value is None or value == "" or isinstance(value, (dict, list)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _kind(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number")
