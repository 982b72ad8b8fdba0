"""Intl.NumberFormat's formatting; ``format_number_locale(x, locales, options)`` is
``Number.prototype.toLocaleString``.

Locale formatting reproduces Node 20 (full ICU) for ``en-US`` (the default) and the common
options; the covered locales (``_REGION_NUMBERS``) and a few more languages (``_NUM_LOCALES``)
get their own separators and currency patterns, other locales format as ``en-US`` (warned).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Any

from ..members import get_member
from ..values import UNDEFINED, range_error, to_number, to_string, type_error
from .locales import _lang, _option, _resolve_locale, warn_locale_fallback

__all__ = [
    "format_number_locale",
]


# ============================================================================ NumberFormat

_CURRENCY_DIGITS = {"JPY": 0, "KRW": 0, "CLP": 0, "VND": 0, "ISK": 0, "HUF": 2, "TWD": 2,
                    "BHD": 3, "KWD": 3, "JOD": 3, "OMR": 3, "TND": 3, "IQD": 0, "UGX": 0,
                    "XAF": 0, "XOF": 0, "PYG": 0, "RWF": 0}
_CURRENCY_SYMBOLS = {
    "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$", "INR": "₹",
    "CNY": "CN¥", "MXN": "MX$", "BRL": "R$", "KRW": "₩", "NZD": "NZ$", "HKD": "HK$",
    "TWD": "NT$", "ILS": "₪", "VND": "₫", "XAF": "FCFA", "XOF": "F\u202fCFA", "PHP": "₱",
}
_CURRENCY_NAMES = {
    "USD": ("US dollar", "US dollars"), "EUR": ("euro", "euros"),
    "GBP": ("British pound", "British pounds"), "JPY": ("Japanese yen", "Japanese yen"),
    "CAD": ("Canadian dollar", "Canadian dollars"),
    "AUD": ("Australian dollar", "Australian dollars"),
    "INR": ("Indian rupee", "Indian rupees"), "CHF": ("Swiss franc", "Swiss francs"),
    "CNY": ("Chinese yuan", "Chinese yuan"), "MXN": ("Mexican peso", "Mexican pesos"),
    "BRL": ("Brazilian real", "Brazilian reals"),
}
# Per-locale symbol overrides (what ICU shows for a foreign currency).
_LOCALE_SYMBOLS = {
    "en-GB": {"USD": "US$"}, "en-CA": {"USD": "US$", "CAD": "$"},
    "en-AU": {"USD": "USD", "AUD": "$"}, "en-IN": {},
    "de": {}, "fr": {"USD": "$US"}, "es": {"USD": "US$"}, "it": {"USD": "USD"},
    "nl": {"USD": "US$"}, "pt": {"USD": "US$"}, "ja": {"JPY": "￥"},
}

# lang -> (decimal, group, min grouping digits, currency pattern, percent sign), for languages
# outside the covered locales of _REGION_NUMBERS below (which has the covered ones by language too)
# currency pattern: "pre" = ¤n, "post" = n ¤ (nbsp), "pre_space" = ¤ n (nbsp)
_NUM_LOCALES = {
    "ru": (",", "\u00a0", 1, "post", "\u00a0%"),
    "pl": (",", "\u00a0", 2, "post", "\u00a0%"),
    "sv": (",", "\u00a0", 1, "post", "\u00a0%"),
}
# Per covered locale (docs/locales.md), from Node's ICU by tools/gen_number_data.js: the same
# fields as _NUM_LOCALES, region by region (de-CH groups with ', en-ZA with a space...).
_REGION_NUMBERS = {
    "de": (",", ".", 1, "post", "\u00a0%"),
    "de-AT": (",", "\u00a0", 1, "pre_space", "\u00a0%"),
    "de-CH": (".", "'", 1, "pre_space", "%"),
    "de-DE": (",", ".", 1, "post", "\u00a0%"),
    "de-LU": (",", ".", 1, "post", "\u00a0%"),
    "en": (".", ",", 1, "pre", "%"),
    "en-AU": (".", ",", 1, "pre", "%"),
    "en-CA": (".", ",", 1, "pre", "%"),
    "en-GB": (".", ",", 1, "pre", "%"),
    "en-IE": (".", ",", 1, "pre", "%"),
    "en-IN": (".", ",", 1, "pre", "%"),
    "en-NZ": (".", ",", 1, "pre", "%"),
    "en-PH": (".", ",", 1, "pre", "%"),
    "en-SG": (".", ",", 1, "pre", "%"),
    "en-US": (".", ",", 1, "pre", "%"),
    "en-ZA": (",", "\u00a0", 1, "pre", "%"),
    "es": (",", ".", 2, "post", "\u00a0%"),
    "es-419": (".", ",", 1, "pre", "%"),
    "es-AR": (",", ".", 1, "pre_space", "%"),
    "es-CL": (",", ".", 1, "pre", "%"),
    "es-CO": (",", ".", 1, "pre_space", "%"),
    "es-ES": (",", ".", 2, "post", "\u00a0%"),
    "es-MX": (".", ",", 1, "pre", "%"),
    "es-PE": (".", ",", 1, "pre_space", "%"),
    "es-US": (".", ",", 1, "pre", "%"),
    "fr": (",", "\u202f", 1, "post", "\u00a0%"),
    "fr-BE": (",", "\u202f", 1, "post", "\u00a0%"),
    "fr-CA": (",", "\u00a0", 1, "post", "\u00a0%"),
    "fr-CH": (",", "\u202f", 1, "post", "%"),
    "fr-FR": (",", "\u202f", 1, "post", "\u00a0%"),
    "fr-LU": (",", ".", 1, "post", "\u00a0%"),
    "it": (",", ".", 2, "post", "%"),
    "it-CH": (".", "'", 2, "pre_space", "%"),
    "it-IT": (",", ".", 2, "post", "%"),
    "ja": (".", ",", 1, "pre", "%"),
    "ja-JP": (".", ",", 1, "pre", "%"),
    "nl": (",", ".", 1, "pre_space", "%"),
    "nl-BE": (",", ".", 1, "pre_space", "%"),
    "nl-NL": (",", ".", 1, "pre_space", "%"),
    "pt": (",", ".", 1, "pre_space", "%"),
    "pt-BR": (",", ".", 1, "pre_space", "%"),
    "pt-PT": (",", "\u00a0", 2, "post", "%"),
}
_REGION_CURRENCY = {
    "de": (",", ".", None),
    "de-AT": (",", ".", None),
    "de-CH": (".", "'", ""),
    "de-DE": (",", ".", None),
    "de-LU": (",", ".", None),
    "en": (".", ",", None),
    "en-AU": (".", ",", None),
    "en-CA": (".", ",", None),
    "en-GB": (".", ",", None),
    "en-IE": (".", ",", None),
    "en-IN": (".", ",", None),
    "en-NZ": (".", ",", None),
    "en-PH": (".", ",", None),
    "en-SG": (".", ",", None),
    "en-US": (".", ",", None),
    "en-ZA": (",", "\u00a0", None),
    "es": (",", ".", None),
    "es-419": (".", ",", None),
    "es-AR": (",", ".", None),
    "es-CL": (",", ".", ""),
    "es-CO": (",", ".", None),
    "es-ES": (",", ".", None),
    "es-MX": (".", ",", None),
    "es-PE": (".", ",", None),
    "es-US": (".", ",", None),
    "fr": (",", "\u202f", None),
    "fr-BE": (",", "\u202f", None),
    "fr-CA": (",", "\u00a0", None),
    "fr-CH": (".", "\u202f", None),
    "fr-FR": (",", "\u202f", None),
    "fr-LU": (",", ".", None),
    "it": (",", ".", None),
    "it-CH": (".", "'", ""),
    "it-IT": (",", ".", None),
    "ja": (".", ",", None),
    "ja-JP": (".", ",", None),
    "nl": (",", ".", "\u00a0"),
    "nl-BE": (",", ".", "\u00a0"),
    "nl-NL": (",", ".", "\u00a0"),
    "pt": (",", ".", None),
    "pt-BR": (",", ".", None),
    "pt-PT": (",", "\u00a0", None),
}
_NARROW_SYMBOLS = {"USD": "$", "CAD": "$", "AUD": "$", "MXN": "$", "NZD": "$", "HKD": "$", "SGD": "$",
                   "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹", "BRL": "R$"}
_INDIAN_GROUPING = ("en-IN", "hi-IN")
# Enough digits for the largest double (309 integer digits) at 100 fraction digits.
_NUM_CTX = Context(prec=450)

_COMPACT_SHORT = ((12, "T"), (9, "B"), (6, "M"), (3, "K"))
_COMPACT_LONG = ((12, " trillion"), (9, " billion"), (6, " million"), (3, " thousand"))

_UNITS = {
    # unit: (short, long singular, long plural, narrow)
    "kilometer": ("km", "kilometer", "kilometers", "km"),
    "meter": ("m", "meter", "meters", "m"),
    "centimeter": ("cm", "centimeter", "centimeters", "cm"),
    "mile": ("mi", "mile", "miles", "mi"),
    "foot": ("ft", "foot", "feet", "′"),
    "inch": ("in", "inch", "inches", "″"),
    "kilogram": ("kg", "kilogram", "kilograms", "kg"),
    "gram": ("g", "gram", "grams", "g"),
    "pound": ("lb", "pound", "pounds", "lb"),
    "liter": ("L", "liter", "liters", "L"),
    "percent": ("%", "percent", "percent", "%"),
    "second": ("sec", "second", "seconds", "s"),
    "minute": ("min", "minute", "minutes", "m"),
    "hour": ("hr", "hour", "hours", "h"),
    "day": ("day", "day", "days", "d"),
    "week": ("wk", "week", "weeks", "w"),
    "month": ("mth", "month", "months", "m"),
    "year": ("yr", "year", "years", "y"),
    "byte": ("byte", "byte", "bytes", "B"),
    "kilobyte": ("kB", "kilobyte", "kilobytes", "kB"),
    "megabyte": ("MB", "megabyte", "megabytes", "MB"),
    "gigabyte": ("GB", "gigabyte", "gigabytes", "GB"),
    "celsius": ("°C", "degree Celsius", "degrees Celsius", "°C"),
    "fahrenheit": ("°F", "degree Fahrenheit", "degrees Fahrenheit", "°"),
    "kilometer-per-hour": ("km/h", "kilometer per hour", "kilometers per hour", "km/h"),
    "mile-per-hour": ("mph", "mile per hour", "miles per hour", "mph"),
}
_UNIT_SPACE_SHORT = {"percent": "", "celsius": "", "fahrenheit": ""}


def _digits_option(options: Any, name: str, lo: int, hi: int, default: int | None) -> int | None:
    v = _option(options, name)
    if v is UNDEFINED:
        return default
    n = to_number(v)
    if n != n or n < lo or n > hi:
        range_error(f"{name} value is out of range.")
    return int(math.floor(n))


def _round_decimal(d: Decimal, frac: int) -> Decimal:
    return d.quantize(Decimal(1).scaleb(-frac), rounding=ROUND_HALF_UP)


def _round_significant(d: Decimal, sig: int) -> Decimal:
    if d == 0:
        return d
    exp = d.adjusted()
    return _round_decimal(d, sig - 1 - exp) if sig - 1 - exp >= 0 else d.quantize(
        Decimal(1).scaleb(exp - sig + 1), rounding=ROUND_HALF_UP)


def _group(int_digits: str, sep: str, min_grouping: int, indian: bool) -> str:
    if len(int_digits) < 4 or len(int_digits) < 3 + min_grouping:
        return int_digits
    if indian:
        head, tail = int_digits[:-3], int_digits[-3:]
        groups: list[str] = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        if head:
            groups.insert(0, head)
        return sep.join(groups + [tail])
    groups = []
    while len(int_digits) > 3:
        groups.insert(0, int_digits[-3:])
        int_digits = int_digits[:-3]
    groups.insert(0, int_digits)
    return sep.join(groups)


class NumberFormat:
    def __init__(self, locales: Any, options: Any, where: str = "Intl.NumberFormat") -> None:
        self.locale = _resolve_locale(locales)
        if options is None:
            type_error(f"{where} called on null or undefined")
        if type(options) in (str, float, bool):
            options = UNDEFINED
        o = options
        lang = _lang(self.locale)
        parts = self.locale.split("-")
        region = next(("-".join(parts[:n]) for n in range(len(parts), 0, -1)
                       if "-".join(parts[:n]) in _REGION_NUMBERS), None)
        if region is None and lang not in _NUM_LOCALES:
            warn_locale_fallback(where, self.locale, "en-US")
            region = "en-US"
        self.lang = _lang(region) if region else lang
        self.symbols = _REGION_NUMBERS[region] if region else _NUM_LOCALES[lang]
        self.money = _REGION_CURRENCY.get(region) if region else None  # (decimal, group, minus gap)
        self.style = (
            _num_opt(o, "style", ("decimal", "percent", "currency", "unit"), where) or "decimal"
        )
        cur = _option(o, "currency")
        self.currency = None if cur is UNDEFINED else to_string(cur).upper()
        if self.currency is not None and (len(self.currency) != 3 or not self.currency.isalpha()):
            range_error(f"Invalid currency code : {to_string(cur)}")
        if self.style == "currency" and self.currency is None:
            type_error("Currency code is required with currency style.")
        self.currency_display = (
            _num_opt(o, "currencyDisplay", ("code", "symbol", "narrowSymbol", "name"), where)
            or "symbol"
        )
        self.currency_sign = (
            _num_opt(o, "currencySign", ("standard", "accounting"), where) or "standard"
        )
        unit = _option(o, "unit")
        self.unit = None if unit is UNDEFINED else to_string(unit)
        if self.style == "unit" and self.unit is None:
            range_error(f"Invalid unit argument for {where}() ''")
        self.unit_display = (
            _num_opt(o, "unitDisplay", ("short", "narrow", "long"), where) or "short"
        )
        self.notation = (
            _num_opt(o, "notation", ("standard", "scientific", "engineering", "compact"), where)
            or "standard"
        )
        self.compact_display = _num_opt(o, "compactDisplay", ("short", "long"), where) or "short"
        self.min_int = _digits_option(o, "minimumIntegerDigits", 1, 21, 1) or 1
        if self.style == "currency":
            cd = _CURRENCY_DIGITS.get(self.currency or "", 2)
            dmin, dmax = cd, cd
        elif self.style == "percent":
            dmin, dmax = 0, 0
        else:
            dmin, dmax = 0, 3
        min_sig = _option(o, "minimumSignificantDigits")
        max_sig = _option(o, "maximumSignificantDigits")
        self.sig: tuple[int, int] | None = None
        if min_sig is not UNDEFINED or max_sig is not UNDEFINED:
            mn = _digits_option(o, "minimumSignificantDigits", 1, 21, 1) or 1
            mx = _digits_option(o, "maximumSignificantDigits", mn, 21, 21) or 21
            self.sig = (mn, mx)
        min_fd = _digits_option(o, "minimumFractionDigits", 0, 100, None)
        max_fd = _digits_option(o, "maximumFractionDigits", 0, 100, None)
        self.compact_rounding = (
            self.notation == "compact" and self.sig is None and min_fd is None and max_fd is None
        )
        if max_fd is None:
            self.frac = (dmin, dmax) if min_fd is None else (min_fd, max(dmax, min_fd))
        elif min_fd is None:
            self.frac = (min(dmin, max_fd), max_fd)
        else:
            if min_fd > max_fd:
                range_error("maximumFractionDigits value is out of range.")
            self.frac = (min_fd, max_fd)
        grouping = _option(o, "useGrouping")
        if grouping is UNDEFINED:
            self.grouping = "min2" if self.notation == "compact" else "auto"
        elif grouping is False or grouping == "false":
            self.grouping = "off"
        elif grouping in ("min2", "always", "auto"):
            self.grouping = grouping
        else:
            self.grouping = "auto" if to_string(grouping) not in ("", "false") else "off"
        self.sign_display = (
            _num_opt(
                o, "signDisplay", ("auto", "never", "always", "exceptZero", "negative"), where
            )
            or "auto"
        )

    # ------------------------------------------------------------------
    def _digits(self, d: Decimal) -> str:
        """Rounded absolute value as a digit string with '.' (no grouping)."""
        if self.sig is not None:
            mn, mx = self.sig
            if d == 0:
                return "0" + ("." + "0" * (mn - 1) if mn > 1 else "")
            ip, _, fp = _plain(_round_significant(d, mx)).partition(".")
            fp = fp.rstrip("0")
            have = len((ip + fp).lstrip("0"))
            if have < mn:
                fp += "0" * (mn - have)
            return ip + ("." + fp if fp else "")
        mn, mx = self.frac
        r = _round_decimal(d, mx)
        s = _plain(r)
        ip, _, fp = s.partition(".")
        fp = fp.rstrip("0")
        if len(fp) < mn:
            fp += "0" * (mn - len(fp))
        return ip + ("." + fp if fp else "")

    def format(self, x: float) -> str:
        return "".join(v for _, v in self.parts(x))

    def parts(self, x: float) -> list[tuple[str, str]]:
        with localcontext(_NUM_CTX):
            return self._parts(x)

    def _parts(self, x: float) -> list[tuple[str, str]]:
        dec, grp, min_grouping, cur_pattern, pct = self.symbols
        minus_gap = None  # set: a negative amount shows symbol, this, minus, number (de-CH, nl)
        if self.style == "currency" and self.money is not None:
            dec, grp, minus_gap = self.money
        negative = x < 0 or (x == 0 and math.copysign(1.0, x) < 0)
        if x != x:
            body, is_zero = "NaN", False
        elif x in (math.inf, -math.inf):
            body, is_zero = "∞", False
        else:
            d = Decimal(repr(abs(x)))
            if self.style == "percent":
                d = d * 100
            suffix = ""
            exp_suffix = ""
            if self.notation == "compact":
                table = _COMPACT_LONG if self.compact_display == "long" else _COMPACT_SHORT
                if self.compact_rounding:
                    d, suffix = self._compact(d, table)
                else:
                    powers = [(0, "")] + [(p, n) for p, n in reversed(table)]
                    k = 0
                    while k + 1 < len(powers) and d >= Decimal(10) ** powers[k + 1][0]:
                        k += 1
                    while k + 1 < len(powers) and Decimal(
                        self._digits(d.scaleb(-powers[k][0]))
                    ) >= 1000:
                        k += 1
                    d = d.scaleb(-powers[k][0])
                    suffix = powers[k][1]
            elif self.notation in ("scientific", "engineering") and d != 0:
                e = d.adjusted()
                if self.notation == "engineering":
                    e -= e % 3
                d = d.scaleb(-e)
                exp_suffix = f"E{e}"
            elif self.notation in ("scientific", "engineering"):
                exp_suffix = "E0"
            if self.compact_rounding and self.notation == "compact":
                digits = _plain(d)
            else:
                digits = self._digits(d)
            ip, _, fp = digits.partition(".")
            if len(ip) < self.min_int:
                ip = "0" * (self.min_int - len(ip)) + ip
            is_zero = not any(c in "123456789" for c in ip + fp)
            if self.grouping != "off":
                mg = 2 if self.grouping == "min2" else min_grouping
                if self.grouping == "always":
                    mg = 1
                ip = _group(ip, grp, mg, self.locale in _INDIAN_GROUPING)
            body = ip + (dec + fp if fp else "") + exp_suffix + suffix
        sign = ""
        sd = self.sign_display
        if sd == "auto":
            sign = "-" if negative else ""
        elif sd == "always":
            sign = "-" if negative else "+"
        elif sd == "exceptZero":
            sign = "" if is_zero else ("-" if negative else "+")
        elif sd == "negative":
            sign = "-" if negative and not is_zero else ""
        if x != x:
            sign = ""
        out: list[tuple[str, str]] = []
        if self.style == "currency":
            code = self.currency or "USD"
            if self.currency_display == "name":
                one, many = _CURRENCY_NAMES.get(code, (code, code))
                name = one if body == "1" else many
                return [("minusSign", sign)] * bool(sign) + [*_number_parts(body, dec, grp),
                                                              ("literal", " "),
                                                              ("currency", name)]
            if self.currency_display == "code":
                symbol = code
            else:
                overrides = _LOCALE_SYMBOLS.get(self.locale, _LOCALE_SYMBOLS.get(self.lang, {}))
                symbol = overrides.get(code, _CURRENCY_SYMBOLS.get(code, code))
                if self.currency_display == "narrowSymbol":  # the same in every locale
                    symbol = _NARROW_SYMBOLS.get(code, {"CA$": "$", "A$": "$", "MX$": "$", "NZ$": "$", "HK$": "$",
                                                        "US$": "$", "CN¥": "¥"}.get(symbol, symbol))
            accounting = self.currency_sign == "accounting" and sign == "-"
            if sign == "-" and minus_gap is not None and not accounting and cur_pattern != "post":
                return [("currency", symbol)] + [("literal", minus_gap)] * bool(minus_gap) + [
                    ("minusSign", "-"), *_number_parts(body, dec, grp)]
            if cur_pattern == "pre":
                sym_part = symbol + (
                    "\u00a0" if symbol[-1].isalpha() and body[0].isdigit() else ""
                )
                if accounting:
                    return [("literal", "("), ("currency", sym_part),
                            *_number_parts(body, dec, grp),
                            ("literal", ")")]
                if sign:
                    out.append(("minusSign" if sign == "-" else "plusSign", sign))
                out += [("currency", sym_part), *_number_parts(body, dec, grp)]
                return out
            if cur_pattern == "pre_space":
                if self.lang == "nl":
                    return [("currency", symbol), ("literal", "\u00a0")] + (
                        [("minusSign", sign)] if sign else []) + [*_number_parts(body, dec, grp)]
                if sign:
                    out.append(("minusSign" if sign == "-" else "plusSign", sign))
                return out + [("currency", symbol), ("literal", "\u00a0"),
                              *_number_parts(body, dec, grp)]
            if sign:
                out.append(("minusSign" if sign == "-" else "plusSign", sign))
            return out + [*_number_parts(body, dec, grp), ("literal", "\u00a0"),
                          ("currency", symbol)]
        if sign:
            out.append(("minusSign" if sign == "-" else "plusSign", sign))
        out.extend(_number_parts(body, dec, grp))
        if self.style == "percent":
            out.append(("percentSign", pct))
        elif self.style == "unit":
            unit = self.unit or ""
            names = _UNITS.get(unit)
            if names is None:
                out.append(("unit", " " + unit))
            elif self.unit_display == "long":
                out.append(("unit", " " + (names[1] if body == "1" else names[2])))
            elif self.unit_display == "narrow":
                out.append(("unit", names[3] if len(names[3]) <= 2 and not names[3].isalpha()
                            else names[3]))
            else:
                out.append(("unit", _UNIT_SPACE_SHORT.get(unit, " ") + names[0]))
        return out

    def _compact(self, d: Decimal, table: tuple) -> tuple[Decimal, str]:
        def round2(v: Decimal) -> Decimal:
            if v >= 100:
                return _round_decimal(v, 0)
            if v >= 10:
                return _round_decimal(v, 0)
            if v >= 1:
                return _round_decimal(v, 1)
            return _round_significant(v, 2)

        for i, (power, name) in enumerate(table):
            if d >= Decimal(10) ** power:
                v = round2(d.scaleb(-power))
                if v >= 1000 and i > 0:
                    up_power, up_name = table[i - 1]
                    return round2(d.scaleb(-up_power)).normalize(), up_name
                return v.normalize(), name
        v = round2(d)
        if v >= 1000:
            power, name = table[-1]
            return round2(d.scaleb(-power)).normalize(), name
        return v.normalize(), ""

    def resolved_options(self) -> dict:
        out: dict[str, Any] = {"locale": self.locale, "numberingSystem": "latn",
                               "style": self.style}
        if self.style == "currency":
            out["currency"] = self.currency
            out["currencyDisplay"] = self.currency_display
            out["currencySign"] = self.currency_sign
        if self.style == "unit":
            out["unit"] = self.unit
            out["unitDisplay"] = self.unit_display
        out["minimumIntegerDigits"] = float(self.min_int)
        if self.sig is not None:
            out["minimumSignificantDigits"] = float(self.sig[0])
            out["maximumSignificantDigits"] = float(self.sig[1])
        else:
            out["minimumFractionDigits"] = float(self.frac[0])
            out["maximumFractionDigits"] = float(self.frac[1])
        out["useGrouping"] = self.grouping if self.grouping != "off" else False
        out["notation"] = self.notation
        if self.notation == "compact":
            out["compactDisplay"] = self.compact_display
        out["signDisplay"] = self.sign_display
        return out


def _number_parts(body: str, dec: str, grp: str) -> list[tuple[str, str]]:
    """Split a formatted number into Intl parts (integer, group, decimal, fraction, ...)."""
    if body == "NaN":
        return [("nan", body)]
    if body == "∞":
        return [("infinity", body)]
    out: list[tuple[str, str]] = []
    i, n = 0, len(body)
    seen_decimal = False
    while i < n:
        c = body[i]
        if c.isdigit():
            j = i
            while j < n and body[j].isdigit():
                j += 1
            out.append(("fraction" if seen_decimal else "integer", body[i:j]))
            i = j
        elif c == dec and not seen_decimal:
            out.append(("decimal", c))
            seen_decimal = True
            i += 1
        elif c == grp and not seen_decimal:
            out.append(("group", c))
            i += 1
        elif c == "E":
            out.append(("exponentSeparator", "E"))
            j = i + 1
            if j < n and body[j] == "-":
                out.append(("exponentMinusSign", "-"))
                j += 1
            out.append(("exponentInteger", body[j:]))
            break
        else:
            rest = body[i:]
            if rest.startswith(" "):
                out.append(("literal", " "))
                rest = rest[1:]
            out.append(("compact", rest))
            break
    return out


def _plain(d: Decimal) -> str:
    s = format(d, "f")
    if s.startswith("-"):
        s = s[1:]
    return s


def _num_opt(options: Any, name: str, allowed: tuple[str, ...],
             where: str = "Intl.NumberFormat") -> str | None:
    if options is UNDEFINED:
        return None
    v = get_member(options, name)
    if v is UNDEFINED:
        return None
    s = to_string(v)
    if s not in allowed:
        range_error(f"Value {s} out of range for {where} options property {name}")
    return s


def format_number_locale(x: float, locales: Any = UNDEFINED, options: Any = UNDEFINED) -> str:
    """``Number.prototype.toLocaleString(locales, options)`` (and Intl.NumberFormat#format)."""
    return NumberFormat(locales, options, "Number.prototype.toLocaleString").format(x)
