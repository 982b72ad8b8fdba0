"""Scenarios: the named sets of mock data a view renders with, and where each piece comes from.

Files (inside the app folder's ``mocks/``)::

    mocks/<view>/<scenario>.json   a scenario of one view ("default" is shown first)
    mocks/<view>.json              the view's default scenario when there is no <view>/default.json
    mocks/customer.json            app-wide fixtures: the record of that resource for every view
    mocks/kobject.<klass>.json     whose scenario does not give it (also conversation, company)

A view's data, in order (the first that gives a record wins): its scenario, the app-wide
fixtures, then records generated from the standard Klasses and the app's ``klasses``
(``renderer.kustomer.generate.fill_missing``). ``appSettings`` (when the template reads it)
starts from the definition's ``settings`` defaults, and the scenario's ``settings`` override them.

A scenario file is the template's globals (``customer``, ``orders``…) plus, optionally, what is
not data, under ``"$scenario"``::

    {"$scenario": {
        "description": "VIP customer",
        "roles": ["org.admin"],                 # the agent's roles (GET /v1/users/current)
        "settings": {"default": {"storeDomain": "vip.acme.example"}},
        "locale": "fr_fr",                      # navigator.language is then "fr-FR"
        "mask": ["customer.emails[0].email"],   # or {"path": "•••• 4417"}: {isMasked, maskedPresentation}
        "requests": {"GET /v1/…": {…}}          # over mocks/requests.json: KustomerRequest, commands
     },
     "customer": {…}}

Masks apply to the final data (generated fields can be masked too); a path that is not in the
data is a located ``MockDataError``. Which of these files exist is ``load.py``'s to say (the one
reader of the folder layout); this module decides what they mean, and writes a new one
(``save_scenario``: the gallery's "Save as scenario", confined to the app folder).
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from renderer.errors import KViewError, MockDataError
from renderer.kustomer.generate import fill_missing
from renderer.kustomer.klasses import klass_attributes
from renderer.kustomer.needs import TemplateNeeds
from renderer.kustomer.records import DEFAULT_USER, primary_name

from .confinement import inside, outside_error
from .errors import FileError
from .load import fixture_file, read_json, scenario_dirs, scenario_files
from .model import App, ViewSpec

DEFAULT = "default"
OPTIONS_KEY = "$scenario"
FIXTURE_RECORDS = ("customer", "conversation", "company")
_OPTION_NAMES = frozenset({"description", "roles", "settings", "locale", "mask", "requests"})
_PATH_PART = re.compile(r"[^.\[\]]+|\[(\d+)\]")
SCENARIO_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")  # a file name on every OS, no dots, no slashes


class UnknownScenario(KViewError):
    """``?scenario=`` / ``--scenario`` names no scenario of the view (the message lists them)."""


class ScenarioNameError(KViewError):
    """A scenario name to save under that is not ``[a-z0-9][a-z0-9_-]{0,63}``."""


class ScenarioExists(KViewError):
    """Saving would replace a scenario file, and replacing was not asked for."""


def scenario_names(app: App, view: ViewSpec) -> list[str]:
    """The view's scenarios: ``default`` first (it always exists: generated without a file)."""
    return [DEFAULT, *sorted(set(scenario_files(app, view)) - {DEFAULT})]


def app_scenario_names(app: App) -> list[str]:
    """Every scenario name of the app's views, ``default`` first: what a widget, which belongs
    to no view, can be shown in."""
    named = {n for view in app.views for n in scenario_files(app, view)}
    return [DEFAULT, *sorted(named - {DEFAULT})]


def scenario_settings(app: App, name: str) -> dict[str, Any]:
    """``category.name`` → value: the ``$scenario.settings`` of the first of the app's views (in
    the app's order) whose scenario ``name`` gives settings; ``{}`` when none does. A scenario
    file that does not load gives nothing here: its view shows the located error."""
    for view in app.views:
        path = scenario_files(app, view).get(name) or (app.mock_for(view) if name == DEFAULT else None)
        if path is None:
            continue
        try:
            scenario = read_json(path, "scenario")
            _, options = split_options(scenario if isinstance(scenario, dict) else {}, str(path), None)
        except KViewError:
            continue
        given = options.get("settings") or {}
        flat = {f"{category}.{key}": value for category, values in given.items() if isinstance(values, dict)
                for key, value in values.items()}
        if flat:
            return flat
    return {}


def scenario_path(app: App, view: ViewSpec, name: str | None) -> Path | None:
    """The file of scenario ``name`` (``None``: default) of ``view``; ``None`` when the default
    has no file. ``UnknownScenario`` (listing the scenarios) for a name the view lacks."""
    name = name or DEFAULT
    found = scenario_files(app, view).get(name)
    if found is not None:
        return found
    if name == DEFAULT:
        return app.mock_for(view)
    names = scenario_names(app, view)
    close = difflib.get_close_matches(name, names, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise UnknownScenario(f"view '{view.name}' has no scenario '{name}'.{hint} Its scenarios: {', '.join(names)}",
                          file=view.template_name)


def default_scenario_target(app: App, view: ViewSpec) -> Path | None:
    """Where ``kview mocks --write`` puts a view's default scenario (the existing file if any)."""
    existing = scenario_path(app, view, DEFAULT)
    if existing is not None:
        return existing
    dirs = scenario_dirs(app, view)
    return dirs[0] / f"{DEFAULT}.json" if dirs else None


def fixture_paths(app: App, view: ViewSpec) -> list[tuple[str, Path]]:
    """App-wide fixtures that exist, as ``(data key, file)``: customer, conversation, company,
    and the view's own KObject (``mocks/kobject.<klass>.json``)."""
    wanted = [(n, n) for n in FIXTURE_RECORDS]
    if primary_name(view.resource) == "kobject" and view.resource.startswith("kobject."):
        wanted.append(("kobject", view.resource))
    return [(key, p) for key, stem in wanted if (p := fixture_file(app, stem)) is not None]


def definition_for(app: App, view: ViewSpec) -> Mapping[str, Any] | None:
    """The raw app definition whose ``klasses`` and ``settings`` shape ``view``'s generated data:
    the one that defines the view, else the app's only (or first) one."""
    own = next((d for d in app.definitions if view.app is not None and d.app == view.app), None)
    chosen = own or next(iter(app.definitions), None)
    return chosen.raw if chosen is not None else None


@dataclass
class Composed:
    """A view's data for one scenario, with what is not data."""

    data: dict[str, Any]
    requests: dict[str, Any] | None = None
    locale: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


def split_options(scenario: dict[str, Any], file: str, text: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(globals, $scenario options)`` of a scenario file's JSON; bad options are located errors."""
    data = {k: v for k, v in scenario.items() if k != OPTIONS_KEY}
    options = scenario.get(OPTIONS_KEY, {})
    if not isinstance(options, dict):
        raise _error(f'"{OPTIONS_KEY}" must be an object', file, text)
    unknown = sorted(set(options) - _OPTION_NAMES)
    if unknown:
        raise _error(f'unknown "{OPTIONS_KEY}" option {unknown[0]!r} (known: {", ".join(sorted(_OPTION_NAMES))})',
                     file, text)
    for key, kind, noun in (("roles", list, "an array"), ("settings", dict, "an object"),
                            ("locale", str, "a string"), ("requests", dict, "an object")):
        if key in options and not isinstance(options[key], kind):
            raise _error(f'"{OPTIONS_KEY}.{key}" must be {noun}', file, text)
    if "mask" in options and not isinstance(options["mask"], (list, dict)):
        raise _error(f'"{OPTIONS_KEY}.mask" must be an array of paths or an object path → presentation', file, text)
    return data, options


def compose(view: ViewSpec, needs: TemplateNeeds | None, *, scenario: dict[str, Any] | None,
            scenario_file: str = "scenario", scenario_text: str | None = None,
            fixtures: list[tuple[str, Any]] = (), definition: Any = None,  # type: ignore[assignment]
            requests: Any = None, seed: str = "kview") -> Composed:
    """The data ``view`` renders with: scenario, then fixtures, then generated (module doc)."""
    data, options = split_options(scenario or {}, scenario_file, scenario_text)
    for key, record in fixtures or ():
        aliases = ("kobject", "object", view.resource) if key == "kobject" else (key,)
        if not any(a in data for a in aliases):
            data[key] = record
    defn = definition if isinstance(definition, Mapping) else {}
    if needs is not None and "appSettings" in needs.used and "appSettings" not in data:
        data["appSettings"] = _settings(defn, options.get("settings"))
    data = fill_missing(data, needs, view.resource, seed, klass_attributes(defn.get("klasses")))
    if "mask" in options:
        _apply_masks(data, options["mask"], scenario_file, scenario_text)
    table = _requests(requests, options)
    return Composed(data, table, options.get("locale"), options)


def _settings(defn: Mapping[str, Any], overrides: Any) -> dict[str, Any]:
    """``appSettings`` from the definition's ``settings`` defaults, with the scenario's values."""
    out: dict[str, Any] = {"app": defn["app"]} if isinstance(defn.get("app"), str) else {}
    settings = defn.get("settings")
    for category, entries in (settings.items() if isinstance(settings, dict) else ()):
        if isinstance(entries, dict):
            out[category] = {name: spec["defaultValue"] for name, spec in entries.items()
                             if isinstance(spec, dict) and "defaultValue" in spec}
    for category, values in (overrides.items() if isinstance(overrides, dict) else ()):
        if isinstance(values, dict):
            out[category] = {**out.get(category, {}), **values}
    out.setdefault("default", {})
    return out


def _requests(base: Any, options: dict[str, Any]) -> dict[str, Any] | None:
    """The app's request table with the scenario's entries first (they win) and its roles."""
    own = options.get("requests") or {}
    if base is not None and not isinstance(base, dict):
        return base  # let the renderer report the malformed table
    table = {**own, **{k: v for k, v in (base or {}).items() if k not in own}}
    roles = options.get("roles")
    if roles is not None:
        key = next((k for k in table if " ".join(k.split()).upper() == "GET /V1/USERS/CURRENT"), None)
        entry = table.get(key) if key else None
        data = entry.get("data") if isinstance(entry, dict) else None
        attrs = data.get("attributes") if isinstance(data, dict) else None
        if key and isinstance(entry, dict) and isinstance(data, dict) and isinstance(attrs, dict):
            table[key] = {**entry, "data": {**data, "attributes": {**attrs, "roles": roles}}}
        else:
            user = {k: v for k, v in DEFAULT_USER.items() if k != "id"}
            table["GET /v1/users/current"] = {"data": {"type": "user", "id": DEFAULT_USER["id"],
                                                       "attributes": {**user, "roles": roles}}}
    return table or (None if base is None else table)


def masked(value: Any) -> dict[str, Any]:
    """Kustomer's masked value (reference §2.5): the last four characters of a long string stay."""
    text = value if isinstance(value, str) else ""
    shown = "•" * 4 + " " + text[-4:] if len(text) > 6 else "********"
    return {"isMasked": True, "maskedPresentation": shown}


def _apply_masks(data: dict[str, Any], mask: Any, file: str, text: str | None) -> None:
    items = mask.items() if isinstance(mask, dict) else ((p, None) for p in mask)
    for path, presentation in items:
        if not isinstance(path, str):
            raise _error(f"a mask path must be a string, not {path!r}", file, text)
        parts = [int(m.group(1)) if m.group(1) else m.group(0) for m in _PATH_PART.finditer(path)]
        parts = [int(p) if isinstance(p, str) and p.isdigit() else p for p in parts]
        holder: Any = data
        for part in parts[:-1]:
            holder = _step(holder, part)
        last = parts[-1] if parts else None
        if last is None or _step(holder, last) is _MISSING_PATH:
            raise _error(f"mask: {path!r} is not in the data (paths look like customer.emails[0].email)", file, text)
        value = masked(holder[last])
        if presentation is not None:
            value["maskedPresentation"] = str(presentation)
        holder[last] = value


_MISSING_PATH: Any = object()


def _step(holder: Any, part: str | int) -> Any:
    if isinstance(holder, dict) and isinstance(part, str) and part in holder:
        return holder[part]
    if isinstance(holder, list) and isinstance(part, int) and 0 <= part < len(holder):
        return holder[part]
    return _MISSING_PATH


def _error(message: str, file: str, text: str | None) -> MockDataError:
    line = 1
    if text is not None and OPTIONS_KEY in text:
        line = text[: text.index(OPTIONS_KEY)].count("\n") + 1
    return MockDataError(message, file=file, line=line, column=0, source=text)


# ---------------------------------------------------------------------- editing and saving
def editable(composed: Composed) -> dict[str, Any]:
    """A scenario file that renders as ``composed`` does, on its own: the composed records, and
    under ``$scenario`` its options with the whole request table. Masks are already applied to
    the records, so ``mask`` is left out (applying it twice would mask the masked value)."""
    options = {k: v for k, v in composed.options.items() if k not in ("mask", "requests")}
    if composed.requests is not None:
        options["requests"] = composed.requests
    return {OPTIONS_KEY: options, **composed.data} if options else dict(composed.data)


def save_scenario(app: App, view: ViewSpec, name: str, value: Any, *, overwrite: bool = False) -> Path:
    """Write ``value`` as scenario ``name`` of ``view`` (``mocks/<view>/<name>.json``) and return
    the file. An existing scenario's own file is replaced only with ``overwrite``
    (``ScenarioExists`` otherwise); the file must stay inside the app folder, symlinks resolved
    (``FileError``). ``value`` is checked as a scenario file is read (``MockDataError``)."""
    if not SCENARIO_NAME.fullmatch(name):
        raise ScenarioNameError(f"scenario name {name!r} is not allowed: use 1 to 64 lower-case letters, digits, "
                                "'-' or '_', starting with a letter or digit")
    if app.root is None:
        raise FileError(f"view '{view.name}' is not in an app folder: there is no mocks/ to save to")
    text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    if not isinstance(value, dict):
        raise MockDataError("a scenario must be a JSON object whose keys become the template's globals, "
                            f"not a {type(value).__name__}", file=f"{name}.json", line=1, column=0, source=text)
    split_options(value, f"{name}.json", text)
    existing = scenario_files(app, view).get(name) or (app.mock_for(view) if name == DEFAULT else None)
    if existing is not None and not overwrite:
        raise ScenarioExists(f"view '{view.name}' already has a scenario '{name}' ({existing.name}); "
                             "confirm to replace it", file=str(existing))
    target = existing or _scenario_dir(app, view) / f"{name}.json"
    if not inside(app.root, target.parent) or not inside(app.root, target):
        raise outside_error(FileError, "scenario file", target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not inside(app.root, target.parent):  # made through a symlink that appeared meanwhile
        raise outside_error(FileError, "scenario file", target)
    temp = target.with_name(f".{target.name}.kview-tmp")  # not *.json: never read as a scenario
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, target)  # whole or not at all: the watcher never reads half a file
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise FileError(f"cannot write scenario file: {exc.strerror or exc}", file=str(target)) from None
    return target


def _scenario_dir(app: App, view: ViewSpec) -> Path:
    """Where a new scenario of ``view`` goes: the folder its scenarios are already in, else
    ``mocks/<template file stem>/`` (``mocks/<view name>/`` for a view of an app definition)."""
    dirs = scenario_dirs(app, view)
    found = next((d for d in dirs if d.is_dir()), None)
    if found is not None:
        return found
    if view.path is not None and view.path.suffix == ".jsx" and len(dirs) > 1:
        return dirs[-1]
    return dirs[0]
