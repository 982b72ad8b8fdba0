"""Intl.PluralRules: CLDR plural categories of a number, as Node 20 (ICU) selects them.

The categories each locale has, and the ranges table, are ICU's (``intl_data.py``); the rules
that pick a category are CLDR's, written out below for the languages kview covers (the test
suite checks every one of them against Node). ``plural_category`` is shared with
Intl.RelativeTimeFormat, which picks "1 day" / "2 days" the same way.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal, localcontext
from typing import Any, NamedTuple

from ..members import get_member
from ..values import UNDEFINED, range_error, to_number, type_error
from .locales import _option, cldr_data, cldr_locale, coerce_options, reported_locale
from .numberformat import _NUM_CTX, NumberFormat

__all__ = [
    "PluralRules",
    "plural_category",
]

_DIGIT_OPTIONS = ("minimumIntegerDigits", "minimumFractionDigits", "maximumFractionDigits",
                  "minimumSignificantDigits", "maximumSignificantDigits")


class Operands(NamedTuple):
    """CLDR's plural operands of a formatted number: n, i, v (visible fraction digits), f, t."""

    n: Decimal
    i: int
    v: int
    f: int
    t: int


def operands(digits: str) -> Operands:
    """The operands of a formatted absolute value written with ``.`` (``"1.50"``).

    ``i`` keeps only the 18 lowest integer digits, as ICU's DecimalQuantity does (so 1e21 is
    "one" in French, like 0).
    """
    ip, _, fp = digits.partition(".")
    return Operands(Decimal(digits), int(ip[-18:]), len(fp), int(fp or "0"),
                    int(fp.rstrip("0") or "0"))


def _million(o: Operands) -> bool:
    # CLDR 42+: "e = 0 and i != 0 and i % 1000000 = 0 and v = 0" (no compact exponent here).
    return o.v == 0 and o.i != 0 and o.i % 1_000_000 == 0


def _one_i1_v0(o: Operands) -> str:
    return "one" if o.i == 1 and o.v == 0 else "other"


def _romance(one: Callable[[Operands], bool]) -> Callable[[Operands], str]:
    return lambda o: "one" if one(o) else "many" if _million(o) else "other"


def _en_ordinal(o: Operands) -> str:
    n10, n100 = o.n % 10, o.n % 100
    if n10 == 1 and n100 != 11:
        return "one"
    if n10 == 2 and n100 != 12:
        return "two"
    if n10 == 3 and n100 != 13:
        return "few"
    return "other"


_CARDINAL: dict[str, Callable[[Operands], str]] = {
    "en": _one_i1_v0,
    "de": _one_i1_v0,
    "nl": _one_i1_v0,
    "it": _romance(lambda o: o.i == 1 and o.v == 0),
    "es": _romance(lambda o: o.n == 1),
    "fr": _romance(lambda o: o.i in (0, 1)),
    "pt": _romance(lambda o: o.i in (0, 1)),
    "pt-PT": _romance(lambda o: o.i == 1 and o.v == 0),
    "ja": lambda o: "other",
}
_ORDINAL: dict[str, Callable[[Operands], str]] = {
    "en": _en_ordinal,
    "fr": lambda o: "one" if o.n == 1 else "other",
    "it": lambda o: "many" if o.n in (11, 8, 80, 800) else "other",
}


def plural_category(tag: str, digits: str, ordinal: bool = False) -> str:
    """The category of the formatted absolute value ``digits`` in the data locale ``tag``."""
    table = _ORDINAL if ordinal else _CARDINAL
    rule = table.get(tag) or table.get(tag.split("-")[0])
    return rule(operands(digits)) if rule is not None else "other"


class PluralRules:
    """A resolved Intl.PluralRules: the locale, the type and the digits a number is shown with."""

    def __init__(self, locales: Any, options: Any) -> None:
        where = "Intl.PluralRules"
        self.tag = cldr_locale(locales, where)
        options = coerce_options(options, where)
        _option(options, "localeMatcher", ("lookup", "best fit"), where)
        self.type = _option(options, "type", ("cardinal", "ordinal"), where)
        if self.type is UNDEFINED:
            self.type = "cardinal"
        digits: dict[str, Any] = {}
        if options is not UNDEFINED:
            for name in _DIGIT_OPTIONS:
                v = get_member(options, name)
                if v is not UNDEFINED:
                    digits[name] = v
        self.number = NumberFormat(self.tag, digits, where)

    def digits(self, x: float) -> str:
        """|x| as Intl.NumberFormat with these digit options writes it (``.``, no grouping)."""
        with localcontext(_NUM_CTX):
            return self.number._digits(Decimal(repr(abs(x))))

    def select(self, x: float) -> str:
        if x != x or x in (math.inf, -math.inf):
            return "other"
        return plural_category(self.tag, self.digits(x), self.type == "ordinal")

    def select_range(self, start: Any, end: Any) -> str:
        if start is UNDEFINED:
            type_error("Invalid startRange : undefined")
        if end is UNDEFINED:
            type_error("Invalid endRange : undefined")
        a, b = to_number(start), to_number(end)
        if a != a:
            range_error("Invalid startRange : NaN")
        if b != b:
            range_error("Invalid endRange : NaN")
        ranges = cldr_data(self.tag)["plural"][self.type]["ranges"]
        return str(ranges.get(self.select(a), {}).get(self.select(b), self.select(b)))

    def resolved_options(self) -> dict:
        nf = self.number.resolved_options()
        out: dict[str, Any] = {"locale": reported_locale(self.tag, "plural"), "type": self.type}
        for key in _DIGIT_OPTIONS:
            if key in nf:
                out[key] = nf[key]
        out["pluralCategories"] = list(cldr_data(self.tag)["plural"][self.type]["categories"])
        return out
