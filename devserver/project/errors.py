"""Errors of the app model, in renderer's ``KViewError`` hierarchy so every edge shows them alike.

``AppLoadError``: the app folder or an app definition has the wrong shape, or one of its files
cannot be read (located at that file). ``FileError``: an input of one view (mock data, request
mocks, a component) cannot be read. Invalid JSON in any of these files is a located
``MockDataError``, as the renderer raises for data it cannot use.

``ViewDiagnostic`` is how the server keeps any of them (and kview's own crashes) for display.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from renderer.errors import Diagnostic, KViewError


class AppLoadError(KViewError):
    """The app cannot be read: not an app definition, a record that is not an object, a file
    that cannot be read."""


class FileError(KViewError):
    """An input file of a view exists but cannot be read (permissions, not UTF-8)."""


@dataclass(frozen=True)
class ViewDiagnostic(Diagnostic):
    """A ``Diagnostic`` with what the gallery also shows of a failed render: the JavaScript
    error's type (``ReferenceError`` rather than ``RenderError``) and, for a crash of kview
    itself, a trimmed Python traceback. ``to_dict()`` adds them as ``js_type``/``traceback``."""

    js_type: str | None = None
    traceback: str | None = None

    @classmethod
    def of(cls, exc: KViewError, file: str | None = None) -> ViewDiagnostic:
        """``exc`` as shown; ``file`` replaces the file it names (relative to the app folder)."""
        diag = exc.diagnostic()
        values = {f.name: getattr(diag, f.name) for f in fields(Diagnostic)}
        if file is not None:
            values["file"] = file
        return cls(**values, js_type=getattr(exc, "js_type", None))

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if self.js_type:
            out["js_type"] = self.js_type
        if self.traceback:
            out["traceback"] = self.traceback
        return out
