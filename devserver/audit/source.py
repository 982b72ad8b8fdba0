"""Where a template writes a colour: the first line of the view's template (then its components)
holding the literal as the page got it (``#333``, ``rgb(0, 0, 0)``, ``black``) or the colour's
hex spellings; "unknown" when none does (a colour computed, or from data)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path


def _spellings(literal: str, color: Sequence[float] | None) -> list[str]:
    if color is None:
        return [re.sub(r"\s+", "", literal).lower()]
    r, g, b = (max(0, min(255, round(c))) for c in color[:3])
    spellings = [literal, f"#{r:02x}{g:02x}{b:02x}", f"rgb({r},{g},{b})"]
    if all(v % 17 == 0 for v in (r, g, b)):
        spellings.append(f"#{r // 17:x}{g // 17:x}{b // 17:x}")
    return [re.sub(r"\s+", "", s).lower() for s in spellings if s]


def locator(files: Sequence[Path], root: Path | None) -> Callable[[str, tuple[float, ...] | None], str]:
    """``locate(literal, colour)`` over ``files`` (read once), naming them relative to ``root``."""
    texts: list[tuple[str, list[str]]] = []
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        name = path.relative_to(root).as_posix() if root is not None and path.is_relative_to(root) else str(path)
        texts.append((name, [re.sub(r"\s+", "", line).lower() for line in lines]))

    def locate(literal: str, color: tuple[float, ...] | None) -> str:
        patterns = [re.compile(re.escape(s) + (r"(?![0-9a-z])" if s[-1].isalnum() else "")) for s in
                    _spellings(literal, color)]
        for pattern in patterns:
            for name, lines in texts:
                for number, line in enumerate(lines, 1):
                    if pattern.search(line):
                        return f"{name}:{number}"
        return "unknown"

    return locate
