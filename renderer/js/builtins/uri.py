"""encodeURIComponent, encodeURI, decodeURIComponent, decodeURI, escape, unescape."""

from __future__ import annotations

import re
from typing import Any

from ..values import UNDEFINED, JSError, JSThrow, NativeFunction, to_code_units, to_string

_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_COMPONENT_SAFE = frozenset(_ALNUM + "-_.!~*'()")
_URI_SAFE = frozenset(_ALNUM + "-_.!~*'()" + ";/?:@&=+$,#")
_URI_RESERVED = frozenset(";/?:@&=+$,#")
_COMPONENT_RE = re.compile(r"[A-Za-z0-9\-_.!~*'()]*\Z")
_URI_RE = re.compile(r"[A-Za-z0-9\-_.!~*'();/?:@&=+$,#]*\Z")


def _uri_error() -> Any:
    raise JSThrow(JSError("URIError", "URI malformed"))


def _encode(s: str, safe: frozenset, fast: re.Pattern) -> str:
    if fast.match(s):
        return s
    out = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in safe:
            out.append(c)
            i += 1
            continue
        cp = ord(c)
        if 0xDC00 <= cp <= 0xDFFF:
            _uri_error()
        if 0xD800 <= cp <= 0xDBFF:
            if i + 1 >= n or not (0xDC00 <= ord(s[i + 1]) <= 0xDFFF):
                _uri_error()
            cp = 0x10000 + ((cp - 0xD800) << 10) + (ord(s[i + 1]) - 0xDC00)
            i += 1
        out.append("".join(f"%{b:02X}" for b in chr(cp).encode("utf-8")))
        i += 1
    return "".join(out)


def _hex(s: str, i: int) -> int:
    h = s[i + 1 : i + 3]
    if len(h) != 2 or not all(c in "0123456789abcdefABCDEF" for c in h):
        _uri_error()
    return int(h, 16)


def _decode(s: str, reserved: frozenset) -> str:
    if "%" not in s:
        return s
    out = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c != "%":
            out.append(c)
            i += 1
            continue
        b = _hex(s, i)
        start = i
        i += 3
        if b < 0x80:
            ch = chr(b)
            out.append(s[start:i] if ch in reserved else ch)
            continue
        if b & 0xE0 == 0xC0:
            extra = 1
        elif b & 0xF0 == 0xE0:
            extra = 2
        elif b & 0xF8 == 0xF0:
            extra = 3
        else:
            _uri_error()
        data = bytearray([b])
        for _ in range(extra):
            if i >= n or s[i] != "%":
                _uri_error()
            nb = _hex(s, i)
            if nb & 0xC0 != 0x80:
                _uri_error()
            data.append(nb)
            i += 3
        try:
            ch = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            _uri_error()
        out.append(to_code_units(ch))
    return "".join(out)


def _arg(args: list) -> str:
    v = args[0] if args else UNDEFINED
    return v if type(v) is str else to_string(v)


def encode_uri_component(s: str) -> str:
    return _encode(s, _COMPONENT_SAFE, _COMPONENT_RE)


def decode_uri_component(s: str) -> str:
    return _decode(s, frozenset())


_ESCAPE_SAFE = frozenset(_ALNUM + "@*_+-./")


def _escape(s: str) -> str:
    out = []
    for c in s:
        if c in _ESCAPE_SAFE:
            out.append(c)
        elif ord(c) < 256:
            out.append(f"%{ord(c):02X}")
        else:
            out.append(f"%u{ord(c):04X}")
    return "".join(out)


_UNESCAPE = re.compile(r"%u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})")


def _unescape(s: str) -> str:
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), s)


GLOBALS: dict[str, Any] = {
    "encodeURIComponent": NativeFunction(
        "encodeURIComponent", lambda this, args: encode_uri_component(_arg(args)), 1
    ),
    "encodeURI": NativeFunction(
        "encodeURI", lambda this, args: _encode(_arg(args), _URI_SAFE, _URI_RE), 1
    ),
    "decodeURIComponent": NativeFunction(
        "decodeURIComponent", lambda this, args: decode_uri_component(_arg(args)), 1
    ),
    "decodeURI": NativeFunction(
        "decodeURI", lambda this, args: _decode(_arg(args), _URI_RESERVED), 1
    ),
    "escape": NativeFunction("escape", lambda this, args: _escape(_arg(args)), 1),
    "unescape": NativeFunction("unescape", lambda this, args: _unescape(_arg(args)), 1),
}
