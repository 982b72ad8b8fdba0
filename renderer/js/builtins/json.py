"""JSON.stringify and JSON.parse with V8's exact output and error messages.

``parse`` tries Python's C decoder first (same grammar once NaN/Infinity are refused) and
re-parses with a V8-faithful recursive-descent parser only to report errors — or when the
text has escaped surrogate pairs, which Python would join into one character.
"""

from __future__ import annotations

import json as _pyjson
import re
from typing import Any

from ..limits import MAX_STRING_LENGTH, charge
from ..members import check_string_length, delete_member, get_member, set_member
from ..values import (
    INF,
    UNDEFINED,
    JSError,
    JSFunction,
    JSNamespace,
    JSObject,
    JSThrow,
    NativeFunction,
    number_to_string,
    own_keys,
    range_error,
    to_integer_or_infinity,
    to_string,
    type_error,
)
from .object import NAMESPACE_TAGS, enumerable_keys

try:
    from json.encoder import c_encode_basestring as _encode_basestring  # type: ignore[attr-defined]  # the C accelerator is not in typeshed
except ImportError:  # pragma: no cover
    from json.encoder import py_encode_basestring as _encode_basestring

if _encode_basestring is None:  # pragma: no cover
    from json.encoder import py_encode_basestring as _encode_basestring

_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE = re.compile("[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")


def quote_json_string(s: str) -> str:
    """QuoteJSONString: like V8 (lone surrogates as ``\\udxxx``, U+2028/2029 raw)."""
    out = _encode_basestring(s)
    if not s.isascii() and _SURROGATE.search(s):
        out = _LONE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
    return out


# ---------------------------------------------------------------------------- stringify


class _Stringifier:
    __slots__ = ("replacer", "keys", "gap", "stack", "path", "size")

    def __init__(self, replacer: Any, keys: list[str] | None, gap: str) -> None:
        self.replacer = replacer
        self.keys = keys
        self.gap = gap
        self.stack: list[Any] = []
        self.path: list[Any] = []  # the key that led to each object on the stack
        self.size = 0  # the output's length so far, without indentation

    def grow(self, n: int) -> None:
        """``n`` more characters of output: every node is work, and the output has a budget.

        A shared subtree (``a = {x: a, y: a}`` forty times) is small in memory and
        exponential as text, so the walk itself must stop, not only the final join.
        """
        self.size += n
        if self.size > MAX_STRING_LENGTH:
            range_error("Invalid string length")
        charge()

    def circular(self, value: Any, key: Any) -> None:
        index = next(i for i, o in enumerate(self.stack) if o is value)
        lines = ["Converting circular structure to JSON"]
        lines.append(
            f"    --> starting at object with constructor '{_ctor_name(self.stack[index])}'"
        )
        size = len(self.stack)
        prefix_end = min(size, index + 3)
        for i in range(index + 1, prefix_end):
            lines.append(
                f"    |     {_key_text(self.path[i])} -> object with constructor '{_ctor_name(self.stack[i])}'"
            )
        if size > prefix_end + 1:
            lines.append("    |     ...")
        for i in range(max(prefix_end, size - 1), size):
            lines.append(
                f"    |     {_key_text(self.path[i])} -> object with constructor '{_ctor_name(self.stack[i])}'"
            )
        lines.append(f"    --- {_key_text(key)} closes the circle")
        type_error("\n".join(lines))

    def prepare(self, holder: Any, key: Any, value: Any) -> Any:
        """toJSON and the replacer function (SerializeJSONProperty steps 1–4)."""
        if not (value is None or type(value) in (str, float, bool) or value is UNDEFINED):
            to_json = get_member(value, "toJSON")
            if isinstance(to_json, JSFunction):
                value = to_json.call(value, [_key_str(key)])
        if self.replacer is not None:
            value = self.replacer.call(holder, [_key_str(key), value])
        return value

    def ser(self, holder: Any, key: Any, value: Any, indent: str) -> str | None:
        value = self.prepare(holder, key, value)
        t = type(value)
        if t is str:
            out = quote_json_string(value)
            self.grow(len(out))
            return out
        if t is float:
            self.grow(1)
            return (
                number_to_string(value) if value == value and value not in (INF, -INF) else "null"
            )
        if t is bool:
            self.grow(1)
            return "true" if value else "false"
        if value is None:
            self.grow(1)
            return "null"
        if value is UNDEFINED or isinstance(value, JSFunction):
            return None
        for o in self.stack:
            if o is value:
                self.circular(value, key)
        self.grow(2)
        self.stack.append(value)
        self.path.append(key)
        try:
            if t is list:
                return self.ser_array(value, indent)
            return self.ser_object(value, indent)
        finally:
            self.stack.pop()
            self.path.pop()

    def ser_array(self, value: list, indent: str) -> str:
        if not value:
            return "[]"
        stepback = indent
        indent = indent + self.gap
        parts = []
        for i in range(len(value)):
            s = self.ser(value, i, value[i] if i < len(value) else UNDEFINED, indent)
            parts.append("null" if s is None else s)
        if not self.gap:
            return "[" + ",".join(parts) + "]"
        sep = ",\n" + indent
        check_string_length(sum(map(len, parts)) + len(parts) * len(sep))
        return "[\n" + indent + sep.join(parts) + "\n" + stepback + "]"

    def ser_object(self, value: Any, indent: str) -> str:
        if isinstance(value, JSObject):
            value = value.json_value()
        keys = self.keys if self.keys is not None else _json_keys(value)
        if not keys:
            return "{}"
        stepback = indent
        indent = indent + self.gap
        colon = ": " if self.gap else ":"
        parts = []
        is_dict = type(value) is dict
        for k in keys:
            if is_dict:
                v = value.get(k, UNDEFINED)
            else:
                v = get_member(value, k)
            s = self.ser(value, k, v, indent)
            if s is not None:
                parts.append(quote_json_string(k) + colon + s)
                self.grow(len(parts[-1]) - len(s) + 1)
        if not parts:
            return "{}"
        if not self.gap:
            return "{" + ",".join(parts) + "}"
        sep = ",\n" + indent
        check_string_length(sum(map(len, parts)) + len(parts) * len(sep))
        return "{\n" + indent + sep.join(parts) + "\n" + stepback + "}"


def _json_keys(value: Any) -> list[str]:
    if type(value) is dict:
        return own_keys(value)
    return enumerable_keys(value)


def _key_str(key: Any) -> str:
    return key if type(key) is str else str(key)


def _key_text(key: Any) -> str:
    if type(key) is int:
        return f"index {key}"
    if key == "":
        return "<anonymous>"
    return f"property '{key}'"


def _ctor_name(o: Any) -> str:
    if type(o) is dict:
        return "Object"
    if type(o) is list:
        return "Array"
    if isinstance(o, JSError):
        return o.name
    if isinstance(o, JSNamespace):
        return "Object"
    return getattr(o, "class_name", "Object")


def stringify(value: Any, replacer: Any = UNDEFINED, space: Any = UNDEFINED) -> Any:
    """JSON.stringify; returns a ``str`` or ``UNDEFINED``."""
    fn = None
    keys = None
    if isinstance(replacer, JSFunction):
        fn = replacer
    elif type(replacer) is list:
        keys = []
        seen = set()
        for item in replacer:
            if type(item) is str:
                k = item
            elif type(item) is float:
                k = number_to_string(item)
            else:
                continue
            if k not in seen:
                seen.add(k)
                keys.append(k)
    if type(space) is float:
        n = int(min(10, to_integer_or_infinity(space)))
        gap = " " * n if n >= 1 else ""
    elif type(space) is str:
        gap = space[:10]
    else:
        gap = ""
    st = _Stringifier(fn, keys, gap)
    try:
        out = st.ser({"": value}, "", value, "")
    except RecursionError:
        range_error("Maximum call stack size exceeded")
    return UNDEFINED if out is None else out


def _stringify(this: Any, args: list) -> Any:
    return stringify(
        args[0] if args else UNDEFINED,
        args[1] if len(args) > 1 else UNDEFINED,
        args[2] if len(args) > 2 else UNDEFINED,
    )


# ---------------------------------------------------------------------------- parse


def _syntax_error(msg: str) -> Any:
    raise JSThrow(JSError("SyntaxError", msg))


_WS_CHARS = " \t\n\r"
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_SIMPLE_STRING = re.compile(r'[^"\\\x00-\x1f]*')
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_CONTEXT = 10
_MAX_SOURCE_WITHOUT_CONTEXT = 20


class _Parser:
    """V8's JsonParser, for its error messages (and escaped surrogate pairs)."""

    __slots__ = ("s", "n", "i")

    def __init__(self, s: str) -> None:
        self.s = s
        self.n = len(s)
        self.i = 0

    # -- errors
    def unexpected(self) -> Any:
        s, i = self.s, self.i
        if i >= self.n:
            return _syntax_error("Unexpected end of JSON input")
        c = s[i]
        if c in "-0123456789":
            return _syntax_error(f"Unexpected number in JSON at position {i}")
        if c == '"':
            return _syntax_error(f"Unexpected string in JSON at position {i}")
        if s in ("undefined", "NaN", "Infinity", "[object Object]"):
            return _syntax_error(f'"{s}" is not valid JSON')
        n = self.n
        if n <= _MAX_SOURCE_WITHOUT_CONTEXT:
            return _syntax_error(f"Unexpected token '{c}', \"{s}\" is not valid JSON")
        if i < _CONTEXT:
            return _syntax_error(
                f"Unexpected token '{c}', \"{s[: i + _CONTEXT]}\"... is not valid JSON"
            )
        if i < n - _CONTEXT:
            return _syntax_error(
                f"Unexpected token '{c}', ...\"{s[i - _CONTEXT : i + _CONTEXT]}\"... is not valid JSON"
            )
        return _syntax_error(
            f"Unexpected token '{c}', ...\"{s[i - _CONTEXT :]}\" is not valid JSON"
        )

    def at(self, msg: str) -> Any:
        return _syntax_error(f"{msg} in JSON at position {self.i}")

    # -- scanning
    def ws(self) -> None:
        s, i, n = self.s, self.i, self.n
        while i < n and s[i] in _WS_CHARS:
            i += 1
        self.i = i

    def parse(self) -> Any:
        self.ws()
        v = self.value()
        self.ws()
        if self.i < self.n:
            _syntax_error(f"Unexpected non-whitespace character after JSON at position {self.i}")
        return v

    def value(self) -> Any:
        charge()
        s, i = self.s, self.i
        if i >= self.n:
            return self.unexpected()
        c = s[i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        if c == "-" or "0" <= c <= "9":
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if c == word[0]:
                for j, wc in enumerate(word):
                    if i + j >= self.n:
                        self.i = self.n
                        return self.unexpected()
                    if s[i + j] != wc:
                        self.i = i + j
                        return self.unexpected()
                self.i = i + len(word)
                return val
        return self.unexpected()

    def number(self) -> float:
        s, start = self.s, self.i
        i = start
        if s[i] == "-":
            i += 1
            if i >= self.n or not ("0" <= s[i] <= "9"):
                self.i = i
                return self.at("No number after minus sign")
        if s[i] == "0":
            i += 1
            if i < self.n and "0" <= s[i] <= "9":
                self.i = i
                return self.unexpected()
        else:
            while i < self.n and "0" <= s[i] <= "9":
                i += 1
        if i < self.n and s[i] == ".":
            i += 1
            if i >= self.n or not ("0" <= s[i] <= "9"):
                self.i = i
                return self.at("Unterminated fractional number")
            while i < self.n and "0" <= s[i] <= "9":
                i += 1
        if i < self.n and s[i] in "eE":
            i += 1
            if i < self.n and s[i] in "+-":
                i += 1
            if i >= self.n or not ("0" <= s[i] <= "9"):
                self.i = i
                return self.at("Exponent part is missing a number")
            while i < self.n and "0" <= s[i] <= "9":
                i += 1
        self.i = i
        return float(s[start:i])

    def string(self) -> str:
        s, n = self.s, self.n
        i = self.i + 1
        parts = []
        while True:
            m = _SIMPLE_STRING.match(s, i)
            assert m is not None  # the pattern matches the empty string
            j = m.end()
            if j > i:
                parts.append(s[i:j])
            i = j
            if i >= n:
                self.i = i
                return _syntax_error(f"Unterminated string in JSON at position {i}")
            c = s[i]
            if c == '"':
                self.i = i + 1
                return "".join(parts)
            if c == "\\":
                if i + 1 >= n:
                    return _syntax_error("Unexpected end of JSON input")
                e = s[i + 1]
                if e == "u":
                    hexd = s[i + 2 : i + 6]
                    for k, h in enumerate(hexd):
                        if h not in "0123456789abcdefABCDEF":
                            return _syntax_error(
                                f"Bad Unicode escape in JSON at position {i + 2 + k}"
                            )
                    if len(hexd) < 4:
                        return _syntax_error(
                            f"Bad Unicode escape in JSON at position {i + 2 + len(hexd)}"
                        )
                    parts.append(chr(int(hexd, 16)))
                    i += 6
                    continue
                r = _ESCAPES.get(e)
                if r is None:
                    return _syntax_error(f"Bad escaped character in JSON at position {i + 1}")
                parts.append(r)
                i += 2
                continue
            return _syntax_error(f"Bad control character in string literal in JSON at position {i}")

    def arr(self) -> list:
        self.i += 1
        out: list = []
        self.ws()
        if self.i < self.n and self.s[self.i] == "]":
            self.i += 1
            return out
        while True:
            self.ws()
            out.append(self.value())
            self.ws()
            c = self.s[self.i] if self.i < self.n else ""
            if c == ",":
                self.i += 1
                continue
            if c == "]":
                self.i += 1
                return out
            return self.at("Expected ',' or ']' after array element")

    def obj(self) -> dict:
        self.i += 1
        out: dict = {}
        self.ws()
        if self.i < self.n and self.s[self.i] == "}":
            self.i += 1
            return out
        first = True
        while True:
            self.ws()
            if self.i >= self.n or self.s[self.i] != '"':
                if first:
                    return self.at("Expected property name or '}'")
                return self.at("Expected double-quoted property name")
            k = self.string()
            self.ws()
            if self.i >= self.n or self.s[self.i] != ":":
                if first:
                    return self.at("Expected ':' after property name")
                return self.unexpected()
            first = False
            self.i += 1
            self.ws()
            out[k] = self.value()
            self.ws()
            c = self.s[self.i] if self.i < self.n else ""
            if c == ",":
                self.i += 1
                continue
            if c == "}":
                self.i += 1
                return out
            return self.at("Expected ',' or '}' after property value")


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abAB]")


def parse(text: str) -> Any:
    if not _ESCAPED_SURROGATE.search(text):
        try:
            return _pyjson.loads(
                text, parse_float=float, parse_int=float, parse_constant=_reject_constant
            )
        except (ValueError, RecursionError):
            pass
    try:
        return _Parser(text).parse()
    except RecursionError:
        return range_error("Maximum call stack size exceeded")


def _revive(holder: Any, key: str, reviver: JSFunction) -> Any:
    val = get_member(holder, key)
    if type(val) is list:
        for i in range(len(val)):
            nv = _revive(val, str(i), reviver)
            if nv is UNDEFINED:
                delete_member(val, str(i))
            else:
                val[i] = nv
    elif type(val) is dict:
        for k in own_keys(val):
            nv = _revive(val, k, reviver)
            if nv is UNDEFINED:
                val.pop(k, None)
            else:
                set_member(val, k, nv)
    return reviver.call(holder, [key, val])


def _parse(this: Any, args: list) -> Any:
    text = args[0] if args else UNDEFINED
    text = text if type(text) is str else to_string(text)
    result = parse(text)
    reviver = args[1] if len(args) > 1 else UNDEFINED
    if isinstance(reviver, JSFunction):
        return _revive({"": result}, "", reviver)
    return result


JSON = JSNamespace(
    {
        "stringify": NativeFunction("stringify", _stringify, 3),
        "parse": NativeFunction("parse", _parse, 2),
    }
)
NAMESPACE_TAGS[id(JSON)] = "JSON"

__all__ = ["GLOBALS", "JSON", "parse", "quote_json_string", "stringify"]

GLOBALS: dict[str, Any] = {"JSON": JSON}
