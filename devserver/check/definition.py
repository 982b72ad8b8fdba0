"""Checks of the definition itself: the JSON Schema (``schema.json``), then what a schema cannot
say — which resources a context allows, view names, duplicates, i18n, widget sizes, and
references from commands and widgets to settings.

The schema is written from the platform reference (§1 KViews, §7 widgets, §8 commands,
settings, i18n); the rules below it encode the reference's tables. Where the reference marks
something NOT FOUND the rule is a warning, never an error.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from .assemble import Assembled, JsonPath
from .findings import Finding, Severity

CONTEXTS = ("smartbar-card", "smartbar-details", "expanded-timeline", "create-form")
CSS_SIZE = re.compile(r"^(\d+(\.\d+)?(px|vw|vh|%|em|rem)|calc\(.+\))$")
SETTING_REF = re.compile(r"\{\{\{?\s*settings\.([\w-]+)\.([\w-]+)\s*\}?\}\}")
URL_ARG = re.compile(r"\{\{\{\s*([\w.-]+)\s*\}\}\}")


@cache
def schema() -> dict[str, Any]:
    """The app definition's JSON Schema (``devserver/check/schema.json``)."""
    text = resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def validator(record_only: bool) -> jsonschema.Draft202012Validator:
    s = schema()
    if record_only:  # a lone *.kview.json record: its one KView, against the KView schema
        s = {**s, "required": [], "additionalProperties": True}
    return jsonschema.Draft202012Validator(s)


def check_definition(unit: Assembled) -> list[Finding]:
    """Every problem of the definition's shape and cross-references, located."""
    out: list[Finding] = []
    d = unit.definition

    def add(severity: Severity, rule: str, path: JsonPath, message: str, fix: str, key: bool = False) -> None:
        file, line, col = unit.locate(path, key=key)
        out.append(Finding(severity, rule, message, file, line, col, fix, _view_of(d, path)))

    for err in sorted(validator(unit.record_only).iter_errors(d), key=lambda e: list(map(str, e.absolute_path))):
        _schema_finding(err, add, unit.record_only)
    app = d.get("app") if isinstance(d.get("app"), str) else None
    klasses = {k.get("name") for k in d.get("klasses") or [] if isinstance(k, dict)} if isinstance(d.get("klasses"), list) else set()
    for i, v in enumerate(d.get("kviews") or [] if isinstance(d.get("kviews"), list) else []):
        if isinstance(v, dict):
            _check_view(i, v, app, klasses, add)
    _duplicates(d, add)
    _i18n(d, app, add)
    _widgets(d, add)
    _commands(d, app, add)
    return out


def _view_of(d: dict[str, Any], path: JsonPath) -> str | None:
    if len(path) >= 2 and path[0] == "kviews" and isinstance(path[1], int):
        kviews = d.get("kviews")
        if isinstance(kviews, list) and path[1] < len(kviews) and isinstance(kviews[path[1]], dict):
            name = kviews[path[1]].get("name")
            return str(name) if name else f"kviews[{path[1]}]"
    return None


def _schema_finding(err: jsonschema.ValidationError, add: Any, record_only: bool) -> None:
    path = tuple(err.absolute_path)
    where = "/".join(map(str, path)) or "the definition"
    if err.validator == "enum" and path and path[-1] == "context":
        close = difflib.get_close_matches(str(err.instance), CONTEXTS, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        add("error", "unknown-context", path, f"unknown context {err.instance!r}",
            f"{hint}use one of {', '.join(CONTEXTS)}")
    elif err.validator == "pattern" and path and path[-1] == "resource":
        add("error", "bad-resource", path, f"unknown resource {err.instance!r}",
            "use customer, company, conversation or kobject.<klass name>")
    elif err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        add("error", "missing-key", path, f"{where} lacks required key '{missing}'", f"add \"{missing}\" to {where}")
    elif err.validator == "additionalProperties" and not path:
        extra = ", ".join(sorted(set(err.instance) - set(schema()["properties"])))
        first = sorted(set(err.instance) - set(schema()["properties"]))[0]
        close = difflib.get_close_matches(first, list(schema()["properties"]), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        add("error", "unknown-key", (first,), f"unknown top-level key(s) {extra}: Kustomer refuses the definition",
            f"remove them{hint}", key=True)
    elif err.validator == "pattern" and path == ("app",):
        add("error", "bad-app-id", path, f"app id {err.instance!r} has characters Kustomer does not allow",
            "use letters, digits and underscores, starting with a letter (snake_case)")
    elif err.validator == "pattern" and path == ("version",):
        add("error", "bad-version", path, f"version {err.instance!r} is not semver", "use MAJOR.MINOR.PATCH, e.g. 1.0.0")
    else:
        add("error", "schema", path, f"{where}: {err.message}", "make the value match the shape Kustomer expects")


def _check_view(i: int, v: dict[str, Any], app: str | None, klasses: set[Any], add: Any) -> None:
    context, resource, name = v.get("context"), v.get("resource"), v.get("name")
    if isinstance(resource, str) and context == "expanded-timeline" and not resource.startswith("kobject."):
        add("error", "resource-not-allowed", ("kviews", i, "resource"),
            f"context 'expanded-timeline' is the timeline body of a custom object: resource {resource!r} is not allowed",
            "use resource kobject.<klass>, or context smartbar-card for a card")
    if isinstance(resource, str) and context == "smartbar-details":
        # the docs' context table allows only a Klass the app defines, yet the components built
        # for the details panel (RowPriority, RowAssignmentUser) are conversation rows: a warning
        klass = resource.removeprefix("kobject.")
        if not resource.startswith("kobject.") or (klasses and klass not in klasses):
            add("warning", "resource-not-allowed", ("kviews", i, "resource"),
                f"the docs allow smartbar-details views only for a Klass the app defines, not {resource!r}",
                "use resource kobject.<one of the app's klasses>, or context smartbar-card")
    if isinstance(resource, str) and context == "create-form" and not resource.startswith("kobject."):
        add("warning", "resource-not-allowed", ("kviews", i, "resource"),
            f"create-form views are forms for Klass records; {resource!r} is not a Klass",
            "use resource kobject.<klass>")
    if isinstance(name, str) and app:
        prefix = f"kustomer.app.{app}."
        if "<<" in name or ">>" in name:
            add("warning", "view-name", ("kviews", i, "name"), f"view name {name!r} still holds a placeholder",
                f"name it {prefix}<view>")
        elif not name.startswith(prefix) or len(name) == len(prefix):
            add("warning", "view-name", ("kviews", i, "name"),
                f"view name {name!r} is a legacy form: current docs name views {prefix}<view>",
                f"rename it {prefix}{name.rsplit('.', 1)[-1]}")


def _duplicates(d: dict[str, Any], add: Any) -> None:
    for key, what in (("kviews", "view"), ("widgets", "widget"), ("commands", "command"), ("klasses", "Klass")):
        items = d.get(key)
        if not isinstance(items, list):
            continue
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            name = item.get("name") if isinstance(item, dict) else None
            if not isinstance(name, str) or not name:
                continue
            if name in seen:
                add("error", "duplicate", (key, i, "name"),
                    f"{what} {name!r} is defined twice (also {key}[{seen[name]}])", "rename or remove one of the two")
            else:
                seen[name] = i


def _i18n(d: dict[str, Any], app: str | None, add: Any) -> None:
    i18n = d.get("i18n")
    if not isinstance(i18n, dict):
        return
    en = i18n.get("en_us") if isinstance(i18n.get("en_us"), dict) else None
    if en is None and i18n:
        add("error", "i18n-missing", ("i18n",), "i18n has no en_us strings: Kustomer falls back to en_us, then to raw keys",
            "add an en_us object with every key")
        return
    assert en is not None
    for locale, strings in i18n.items():
        if locale == "en_us" or not isinstance(strings, dict):
            continue
        for key in strings:
            if key not in en:
                add("error", "i18n-missing", ("i18n", locale, key), f"{key!r} has a {locale} string but no en_us one",
                    f"add \"{key}\" to i18n.en_us", key=True)
    if not app:
        return
    settings = d.get("settings")
    for cat, items in (settings.items() if isinstance(settings, dict) else []):
        for name, spec in (items.items() if isinstance(items, dict) else []):
            key = f"{app}.settings.path.{cat}.{name}.displayName"
            if isinstance(spec, dict) and not spec.get("hidden") and key not in en:
                add("warning", "i18n-missing", ("settings", cat, name), f"setting {cat}.{name} has no en_us displayName",
                    f"add \"{key}\" to i18n.en_us", key=True)


def _widgets(d: dict[str, Any], add: Any) -> None:
    widgets = d.get("widgets")
    for i, w in enumerate(widgets if isinstance(widgets, list) else []):
        if not isinstance(w, dict):
            continue
        for dim in ("width", "height"):
            val = w.get(dim)
            if isinstance(val, bool) or val is None:
                continue
            if isinstance(val, int | float):
                add("warning", "widget-size", ("widgets", i, dim), f"widget {dim} {val} is a bare number (older starter form)",
                    f"give a CSS size string, e.g. \"{'24vw' if dim == 'width' else '60vh'}\" or \"{int(val)}px\"")
            elif isinstance(val, str) and not CSS_SIZE.match(val.strip()):
                add("error", "widget-size", ("widgets", i, dim), f"widget {dim} {val!r} is not a CSS size",
                    "use vw/vh, px or calc(), e.g. \"24vw\"")
        url = w.get("url")
        if isinstance(url, str):
            _setting_refs(d, url, ("widgets", i, "url"), add)


def _setting_exists(d: dict[str, Any], cat: str, name: str) -> bool:
    settings = d.get("settings")
    return isinstance(settings, dict) and isinstance(settings.get(cat), dict) and name in settings[cat]


def _setting_refs(d: dict[str, Any], text: str, path: JsonPath, add: Any) -> None:
    for m in SETTING_REF.finditer(text):
        if not _setting_exists(d, m.group(1), m.group(2)):
            add("error", "unknown-setting", path, f"references settings.{m.group(1)}.{m.group(2)}, which the app does not define",
                f"add settings.{m.group(1)}.{m.group(2)} or fix the name")


def _commands(d: dict[str, Any], app: str | None, add: Any) -> None:
    commands = d.get("commands")
    for i, c in enumerate(commands if isinstance(commands, list) else []):
        if not isinstance(c, dict):
            continue
        refs = c.get("appSettings")
        for alias, ref in (refs.items() if isinstance(refs, dict) else []):
            key = ref.get("key") if isinstance(ref, dict) else None
            if not isinstance(key, str):
                continue
            parts = key.split(".")
            if len(parts) != 3 or (app and parts[0] != app):
                add("error", "unknown-setting", ("commands", i, "appSettings", alias, "key"),
                    f"setting key {key!r} is not <app>.<category>.<setting>",
                    f"write it {app or '<app>'}.<category>.<setting>")
            elif not _setting_exists(d, parts[1], parts[2]):
                add("error", "unknown-setting", ("commands", i, "appSettings", alias, "key"),
                    f"command {c.get('name')!r} reads setting {parts[1]}.{parts[2]}, which the app does not define",
                    f"add settings.{parts[1]}.{parts[2]} or fix the key")
        url = c.get("url")
        if isinstance(url, str):
            allowed = set(c.get("permittedArgs") or []) | set(c.get("permittedUrlArgs") or []) | set(refs or {})
            for m in URL_ARG.finditer(url):
                if m.group(1) not in allowed and not m.group(1).startswith("settings."):
                    add("warning", "command-arg", ("commands", i, "url"),
                        f"url interpolates {{{{{{{m.group(1)}}}}}}}, which permittedUrlArgs does not list",
                        f"add \"{m.group(1)}\" to permittedUrlArgs")
