"""The app model: what kview knows about an app, whatever files it came from.

Plain frozen data, built by ``load`` and read by everyone else: a ``ViewSpec`` per KView, a
``Definition`` per app definition (its widgets, commands, settings, klasses, i18n, hooks… as
typed fields, and the raw JSON), and an ``App`` holding the views of every definition of a
folder with the files they share (mock data, request mocks, components) and the files that
could not be read (``problems``: one located error each; everything else still loads).
Files are named by their path as the loader was given it (``kview render`` prints them as the
user typed them; the server loads an absolute root and shows paths relative to it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from renderer.errors import KViewError


@dataclass(frozen=True)
class ViewSpec:
    """One KView: where its template came from and how Kustomer frames it."""

    name: str
    source: str
    path: Path | None = None  # the .jsx file, or the app definition holding the template
    resource: str = "customer"
    context: str = "smartbar-card"
    meta: Mapping[str, Any] = field(default_factory=dict)
    problem: KViewError | None = None  # why it cannot render (a file unreadable, outside the folder…)
    origin: str = ""  # where it is defined, as errors name it ("kviews/x.jsx", "a.app.json kviews[2]")
    iframe: bool = False  # no template (``template: null``): ``source`` is kview's stand-in preview
    app: str | None = None  # the "app" of the definition it belongs to, when it has one
    record: Mapping[str, Any] | None = None  # the KView record as written (definitions, *.kview.json)

    @property
    def display_name(self) -> str:
        return str(self.meta.get("displayName") or self.name)

    @property
    def template_name(self) -> str:
        """The name errors give the template (and the compile cache's key): its file, plus
        ``#<view>`` for a template inside an app definition (one JSON file holds several)."""
        if self.path is None:
            return self.name
        return str(self.path) if self.path.suffix == ".jsx" else f"{self.path}#{self.name}"


@dataclass(frozen=True)
class Widget:
    """A widget (§7): a hosted page opened from the navigation rail, not tied to a record."""

    name: str | None
    url: str | None
    title: str | None = None
    icon: str | None = None
    width: str | None = None  # a CSS size as written (older definitions give pixels: 500 → "500")
    height: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Command:
    """A command (§8.1): an HTTP call Kustomer makes for the app, run from views and widgets."""

    name: str | None
    display_name: str | None = None
    url: str | None = None
    http_method: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Setting:
    """One app setting (§8.2): ``settings.<category>.<name>``."""

    category: str
    name: str
    type: str | None = None
    default: Any = None
    required: bool = False
    raw: Mapping[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.category}.{self.name}"


@dataclass(frozen=True)
class Klass:
    """A custom object type the app defines (§4.6); ``properties`` is ``metadata.properties``."""

    name: str | None
    properties: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    raw: Mapping[str, Any] = field(default_factory=dict)


# what an app definition holds besides views, as (field, JSON key, how a listing calls one)
PARTS = (("widgets", "widgets", "widget"), ("commands", "commands", "command"),
         ("settings", "settings", "setting"), ("klasses", "klasses", "klass"),
         ("hooks", "hooks", "hook"), ("outbound_webhooks", "outboundWebhooks", "outbound webhook"),
         ("actions", "actions", "action"), ("workflows", "workflows", "workflow"),
         ("triggers", "triggers", "trigger"))


@dataclass(frozen=True)
class Definition:
    """One app definition (``app.json``, ``*.app.json``, a registered definition file), read
    leniently: each part that has the wrong shape is a problem of the app, the rest is kept.
    Parts whose shape the reference does not give (hooks, webhooks, actions…) stay raw."""

    path: Path | None
    raw: Mapping[str, Any] = field(default_factory=dict)
    app: str | None = None  # the "app" id
    title: str | None = None
    version: str | None = None
    views: tuple[str, ...] = ()  # the names of its views (in ``App.views``)
    widgets: tuple[Widget, ...] = ()
    commands: tuple[Command, ...] = ()
    settings: tuple[Setting, ...] = ()
    klasses: tuple[Klass, ...] = ()
    i18n: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # locale → key → text
    hooks: tuple[Mapping[str, Any], ...] = ()
    outbound_webhooks: tuple[Mapping[str, Any], ...] = ()
    actions: tuple[Mapping[str, Any], ...] = ()
    workflows: tuple[Mapping[str, Any], ...] = ()
    triggers: tuple[Mapping[str, Any], ...] = ()

    @property
    def label(self) -> str:
        return self.title or self.app or (self.path.name if self.path else "app")

    def contents(self) -> list[str]:
        """What it holds, one phrase a part ("2 views", "1 widget (my-first-widget)", "i18n (en_us)"),
        for listings of apps with no views."""
        out = [_count(len(self.views), "view")] if self.views else []
        for attr, _key, noun in PARTS:
            items: tuple[Any, ...] = getattr(self, attr)
            if items:
                names = [n for n in (_name_of(i) for i in items) if n]
                shown = f" ({', '.join(names[:4])}{', …' if len(names) > 4 else ''})" if names else ""
                out.append(_count(len(items), noun) + shown)
        if self.i18n:
            out.append(f"i18n ({', '.join(sorted(self.i18n))})")
        return out


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + ("es" if noun.endswith("s") else "s")
    return f"{n} {noun if n == 1 else plural}"


def _name_of(item: Any) -> str | None:
    if isinstance(item, Setting):
        return item.key
    name = getattr(item, "name", None) if not isinstance(item, Mapping) else item.get("name")
    return str(name) if name else None


@dataclass(frozen=True)
class App:
    """An app folder, or a lone template or definition: its views and the files they share.

    ``root`` is the app folder (``None`` for a lone template or app definition, which share
    nothing). ``mocks`` maps a view's name to its mock data file; a view without one renders
    with generated data. A folder may hold several definitions (``definitions``); ``problems``
    are the files that could not be read, each a located error (a view's own file's error is
    its ``problem`` instead).
    """

    views: tuple[ViewSpec, ...] = ()
    root: Path | None = None
    title: str | None = None  # app.json's "title"
    mocks: Mapping[str, Path] = field(default_factory=dict)
    requests: Path | None = None  # the request mocks answering KustomerRequest
    components: tuple[Path, ...] = ()  # the app's own components (they override built-ins)
    definitions: tuple[Definition, ...] = ()
    problems: tuple[KViewError, ...] = ()

    @property
    def widgets(self) -> tuple[Widget, ...]:
        return tuple(w for d in self.definitions for w in d.widgets)

    @property
    def commands(self) -> tuple[Command, ...]:
        return tuple(c for d in self.definitions for c in d.commands)

    @property
    def settings(self) -> tuple[Setting, ...]:
        return tuple(s for d in self.definitions for s in d.settings)

    @property
    def klasses(self) -> tuple[Klass, ...]:
        return tuple(k for d in self.definitions for k in d.klasses)

    def view(self, name: str) -> ViewSpec | None:
        return next((v for v in self.views if v.name == name), None)

    def mock_for(self, view: ViewSpec) -> Path | None:
        return self.mocks.get(view.name)
