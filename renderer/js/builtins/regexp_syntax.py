"""JS→Python regex translation, the compile cache and the match timeout (``_Guarded``).

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
a catastrophically backtracking pattern is stopped by a per-match timeout (``_Guarded``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NoReturn

import regex

from ..caches import bounded_cache
from ..values import JSError, JSThrow, throw
from .regexp_unicode import (
    _ANY,
    _CLASS_ESCAPES,
    _EXTRA_PROPS_SRC,
    _GC_ALIASES,
    _GC_SHORT,
    _PAIR,
    _PROP_ALIASES,
    _SCRIPT_ALIASES,
    _astral_alternatives,
    _bmp_class_body,
    _cp_escape,
    _emoji_ranges,
    _gc_ranges,
    _invert,
    _normalize,
    _parse_ranges,
    _split_pair,
    _subtract,
)

_MAX_REPEAT = 4294967294
# How many copies of its atoms a pattern may expand to (``a{n}`` is n, ``(?:a{m}){n}`` is m·n):
# the regex module compiles counted repeats by expansion, in time and memory ~ this weight.
MAX_PATTERN_WEIGHT = 10_000


# ============================================================================ the translator

def _syntax(where: str, message: str) -> NoReturn:
    throw("SyntaxError", f"Invalid regular expression: {where}: {message}")


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
        self.weight = 1  # of the last term: how many copies of it the compiled pattern holds

    # ---------------------------------------------------------------- helpers
    def error(self, message: str) -> NoReturn:
        _syntax(self.where, message)

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
        if self.weight > MAX_PATTERN_WEIGHT:
            # The regex module expands counted repeats: a{99999999999} would take all memory.
            self.error("Regular expression too large")
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
        weight = self.weight
        while self.peek() == "|":
            self.pos += 1
            alts.append(self.alternative())
            weight += self.weight
        self.weight = weight
        return alts

    def alternative(self) -> str:
        out = []
        weight = 0
        while True:
            c = self.peek()
            if c == "" or c == "|" or c == ")":
                break
            self.weight = 1
            out.append(self.term())
            weight += self.weight
            if weight > MAX_PATTERN_WEIGHT:
                self.error("Regular expression too large")
        self.weight = max(weight, 1)
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
            self.weight *= max(lo if hi is None else hi, 1)
            if self.weight > MAX_PATTERN_WEIGHT:
                self.error("Regular expression too large")
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


class _Compiled:
    __slots__ = ("pattern", "group_count", "names", "weight")

    def __init__(
        self, pattern: re.Pattern, group_count: int, names: tuple[tuple[str, int], ...], weight: int = 1
    ):
        self.pattern = pattern
        self.group_count = group_count
        self.names = names
        self.weight = weight


def _compiled_cost(args: tuple, value: _Compiled) -> int:
    """Roughly the bytes a compiled pattern holds: its source, and ~300 bytes per expanded atom."""
    return 64 + 4 * len(args[0]) + 300 * value.weight


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
    exc = JSThrow(JSError("RangeError", f"kview: regular expression gave up after {MATCH_TIMEOUT:g} s "
                                        "(catastrophic backtracking?)"))
    exc.budget = True
    raise exc


@bounded_cache(max_entries=512, max_cost=64 << 20, cost=_compiled_cost)
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
    return _Compiled(pattern, tr.group_total, names, tr.weight)


def _compile_checked(source: str, flags: str) -> _Compiled:
    try:
        return _compile(source, flags)
    except RecursionError:
        return _syntax(f"/{source}/{flags}", "Regular expression too large")


# ============================================================================ \p{...} names

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
