"""Intl.RelativeTimeFormat ("yesterday", "in 3 days", "il y a 2 heures") as Node 20 (ICU) writes it.

Patterns and the words of ``numeric: 'auto'`` come from ICU's data (``intl_data.py``). The
number is written as ICU's RelativeDateTimeFormatter does: at most three fraction digits,
rounded half to even, grouped with the locale's symbols; its plural category (on the written
number) picks the pattern.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from typing import Any

from ..values import UNDEFINED, range_error, to_number, to_string
from .locales import _option, cldr_data, cldr_locale, coerce_options, reported_locale
from .numberformat import _NUM_CTX, _group, _number_parts
from .pluralrules import plural_category

__all__ = [
    "RelativeTimeFormat",
]

_UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year")
_WHERE = "Intl.RelativeTimeFormat"


def _unit(value: Any) -> str:
    """A singular unit name from ``"day"`` or ``"days"``; anything else is V8's RangeError."""
    s = to_string(value)
    unit = s[:-1] if s.endswith("s") and s[:-1] in _UNITS else s
    if unit not in _UNITS:
        range_error(f"Invalid unit argument for {_WHERE}.prototype.format() '{s}'")
    return unit


def _auto_offset(x: float) -> int | None:
    """ICU's test for a word ("tomorrow"): -2..2 within 1% (the offset times 100, rounded)."""
    if not -2.1 < x < 2.1:
        return None
    hundredths = int(x * 100 - 0.5) if x * 100 < 0 else int(x * 100 + 0.5)
    return hundredths // 100 if hundredths % 100 == 0 else None


class RelativeTimeFormat:
    """A resolved Intl.RelativeTimeFormat."""

    def __init__(self, locales: Any, options: Any) -> None:
        self.tag = cldr_locale(locales, _WHERE)
        options = coerce_options(options, _WHERE)
        _option(options, "localeMatcher", ("lookup", "best fit"), _WHERE)
        self.style = _option(options, "style", ("long", "short", "narrow"), _WHERE)
        if self.style is UNDEFINED:
            self.style = "long"
        self.numeric = _option(options, "numeric", ("always", "auto"), _WHERE)
        if self.numeric is UNDEFINED:
            self.numeric = "always"
        data = cldr_data(self.tag)
        self.patterns: dict[str, Any] = data["rtf"][self.style]
        self.symbols: list = data["num"]

    def _number(self, x: float) -> str:
        """|x| with at most three fraction digits (half to even), with '.' and no grouping."""
        with localcontext(_NUM_CTX):
            d = Decimal(repr(abs(x))).quantize(Decimal("0.001"), rounding=ROUND_HALF_EVEN)
        text = format(d, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text

    def parts(self, value: Any, unit_value: Any) -> tuple[str, list[tuple[str, str]]]:
        """The unit and the parts of ``format(value, unit)``: ("literal", text) or (number part, text)."""
        x = to_number(value)
        unit = _unit(unit_value)
        if x != x or x in (math.inf, -math.inf):
            range_error(f"Value need to be finite number for {_WHERE}.prototype.format()")
        table = self.patterns[unit]
        if self.numeric == "auto":
            offset = _auto_offset(x)
            word = None if offset is None else table["auto"].get(str(offset))
            if word is not None:
                return unit, [("literal", word)]
        digits = self._number(x)
        past = x < 0 or (x == 0 and math.copysign(1.0, x) < 0)
        category = plural_category(self.tag, digits)
        forms = table["past" if past else "future"]
        prefix, suffix = forms.get(category) or forms["other"]
        dec, grp, min_grouping, grouping = self.symbols
        ip, _, fp = digits.partition(".")
        body = _group(ip, grp, min_grouping, grouping == "indian") + (dec + fp if fp else "")
        out: list[tuple[str, str]] = []
        if prefix:
            out.append(("literal", prefix))
        out += _number_parts(body, dec, grp)
        if suffix:
            out.append(("literal", suffix))
        return unit, out

    def format(self, value: Any, unit: Any) -> str:
        return "".join(text for _, text in self.parts(value, unit)[1])

    def format_to_parts(self, value: Any, unit: Any) -> list[dict[str, str]]:
        """formatToParts: number parts carry the (singular) unit, as V8 gives them."""
        name, parts = self.parts(value, unit)
        return [{"type": kind, "value": text} if kind == "literal"
                else {"type": kind, "value": text, "unit": name}
                for kind, text in parts]

    def resolved_options(self) -> dict:
        return {"locale": reported_locale(self.tag, "rtf"), "style": self.style, "numeric": self.numeric,
                "numberingSystem": "latn"}
