"""lodash's String functions: words and case conversion (with lodash's Unicode regexps),
deburr, trim/pad/repeat/truncate, escape, split/replace, startsWith/endsWith and parseInt."""

from __future__ import annotations

import itertools
import math
import re
from typing import Any

from renderer.js.members import MISSING, check_string_length, get_member
from renderer.js.values import INF, JS_WHITESPACE, NAN, UNDEFINED, JSFunction, to_boolean, to_uint32

from .core import (
    MAX_SAFE_INTEGER,
    _arg,
    _base_to_string,
    _class,
    _getk,
    _has_in,
    _is_object,
    _jstr,
    _nil,
    _to_integer,
    _to_number,
    _to_str,
)
from .iteratees import _is_iteratee_call

_RS_ASTRAL_RANGE = r"\ud800-\udfff"
_RS_COMBO_RANGE = r"\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff"
_RS_DINGBAT_RANGE = r"\u2700-\u27bf"
_RS_LOWER_RANGE = r"a-z\xdf-\xf6\xf8-\xff"
_RS_MATH_OP_RANGE = r"\xac\xb1\xd7\xf7"
_RS_NON_CHAR_RANGE = r"\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf"
_RS_PUNCTUATION_RANGE = r"\u2000-\u206f"
_RS_SPACE_RANGE = (
    r" \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005"
    r"\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_RS_UPPER_RANGE = r"A-Z\xc0-\xd6\xd8-\xde"
_RS_VAR_RANGE = r"\ufe0e\ufe0f"
_RS_BREAK_RANGE = _RS_MATH_OP_RANGE + _RS_NON_CHAR_RANGE + _RS_PUNCTUATION_RANGE + _RS_SPACE_RANGE

_RS_APOS = "['\u2019]"
_RS_ASTRAL = "[" + _RS_ASTRAL_RANGE + "]"
_RS_BREAK = "[" + _RS_BREAK_RANGE + "]"
_RS_COMBO = "[" + _RS_COMBO_RANGE + "]"
_RS_DIGITS = r"\d+"
_RS_DINGBAT = "[" + _RS_DINGBAT_RANGE + "]"
_RS_LOWER = "[" + _RS_LOWER_RANGE + "]"
_RS_MISC = (
    "[^" + _RS_ASTRAL_RANGE + _RS_BREAK_RANGE + _RS_DIGITS + _RS_DINGBAT_RANGE
    + _RS_LOWER_RANGE + _RS_UPPER_RANGE + "]"
)
_RS_FITZ = r"\ud83c[\udffb-\udfff]"
_RS_MODIFIER = "(?:" + _RS_COMBO + "|" + _RS_FITZ + ")"
_RS_NON_ASTRAL = "[^" + _RS_ASTRAL_RANGE + "]"
_RS_REGIONAL = r"(?:\ud83c[\udde6-\uddff]){2}"
_RS_SURR_PAIR = r"[\ud800-\udbff][\udc00-\udfff]"
_RS_UPPER = "[" + _RS_UPPER_RANGE + "]"
_RS_ZWJ = r"\u200d"

_RS_MISC_LOWER = "(?:" + _RS_LOWER + "|" + _RS_MISC + ")"
_RS_MISC_UPPER = "(?:" + _RS_UPPER + "|" + _RS_MISC + ")"
_RS_OPT_CONTR_LOWER = "(?:" + _RS_APOS + "(?:d|ll|m|re|s|t|ve))?"
_RS_OPT_CONTR_UPPER = "(?:" + _RS_APOS + "(?:D|LL|M|RE|S|T|VE))?"
_RE_OPT_MOD = _RS_MODIFIER + "?"
_RS_OPT_VAR = "[" + _RS_VAR_RANGE + "]?"
_RS_OPT_JOIN = (
    "(?:" + _RS_ZWJ + "(?:" + "|".join([_RS_NON_ASTRAL, _RS_REGIONAL, _RS_SURR_PAIR]) + ")"
    + _RS_OPT_VAR + _RE_OPT_MOD + ")*"
)
_RS_ORD_LOWER = r"\d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_])"
_RS_ORD_UPPER = r"\d*(?:1ST|2ND|3RD|(?![123])\dTH)(?=\b|[a-z_])"
_RS_SEQ = _RS_OPT_VAR + _RE_OPT_MOD + _RS_OPT_JOIN
_RS_EMOJI = "(?:" + "|".join([_RS_DINGBAT, _RS_REGIONAL, _RS_SURR_PAIR]) + ")" + _RS_SEQ
_RS_SYMBOL = (
    "(?:" + "|".join([_RS_NON_ASTRAL + _RS_COMBO + "?", _RS_COMBO, _RS_REGIONAL, _RS_SURR_PAIR, _RS_ASTRAL])
    + ")"
)

_RE_APOS = re.compile(_RS_APOS)
_RE_UNICODE = re.compile(_RS_FITZ + "(?=" + _RS_FITZ + ")|" + _RS_SYMBOL + _RS_SEQ, re.ASCII)
_RE_UNICODE_WORD = re.compile(
    "|".join(
        [
            _RS_UPPER + "?" + _RS_LOWER + "+" + _RS_OPT_CONTR_LOWER
            + "(?=" + "|".join([_RS_BREAK, _RS_UPPER, r"\Z"]) + ")",
            _RS_MISC_UPPER + "+" + _RS_OPT_CONTR_UPPER
            + "(?=" + "|".join([_RS_BREAK, _RS_UPPER + _RS_MISC_LOWER, r"\Z"]) + ")",
            _RS_UPPER + "?" + _RS_MISC_LOWER + "+" + _RS_OPT_CONTR_LOWER,
            _RS_UPPER + "+" + _RS_OPT_CONTR_UPPER,
            _RS_ORD_UPPER,
            _RS_ORD_LOWER,
            _RS_DIGITS,
            _RS_EMOJI,
        ]
    ),
    re.ASCII,
)
_RE_HAS_UNICODE = re.compile("[" + _RS_ZWJ + _RS_ASTRAL_RANGE + _RS_COMBO_RANGE + _RS_VAR_RANGE + "]")
_RE_HAS_UNICODE_WORD = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][a-zA-Z]|[a-zA-Z][0-9]|[^a-zA-Z0-9 ]")
_RE_ASCII_WORD = re.compile(r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")
_HTML_ESCAPE_MAP = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_HTML_ESCAPES = str.maketrans(_HTML_ESCAPE_MAP)
_RE_ESCAPED_HTML = re.compile(r"&(?:amp|lt|gt|quot|#39);")
_HTML_UNESCAPES = {v: k for k, v in _HTML_ESCAPE_MAP.items()}
_RE_REGEXP_CHAR = re.compile(r"[\\^$.*+?()\[\]{}|]")

# lodash's deburredLetters, in order of the code points of reLatin.
_DEBURRED = (
    "A|A|A|A|A|A|Ae|C|E|E|E|E|I|I|I|I|D|N|O|O|O|O|O|O|U|U|U|U|Y|Th|ss|a|a|a|a|a|a|ae|c|e|e|e|e|"
    "i|i|i|i|d|n|o|o|o|o|o|o|u|u|u|u|y|th|y|A|a|A|a|A|a|C|c|C|c|C|c|C|c|D|d|D|d|E|e|E|e|E|e|E|e|"
    "E|e|G|g|G|g|G|g|G|g|H|h|H|h|I|i|I|i|I|i|I|i|I|i|IJ|ij|J|j|K|k|k|L|l|L|l|L|l|L|l|L|l|N|n|N|"
    "n|N|n|'n|N|n|O|o|O|o|O|o|Oe|oe|R|r|R|r|R|r|S|s|S|s|S|s|S|s|T|t|T|t|T|t|U|u|U|u|U|u|U|u|U|u|"
    "U|u|W|w|Y|y|Y|Z|z|Z|z|Z|z|s"
).split("|")
_LATIN = itertools.chain(range(0xC0, 0xD7), range(0xD8, 0xF7), range(0xF8, 0x180))
_DEBURR_TABLE: dict[int, Any] = dict(zip(_LATIN, _DEBURRED))
for _lo, _hi in ((0x300, 0x36F), (0xFE20, 0xFE2F), (0x20D0, 0x20FF)):
    for _c in range(_lo, _hi + 1):
        _DEBURR_TABLE[_c] = None


def _has_unicode(s: str) -> bool:
    return s.isascii() is False and _RE_HAS_UNICODE.search(s) is not None


def _string_to_array(s: str) -> list[str]:
    if _has_unicode(s):
        return _RE_UNICODE.findall(s)
    return list(s)


def _string_size(s: str) -> int:
    if _has_unicode(s):
        return sum(1 for _ in _RE_UNICODE.finditer(s))
    return len(s)


def _deburr(s: str) -> str:
    return s if s.isascii() else s.translate(_DEBURR_TABLE)


def _words(s: str) -> list[str]:
    if _RE_HAS_UNICODE_WORD.search(s):
        return _RE_UNICODE_WORD.findall(s)
    return _RE_ASCII_WORD.findall(s)


def _upper_first(s: str) -> str:
    if not s:
        return s
    if _has_unicode(s):
        syms = _string_to_array(s)
        return (syms[0].upper() + "".join(syms[1:])) if syms else ""
    return s[0].upper() + s[1:]


def _lower_first(s: str) -> str:
    if not s:
        return s
    if _has_unicode(s):
        syms = _string_to_array(s)
        return (syms[0].lower() + "".join(syms[1:])) if syms else ""
    return s[0].lower() + s[1:]


def _compound_words(v: Any) -> list[str]:
    return _words(_RE_APOS.sub("", _deburr(_to_str(v))))


def l_words(this: Any, args: list) -> list:
    s = _to_str(_arg(args, 0))
    pattern = UNDEFINED if to_boolean(_arg(args, 2)) else _arg(args, 1)
    if pattern is UNDEFINED:
        return _words(s)
    m = _str_method(s, "match", [pattern])
    return m if isinstance(m, list) else []


def l_camel_case(this: Any, args: list) -> str:
    out = []
    for i, w in enumerate(_compound_words(_arg(args, 0))):
        w = w.lower()
        out.append(_upper_first(w) if i else w)
    return "".join(out)


def l_kebab_case(this: Any, args: list) -> str:
    return "-".join(w.lower() for w in _compound_words(_arg(args, 0)))


def l_snake_case(this: Any, args: list) -> str:
    return "_".join(w.lower() for w in _compound_words(_arg(args, 0)))


def l_lower_case(this: Any, args: list) -> str:
    return " ".join(w.lower() for w in _compound_words(_arg(args, 0)))


def l_upper_case(this: Any, args: list) -> str:
    return " ".join(w.upper() for w in _compound_words(_arg(args, 0)))


def l_start_case(this: Any, args: list) -> str:
    return " ".join(_upper_first(w) for w in _compound_words(_arg(args, 0)))


def l_capitalize(this: Any, args: list) -> str:
    return _upper_first(_to_str(_arg(args, 0)).lower())


def l_upper_first(this: Any, args: list) -> str:
    return _upper_first(_to_str(_arg(args, 0)))


def l_lower_first(this: Any, args: list) -> str:
    return _lower_first(_to_str(_arg(args, 0)))


def l_deburr(this: Any, args: list) -> str:
    return _deburr(_to_str(_arg(args, 0)))


def l_to_lower(this: Any, args: list) -> str:
    return _to_str(_arg(args, 0)).lower()


def l_to_upper(this: Any, args: list) -> str:
    return _to_str(_arg(args, 0)).upper()


def _str_method(s: str, name: str, args: list) -> Any:
    """Call String.prototype[name] through the member gate (regexp support lives there)."""
    m = get_member(s, name)
    if isinstance(m, JSFunction):
        return m.call(s, args)
    return MISSING


def l_replace(this: Any, args: list) -> str:
    s = _to_str(_arg(args, 0))
    if len(args) < 3:
        return s
    r = _str_method(s, "replace", [args[1], args[2]])
    if r is not MISSING:
        return r
    # Fallback without string builtins: a string pattern, first occurrence, no $-patterns.
    pat = _jstr(args[1])
    i = s.find(pat)
    if i < 0:
        return s
    rep = args[2]
    rep_s = _jstr(rep.call(UNDEFINED, [pat, float(i), s])) if isinstance(rep, JSFunction) else _jstr(rep)
    return s[:i] + rep_s + s[i + len(pat) :]


def l_split(this: Any, args: list) -> list:
    s, sep, limit = _arg(args, 0), _arg(args, 1), _arg(args, 2)
    if to_boolean(limit) and type(limit) is not float and _is_iteratee_call(s, sep, limit):
        sep = limit = UNDEFINED
    lim = 4294967295 if limit is UNDEFINED else to_uint32(_to_number(limit))
    if not lim:
        return []
    s = _to_str(s)
    if s and (type(sep) is str or (not _nil(sep) and _class(sep) != "RegExp")):
        sep = _base_to_string(sep)
        if not sep and _has_unicode(s):
            return _string_to_array(s)[:lim]
    r = _str_method(s, "split", [sep, float(lim)])
    if r is not MISSING:
        return r
    if sep is UNDEFINED:
        return [s][:lim]
    sep_s = _jstr(sep)
    parts = list(s) if sep_s == "" else s.split(sep_s)
    return parts[:lim]


def _trim_chars(s: str, chars: str, start: bool, end: bool) -> str:
    syms = _string_to_array(s)
    chr_syms = set(_string_to_array(chars))
    lo, hi = 0, len(syms)
    if start:
        while lo < hi and syms[lo] in chr_syms:
            lo += 1
    if end:
        while hi > lo and syms[hi - 1] in chr_syms:
            hi -= 1
    return "".join(syms[lo:hi])


def _trim(args: list, start: bool, end: bool) -> str:
    s = _to_str(_arg(args, 0))
    chars = _arg(args, 1)
    if s and (to_boolean(_arg(args, 2)) or chars is UNDEFINED):
        if start and end:
            return s.strip(JS_WHITESPACE)
        return s.lstrip(JS_WHITESPACE) if start else s.rstrip(JS_WHITESPACE)
    if not s:
        return s
    cs = _base_to_string(chars)
    if not cs:
        return s
    return _trim_chars(s, cs, start, end)


def l_trim(this: Any, args: list) -> str:
    return _trim(args, True, True)


def l_trim_start(this: Any, args: list) -> str:
    return _trim(args, True, False)


def l_trim_end(this: Any, args: list) -> str:
    return _trim(args, False, True)


def _repeat(s: str, n: float) -> str:
    if not s or n < 1 or n > MAX_SAFE_INTEGER:
        return ""
    check_string_length(len(s) * n)
    return s * int(n)


def _create_padding(length: float, chars: Any) -> str:
    cs = " " if chars is UNDEFINED else _base_to_string(chars)
    if len(cs) < 2:
        return _repeat(cs, length) if cs else cs
    result = _repeat(cs, math.ceil(length / _string_size(cs)))
    if _has_unicode(cs):
        return "".join(_string_to_array(result)[: int(length)])
    return result[: int(length)]


def l_pad(this: Any, args: list) -> str:
    s = _to_str(_arg(args, 0))
    length = _to_integer(_arg(args, 1))
    size = _string_size(s) if length else 0
    if not length or size >= length:
        return s
    mid = (length - size) / 2
    chars = _arg(args, 2)
    return _create_padding(math.floor(mid), chars) + s + _create_padding(math.ceil(mid), chars)


def l_pad_start(this: Any, args: list) -> str:
    s = _to_str(_arg(args, 0))
    length = _to_integer(_arg(args, 1))
    size = _string_size(s) if length else 0
    return _create_padding(length - size, _arg(args, 2)) + s if length and size < length else s


def l_pad_end(this: Any, args: list) -> str:
    s = _to_str(_arg(args, 0))
    length = _to_integer(_arg(args, 1))
    size = _string_size(s) if length else 0
    return s + _create_padding(length - size, _arg(args, 2)) if length and size < length else s


def l_repeat(this: Any, args: list) -> str:
    s, n, guard = _arg(args, 0), _arg(args, 1), _arg(args, 2)
    if (_is_iteratee_call(s, n, guard) if to_boolean(guard) else n is UNDEFINED):
        count = 1.0
    else:
        count = _to_integer(n)
    return _repeat(_to_str(s), count)


def l_truncate(this: Any, args: list) -> str:
    options = _arg(args, 1)
    length = 30.0
    omission = "..."
    separator: Any = UNDEFINED
    if _is_object(options):
        if _has_in(options, "separator"):
            separator = _getk(options, "separator")
        if _has_in(options, "length"):
            length = _to_integer(_getk(options, "length"))
        if _has_in(options, "omission"):
            omission = _base_to_string(_getk(options, "omission"))
    s = _to_str(_arg(args, 0))
    syms = _string_to_array(s) if _has_unicode(s) else None
    str_len = len(syms) if syms is not None else len(s)
    if length >= str_len:
        return s
    end_f = length - _string_size(omission)
    if end_f < 1:
        return omission
    end = int(end_f)
    result = "".join(syms[:end]) if syms is not None else s[:end]
    if separator is UNDEFINED:
        return result + omission
    if syms is not None:
        end += len(result) - end
    if _class(separator) == "RegExp":
        if to_boolean(_str_method(s[end:], "search", [separator])):
            # lodash runs a global exec loop over ``result``; search + match step through
            # the same matches (each search starts where the previous match ended).
            new_end = -1
            pos = 0
            while pos <= len(result):
                i = _str_method(result[pos:], "search", [separator])
                if type(i) is not float or i < 0:
                    break
                new_end = pos + int(i)
                m = _str_method(result[new_end:], "match", [separator])
                first = m[0] if isinstance(m, list) and m else ""
                pos = new_end + max(len(first) if type(first) is str else 0, 1)
            result = result[: end if new_end < 0 else new_end]
    elif s.find(_base_to_string(separator), end) != end:
        i = result.rfind(_jstr(separator))
        if i > -1:
            result = result[:i]
    return result + omission


def l_escape(this: Any, args: list) -> str:
    return _to_str(_arg(args, 0)).translate(_HTML_ESCAPES)


def l_unescape(this: Any, args: list) -> str:
    return _RE_ESCAPED_HTML.sub(lambda m: _HTML_UNESCAPES[m.group()], _to_str(_arg(args, 0)))


def l_escape_reg_exp(this: Any, args: list) -> str:
    return _RE_REGEXP_CHAR.sub(lambda m: "\\" + m.group(), _to_str(_arg(args, 0)))


def l_starts_with(this: Any, args: list) -> bool:
    s = _to_str(_arg(args, 0))
    pos = _arg(args, 2)
    p = 0 if _nil(pos) else int(min(max(_to_integer(pos), 0), len(s)))
    target = _base_to_string(_arg(args, 1))
    return s[p : p + len(target)] == target


def l_ends_with(this: Any, args: list) -> bool:
    s = _to_str(_arg(args, 0))
    target = _base_to_string(_arg(args, 1))
    pos = _arg(args, 2)
    n = len(s)
    end = n if pos is UNDEFINED else int(min(max(_to_integer(pos), 0), n))
    start = end - len(target)
    return start >= 0 and s[start:end] == target


def js_parse_int(s: str, radix: float) -> float:
    """The global parseInt on an already-stringified argument."""
    s = s.lstrip(JS_WHITESPACE)
    sign = 1.0
    if s[:1] in ("+", "-"):
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    r = int(radix)
    strip = True
    if r != 0:
        if r < 2 or r > 36:
            return NAN
        strip = r == 16
    else:
        r = 10
    if strip and s[:2] in ("0x", "0X"):
        s = s[2:]
        r = 16
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:r]
    end = 0
    while end < len(s) and s[end].isascii() and s[end].lower() in digits:
        end += 1
    if end == 0:
        return NAN
    if r == 10:
        return sign * float(s[:end])
    try:
        return sign * float(int(s[:end], r))
    except (ValueError, OverflowError):  # beyond int()'s digit limit or float's range
        n = 0.0
        for ch in s[:end].lower():
            n = n * r + digits.index(ch)
        return sign * n


def l_parse_int(this: Any, args: list) -> float:
    radix = _arg(args, 1)
    if to_boolean(_arg(args, 2)) or _nil(radix):
        rn = 0.0
    else:
        rn = _to_number(radix) if to_boolean(radix) else 0.0
    r = float(_int32(rn))
    return js_parse_int(_to_str(_arg(args, 0)), r)


def _int32(n: float) -> int:
    if n != n or n in (INF, -INF):
        return 0
    i = int(n) & 0xFFFFFFFF
    return i - 0x100000000 if i >= 0x80000000 else i
