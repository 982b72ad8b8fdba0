"""JavaScript regular expressions on Python's ``re``, and the String methods that use them.

A JS pattern is parsed here (V8's grammar, Annex B included) and translated to an equivalent
Python pattern over UTF-16 code units, the representation of kview strings:

* ``\\d \\w \\s \\b`` get JavaScript's sets (ASCII digits and word characters, JS white space),
  ``.`` excludes the four JS line terminators, ``^``/``$`` follow JS (``m`` flag included);
* named groups become plain groups (the names are kept here), backreferences to groups that did
  not take part match the empty string as in JS;
* with the ``u`` flag, astral characters, ``\\u{...}``, ``.`` and classes work on code points
  (surrogate pairs), and ``\\p{...}`` supports the General_Category values, a few scripts and the
  emoji properties.

Syntax errors are JS SyntaxErrors worded like V8's. Compiled patterns are cached per
(source, flags). Known gaps (V8 accepts, kview throws or differs): variable-length lookbehind
(top-level alternatives of different fixed lengths are fine); ``v``-flag class set operations;
captures inside a repeated group are not reset between iterations; an iteration of a quantified
group that matches the empty string is accepted (JS rejects it, so ``/(|a)+/`` or ``/(a?)*/``
can capture ``''`` where JS has ``undefined``, and rarely match differently); case-insensitive
matching follows Python's case folding (differs for a few characters such as U+017F, U+212A);
Python's ``re`` has no step limit, so a catastrophically backtracking pattern can hang a render.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import regex

from ..jsvalues import (
    JS_WHITESPACE,
    UNDEFINED,
    JSFunction,
    JSObject,
    NativeFunction,
    range_error,
    safe_to_string,
    this_string,
    throw,
    to_integer_or_infinity,
    to_string,
    to_uint32,
    type_error,
)
from ..members import (
    MISSING,
    SPECIAL_GETTERS,
    SPECIAL_SETTERS,
    check_string_length,
    define_methods,
    set_array_props,
)

__all__ = [
    "GLOBALS",
    "JSRegExp",
    "REGEXP_CTOR",
    "make_regexp",
    "regexp_create",
    "regexp_exec",
    "regexp_test",
]

_FLAG_ORDER = "dgimsuvy"
_VALID_FLAGS = frozenset("dgimsuvy")
_LINE_TERMINATORS = "\n\r\u2028\u2029"
_MAX_REPEAT = 4294967294


# ============================================================================ sets of code points

def _ranges_of(chars: str) -> list[tuple[int, int]]:
    return _normalize([(ord(c), ord(c)) for c in chars])


def _normalize(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _invert(ranges: list[tuple[int, int]], top: int = 0x10FFFF) -> list[tuple[int, int]]:
    out = []
    prev = 0
    for lo, hi in _normalize(ranges):
        if lo > prev:
            out.append((prev, lo - 1))
        prev = hi + 1
    if prev <= top:
        out.append((prev, top))
    return out


_DIGIT = [(0x30, 0x39)]
_WORD = [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]
_SPACE = _ranges_of(JS_WHITESPACE)
_CLASS_ESCAPES = {"d": _DIGIT, "w": _WORD, "s": _SPACE}


def _cp_escape(cp: int) -> str:
    """One code point (<= 0xFFFF) for use inside or outside a Python character class."""
    if cp < 0x80 and (chr(cp).isalnum() or chr(cp) == "_"):
        return chr(cp)
    if cp <= 0xFF:
        return f"\\x{cp:02x}"
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    return f"\\U{cp:08x}"


def _bmp_class_body(ranges: list[tuple[int, int]]) -> str:
    parts = []
    for lo, hi in ranges:
        if lo == hi:
            parts.append(_cp_escape(lo))
        elif hi == lo + 1:
            parts.append(_cp_escape(lo) + _cp_escape(hi))
        else:
            parts.append(_cp_escape(lo) + "-" + _cp_escape(hi))
    return "".join(parts)


def _split_pair(cp: int) -> tuple[int, int]:
    c = cp - 0x10000
    return 0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF)


def _astral_alternatives(ranges: list[tuple[int, int]]) -> list[str]:
    """Surrogate-pair patterns matching the astral code points of ``ranges``."""
    out = []
    for lo, hi in ranges:
        lo = max(lo, 0x10000)
        if hi < lo:
            continue
        hl, ll = _split_pair(lo)
        hh, lh = _split_pair(hi)
        if hl == hh:
            out.append(_cp_escape(hl) + _one_class([(ll, lh)]))
            continue
        out.append(_cp_escape(hl) + _one_class([(ll, 0xDFFF)]))
        if hh - hl > 1:
            out.append(_one_class([(hl + 1, hh - 1)]) + "[\\udc00-\\udfff]")
        out.append(_cp_escape(hh) + _one_class([(0xDC00, lh)]))
    return out


def _one_class(ranges: list[tuple[int, int]]) -> str:
    if len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
        return _cp_escape(ranges[0][0])
    return "[" + _bmp_class_body(ranges) + "]"


_ANY = "[\\x00-\\U0010ffff]"
_PAIR = "[\\ud800-\\udbff][\\udc00-\\udfff]"


# ============================================================================ \p{...} data

_GC_ALIASES = {
    "Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll",
    "Titlecase_Letter": "Lt", "Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M",
    "Combining_Mark": "M", "Nonspacing_Mark": "Mn", "Spacing_Mark": "Mc", "Enclosing_Mark": "Me",
    "Number": "N", "Decimal_Number": "Nd", "digit": "Nd", "Letter_Number": "Nl",
    "Other_Number": "No", "Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc",
    "Dash_Punctuation": "Pd", "Open_Punctuation": "Ps", "Close_Punctuation": "Pe",
    "Initial_Punctuation": "Pi", "Final_Punctuation": "Pf", "Other_Punctuation": "Po",
    "Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc", "Modifier_Symbol": "Sk",
    "Other_Symbol": "So", "Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl",
    "Paragraph_Separator": "Zp", "Other": "C", "Control": "Cc", "cntrl": "Cc", "Format": "Cf",
    "Surrogate": "Cs", "Private_Use": "Co", "Unassigned": "Cn",
}
_GC_SHORT = frozenset(
    "L LC Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So "
    "Z Zs Zl Zp C Cc Cf Cs Co Cn".split()
)

# Ranges of a few non-General_Category properties (Unicode 15, from V8/ICU), as "lo-hi" hex.
_EXTRA_PROPS_SRC = {
    "Extended_Pictographic": (
        "a9 ae 203c 2049 2122 2139 2194-2199 21a9-21aa 231a-231b 2328 2388 23cf 23e9-23f3 "
        "23f8-23fa 24c2 25aa-25ab 25b6 25c0 25fb-25fe 2600-2605 2607-2612 2614-2685 2690-2705 "
        "2708-2712 2714 2716 271d 2721 2728 2733-2734 2744 2747 274c 274e 2753-2755 2757 "
        "2763-2767 2795-2797 27a1 27b0 27bf 2934-2935 2b05-2b07 2b1b-2b1c 2b50 2b55 3030 303d "
        "3297 3299 1f000-1f0ff 1f10d-1f10f 1f12f 1f16c-1f171 1f17e-1f17f 1f18e 1f191-1f19a "
        "1f1ad-1f1e5 1f201-1f20f 1f21a 1f22f 1f232-1f23a 1f23c-1f23f 1f249-1f3fa 1f400-1f53d "
        "1f546-1f64f 1f680-1f6ff 1f774-1f77f 1f7d5-1f7ff 1f80c-1f80f 1f848-1f84f 1f85a-1f85f "
        "1f888-1f88f 1f8ae-1f8ff 1f90c-1f93a 1f93c-1f945 1f947-1faff 1fc00-1fffd"
    ),
    "Emoji_Presentation": (
        "231a-231b 23e9-23ec 23f0 23f3 25fd-25fe 2614-2615 2648-2653 267f 2693 26a1 26aa-26ab "
        "26bd-26be 26c4-26c5 26ce 26d4 26ea 26f2-26f3 26f5 26fa 26fd 2705 270a-270b 2728 274c "
        "274e 2753-2755 2757 2795-2797 27b0 27bf 2b1b-2b1c 2b50 2b55 1f004 1f0cf 1f18e "
        "1f191-1f19a 1f1e6-1f1ff 1f201 1f21a 1f22f 1f232-1f236 1f238-1f23a 1f250-1f251 "
        "1f300-1f320 1f32d-1f335 1f337-1f37c 1f37e-1f393 1f3a0-1f3ca 1f3cf-1f3d3 1f3e0-1f3f0 "
        "1f3f4 1f3f8-1f43e 1f440 1f442-1f4fc 1f4ff-1f53d 1f54b-1f54e 1f550-1f567 1f57a "
        "1f595-1f596 1f5a4 1f5fb-1f64f 1f680-1f6c5 1f6cc 1f6d0-1f6d2 1f6d5-1f6d7 1f6dc-1f6df "
        "1f6eb-1f6ec 1f6f4-1f6fc 1f7e0-1f7eb 1f7f0 1f90c-1f93a 1f93c-1f945 1f947-1f9ff "
        "1fa70-1fa7c 1fa80-1fa88 1fa90-1fabd 1fabf-1fac5 1face-1fadb 1fae0-1fae8 1faf0-1faf8"
    ),
    "Emoji_Modifier": "1f3fb-1f3ff",
    "Emoji_Modifier_Base": (
        "261d 26f9 270a-270d 1f385 1f3c2-1f3c4 1f3c7 1f3ca-1f3cc 1f442-1f443 1f446-1f450 "
        "1f466-1f478 1f47c 1f481-1f483 1f485-1f487 1f48f 1f491 1f4aa 1f574-1f575 1f57a 1f590 "
        "1f595-1f596 1f645-1f647 1f64b-1f64f 1f6a3 1f6b4-1f6b6 1f6c0 1f6cc 1f90c 1f90f "
        "1f918-1f91f 1f926 1f930-1f939 1f93c-1f93e 1f977 1f9b5-1f9b6 1f9b8-1f9b9 1f9bb "
        "1f9cd-1f9cf 1f9d1-1f9dd 1fac3-1fac5 1faf0-1faf8"
    ),
    "Emoji_Component": "23 2a 30-39 200d 20e3 fe0f 1f1e6-1f1ff 1f3fb-1f3ff 1f9b0-1f9b3 e0020-e007f",
    "Regional_Indicator": "1f1e6-1f1ff",
    "ASCII": "0-7f",
    "ASCII_Hex_Digit": "30-39 41-46 61-66",
    "Hex_Digit": "30-39 41-46 61-66 ff10-ff19 ff21-ff26 ff41-ff46",
    "Any": "0-10ffff",
    "White_Space": "9-d 20 85 a0 1680 2000-200a 2028-2029 202f 205f 3000",
    "Script=Latin": (
        "41-5a 61-7a aa ba c0-d6 d8-f6 f8-2b8 2e0-2e4 1d00-1d25 1d2c-1d5c 1d62-1d65 1d6b-1d77 "
        "1d79-1dbe 1e00-1eff 2071 207f 2090-209c 212a-212b 2132 214e 2160-2188 2c60-2c7f "
        "a722-a787 a78b-a7ca a7d0-a7d1 a7d3 a7d5-a7d9 a7f2-a7ff ab30-ab5a ab5c-ab64 ab66-ab69 "
        "fb00-fb06 ff21-ff3a ff41-ff5a 10780-10785 10787-107b0 107b2-107ba 1df00-1df1e "
        "1df25-1df2a"
    ),
    "Script=Greek": (
        "370-373 375-377 37a-37d 37f 384 386 388-38a 38c 38e-3a1 3a3-3e1 3f0-3ff 1d26-1d2a "
        "1d5d-1d61 1d66-1d6a 1dbf 1f00-1f15 1f18-1f1d 1f20-1f45 1f48-1f4d 1f50-1f57 1f59 1f5b "
        "1f5d 1f5f-1f7d 1f80-1fb4 1fb6-1fc4 1fc6-1fd3 1fd6-1fdb 1fdd-1fef 1ff2-1ff4 1ff6-1ffe "
        "2126 ab65 10140-1018e 101a0 1d200-1d245"
    ),
    "Script=Cyrillic": (
        "400-484 487-52f 1c80-1c88 1d2b 1d78 2de0-2dff a640-a69f fe2e-fe2f 1e030-1e06d 1e08f"
    ),
    "Script=Han": (
        "2e80-2e99 2e9b-2ef3 2f00-2fd5 3005 3007 3021-3029 3038-303b 3400-4dbf 4e00-9fff "
        "f900-fa6d fa70-fad9 16fe2-16fe3 16ff0-16ff1 20000-2a6df 2a700-2b739 2b740-2b81d "
        "2b820-2cea1 2ceb0-2ebe0 2f800-2fa1d 30000-3134a 31350-323af"
    ),
    "Script=Hiragana": "3041-3096 309d-309f 1b001-1b11f 1b132 1b150-1b152 1f200",
    "Script=Katakana": (
        "30a1-30fa 30fd-30ff 31f0-31ff 32d0-32fe 3300-3357 ff66-ff6f ff71-ff9d 1aff0-1aff3 "
        "1aff5-1affb 1affd-1affe 1b000 1b120-1b122 1b155 1b164-1b167"
    ),
    "Script=Hangul": (
        "1100-11ff 302e-302f 3131-318e 3200-321e 3260-327e a960-a97c ac00-d7a3 d7b0-d7c6 "
        "d7cb-d7fb ffa0-ffbe ffc2-ffc7 ffca-ffcf ffd2-ffd7 ffda-ffdc"
    ),
    "Script=Arabic": (
        "600-604 606-60b 60d-61a 61c-61e 620-63f 641-64a 656-66f 671-6dc 6de-6ff 750-77f "
        "870-88e 890-891 898-8e1 8e3-8ff fb50-fbc2 fbd3-fd3d fd40-fd8f fd92-fdc7 fdcf "
        "fdf0-fdff fe70-fe74 fe76-fefc 10e60-10e7e 10efd-10eff 1ee00-1eef1"
    ),
    "Script=Hebrew": (
        "591-5c7 5d0-5ea 5ef-5f4 fb1d-fb36 fb38-fb3c fb3e fb40-fb41 fb43-fb44 fb46-fb4f"
    ),
    "Script=Thai": "e01-e3a e40-e5b",
}
_PROP_ALIASES = {
    "ExtPict": "Extended_Pictographic", "EPres": "Emoji_Presentation", "EMod": "Emoji_Modifier",
    "EBase": "Emoji_Modifier_Base", "EComp": "Emoji_Component", "RI": "Regional_Indicator",
    "AHex": "ASCII_Hex_Digit", "Hex": "Hex_Digit", "space": "White_Space", "WSpace": "White_Space",
}
_SCRIPT_ALIASES = {
    "Latn": "Latin", "Grek": "Greek", "Cyrl": "Cyrillic", "Hani": "Han", "Hira": "Hiragana",
    "Kana": "Katakana", "Hang": "Hangul", "Arab": "Arabic", "Hebr": "Hebrew",
}


def _parse_ranges(src: str) -> list[tuple[int, int]]:
    out = []
    for part in src.split():
        lo, _, hi = part.partition("-")
        out.append((int(lo, 16), int(hi or lo, 16)))
    return out


@functools.lru_cache(maxsize=1)
def _all_gc_ranges() -> dict[str, list[tuple[int, int]]]:
    """Code point ranges of every two-letter General_Category (Python's unicodedata)."""
    out: dict[str, list[tuple[int, int]]] = {}
    category = unicodedata.category
    start, current = 0, category("\x00")
    cp = 1
    while cp <= 0x110000:
        if cp == 0x40000:  # planes 4-13 are unassigned
            cat = "Cn"
        elif cp == 0x110000:
            cat = ""
        else:
            cat = category(chr(cp))
        if cat != current:
            out.setdefault(current, []).append((start, cp - 1))
            start, current = cp, cat
        cp = 0xE0000 if cp == 0x40000 else cp + 1
    return out


@functools.lru_cache(maxsize=64)
def _gc_ranges(cat: str) -> tuple[tuple[int, int], ...]:
    """Code point ranges of a General_Category value (one or two letters, or LC)."""
    table = _all_gc_ranges()
    if cat == "LC":
        wanted: tuple[str, ...] = ("Lu", "Ll", "Lt")
    elif len(cat) == 1:
        wanted = tuple(c for c in table if c[0] == cat)
    else:
        wanted = (cat,)
    ranges: list[tuple[int, int]] = []
    for c in wanted:
        ranges.extend(table.get(c, ()))
    return tuple(_normalize(ranges))


@functools.lru_cache(maxsize=64)
def _emoji_ranges() -> tuple[tuple[int, int], ...]:
    # Emoji = Emoji_Presentation ∪ a few text-default pictographs and the keycap bases.
    base = _parse_ranges(_EXTRA_PROPS_SRC["Emoji_Presentation"])
    extra = _parse_ranges(
        "23 2a 30-39 a9 ae 203c 2049 2122 2139 2194-2199 21a9-21aa 2328 23cf 23ed-23ef 23f1-23f2 "
        "23f8-23fa 24c2 25aa-25ab 25b6 25c0 25fb-25fc 2600-2604 260e 2611 2618 261d 2620 "
        "2622-2623 2626 262a 262e-262f 2638-263a 2640 2642 265f-2660 2663 2665-2666 2668 267b "
        "267e 2692 2694-2697 2699 269b-269c 26a0 26a7 26b0-26b1 26c8 26cf 26d1 26d3 26e9 26f0-26f1 "
        "26f4 26f7-26f9 2702 2708-2709 270c-270d 270f 2712 2714 2716 271d 2721 2733-2734 2744 2747 "
        "2763-2764 27a1 2934-2935 2b05-2b07 3030 303d 3297 3299 1f170-1f171 1f17e-1f17f 1f202 "
        "1f237 1f321 1f324-1f32c 1f336 1f37d 1f396-1f397 1f399-1f39b 1f39e-1f39f 1f3cb-1f3ce "
        "1f3d4-1f3df 1f3f3 1f3f5 1f3f7 1f43f 1f441 1f4fd 1f549-1f54a 1f56f-1f570 1f573-1f579 "
        "1f587 1f58a-1f58d 1f590 1f5a5 1f5a8 1f5b1-1f5b2 1f5bc 1f5c2-1f5c4 1f5d1-1f5d3 "
        "1f5dc-1f5de 1f5e1 1f5e3 1f5e8 1f5ef 1f5f3 1f5fa 1f6cb 1f6cd-1f6cf 1f6e0-1f6e5 1f6e9 "
        "1f6f0 1f6f3"
    )
    return tuple(_normalize(base + extra))


def _property_ranges(body: str, source_for_error: str) -> list[tuple[int, int]]:
    name, eq, value = body.partition("=")
    if eq:
        if name in ("General_Category", "gc"):
            cat = _GC_ALIASES.get(value, value)
            if cat in _GC_SHORT:
                return list(_gc_ranges(cat))
        elif name in ("Script", "sc", "Script_Extensions", "scx"):
            script = _SCRIPT_ALIASES.get(value, value)
            src = _EXTRA_PROPS_SRC.get("Script=" + script)
            if src is not None:
                return _parse_ranges(src)
        return _syntax(source_for_error, "Invalid property name")
    cat = _GC_ALIASES.get(name, name)
    if cat in _GC_SHORT:
        return list(_gc_ranges(cat))
    if name == "Emoji":
        return list(_emoji_ranges())
    if name in ("Alphabetic", "Alpha"):
        return _normalize(list(_gc_ranges("L")) + list(_gc_ranges("Nl")))
    if name in ("Uppercase", "Upper"):
        return list(_gc_ranges("Lu"))
    if name in ("Lowercase", "Lower"):
        return list(_gc_ranges("Ll"))
    name = _PROP_ALIASES.get(name, name)
    src = _EXTRA_PROPS_SRC.get(name)
    if src is None:
        return _syntax(source_for_error, "Invalid property name")
    return _parse_ranges(src)


# ============================================================================ the translator

def _syntax(where: str, message: str) -> Any:
    return throw("SyntaxError", f"Invalid regular expression: {where}: {message}")


def _is_id_start(c: str) -> bool:
    return c in "$_" or c.isalpha() or unicodedata.category(c) in ("Nl",)


def _is_id_part(c: str) -> bool:
    return (
        _is_id_start(c)
        or c in "\u200c\u200d"
        or unicodedata.category(c) in ("Mn", "Mc", "Nd", "Pc")
    )


class _ClassItem:
    """A class member: code point ranges, or the complement of them (``\\D`` ``\\W`` ``\\S``)."""

    __slots__ = ("ranges", "negated")

    def __init__(self, ranges: list[tuple[int, int]], negated: bool = False) -> None:
        self.ranges = ranges
        self.negated = negated


class _Translator:
    def __init__(self, source: str, flags: str) -> None:
        self.flags = flags
        self.unicode = "u" in flags or "v" in flags
        self.vmode = "v" in flags
        self.dotall = "s" in flags
        self.multiline = "m" in flags
        self.where = f"/{source}/{flags}"
        # With the u flag the pattern is read by code points.
        if self.unicode:
            chars = []
            i, n = 0, len(source)
            while i < n:
                c = source[i]
                nxt = source[i + 1] if i + 1 < n else ""
                if "\ud800" <= c <= "\udbff" and "\udc00" <= nxt <= "\udfff":
                    chars.append(chr(0x10000 + ((ord(c) - 0xD800) << 10) + ord(nxt) - 0xDC00))
                    i += 2
                else:
                    chars.append(c)
                    i += 1
            self.src = "".join(chars)
        else:
            self.src = source
        self.pos = 0
        self.group_total, self.all_names = self._scan_groups()
        self.has_named = bool(self.all_names)
        self.opened = 0
        self.closed: set[int] = set()
        self.names: dict[str, int] = {}
        self.bad_reference = False

    # ---------------------------------------------------------------- helpers
    def error(self, message: str) -> Any:
        return _syntax(self.where, message)

    def peek(self, k: int = 0) -> str:
        p = self.pos + k
        return self.src[p] if p < len(self.src) else ""

    def _scan_groups(self) -> tuple[int, list[str]]:
        src = self.src
        count = 0
        names: list[str] = []
        i, n = 0, len(src)
        in_class = False
        while i < n:
            c = src[i]
            if c == "\\":
                i += 2
                continue
            if in_class:
                if c == "]":
                    in_class = False
            elif c == "[":
                in_class = True
            elif c == "(":
                if i + 1 < n and src[i + 1] == "?":
                    if i + 2 < n and src[i + 2] == "<" and i + 3 < n and src[i + 3] not in "=!":
                        count += 1
                        j = src.find(">", i + 3)
                        if j > 0:
                            names.append(src[i + 3 : j])
                else:
                    count += 1
            i += 1
        return count, names

    # ---------------------------------------------------------------- grammar
    def translate(self) -> str:
        alts = self.disjunction()
        if self.pos < len(self.src):
            if self.peek() == ")":
                self.error("Unmatched ')'")
            self.error("Unexpected character")  # pragma: no cover - defensive
        if self.bad_reference:
            self.error("Invalid named capture referenced")
        body = "|".join(alts)
        if self.unicode:
            # Never start a match inside a surrogate pair (JS advances by code point).
            return "(?!(?<=[\\ud800-\\udbff])[\\udc00-\\udfff])(?:" + body + ")"
        return body

    def disjunction(self) -> list[str]:
        alts = [self.alternative()]
        while self.peek() == "|":
            self.pos += 1
            alts.append(self.alternative())
        return alts

    def alternative(self) -> str:
        out = []
        while True:
            c = self.peek()
            if c == "" or c == "|" or c == ")":
                break
            out.append(self.term())
        return "".join(out)

    def term(self) -> str:
        c = self.peek()
        # Assertions that take no quantifier.
        if c == "^":
            self.pos += 1
            self._no_quantifier()
            if self.multiline:
                return "(?<![^\\n\\r\\u2028\\u2029])"
            return "\\A"
        if c == "$":
            self.pos += 1
            self._no_quantifier()
            if self.multiline:
                return "(?![^\\n\\r\\u2028\\u2029])"
            return "\\Z"
        if c == "\\" and self.peek(1) in ("b", "B"):
            self.pos += 2
            self._no_quantifier()
            if self.src[self.pos - 1] == "b":
                return "(?a:\\b)"
            # Python's \B never matches in an empty string; JS's does.
            return "(?a:(?<!\\w)(?!\\w)|(?<=\\w)(?=\\w))"
        if c == "(" and self.peek(1) == "?" and self.peek(2) == "<" and self.peek(3) in ("=", "!"):
            atom = self.group()
            if self._quantifier_ahead():
                self.error("Invalid quantifier")
            return atom
        if c == "(" and self.peek(1) == "?" and self.peek(2) in ("=", "!"):
            atom = self.group()
            if self.unicode:
                if self._quantifier_ahead():
                    self.error("Invalid quantifier")
                if self.peek() == "{":
                    self.error("Incomplete quantifier")
                return atom
            return self.quantified("(?:" + atom + ")")
        atom = self.atom()
        return self.quantified(atom)

    def _quantifier_ahead(self) -> bool:
        c = self.peek()
        if c in ("*", "+", "?"):
            return True
        return c == "{" and self._read_braces(peek_only=True) is not None

    def _no_quantifier(self) -> None:
        if self._quantifier_ahead():
            self.error("Nothing to repeat")

    def _read_braces(self, peek_only: bool = False) -> tuple[int, int | None] | None:
        m = re.compile(r"\{([0-9]+)(?:(,)([0-9]*))?\}").match(self.src, self.pos)
        if m is None:
            return None
        lo = int(m.group(1))
        if m.group(2) is None:
            hi: int | None = lo
        elif m.group(3):
            hi = int(m.group(3))
        else:
            hi = None
        if not peek_only:
            self.pos = m.end()
        return lo, hi

    def quantified(self, atom: str) -> str:
        c = self.peek()
        if c in ("*", "+", "?"):
            self.pos += 1
            q = c
        elif c == "{":
            braces = self._read_braces()
            if braces is None:
                if self.unicode:
                    self.error("Incomplete quantifier")
                return atom  # a literal "{" comes next
            lo, hi = braces
            if hi is not None and hi < lo:
                self.error("numbers out of order in {} quantifier")
            lo = min(lo, _MAX_REPEAT)
            if hi is None:
                q = f"{{{lo},}}"
            else:
                hi = min(hi, _MAX_REPEAT)
                q = f"{{{lo}}}" if hi == lo else f"{{{lo},{hi}}}"
        else:
            return atom
        if self.peek() == "?":
            self.pos += 1
            q += "?"
        if self._quantifier_ahead():
            self.error("Nothing to repeat")
        return atom + q

    def atom(self) -> str:
        c = self.peek()
        if c == ".":
            self.pos += 1
            if self.dotall:
                return "(?:" + _PAIR + "|" + _ANY + ")" if self.unicode else _ANY
            dot = "[^\\n\\r\\u2028\\u2029]"
            return "(?:" + _PAIR + "|" + dot + ")" if self.unicode else dot
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.atom_escape()
        if c in ("*", "+", "?"):
            self.error("Nothing to repeat")
        if c == "{":
            if self.unicode:
                if self._read_braces(peek_only=True) is not None:
                    self.error("Nothing to repeat")
                self.error("Lone quantifier brackets")
            if self._read_braces(peek_only=True) is not None:
                self.error("Nothing to repeat")
        if c in ("}", "]") and self.unicode:
            self.error("Lone quantifier brackets")
        self.pos += 1
        return self.literal(ord(c))

    def literal(self, cp: int) -> str:
        if cp > 0xFFFF:
            hi, lo = _split_pair(cp)
            return "(?:" + _cp_escape(hi) + _cp_escape(lo) + ")"
        return _cp_escape(cp)

    def group(self) -> str:
        self.pos += 1  # "("
        if self.peek() == "?":
            kind = self.peek(1)
            if kind == ":":
                self.pos += 2
                prefix, index = "(?:", 0
            elif kind in ("=", "!"):
                self.pos += 2
                prefix, index = "(?" + kind, 0
            elif kind == "<" and self.peek(2) in ("=", "!"):
                negative = self.peek(2) == "!"
                self.pos += 3
                alts = self.disjunction()
                if self.peek() != ")":
                    self.error("Unterminated group")
                self.pos += 1
                # Python needs fixed-width lookbehinds: split the alternatives.
                if len(alts) == 1:
                    return ("(?<!" if negative else "(?<=") + alts[0] + ")"
                if negative:
                    return "".join("(?<!" + a + ")" for a in alts)
                return "(?:" + "|".join("(?<=" + a + ")" for a in alts) + ")"
            elif kind == "<":
                self.pos += 2
                name = self.group_name()
                if name in self.names:
                    self.error("Duplicate capture group name")
                self.opened += 1
                index = self.opened
                self.names[name] = index
                prefix = "("
            else:
                self.error("Invalid group")
        else:
            self.opened += 1
            index = self.opened
            prefix = "("
        alts = self.disjunction()
        if self.peek() != ")":
            self.error("Unterminated group")
        self.pos += 1
        if index:
            self.closed.add(index)
        return prefix + "|".join(alts) + ")"

    def group_name(self) -> str:
        start = self.pos
        end = self.src.find(">", start)
        if end < 0:
            self.error("Invalid capture group name")
        name = self.src[start:end]
        if not name or not _is_id_start(name[0]) or not all(_is_id_part(ch) for ch in name[1:]):
            self.error("Invalid capture group name")
        self.pos = end + 1
        return name

    def backref(self, index: int) -> str:
        if index in self.closed:
            return f"(?({index})\\{index})" if index < 100 else f"(?({index})(?P={index}))"
        return "(?:)"  # a group that has not been closed yet always holds undefined

    def atom_escape(self) -> str:
        self.pos += 1  # "\\"
        c = self.peek()
        if c == "":
            self.error("\\ at end of pattern")
        if c in "dwsDWS":
            self.pos += 1
            return self.class_from_items([self._class_escape_item(c)], False)
        if c in "123456789":
            m = re.compile(r"[0-9]+").match(self.src, self.pos)
            assert m is not None
            n = int(m.group())
            if n <= self.group_total:
                self.pos = m.end()
                return self.backref(n)
            if self.unicode:
                self.error("Invalid escape")
            if c in "89":
                self.pos += 1
                return self.literal(ord(c))
            return self.literal(self._octal())
        if c == "k":
            if self.has_named or self.unicode:
                self.pos += 1
                if self.peek() != "<":
                    self.error("Invalid named reference")
                self.pos += 1
                end = self.src.find(">", self.pos)
                if end < 0:
                    self.error("Invalid capture group name")
                name = self.src[self.pos : end]
                self.pos = end + 1
                if name not in self.all_names:
                    self.bad_reference = True  # reported after the parse, as V8 does
                index = self.names.get(name)
                return self.backref(index) if index else "(?:)"
            self.pos += 1
            return "k"
        if c in "pP" and self.unicode:
            item = self._property_item()
            return self.class_from_items([item], False)
        cp = self._character_escape(in_class=False)
        if cp < 0:  # "\c" not followed by a letter: a literal backslash
            return "\\\\"
        return self.literal(cp)

    def _octal(self) -> int:
        m = re.compile(r"[0-7]{1,3}").match(self.src, self.pos)
        assert m is not None
        digits = m.group()
        if int(digits, 8) > 0o377:
            digits = digits[:2]
        self.pos += len(digits)
        return int(digits, 8)

    def _class_escape_item(self, c: str) -> _ClassItem:
        ranges = _CLASS_ESCAPES[c.lower()]
        return _ClassItem(ranges, negated=c.isupper())

    def _property_item(self) -> _ClassItem:
        negated = self.peek() == "P"
        self.pos += 1
        if self.peek() != "{":
            self.error("Invalid property name")
        end = self.src.find("}", self.pos)
        if end < 0:
            self.error("Invalid property name")
        body = self.src[self.pos + 1 : end]
        self.pos = end + 1
        return _ClassItem(_property_ranges(body, self.where), negated)

    def _hex(self, count: int) -> int:
        digits = self.src[self.pos : self.pos + count]
        if len(digits) == count and all(ch in "0123456789abcdefABCDEF" for ch in digits):
            self.pos += count
            return int(digits, 16)
        return -1

    def _character_escape(self, in_class: bool) -> int:
        """The code point of the escape at ``pos`` (after the backslash); -1 for a lone ``\\c``."""
        c = self.peek()
        simple = {"t": 9, "n": 10, "v": 11, "f": 12, "r": 13}
        if c in simple:
            self.pos += 1
            return simple[c]
        if c == "0" and not ("0" <= self.peek(1) <= "9"):
            self.pos += 1
            return 0
        if c.isdigit() and c.isascii():
            if self.unicode:
                self.error("Invalid class escape" if in_class else "Invalid decimal escape")
            if c in "89":
                self.pos += 1
                return ord(c)
            return self._octal()
        if c == "x":
            self.pos += 1
            v = self._hex(2)
            if v >= 0:
                return v
            if self.unicode:
                self.error("Invalid escape")
            return ord("x")
        if c == "u":
            self.pos += 1
            if self.unicode and self.peek() == "{":
                m = re.compile(r"\{([0-9a-fA-F]+)\}").match(self.src, self.pos)
                if m is None or int(m.group(1), 16) > 0x10FFFF:
                    self.error("Invalid Unicode escape")
                self.pos = m.end()
                return int(m.group(1), 16)
            v = self._hex(4)
            if v < 0:
                if self.unicode:
                    self.error("Invalid Unicode escape")
                return ord("u")
            if self.unicode and 0xD800 <= v <= 0xDBFF and self.src.startswith("\\u", self.pos):
                save = self.pos
                self.pos += 2
                lo = self._hex(4)
                if 0xDC00 <= lo <= 0xDFFF:
                    return 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                self.pos = save
            return v
        if c == "c":
            nxt = self.peek(1)
            if nxt.isascii() and nxt.isalpha():
                self.pos += 2
                return ord(nxt) % 32
            if in_class and not self.unicode and (nxt.isdigit() and nxt.isascii() or nxt == "_"):
                self.pos += 2
                return ord(nxt) % 32
            if self.unicode:
                self.error("Invalid Unicode escape")
            return -1
        if self.unicode:
            if c in "^$\\.*+?()[]{}|/" or (in_class and c == "-"):
                self.pos += 1
                return ord(c)
            self.error("Invalid escape")
        self.pos += 1
        return ord(c)

    # ---------------------------------------------------------------- classes
    def char_class(self) -> str:
        self.pos += 1  # "["
        negated = False
        if self.peek() == "^":
            negated = True
            self.pos += 1
        items: list[_ClassItem] = []
        while True:
            c = self.peek()
            if c == "":
                self.error("Unterminated character class")
            if c == "]":
                self.pos += 1
                break
            if self.vmode and (
                c == "[" or self.src.startswith(("&&", "--", "\\q"), self.pos)
            ):
                self.error("kview does not support class set operations (v flag)")
            first = self._class_atom()
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.pos += 1
                second = self._class_atom()
                if isinstance(first, int) and isinstance(second, int):
                    if first > second:
                        self.error("Range out of order in character class")
                    items.append(_ClassItem([(first, second)]))
                    continue
                if self.unicode:
                    self.error("Invalid character class")
                for atom in (first, ord("-"), second):
                    if not isinstance(atom, _ClassItem):
                        atom = _ClassItem([(atom, atom)])
                    items.append(atom)
                continue
            items.append(first if isinstance(first, _ClassItem) else _ClassItem([(first, first)]))
        return self.class_from_items(items, negated)

    def _class_atom(self) -> int | _ClassItem:
        c = self.peek()
        if c != "\\":
            self.pos += 1
            return ord(c)
        self.pos += 1
        c = self.peek()
        if c == "":
            self.error("\\ at end of pattern")
        if c in "dwsDWS":
            self.pos += 1
            return self._class_escape_item(c)
        if c in "pP" and self.unicode:
            return self._property_item()
        if c == "b":
            self.pos += 1
            return 8
        if c == "-" :
            self.pos += 1
            return ord("-")
        if c == "B" and not self.unicode:
            self.pos += 1
            return ord("B")
        cp = self._character_escape(in_class=True)
        if cp < 0:  # "\c" + other: the backslash is literal, "c" comes next
            return ord("\\")
        return cp

    def class_from_items(self, items: list[_ClassItem], negated: bool) -> str:
        pos_ranges: list[tuple[int, int]] = []
        neg_sets: list[list[tuple[int, int]]] = []
        for item in items:
            if item.negated:
                neg_sets.append(item.ranges)
            else:
                pos_ranges.extend(item.ranges)
        pos = _normalize(pos_ranges)
        if self.unicode or len(neg_sets) > 1:
            # Work on the exact set: union of the positive part and the complements.
            full = pos
            for ranges in neg_sets:
                full = _normalize(full + _invert(ranges))
            if negated:
                full = _invert(full)
            return self._set_pattern(full)
        if not neg_sets:
            if negated:
                if not pos:
                    return _ANY
                return "[^" + _bmp_class_body(pos) + "]"
            if not pos:
                return "(?!)"
            if len(pos) == 1 and pos[0][0] == pos[0][1]:
                return self.literal(pos[0][0])
            return "[" + _bmp_class_body(pos) + "]"
        # One complemented escape (\D, \W, \S) with some positive members.
        (neg,) = neg_sets
        if negated:  # not (P or not N) = N and not P
            remaining = _subtract(neg, pos)
            if not remaining:
                return "(?!)"
            return "[" + _bmp_class_body(remaining) + "]"
        remaining = _subtract(neg, pos)
        if not remaining:
            return _ANY
        return "[^" + _bmp_class_body(remaining) + "]"

    def _set_pattern(self, ranges: list[tuple[int, int]]) -> str:
        """A pattern for an exact set of code points (u mode: astral ones as surrogate pairs)."""
        if not self.unicode:
            ranges = [(lo, min(hi, 0xFFFF)) for lo, hi in ranges if lo <= 0xFFFF]
            if not ranges:
                return "(?!)"
            return "[" + _bmp_class_body(ranges) + "]"
        bmp = [(lo, min(hi, 0xFFFF)) for lo, hi in ranges if lo <= 0xFFFF]
        astral = [(max(lo, 0x10000), hi) for lo, hi in ranges if hi >= 0x10000]
        alts = []
        if astral == [(0x10000, 0x10FFFF)]:
            alts.append(_PAIR)
        else:
            alts.extend(_astral_alternatives(astral))
        if bmp:
            cls = "[" + _bmp_class_body(bmp) + "]"
            if any(lo <= 0xDBFF and hi >= 0xD800 for lo, hi in bmp):
                # A lead surrogate that starts a pair is part of an astral code point.
                cls = "(?!" + _PAIR + ")" + cls
            alts.append(cls)
        if not alts:
            return "(?!)"
        return "(?:" + "|".join(alts) + ")"


def _subtract(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """a minus b over code point ranges (both normalized)."""
    if not b:
        return a
    inv_b = _invert(b)
    out = []
    for lo, hi in a:
        for blo, bhi in inv_b:
            x, y = max(lo, blo), min(hi, bhi)
            if x <= y:
                out.append((x, y))
    return _normalize(out)


class _Compiled:
    __slots__ = ("pattern", "group_count", "names")

    def __init__(self, pattern: re.Pattern, group_count: int, names: tuple[tuple[str, int], ...]):
        self.pattern = pattern
        self.group_count = group_count
        self.names = names


MATCH_TIMEOUT = 0.25  # seconds per match call; see _Guarded


class _Guarded:
    """A compiled pattern whose matching gives up after ``MATCH_TIMEOUT``.

    Python's ``re`` cannot be interrupted, so a catastrophically backtracking pattern such as
    ``/(a+)+$/`` would hang the render; the ``regex`` engine runs the same (re-compatible,
    VERSION0) pattern with a timeout, which becomes a located RangeError like other budgets.
    """

    __slots__ = ("pattern",)

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern

    def search(self, s: str, pos: int = 0) -> Any:
        try:
            return self.pattern.search(s, pos, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return _too_slow()

    def match(self, s: str, pos: int = 0) -> Any:
        try:
            return self.pattern.match(s, pos, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return _too_slow()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


def _too_slow() -> Any:
    from ..jsvalues import JSError, JSThrow

    exc = JSThrow(JSError("RangeError", f"kview: regular expression gave up after {MATCH_TIMEOUT:g} s "
                                        "(catastrophic backtracking?)"))
    exc.budget = True  # type: ignore[attr-defined]
    raise exc


@functools.lru_cache(maxsize=512)
def _compile(source: str, flags: str) -> _Compiled:
    tr = _Translator(source, flags)
    py = tr.translate()
    py_flags = re.IGNORECASE if "i" in flags else 0
    try:
        re.compile(py, py_flags)  # the translator targets `re` syntax: validate with it
        pattern: Any = _Guarded(regex.compile(py, py_flags | regex.VERSION0))
    except re.error as exc:
        msg = str(exc)
        if "look-behind" in msg:
            _syntax(tr.where, "variable-length lookbehind is not supported by kview")
        _syntax(tr.where, msg)
    except (OverflowError, RecursionError):
        _syntax(tr.where, "Regular expression too large")
    names = tuple(sorted(tr.names.items(), key=lambda kv: kv[1]))
    return _Compiled(pattern, tr.group_total, names)


def _compile_checked(source: str, flags: str) -> _Compiled:
    try:
        return _compile(source, flags)
    except RecursionError:
        return _syntax(f"/{source}/{flags}", "Regular expression too large")


# ============================================================================ RegExp objects

class JSRegExp(JSObject):
    __slots__ = ("source", "flags", "last_index", "compiled")
    class_name = "RegExp"

    def __init__(self, source: str, flags: str, compiled: _Compiled) -> None:
        super().__init__()
        self.source = source
        self.flags = flags
        self.last_index: Any = 0.0
        self.compiled = compiled

    @property
    def is_global(self) -> bool:
        return "g" in self.flags

    @property
    def is_sticky(self) -> bool:
        return "y" in self.flags

    @property
    def is_unicode(self) -> bool:
        return "u" in self.flags

    def __repr__(self) -> str:
        return f"/{self.source}/{self.flags}"


def _check_flags(flags: str, literal: bool) -> str:
    if (
        any(f not in _VALID_FLAGS for f in flags)
        or len(set(flags)) != len(flags)
        or ("u" in flags and "v" in flags)
    ):
        if literal:
            throw("SyntaxError", "Invalid regular expression flags")
        throw("SyntaxError", f"Invalid flags supplied to RegExp constructor '{flags}'")
    return "".join(f for f in _FLAG_ORDER if f in flags)


def make_regexp(pattern: str, flags: str) -> JSRegExp:
    """A new RegExp for the literal ``/pattern/flags`` (the compiler calls this)."""
    canonical = _check_flags(flags, literal=True)
    return JSRegExp(pattern, canonical, _compile_checked(pattern, canonical))


def regexp_create(pattern: Any, flags: Any) -> JSRegExp:
    """``new RegExp(pattern, flags)`` with JS's argument conversions."""
    if isinstance(pattern, JSRegExp):
        source = pattern.source
        f = pattern.flags if flags is UNDEFINED else to_string(flags)
    else:
        source = "" if pattern is UNDEFINED else to_string(pattern)
        f = "" if flags is UNDEFINED else to_string(flags)
    canonical = _check_flags(f, literal=False)
    return JSRegExp(source, canonical, _compile_checked(source, canonical))


def _escape_source(source: str) -> str:
    """EscapeRegExpPattern: what ``source`` shows (``/`` and line terminators escaped)."""
    if source == "":
        return "(?:)"
    if "/" not in source and not any(c in source for c in _LINE_TERMINATORS):
        return source
    out = []
    in_class = False
    i, n = 0, len(source)
    names = {"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"}
    while i < n:
        c = source[i]
        if c == "\\" and i + 1 < n:
            nxt = source[i + 1]
            if nxt in names:
                out.append(names[nxt])
            else:
                out.append(c + nxt)
            i += 2
            continue
        if c in names:
            out.append(names[c])
        elif c == "/" and not in_class:
            out.append("\\/")
        else:
            if c == "[":
                in_class = True
            elif c == "]":
                in_class = False
            out.append(c)
        i += 1
    return "".join(out)


def _to_length(v: Any) -> int:
    n = to_integer_or_infinity(v)
    if n <= 0:
        return 0
    return int(min(n, 9007199254740991.0))


def _advance(s: str, index: int, unicode: bool) -> int:
    if unicode and index + 1 < len(s) and "\ud800" <= s[index] <= "\udbff" and "\udc00" <= s[
        index + 1
    ] <= "\udfff":
        return index + 2
    return index + 1


def _raw_match(rx: JSRegExp, s: str, pos: int, sticky: bool) -> re.Match | None:
    if pos > len(s):
        return None
    pattern = rx.compiled.pattern
    return pattern.match(s, pos) if sticky else pattern.search(s, pos)


def _build_match(rx: JSRegExp, s: str, m: re.Match) -> list:
    """A match array: a plain JS array whose ``index``, ``input``, ``groups`` (and
    ``indices``) live in members' array-props table, since lists carry no attributes."""
    groups = m.groups()
    items = [m.group(0)]
    items.extend(UNDEFINED if g is None else g for g in groups)
    names = rx.compiled.names
    named: Any = UNDEFINED
    if names:
        named = {name: items[i] for name, i in names}
    result = items
    props: dict = {"index": float(m.start()), "input": s, "groups": named}
    if "d" in rx.flags:
        spans: list = []
        for i in range(len(items)):
            a, b = m.span(i)
            spans.append(UNDEFINED if a < 0 else [float(a), float(b)])
        ind_groups: Any = UNDEFINED
        if names:
            ind_groups = {name: spans[i] for name, i in names}
        set_array_props(spans, {"groups": ind_groups})
        props["indices"] = spans
    set_array_props(result, props)
    return result


def regexp_exec(rx: JSRegExp, s: str) -> Any:
    """RegExpBuiltinExec: a match array or ``None``; reads and updates ``lastIndex`` for g/y."""
    global_or_sticky = "g" in rx.flags or "y" in rx.flags
    pos = _to_length(rx.last_index) if global_or_sticky else 0
    if pos > len(s):
        if global_or_sticky:
            rx.last_index = 0.0
        return None
    m = _raw_match(rx, s, pos, "y" in rx.flags)
    if m is None:
        if global_or_sticky:
            rx.last_index = 0.0
        return None
    if global_or_sticky:
        rx.last_index = float(m.end())
    return _build_match(rx, s, m)


def regexp_test(rx: JSRegExp, s: str) -> bool:
    global_or_sticky = "g" in rx.flags or "y" in rx.flags
    if not global_or_sticky:
        return rx.compiled.pattern.search(s) is not None
    return regexp_exec(rx, s) is not None


def _all_matches(rx: JSRegExp, s: str, start: int = 0) -> list[re.Match]:
    """The matches of a global exec loop from ``start`` (sticky: contiguous only)."""
    out = []
    pos = start
    sticky = "y" in rx.flags
    unicode = "u" in rx.flags
    n = len(s)
    while pos <= n:
        m = _raw_match(rx, s, pos, sticky)
        if m is None:
            break
        out.append(m)
        end = m.end()
        pos = _advance(s, end, unicode) if end == m.start() else end
        if len(out) > 10_000_000:  # pragma: no cover - budget backstop
            range_error("Invalid array length")
    return out


def _this_regexp(this: Any, method: str) -> JSRegExp:
    if not isinstance(this, JSRegExp):
        type_error(
            f"Method RegExp.prototype.{method} called on incompatible receiver "
            f"{safe_to_string(this)}"
        )
    return this


def _arg(args: list, i: int) -> Any:
    return args[i] if len(args) > i else UNDEFINED


def _m_exec(this: Any, args: list) -> Any:
    rx = _this_regexp(this, "exec")
    return regexp_exec(rx, to_string(_arg(args, 0)))


def _m_test(this: Any, args: list) -> Any:
    rx = _this_regexp(this, "test")
    return regexp_test(rx, to_string(_arg(args, 0)))


def _m_to_string(this: Any, args: list) -> Any:
    if isinstance(this, JSRegExp):
        return "/" + _escape_source(this.source) + "/" + this.flags
    return type_error(
        f"Method RegExp.prototype.toString called on incompatible receiver {safe_to_string(this)}"
    )


def _m_compile(this: Any, args: list) -> Any:
    rx = _this_regexp(this, "compile")
    new = regexp_create(_arg(args, 0), _arg(args, 1))
    rx.source, rx.flags, rx.compiled = new.source, new.flags, new.compiled
    rx.last_index = 0.0
    return rx


define_methods(JSRegExp, exec_=_m_exec, test=_m_test, toString=_m_to_string, compile=_m_compile)

_FLAG_PROPS = {
    "global": "g",
    "ignoreCase": "i",
    "multiline": "m",
    "sticky": "y",
    "unicode": "u",
    "dotAll": "s",
    "hasIndices": "d",
    "unicodeSets": "v",
}


def _regexp_getter(obj: JSRegExp, key: str) -> Any:
    if key == "lastIndex":
        return obj.last_index
    if key == "source":
        return _escape_source(obj.source)
    if key == "flags":
        return obj.flags
    flag = _FLAG_PROPS.get(key)
    if flag is not None:
        return flag in obj.flags
    return MISSING


def _regexp_setter(obj: JSRegExp, key: str, value: Any) -> bool:
    if key == "lastIndex":
        obj.last_index = value
        return True
    # The other properties are getters on RegExp.prototype: writes are ignored.
    return key in _FLAG_PROPS or key in ("source", "flags")


SPECIAL_GETTERS[JSRegExp] = _regexp_getter
SPECIAL_SETTERS[JSRegExp] = _regexp_setter


def _index_of_key(key: str) -> int:
    if key.isdigit() and (key == "0" or key[0] != "0"):
        return int(key)
    return -1





# ---------------------------------------------------------------- the constructor

def _regexp_call(this: Any, args: list) -> Any:
    pattern, flags = _arg(args, 0), _arg(args, 1)
    if isinstance(pattern, JSRegExp) and flags is UNDEFINED:
        return pattern
    return regexp_create(pattern, flags)


def _regexp_construct(args: list) -> Any:
    return regexp_create(_arg(args, 0), _arg(args, 1))


REGEXP_CTOR = NativeFunction("RegExp", _regexp_call, 2, _regexp_construct)

GLOBALS: dict[str, Any] = {"RegExp": REGEXP_CTOR}


def _register_instance_check() -> None:
    try:
        from .instance import register_instance_check
    except ImportError:  # pragma: no cover - the module is another contributor's
        return
    register_instance_check(REGEXP_CTOR, lambda v: isinstance(v, JSRegExp))


_register_instance_check()


# ============================================================================ String methods

def get_substitution(
    matched: str,
    s: str,
    position: int,
    captures: list,
    named: Any,
    replacement: str,
) -> str:
    """GetSubstitution: expand ``$&``, ``$1``..``$99``, ``$<name>``, ``$$``, ``$```, ``$'``."""
    if "$" not in replacement:
        return replacement
    out = []
    i, n = 0, len(replacement)
    m = len(captures)
    while i < n:
        c = replacement[i]
        if c != "$" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        nxt = replacement[i + 1]
        if nxt == "$":
            out.append("$")
            i += 2
        elif nxt == "&":
            out.append(matched)
            i += 2
        elif nxt == "`":
            out.append(s[:position])
            i += 2
        elif nxt == "'":
            out.append(s[min(position + len(matched), len(s)) :])
            i += 2
        elif "0" <= nxt <= "9":
            two = i + 2 < n and "0" <= replacement[i + 2] <= "9"
            index = int(replacement[i + 1 : i + 3]) if two else int(nxt)
            digits = 2 if two else 1
            if two and index > m:
                digits, index = 1, int(nxt)
            if 1 <= index <= m:
                cap = captures[index - 1]
                out.append("" if cap is UNDEFINED else to_string(cap))
            else:
                out.append(replacement[i : i + 1 + digits])
            i += 1 + digits
        elif nxt == "<":
            gt = replacement.find(">", i + 2)
            if gt < 0 or named is UNDEFINED:
                out.append("$<")
                i += 2
            else:
                from ..members import get_member

                value = get_member(named, replacement[i + 2 : gt])
                if value is not UNDEFINED:
                    out.append(to_string(value))
                i = gt + 1
        else:
            out.append("$")
            i += 1
    return "".join(out)


def _call_replacer(fn: JSFunction, m: re.Match, s: str, rx: JSRegExp) -> str:
    items = [m.group(0)]
    items.extend(UNDEFINED if g is None else g for g in m.groups())
    args: list = items + [float(m.start()), s]
    if rx.compiled.names:
        args.append({name: items[i] for name, i in rx.compiled.names})
    return to_string(fn.call(UNDEFINED, args))


def _regexp_replace(rx: JSRegExp, s: str, replace_value: Any) -> str:
    functional = isinstance(replace_value, JSFunction)
    template = "" if functional else to_string(replace_value)
    if "g" in rx.flags:
        rx.last_index = 0.0
        matches = _all_matches(rx, s)
        rx.last_index = 0.0
    elif "y" in rx.flags:
        pos = _to_length(rx.last_index)
        m = _raw_match(rx, s, pos, True)
        rx.last_index = 0.0 if m is None else float(m.end())
        matches = [m] if m is not None else []
    else:
        m = rx.compiled.pattern.search(s)
        matches = [m] if m is not None else []
    if not matches:
        return s
    out = []
    size = 0
    next_pos = 0
    names = rx.compiled.names
    for m in matches:
        start = m.start()
        if functional:
            rep = _call_replacer(replace_value, m, s, rx)
        else:
            caps = [UNDEFINED if g is None else g for g in m.groups()]
            named = (
                {name: caps[i - 1] for name, i in names} if names else UNDEFINED
            )
            rep = get_substitution(m.group(0), s, start, caps, named, template)
        if start >= next_pos:
            out.append(s[next_pos:start])
            out.append(rep)
            size += start - next_pos + len(rep)
            check_string_length(size)
            next_pos = m.end()
    out.append(s[next_pos:])
    return "".join(out)


def _string_replace(s: str, search: str, replace_value: Any, all_: bool) -> str:
    functional = isinstance(replace_value, JSFunction)
    template = "" if functional else to_string(replace_value)
    positions = []
    n = len(search)
    p = s.find(search)
    if all_:
        step = max(1, n)
        while p >= 0:
            positions.append(p)
            if p + step > len(s):
                break
            p = s.find(search, p + step)
    elif p >= 0:
        positions.append(p)
    if not positions:
        return s
    out = []
    end = 0
    size = 0
    for p in positions:
        if functional:
            rep = to_string(replace_value.call(UNDEFINED, [search, float(p), s]))
        else:
            rep = get_substitution(search, s, p, [], UNDEFINED, template)
        out.append(s[end:p])
        out.append(rep)
        size += p - end + len(rep)
        check_string_length(size)
        end = p + n
    out.append(s[end:])
    return "".join(out)


def _s_replace(this: Any, args: list) -> Any:
    s = this_string(this, "replace")
    pattern, replace_value = _arg(args, 0), _arg(args, 1)
    if isinstance(pattern, JSRegExp):
        return _regexp_replace(pattern, s, replace_value)
    return _string_replace(s, to_string(pattern), replace_value, False)


def _s_replace_all(this: Any, args: list) -> Any:
    s = this_string(this, "replaceAll")
    pattern, replace_value = _arg(args, 0), _arg(args, 1)
    if isinstance(pattern, JSRegExp):
        if "g" not in pattern.flags:
            type_error("String.prototype.replaceAll called with a non-global RegExp argument")
        return _regexp_replace(pattern, s, replace_value)
    return _string_replace(s, to_string(pattern), replace_value, True)


def _coerce_regexp(v: Any, flags: Any = UNDEFINED) -> JSRegExp:
    if isinstance(v, JSRegExp):
        return v
    return regexp_create(v, flags)


def _s_match(this: Any, args: list) -> Any:
    s = this_string(this, "match")
    rx = _coerce_regexp(_arg(args, 0))
    if "g" not in rx.flags:
        return regexp_exec(rx, s)
    rx.last_index = 0.0
    matches = _all_matches(rx, s)
    rx.last_index = 0.0
    if not matches:
        return None
    return [m.group(0) for m in matches]


def _s_match_all(this: Any, args: list) -> Any:
    s = this_string(this, "matchAll")
    v = _arg(args, 0)
    if isinstance(v, JSRegExp):
        if "g" not in v.flags:
            type_error("String.prototype.matchAll called with a non-global RegExp argument")
        rx = v
        start = _to_length(v.last_index)
    else:
        rx = regexp_create(v, "g")
        start = 0
    return [_build_match(rx, s, m) for m in _all_matches(rx, s, start)]


def _s_search(this: Any, args: list) -> Any:
    s = this_string(this, "search")
    rx = _coerce_regexp(_arg(args, 0))
    pattern = rx.compiled.pattern
    m = pattern.match(s) if "y" in rx.flags else pattern.search(s)
    return -1.0 if m is None else float(m.start())


def _split_fallback(s: str, sep: Any, limit: Any) -> list:
    lim = 4294967295 if limit is UNDEFINED else to_uint32(limit)
    if sep is UNDEFINED:
        return [s] if lim else []
    sep_s = to_string(sep)
    if lim == 0:
        return []
    if sep_s == "":
        return list(s[:lim])
    if s == "":
        return [s]
    return s.split(sep_s)[:lim]


_split_string: Any = None


def _get_split_string() -> Any:
    global _split_string
    if _split_string is None:
        fn = None
        try:
            from . import string as string_module

            fn = getattr(string_module, "split_string", None)
        except ImportError:
            fn = None
        _split_string = fn or _split_fallback
    return _split_string


def _regexp_split(rx: JSRegExp, s: str, limit: Any) -> list:
    lim = 4294967295 if limit is UNDEFINED else to_uint32(limit)
    if lim == 0:
        return []
    size = len(s)
    pattern = rx.compiled.pattern
    if size == 0:
        return [] if pattern.match(s, 0) is not None else [s]
    out: list = []
    p = 0
    q = 0
    unicode = "u" in rx.flags
    while q < size:
        m = pattern.search(s, q)
        if m is None or m.start() >= size:
            break
        q = m.start()
        e = min(m.end(), size)
        if e == p:
            q = _advance(s, q, unicode)
            continue
        out.append(s[p:q])
        if len(out) == lim:
            return out
        p = e
        for g in m.groups():
            out.append(UNDEFINED if g is None else g)
            if len(out) == lim:
                return out
        q = p
    out.append(s[p:])
    return out


def _s_split(this: Any, args: list) -> Any:
    s = this_string(this, "split")
    sep, limit = _arg(args, 0), _arg(args, 1)
    if isinstance(sep, JSRegExp):
        return _regexp_split(sep, s, limit)
    return _get_split_string()(s, sep, limit)


define_methods(
    str,
    match=_s_match,
    matchAll=_s_match_all,
    replace=_s_replace,
    replaceAll=_s_replace_all,
    search=_s_search,
    split=_s_split,
)
