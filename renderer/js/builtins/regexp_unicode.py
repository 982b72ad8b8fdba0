"""Code point sets for the regexp translator: range arithmetic, their Python class syntax
(BMP and surrogate-pair forms) and the Unicode property data behind ``\\p{...}``."""

from __future__ import annotations

import functools
import unicodedata

from ..values import JS_WHITESPACE

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
