"""The app model: what kview knows about an app, whatever files it came from.

Plain frozen data, built by ``load`` and read by everyone else: a ``ViewSpec`` per KView, and
an ``App`` holding the views with the files they share (mock data, request mocks, components).
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
    problem: KViewError | None = None  # why it cannot render (its file is outside the app folder)

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
class App:
    """An app: its views and the files they share.

    ``root`` is the app folder (``None`` for a lone template or app definition, which share
    nothing). ``mocks`` maps a view's name to its mock data file; a view without one renders
    with generated data.
    """

    views: tuple[ViewSpec, ...] = ()
    root: Path | None = None
    title: str | None = None  # app.json's "title"
    mocks: Mapping[str, Path] = field(default_factory=dict)
    requests: Path | None = None  # the request mocks answering KustomerRequest
    components: tuple[Path, ...] = ()  # the app's own components (they override built-ins)

    def view(self, name: str) -> ViewSpec | None:
        return next((v for v in self.views if v.name == name), None)

    def mock_for(self, view: ViewSpec) -> Path | None:
        return self.mocks.get(view.name)
