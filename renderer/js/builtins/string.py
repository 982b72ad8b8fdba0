"""String (constructor, statics) and String.prototype, except the RegExp-aware methods
(``replace``, ``replaceAll``, ``match``, ``matchAll``, ``search`` and ``split`` with a RegExp),
which ``regexp.py`` registers; it delegates string-separator splits to ``split_string``.
A plain-string ``split`` is registered here too and is overridden by ``regexp.py`` (imported
later by the package).

Strings are UTF-16 code units already, so lengths and indices are native.  Case mapping and
``normalize`` convert to real characters and back (``'ß'.toUpperCase()`` is ``'SS'``).

``localeCompare`` approximates ICU's root/en-US collation (what Node ships): strings compare
by primary weights first (whitespace < punctuation < symbols < currency < digits < letters,
letters alphabetically with accents and case folded away, scripts in Unicode block order),
then accents (secondary), then case (tertiary, lowercase first).  ASCII punctuation follows
ICU's exact order.  Options honoured: ``sensitivity`` (base/accent/case/variant) and
``numeric``.  So ``['b', 'a', 'C'].sort((x, y) => x.localeCompare(y))`` is ``['a', 'b', 'C']``
and ``'a'.localeCompare('A')`` is ``-1``, as in Node.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from typing import Any, Literal

from ..caches import bounded_cache
from ..members import check_array_length, check_string_length, define_methods, get_member
from ..values import (
    JS_WHITESPACE,
    NAN,
    UNDEFINED,
    JSObject,
    NativeFunction,
    js_trim,
    number_to_string,
    range_error,
    this_string,
    to_code_units,
    to_integer_or_infinity,
    to_number,
    to_string,
    to_uint32,
    type_error,
)
from .instance import register_instance_check


def _real(s: str) -> str:
    """Code units → real characters, keeping lone surrogates as they are."""
    if s.isascii():
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _arg_str(args: list, i: int) -> str:
    if len(args) <= i:
        return "undefined"
    v = args[i]
    return v if type(v) is str else to_string(v)


def _int_arg(args: list, i: int, default: float = 0.0) -> float:
    if len(args) <= i or args[i] is UNDEFINED:
        return default
    v = args[i]
    return to_integer_or_infinity(v)


def _no_regexp(v: Any, method: str) -> None:
    if isinstance(v, JSObject) and getattr(v, "class_name", "") == "RegExp":
        type_error(f"First argument to String.prototype.{method} must not be a regular expression")


# ---------------------------------------------------------------------------- helpers others use


def split_string(s: str, sep: Any, limit: Any = UNDEFINED) -> list:
    """``String.prototype.split`` with a string (or undefined) separator."""
    lim = 4294967295 if limit is UNDEFINED else to_uint32(limit)
    if sep is UNDEFINED:
        return [s] if lim else []
    if type(sep) is not str:
        sep = to_string(sep)
    if lim == 0:
        return []
    if sep == "":
        check_array_length(min(len(s), lim))
        out = list(s)
    elif not s:
        return [s]
    else:
        check_array_length(min(s.count(sep) + 1, lim))
        out = s.split(sep, lim) if lim < len(s) + 1 else s.split(sep)
    if len(out) > lim:
        del out[lim:]
    return out


# ---------------------------------------------------------------------------- methods


def _at(this: Any, args: list) -> Any:
    s = this_string(this, "at")
    n = len(s)
    i = _int_arg(args, 0)
    if i < 0:
        i += n
    if 0 <= i < n:
        return s[int(i)]
    return UNDEFINED


def _char_at(this: Any, args: list) -> str:
    s = this_string(this, "charAt")
    i = _int_arg(args, 0)
    if 0 <= i < len(s):
        return s[int(i)]
    return ""


def _char_code_at(this: Any, args: list) -> float:
    s = this_string(this, "charCodeAt")
    i = _int_arg(args, 0)
    if 0 <= i < len(s):
        return float(ord(s[int(i)]))
    return NAN


def _code_point_at(this: Any, args: list) -> Any:
    s = this_string(this, "codePointAt")
    i = _int_arg(args, 0)
    if not (0 <= i < len(s)):
        return UNDEFINED
    i = int(i)
    c = ord(s[i])
    if 0xD800 <= c <= 0xDBFF and i + 1 < len(s):
        d = ord(s[i + 1])
        if 0xDC00 <= d <= 0xDFFF:
            return float(0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00))
    return float(c)


def _concat(this: Any, args: list) -> str:
    s = this_string(this, "concat")
    out = s + "".join(a if type(a) is str else to_string(a) for a in args)
    check_string_length(len(out))
    return out


def _ends_with(this: Any, args: list) -> bool:
    s = this_string(this, "endsWith")
    if args:
        _no_regexp(args[0], "endsWith")
    search = _arg_str(args, 0)
    end = len(s) if len(args) < 2 or args[1] is UNDEFINED else _int_arg(args, 1)
    end = int(min(max(end, 0), len(s)))
    return s.endswith(search, 0, end)


def _includes(this: Any, args: list) -> bool:
    s = this_string(this, "includes")
    if args:
        _no_regexp(args[0], "includes")
    search = _arg_str(args, 0)
    if len(args) < 2:
        return search in s
    pos = int(min(max(_int_arg(args, 1), 0), len(s)))
    return s.find(search, pos) >= 0


def _index_of(this: Any, args: list) -> float:
    s = this_string(this, "indexOf")
    search = _arg_str(args, 0)
    if len(args) < 2:
        return float(s.find(search))
    pos = int(min(max(_int_arg(args, 1), 0), len(s)))
    return float(s.find(search, pos))


def _last_index_of(this: Any, args: list) -> float:
    s = this_string(this, "lastIndexOf")
    search = _arg_str(args, 0)
    n = len(s)
    pos = to_number(args[1]) if len(args) > 1 else NAN
    if pos != pos:
        start = n
    else:
        start = int(min(max(to_integer_or_infinity(pos), 0), n))
    return float(s.rfind(search, 0, start + len(search)))


def _starts_with(this: Any, args: list) -> bool:
    s = this_string(this, "startsWith")
    if args:
        _no_regexp(args[0], "startsWith")
    search = _arg_str(args, 0)
    if len(args) < 2:
        return s.startswith(search)
    pos = int(min(max(_int_arg(args, 1), 0), len(s)))
    return s.startswith(search, pos)


_NORMAL_FORMS: dict[str, Literal["NFC", "NFD", "NFKC", "NFKD"]] = {
    "NFC": "NFC", "NFD": "NFD", "NFKC": "NFKC", "NFKD": "NFKD"
}


def _normalize(this: Any, args: list) -> str:
    s = this_string(this, "normalize")
    form = _NORMAL_FORMS.get("NFC" if not args or args[0] is UNDEFINED else to_string(args[0]))
    if form is None:
        range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")
    if s.isascii():
        return s
    return to_code_units(unicodedata.normalize(form, _real(s)))


def _pad(this: Any, args: list, method: str, at_start: bool) -> str:
    s = this_string(this, method)
    max_len = _int_arg(args, 0)
    n = len(s)
    if max_len <= n:
        return s
    fill = " " if len(args) < 2 or args[1] is UNDEFINED else to_string(args[1])
    if not fill:
        return s
    check_string_length(max_len)
    need = int(max_len) - n
    pad = (fill * (need // len(fill) + 1))[:need]
    return pad + s if at_start else s + pad


def _pad_start(this: Any, args: list) -> str:
    return _pad(this, args, "padStart", True)


def _pad_end(this: Any, args: list) -> str:
    return _pad(this, args, "padEnd", False)


def _repeat(this: Any, args: list) -> str:
    s = this_string(this, "repeat")
    n = to_integer_or_infinity(args[0]) if args else 0.0
    if n < 0 or n == float("inf"):
        range_error(f"Invalid count value: {number_to_string(to_number(args[0]))}")
    if not s or n == 0:
        return ""
    check_string_length(len(s) * n)
    return s * int(n)


def _slice(this: Any, args: list) -> str:
    s = this_string(this, "slice")
    n = len(s)
    start = _int_arg(args, 0)
    if start < 0:
        start = max(n + start, 0)
    if len(args) < 2 or args[1] is UNDEFINED:
        return s[int(min(start, n)) :]
    end = _int_arg(args, 1)
    if end < 0:
        end = max(n + end, 0)
    if start >= end:
        return ""
    return s[int(start) : int(min(end, n))]


def _substring(this: Any, args: list) -> str:
    s = this_string(this, "substring")
    n = len(s)
    start = int(min(max(_int_arg(args, 0), 0), n))
    end = n if len(args) < 2 or args[1] is UNDEFINED else int(min(max(_int_arg(args, 1), 0), n))
    if start > end:
        start, end = end, start
    return s[start:end]


def _substr(this: Any, args: list) -> str:
    s = this_string(this, "substr")
    n = len(s)
    start = _int_arg(args, 0)
    if start < 0:
        start = max(n + start, 0)
    start = min(start, n)
    length = n if len(args) < 2 or args[1] is UNDEFINED else _int_arg(args, 1)
    length = min(max(length, 0), n - start)
    if length <= 0:
        return ""
    return s[int(start) : int(start + length)]


def _lower(this: Any, args: list) -> str:
    s = this_string(this, "toLowerCase")
    if s.isascii():
        return s.lower()
    return to_code_units(_real(s).lower())


def _upper(this: Any, args: list) -> str:
    s = this_string(this, "toUpperCase")
    if s.isascii():
        return s.upper()
    return to_code_units(_real(s).upper())


def _to_string(this: Any, args: list) -> str:
    if type(this) is str:
        return this
    return type_error("String.prototype.toString requires that 'this' be a String")


def _value_of(this: Any, args: list) -> str:
    if type(this) is str:
        return this
    return type_error("String.prototype.valueOf requires that 'this' be a String")


def _trim(this: Any, args: list) -> str:
    return js_trim(this_string(this, "trim"))


def _trim_start(this: Any, args: list) -> str:
    return this_string(this, "trimStart").lstrip(JS_WHITESPACE)


def _trim_end(this: Any, args: list) -> str:
    return this_string(this, "trimEnd").rstrip(JS_WHITESPACE)


def _split(this: Any, args: list) -> list:
    s = this_string(this, "split")
    return split_string(s, args[0] if args else UNDEFINED, args[1] if len(args) > 1 else UNDEFINED)


def _is_well_formed(this: Any, args: list) -> bool:
    s = this_string(this, "isWellFormed")
    try:
        s.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        return False
    return True


# ---------------------------------------------------------------------------- localeCompare

# ICU root order of the printable ASCII non-alphanumerics (whitespace first).
_ASCII_ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"
_ASCII_RANK = {c: i for i, c in enumerate(_ASCII_ORDER)}
_ACCENT_ORDER = {
    0x301: 1, 0x300: 2, 0x306: 3, 0x302: 4, 0x30C: 5, 0x30A: 6, 0x308: 7, 0x30B: 8,
    0x303: 9, 0x307: 10, 0x327: 11, 0x328: 12, 0x304: 13,
}  # fmt: skip
_SPECIAL_LETTERS = {"æ": ("a", 1), "ð": ("d", 1), "đ": ("d", 2), "ħ": ("h", 1), "ı": ("i", 1),
                    "ł": ("l", 1), "ø": ("o", 1), "œ": ("o", 2), "þ": ("z", 1)}  # fmt: skip


def _script_rank(cp: int) -> int:
    if cp < 0x370:
        return 0
    if 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF:
        return 0x3000  # Hangul before kana
    return cp


def _primary(c: str) -> tuple | None:
    """Primary weight of one (decomposed, casefolded) character; None if ignorable."""
    cp = ord(c)
    if cp < 128:
        if "a" <= c <= "z":
            return (6, 0, cp, 0)
        if "0" <= c <= "9":
            return (5, cp - 48)
        r = _ASCII_RANK.get(c)
        if r is not None:
            if c == "$":
                return (4, 0, 0)
            return (1, 0) if c == " " else ((2, r) if r < 23 else (3, r))
        if c in "\t\n\v\f\r":
            return (1, -1, cp)
        return None
    cat = unicodedata.category(c)
    if cat[0] == "L":
        sp = _SPECIAL_LETTERS.get(c)
        if sp is not None:
            return (6, 0, ord(sp[0]), sp[1])
        return (6, _script_rank(cp), cp, 0)
    if cat == "Nd":
        return (5, unicodedata.digit(c, 0))
    if cat[0] == "N":
        return (5, int(unicodedata.numeric(c, 0)))
    if cat[0] == "M" or cat in ("Cf", "Cc", "Co", "Cn", "Cs"):
        return None
    if cat[0] == "Z":
        return (1, 1, cp)
    if cat[0] == "P":
        return (2, 0, cp)
    if cat == "Sc":
        return (4, 1, cp)
    return (3, 100, cp)


@bounded_cache(max_entries=4096, max_cost=4 << 20, cost=lambda args, key: 64 + 8 * len(args[0]))
def _collation_key(s: str, numeric: bool) -> tuple:
    prim: list = []
    sec: list = []
    ter: list = []
    real = unicodedata.normalize("NFD", _real(s))
    i, n = 0, len(real)
    while i < n:
        c = real[i]
        if numeric and "0" <= c <= "9":
            j = i
            while j < n and "0" <= real[j] <= "9":
                j += 1
            prim.append((5, int(real[i:j])))
            sec.append(0)
            ter.append(0)
            i = j
            continue
        i += 1
        cat = unicodedata.category(c) if ord(c) >= 128 else ""
        if cat == "Mn":
            if sec:
                sec[-1] = sec[-1] * 16 + _ACCENT_ORDER.get(ord(c), 14)
            continue
        folded = c.lower()
        variant = 0
        if c != folded:
            variant = 1
        base = folded
        if ord(c) >= 128:
            k = unicodedata.normalize("NFKD", folded)
            k = "".join(ch for ch in k if unicodedata.category(ch) != "Mn") or folded
            if k != folded:
                variant += 2
            base = k.casefold() if len(k) == 1 else k
            if base == "ss" and folded == "ß":
                variant += 2
        for ch in base:
            w = _primary(ch)
            if w is None:
                continue
            prim.append(w)
            sec.append(0)
            ter.append(variant)
    return tuple(prim), tuple(sec), tuple(ter)


def locale_compare(a: str, b: str, options: Any = UNDEFINED) -> float:
    if a == b:
        return 0.0
    numeric = False
    sensitivity = "variant"
    if isinstance(options, dict):
        numeric = bool(options.get("numeric", False) is True)
        sens = options.get("sensitivity", UNDEFINED)
        if type(sens) is str:
            sensitivity = sens
    pa, sa, ta = _collation_key(a, numeric)
    pb, sb, tb = _collation_key(b, numeric)
    if pa != pb:
        return -1.0 if pa < pb else 1.0
    if sensitivity in ("accent", "variant") and sa != sb:
        return -1.0 if sa < sb else 1.0
    if sensitivity in ("case", "variant") and ta != tb:
        return -1.0 if ta < tb else 1.0
    if sensitivity == "variant" and a != b:
        ra, rb = _real(a), _real(b)
        if unicodedata.normalize("NFD", ra) == unicodedata.normalize("NFD", rb):
            return 0.0
        return -1.0 if ra < rb else 1.0
    return 0.0


def _locale_compare(this: Any, args: list) -> float:
    s = this_string(this, "localeCompare")
    return locale_compare(s, _arg_str(args, 0), args[2] if len(args) > 2 else UNDEFINED)


def _locale_upper(this: Any, args: list) -> str:
    return _upper(this_string(this, "toLocaleUpperCase"), [])


def _locale_lower(this: Any, args: list) -> str:
    return _lower(this_string(this, "toLocaleLowerCase"), [])


define_methods(
    str,
    at=_at,
    charAt=_char_at,
    charCodeAt=_char_code_at,
    codePointAt=_code_point_at,
    concat=_concat,
    endsWith=_ends_with,
    includes=_includes,
    indexOf=_index_of,
    isWellFormed=_is_well_formed,
    lastIndexOf=_last_index_of,
    localeCompare=_locale_compare,
    normalize=_normalize,
    padEnd=_pad_end,
    padStart=_pad_start,
    repeat=_repeat,
    slice=_slice,
    split=_split,
    startsWith=_starts_with,
    substr=_substr,
    substring=_substring,
    toLocaleLowerCase=_locale_lower,
    toLocaleUpperCase=_locale_upper,
    toLowerCase=_lower,
    toString=_to_string,
    toUpperCase=_upper,
    trim=_trim,
    trimEnd=_trim_end,
    trimLeft=_trim_start,
    trimRight=_trim_end,
    trimStart=_trim_start,
    valueOf=_value_of,
)


# ---------------------------------------------------------------------------- String


def _from_char_code(this: Any, args: list) -> str:
    return "".join(chr(to_uint32(a) & 0xFFFF) for a in args)


def _from_code_point(this: Any, args: list) -> str:
    out = []
    for a in args:
        n = to_number(a)
        if n != n or n < 0 or n > 0x10FFFF or n != int(n):
            range_error(f"Invalid code point {number_to_string(n) if n == n else 'NaN'}")
        out.append(to_code_units(chr(int(n))) if n > 0xFFFF else chr(int(n)))
    return "".join(out)


# Raw strings of tagged templates: a list cannot carry a ``raw`` property, so the interpreter
# registers them here (``register_template_raw(strings, raw)``); bounded, newest kept.
_TEMPLATE_RAW: OrderedDict[int, tuple[list, list]] = OrderedDict()


def register_template_raw(strings: list, raw: list) -> None:
    _TEMPLATE_RAW[id(strings)] = (strings, raw)
    if len(_TEMPLATE_RAW) > 256:
        _TEMPLATE_RAW.popitem(last=False)


def _raw(this: Any, args: list) -> str:
    strings = args[0] if args else UNDEFINED
    raw: Any = UNDEFINED
    if type(strings) is list:
        rec = _TEMPLATE_RAW.get(id(strings))
        raw = rec[1] if rec is not None and rec[0] is strings else strings
    elif strings is None or strings is UNDEFINED:
        type_error("Cannot convert undefined or null to object")
    else:
        raw = get_member(strings, "raw")
    if raw is None or raw is UNDEFINED:
        type_error("Cannot convert undefined or null to object")
    raw = raw if type(raw) is list else []
    out = []
    for i, part in enumerate(raw):
        out.append(to_string(part))
        if i + 1 < len(raw) and i + 1 < len(args):
            out.append(to_string(args[i + 1]))
    return "".join(out)


def _string_call(this: Any, args: list) -> str:
    if not args:
        return ""
    v = args[0]
    if type(v) is str:
        return v
    return to_string(v)


String = NativeFunction("String", _string_call, 1, lambda args: _string_call(UNDEFINED, args))
String.props.update(
    {
        "fromCharCode": NativeFunction("fromCharCode", _from_char_code, 1),
        "fromCodePoint": NativeFunction("fromCodePoint", _from_code_point, 1),
        "raw": NativeFunction("raw", _raw, 1),
    }
)
register_instance_check(String, lambda v: False)

GLOBALS: dict[str, Any] = {"String": String}
