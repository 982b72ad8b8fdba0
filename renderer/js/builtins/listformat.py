"""Intl.ListFormat ("a, b, and c", "a, b ou c") as Node 20 (ICU) writes it.

The list patterns are ICU's (``intl_data.py``): two items use ``pair``; more use ``start``
for the first, ``middle`` between the next ones and ``end`` for the last two. Spanish changes
"y"/"o" to "e"/"u" before the sounds that need it, as ICU does.
"""

from __future__ import annotations

from typing import Any

from ..members import iterate
from ..values import UNDEFINED, safe_to_string, type_error
from .function import describe
from .locales import _option, cldr_data, cldr_locale, options_object, reported_locale

__all__ = [
    "ListFormat",
]

_WHERE = "Intl.ListFormat"


def _change_to_e(text: str) -> bool:
    """ICU's test for Spanish "y" -> "e": the next word starts with "i", or "hi" not before a/e."""
    low = text[:3].lower()
    return low.startswith("i") or (low.startswith("hi") and (len(low) == 2 or low[2] not in "ae"))


def _change_to_u(text: str) -> bool:
    """ICU's test for Spanish "o" -> "u": the next word starts with "o", "ho" or "8", or is "11"."""
    low = text[:2].lower()
    return low[:1] in ("o", "8") or low == "ho" or text == "11" or text.startswith("11 ")


def _strings(items: Any) -> list[str]:
    """StringListFromIterable: undefined is an empty list; every item must be a string."""
    if items is UNDEFINED:
        return []
    if items is None or type(items) in (float, bool):
        kind = "object" if items is None else "number" if type(items) is float else "boolean"
        type_error(f"{kind} {safe_to_string(items)} is not iterable "
                   "(cannot read property Symbol(Symbol.iterator))")
    out: list[str] = []
    for item in iterate(items):
        if type(item) is not str:
            type_error(f"Iterable yielded {describe(item)} which is not a string")
        out.append(item)
    return out


class ListFormat:
    """A resolved Intl.ListFormat."""

    def __init__(self, locales: Any, options: Any) -> None:
        self.tag = cldr_locale(locales, _WHERE)
        options = options_object(options)
        _option(options, "localeMatcher", ("lookup", "best fit"), _WHERE)
        self.type = _option(options, "type", ("conjunction", "disjunction", "unit"), _WHERE)
        if self.type is UNDEFINED:
            self.type = "conjunction"
        self.style = _option(options, "style", ("long", "short", "narrow"), _WHERE)
        if self.style is UNDEFINED:
            self.style = "long"
        self.patterns: dict[str, str] = cldr_data(self.tag)["list"][self.type][self.style]
        self.spanish = self.tag.split("-")[0] == "es"

    def _joined(self, kind: str, first: list[tuple[str, str]], rest: list[tuple[str, str]],
                next_text: str) -> list[tuple[str, str]]:
        pattern = self.patterns[kind]
        if self.spanish and kind in ("pair", "end"):
            if pattern == "{0} y {1}" and _change_to_e(next_text):
                pattern = "{0} e {1}"
            elif pattern == "{0} o {1}" and _change_to_u(next_text):
                pattern = "{0} u {1}"
        before, _, after0 = pattern.partition("{0}")
        between, _, after = after0.partition("{1}")
        out = [("literal", before)] + first + [("literal", between)] + rest + [("literal", after)]
        return [(k, v) for k, v in out if v or k == "element"]

    def parts(self, items: Any) -> list[tuple[str, str]]:
        """The parts of ``format(items)``: ("element", item) and ("literal", text)."""
        strings = _strings(items)
        n = len(strings)
        if n <= 1:
            return [("element", s) for s in strings]
        if n == 2:
            return self._joined("pair", [("element", strings[0])], [("element", strings[1])],
                                strings[1])
        out = self._joined("end", [("element", strings[-2])], [("element", strings[-1])],
                           strings[-1])
        for i in range(n - 3, 0, -1):
            out = self._joined("middle", [("element", strings[i])], out, strings[i + 1])
        return self._joined("start", [("element", strings[0])], out, strings[1])

    def format(self, items: Any) -> str:
        return "".join(text for _, text in self.parts(items))

    def format_to_parts(self, items: Any) -> list[dict[str, str]]:
        return [{"type": kind, "value": text} for kind, text in self.parts(items)]

    def resolved_options(self) -> dict:
        return {"locale": reported_locale(self.tag, "list"), "type": self.type, "style": self.style}
