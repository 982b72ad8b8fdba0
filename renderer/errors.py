"""kview's one exception hierarchy, and ``Diagnostic``: what every edge (CLI, server, JSON) shows.

Every error knows its file, line and column and quotes a code frame; a warning is a
``Diagnostic`` too, so the gallery, ``--format json`` and the CLI print one shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


def location(file: str | None, line: int | None, column: int | None) -> str:
    """``file:line:column`` as editors and compilers print it (``column`` 1-based)."""
    where = file or "<template>"
    if line is not None:
        where += f":{line}"
        if column is not None:
            where += f":{column}"
    return where


@dataclass(frozen=True)
class Diagnostic:
    """One error or warning, located. ``column`` is 1-based here (editors' convention).

    ``kind`` names what happened: a kview error class (``RenderError``, ``TemplateSyntaxError``,
    ``AppLoadError``) or a warning's category (``unknown-prop``); ``js_type`` the JavaScript
    error's constructor when a template threw (``ReferenceError``). ``detail`` is more text for
    whoever debugs (a trimmed Python traceback when kview itself crashed). ``loc`` keeps the
    0-based ``(line, column)`` the renderer works with.
    """

    severity: Severity
    kind: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    frame: str = ""
    loc: tuple[int, int] | None = None
    js_type: str | None = None
    detail: str = ""

    @classmethod
    def warning(cls, message: str, loc: tuple[int, int] | None = None, kind: str = "warning",
                file: str | None = None) -> Diagnostic:
        line, col = loc if loc else (None, None)
        return cls("warning", kind, message, file, line, None if col is None else col + 1, "", loc)

    @property
    def location(self) -> str:
        return location(self.file, self.line, self.column)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape (``/render?format=json``, ``--format json``, server-sent events)."""
        out: dict[str, Any] = {
            "severity": self.severity,
            "kind": self.kind,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "frame": self.frame,
        }
        if self.js_type:
            out["js_type"] = self.js_type
        if self.detail:
            out["detail"] = self.detail
        return out


class KViewError(Exception):
    """Base of every error kview raises on purpose.

    ``line`` is 1-based and ``column`` 0-based (esprima's convention); ``source`` lets
    ``code_frame()`` quote the template around the failing spot.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        source: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.source = source

    def located(self, file: str | None, source: str | None) -> KViewError:
        """Fill in the template name and source where the raiser did not know them."""
        if self.file is None:
            self.file = file
        if self.source is None:
            self.source = source
        return self

    @property
    def location(self) -> str:
        return location(self.file, self.line, None if self.column is None else self.column + 1)

    def code_frame(self, context: int = 2) -> str:
        """The lines around the error with a caret under the column (Babel's layout)."""
        if self.source is None or self.line is None:
            return ""
        lines = self.source.splitlines() or [""]
        first = max(1, self.line - context)
        last = min(len(lines), self.line + context)
        width = len(str(last))
        out = []
        for n in range(first, last + 1):
            text = lines[n - 1] if n - 1 < len(lines) else ""
            mark = ">" if n == self.line else " "
            out.append(f"{mark} {n:>{width}} | {text}")
            if n == self.line and self.column is not None:
                col = min(self.column, len(text))
                pad = "".join(c if c == "\t" else " " for c in text[:col])
                out.append(f"  {' ' * width} | {pad}^")
        return "\n".join(out)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def pretty(self) -> str:
        frame = self.code_frame()
        return f"{self}\n{frame}" if frame else str(self)

    @property
    def kind(self) -> str:
        return type(self).__name__

    def diagnostic(self) -> Diagnostic:
        """This error as the edges show it."""
        loc = (self.line, self.column) if self.line is not None and self.column is not None else None
        column = None if self.column is None else self.column + 1
        return Diagnostic("error", self.kind, self.message, self.file, self.line, column,
                          self.code_frame(), loc, getattr(self, "js_type", None))

    def to_dict(self) -> dict[str, Any]:
        return self.diagnostic().to_dict()


class TemplateSyntaxError(KViewError):
    """The template is not valid JavaScript + JSX (esprima's message, located)."""


class RenderError(KViewError):
    """A JavaScript error that escaped the template; ``js_type`` is Chrome's constructor name."""

    def __init__(self, message: str, js_type: str = "Error", **kw) -> None:
        super().__init__(message, **kw)
        self.js_type = js_type

    def __str__(self) -> str:
        return f"{self.location}: {self.js_type}: {self.message}"


class UnknownComponentError(KViewError):
    """A capitalized JSX name that is neither defined nor a Kustomer component."""


class MockDataError(KViewError):
    """Template data that cannot become JavaScript values (or has the wrong shape)."""


class SecurityError(KViewError):
    """Something a preview refuses to do (a URL scheme, a file outside the app)."""


class BudgetError(RenderError):
    """A render ran past one of its budgets (steps, call depth, output size)."""
