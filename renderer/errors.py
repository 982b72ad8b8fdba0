"""kview's one exception hierarchy: every error knows its template, line and column, and shows a code frame."""

from __future__ import annotations


class KViewError(Exception):
    """Base of every error kview raises on purpose.

    ``line`` is 1-based and ``column`` 0-based (esprima's convention); ``source`` lets
    ``code_frame()`` quote the template around the failing spot.
    """

    kind = "Error"

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
        where = self.file or "<template>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column + 1}"
        return where

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

    def to_dict(self) -> dict:
        return {
            "kind": type(self).__name__,
            "file": self.file,
            "line": self.line,
            "column": None if self.column is None else self.column + 1,
            "message": self.message,
            "frame": self.code_frame(),
        }


class TemplateSyntaxError(KViewError):
    kind = "SyntaxError"


class RenderError(KViewError):
    """A JavaScript error that escaped the template; ``js_type`` is Chrome's constructor name."""

    def __init__(self, message: str, js_type: str = "Error", **kw) -> None:
        super().__init__(message, **kw)
        self.js_type = js_type

    def __str__(self) -> str:
        return f"{self.location}: {self.js_type}: {self.message}"


class UnknownComponentError(KViewError):
    kind = "UnknownComponent"


class MockDataError(KViewError):
    kind = "MockDataError"


class SecurityError(KViewError):
    kind = "SecurityError"


class BudgetError(RenderError):
    """A render ran past one of its budgets (steps, call depth, output size)."""
