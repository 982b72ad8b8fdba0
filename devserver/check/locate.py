"""Where each value of a JSON text is: JSON paths → ``(line, column)``, both 1-based.

``json.loads`` gives values, never positions, and ``kview check`` must point at
``app.json:12:5``. This scanner walks the text once, after ``json.loads`` has accepted it, and
records where every key and every value starts; it validates nothing itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

Path = tuple[str | int, ...]
_WS = " \t\r\n"


@dataclass
class Positions:
    """Start of each value (``values``) and of each object member's key (``keys``), by path."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path`` (its key with ``key=True``), else of its nearest parent."""
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))


def scan(text: str) -> Positions:
    """Positions of every value and key of ``text`` (which ``json.loads`` accepted)."""
    out = Positions()
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)

    def where(i: int) -> tuple[int, int]:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= i:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, i - starts[lo] + 1

    def skip(i: int) -> int:
        while i < len(text) and text[i] in _WS:
            i += 1
        return i

    def string_end(i: int) -> int:  # i at the opening quote; returns the index after the closing one
        i += 1
        while text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        return i + 1

    def value(i: int, path: Path) -> int:
        i = skip(i)
        out.values[path] = where(i)
        ch = text[i]
        if ch == "{":
            i = skip(i + 1)
            if text[i] == "}":
                return i + 1
            while True:
                i = skip(i)
                end = string_end(i)
                key = _decode(text[i:end])
                out.keys[path + (key,)] = where(i)
                i = skip(end) + 1  # the colon
                i = skip(value(i, path + (key,)))
                if text[i] == "}":
                    return i + 1
                i += 1  # the comma
        if ch == "[":
            i = skip(i + 1)
            if text[i] == "]":
                return i + 1
            n = 0
            while True:
                i = skip(value(i, path + (n,)))
                n += 1
                if text[i] == "]":
                    return i + 1
                i += 1
        if ch == '"':
            return string_end(i)
        while i < len(text) and text[i] not in ",]}" + _WS:
            i += 1
        return i

    if text.strip():
        value(0, ())
    return out


def _decode(token: str) -> str:
    return str(json.loads(token))
