"""``Date.parse``: V8-compatible parsing of date strings into time values.

``Date.parse`` follows V8: ISO 8601 (date-only = UTC, date-time without offset = local), then
V8's legacy parser (``March 7, 2024``, ``2024/03/07``, ``Thu, 01 Jan 1970 00:00:00 GMT``...).
"""

from __future__ import annotations

from ..values import JS_WHITESPACE, NAN
from .timevalue import make_date, make_day, make_time, time_clip, utc_from_local

__all__ = [
    "parse_date",
]


# ============================================================================ Date.parse

_KEYWORDS: dict[str, tuple[str, int]] = {
    "jan": ("month", 1), "feb": ("month", 2), "mar": ("month", 3), "apr": ("month", 4),
    "may": ("month", 5), "jun": ("month", 6), "jul": ("month", 7), "aug": ("month", 8),
    "sep": ("month", 9), "oct": ("month", 10), "nov": ("month", 11), "dec": ("month", 12),
    "am": ("ampm", 0), "pm": ("ampm", 12), "ut": ("tz", 0), "utc": ("tz", 0), "z": ("tz", 0),
    "gmt": ("tz", 0), "cdt": ("tz", -5), "cst": ("tz", -6), "edt": ("tz", -4),
    "est": ("tz", -5), "mdt": ("tz", -6), "mst": ("tz", -7), "pdt": ("tz", -7),
    "pst": ("tz", -8), "t": ("tsep", 0),
}
_WS_CHARS = frozenset(JS_WHITESPACE)
_NONE = None


class _Tok:
    __slots__ = ("kind", "value", "length", "sym", "kwtype")

    def __init__(self, kind: str, value: int = 0, length: int = 0, sym: str = "", kwtype: str = ""):
        self.kind = kind  # num sym kw ws unk end
        self.value = value
        self.length = length
        self.sym = sym
        self.kwtype = kwtype

    def is_sym(self, c: str) -> bool:
        return self.kind == "sym" and self.sym == c

    def is_num(self, length: int | None = None) -> bool:
        return self.kind == "num" and (length is None or self.length == length)

    def is_sign(self) -> bool:
        return self.kind == "sym" and self.sym in "+-"

    def is_kw_z(self) -> bool:
        return self.kind == "kw" and self.kwtype == "tz" and self.length == 1 and self.value == 0


def _tokenize(s: str) -> list[_Tok]:
    out = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if "0" <= c <= "9":
            j = i
            while j < n and "0" <= s[j] <= "9":
                j += 1
            digits = s[i:j].lstrip("0")[:9]
            out.append(_Tok("num", int(digits) if digits else 0, j - i))
            i = j
        elif c in ":-+.)":
            out.append(_Tok("sym", sym=c))
            i += 1
        elif c >= "A" and c not in _WS_CHARS:
            j = i
            while j < n and s[j] >= "A" and s[j] not in _WS_CHARS:
                j += 1
            word = s[i:j].lower()
            kw = _KEYWORDS.get(word[:3])
            if kw is not None and len(word) > 3 and kw[0] != "month":
                kw = None
            if kw is None:
                out.append(_Tok("kw", 0, j - i, kwtype="invalid"))
            else:
                out.append(_Tok("kw", kw[1], j - i, kwtype=kw[0]))
            i = j
        elif c in _WS_CHARS:
            j = i
            while j < n and s[j] in _WS_CHARS:
                j += 1
            out.append(_Tok("ws", length=j - i))
            i = j
        elif c == "(":
            depth = 0
            while i < n:
                if s[i] == "(":
                    depth += 1
                elif s[i] == ")":
                    depth -= 1
                    if depth == 0:
                        i += 1
                        break
                i += 1
            out.append(_Tok("unk"))
        else:
            out.append(_Tok("unk"))
            i += 1
    out.append(_Tok("end"))
    return out


class _Scanner:
    def __init__(self, s: str) -> None:
        self.toks = _tokenize(s)
        self.i = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def next(self) -> _Tok:
        t = self.toks[self.i]
        if t.kind != "end":
            self.i += 1
        return t

    def skip_sym(self, c: str) -> bool:
        if self.peek().is_sym(c):
            self.i += 1
            return True
        return False


class _Day:
    def __init__(self) -> None:
        self.comp: list[int] = []
        self.named_month: int | None = None
        self.iso = False

    def add(self, n: int) -> bool:
        if len(self.comp) == 3:
            return False
        self.comp.append(n)
        return True

    def write(self) -> tuple[int, int, int] | None:
        if not self.comp:
            return None
        comp = self.comp + [1] * (3 - len(self.comp))
        is_day = lambda x: 1 <= x <= 31
        year = 0
        if self.named_month is None:
            if self.iso or not is_day(comp[0]):
                year, month, day = comp
            else:
                month, day, year = comp
        else:
            month = self.named_month
            if not is_day(comp[0]):
                year, day = comp[0], comp[1]
            else:
                day, year = comp[0], comp[1]
        if not self.iso:
            if 0 <= year <= 49:
                year += 2000
            elif 50 <= year <= 99:
                year += 1900
        if not (1 <= month <= 12) or not is_day(day):
            return None
        return year, month - 1, day


class _Time:
    def __init__(self) -> None:
        self.comp: list[int] = []
        self.hour_offset: int | None = None

    def empty(self) -> bool:
        return not self.comp

    def expecting(self, n: int) -> bool:
        k = len(self.comp)
        return (k == 1 and 0 <= n <= 59) or (k == 2 and 0 <= n <= 59) or (k == 3 and 0 <= n <= 999)

    def add(self, n: int) -> bool:
        if len(self.comp) >= 4:
            return False
        self.comp.append(n)
        return True

    def add_final(self, n: int) -> bool:
        if not self.add(n):
            return False
        while len(self.comp) < 4:
            self.comp.append(0)
        return True

    def write(self) -> tuple[int, int, int, int] | None:
        h, m, s, ms = self.comp + [0] * (4 - len(self.comp))
        if self.hour_offset is not None:
            if not 0 <= h <= 12:
                return None
            h = h % 12 + self.hour_offset
        if not (0 <= h <= 23 and 0 <= m <= 59 and 0 <= s <= 59 and 0 <= ms <= 999):
            if h != 24 or m or s or ms:
                return None
        return h, m, s, ms


class _Zone:
    def __init__(self) -> None:
        self.sign: int | None = None
        self.hour: int | None = None
        self.minute: int | None = None

    def set(self, hours: int) -> None:
        self.sign = -1 if hours < 0 else 1
        self.hour = abs(hours)
        self.minute = 0

    def expecting(self, n: int) -> bool:
        return self.hour is not None and self.minute is None and 0 <= n <= 59

    def is_utc(self) -> bool:
        return self.hour == 0 and self.minute == 0

    def empty(self) -> bool:
        return self.hour is None

    def offset_seconds(self) -> int | None:
        if self.sign is None:
            return None
        total = (self.hour or 0) * 3600 + (self.minute or 0) * 60
        return -total if self.sign < 0 else total


def _read_ms(tok: _Tok) -> int:
    n, length = tok.value, tok.length
    if length == 1:
        return n * 100
    if length == 2:
        return n * 10
    if length > 3:
        length = min(length, 9)
        return n // 10 ** (length - 3)
    return n


_INVALID = _Tok("invalid")


def _parse_es5(sc: _Scanner, day: _Day, tm: _Time, tz: _Zone) -> _Tok:
    p = sc.peek()
    if p.is_sign():
        sign_tok = sc.next()
        if not sc.peek().is_num(6):
            return sign_tok
        sign = -1 if sign_tok.sym == "-" else 1
        year = sc.next().value
        if sign < 0 and year == 0:
            return sign_tok
        day.add(sign * year)
    elif p.is_num(4):
        day.add(sc.next().value)
    else:
        return sc.next()
    if sc.skip_sym("-"):
        if not sc.peek().is_num(2) or not 1 <= sc.peek().value <= 12:
            return sc.next()
        day.add(sc.next().value)
        if sc.skip_sym("-"):
            if not sc.peek().is_num(2) or not 1 <= sc.peek().value <= 31:
                return sc.next()
            day.add(sc.next().value)
    p = sc.peek()
    if not (p.kind == "kw" and p.kwtype == "tsep"):
        if p.kind != "end":
            return sc.next()
    else:
        sc.next()
        p = sc.peek()
        if not p.is_num(2) or not 0 <= p.value <= 24:
            return _INVALID
        hour_is_24 = p.value == 24
        tm.add(sc.next().value)
        if not sc.skip_sym(":"):
            return _INVALID
        p = sc.peek()
        if not p.is_num(2) or not 0 <= p.value <= 59 or (hour_is_24 and p.value > 0):
            return _INVALID
        tm.add(sc.next().value)
        if sc.skip_sym(":"):
            p = sc.peek()
            if not p.is_num(2) or not 0 <= p.value <= 59 or (hour_is_24 and p.value > 0):
                return _INVALID
            tm.add(sc.next().value)
            if sc.skip_sym("."):
                p = sc.peek()
                if not p.is_num() or (hour_is_24 and p.value > 0):
                    return _INVALID
                tm.add(_read_ms(sc.next()))
        p = sc.peek()
        if p.is_kw_z():
            sc.next()
            tz.set(0)
        elif p.is_sign():
            tz.sign = 1 if sc.next().sym == "+" else -1
            if sc.peek().is_num(4):
                hm = sc.next().value
                h, m = hm // 100, hm % 100
                if not (0 <= h <= 23 and 0 <= m <= 59):
                    return _INVALID
                tz.hour, tz.minute = h, m
            else:
                p = sc.peek()
                if not p.is_num(2) or not 0 <= p.value <= 23:
                    return _INVALID
                tz.hour = sc.next().value
                if not sc.skip_sym(":"):
                    return _INVALID
                p = sc.peek()
                if not p.is_num(2) or not 0 <= p.value <= 59:
                    return _INVALID
                tz.minute = sc.next().value
        if sc.peek().kind != "end":
            return _INVALID
    if tz.empty() and tm.empty():
        tz.set(0)
    day.iso = True
    return _Tok("end")


def parse_date(s: str) -> float:
    """Date.parse: a time value or NaN (V8's ISO + legacy parser)."""
    sc = _Scanner(s)
    day, tm, tz = _Day(), _Time(), _Zone()
    token = _parse_es5(sc, day, tm, tz)
    if token.kind == "invalid":
        return NAN
    has_read_number = bool(day.comp)
    while token.kind != "end":
        if token.kind == "num":
            has_read_number = True
            n = token.value
            if sc.skip_sym(":"):
                if sc.skip_sym(":"):
                    if not tm.empty():
                        return NAN
                    tm.add(n)
                    tm.add(0)
                else:
                    if not tm.add(n):
                        return NAN
                    if sc.peek().is_sym("."):
                        sc.next()
            elif sc.skip_sym(".") and tm.expecting(n):
                tm.add(n)
                if not sc.peek().is_num():
                    return NAN
                tm.add_final(_read_ms(sc.next()))
            elif tz.expecting(n):
                tz.minute = n
            elif tm.expecting(n):
                tm.add_final(n)
                p = sc.peek()
                if not (p.kind in ("end", "ws") or p.is_kw_z() or p.is_sign()):
                    return NAN
            else:
                if not day.add(n):
                    return NAN
                sc.skip_sym("-")
        elif token.kind == "kw":
            if token.kwtype == "ampm" and not tm.empty():
                tm.hour_offset = token.value
            elif token.kwtype == "month":
                day.named_month = token.value
                sc.skip_sym("-")
            elif token.kwtype == "tz" and has_read_number:
                tz.set(token.value)
            else:
                if has_read_number:
                    return NAN
                if sc.peek().kind == "num":
                    return NAN
        elif token.is_sign() and (tz.is_utc() or not tm.empty()):
            tz.sign = 1 if token.sym == "+" else -1
            n = length = 0
            if sc.peek().kind == "num":
                t2 = sc.next()
                n, length = t2.value, t2.length
            has_read_number = True
            if sc.peek().is_sym(":"):
                tz.hour = n
                tz.minute = None
            elif length in (1, 2):
                tz.hour, tz.minute = n, 0
            elif length in (3, 4):
                tz.hour, tz.minute = n // 100, n % 100
            else:
                return NAN
        elif (token.is_sign() or token.is_sym(")")) and has_read_number:
            return NAN
        token = sc.next()
    ymd = day.write()
    hms = tm.write()
    if ymd is None or hms is None:
        return NAN
    y, mo, d = ymd
    t = make_date(make_day(y, mo, d), make_time(*hms))
    off = tz.offset_seconds()
    if off is None:
        t = utc_from_local(t)
    else:
        t -= off * 1000.0
    return time_clip(t)
