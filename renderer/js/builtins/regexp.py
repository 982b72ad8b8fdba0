"""JavaScript ``RegExp`` objects (exec/test, the constructor) and the String methods that use
them (``match``, ``matchAll``, ``replace``, ``replaceAll``, ``search``, ``split``).

Patterns are translated and compiled by ``regexp_syntax.py``.
"""

from __future__ import annotations

import re
from typing import Any

from ..limits import charge
from ..members import (
    MISSING,
    SPECIAL_GETTERS,
    SPECIAL_SETTERS,
    check_string_length,
    define_methods,
    get_member,
    set_array_props,
)
from ..values import (
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
from .instance import register_instance_check
from .regexp_syntax import _compile_checked, _Compiled
from .string import split_string

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


register_instance_check(REGEXP_CTOR, lambda v: isinstance(v, JSRegExp))


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
        charge()
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
    n = len(search)
    if all_ and n and not functional and "$" not in template:
        # The common case in C, its size known before it is built.
        check_string_length(len(s) + s.count(search) * (len(template) - n))
        return s.replace(search, template)
    positions = []
    p = s.find(search)
    if all_:
        step = max(1, n)
        while p >= 0:
            charge()
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
    return split_string(s, sep, limit)


define_methods(
    str,
    match=_s_match,
    matchAll=_s_match_all,
    replace=_s_replace,
    replaceAll=_s_replace_all,
    search=_s_search,
    split=_s_split,
)
