"""``console.log`` formatting: a port of Node's ``util.inspect`` (lib/internal/util/inspect.js,
default options: depth 2, breakLength 80, compact 3, maxArrayLength 100) for kview values,
and ``util.format`` (``%s %d %i %f %j %o %O %c %%``).

Differences from Node, by necessity: errors have no stack frames here, so they print the way
Node prints a stack-less error (``[Error: msg]``); iterator objects do not preview their
entries (that would consume them).
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from .builtins.function import function_source
from .builtins.json import stringify
from .builtins.number import parse_float, parse_int
from .builtins.object import NAMESPACE_TAGS
from .members import get_member
from .runtime import current_runtime
from .values import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSNamespace,
    JSObject,
    JSThrow,
    NativeFunction,
    from_code_units,
    number_to_string,
    own_keys,
    to_number,
    to_string,
)

_DEPTH = 2
_BREAK = 80
_COMPACT = 3
_MAX_ARRAY = 100
_MAX_STRING = 10000
_MIN_LINE = 16

_KEY_RE = re.compile(r"[a-zA-Z_][a-zA-Z_0-9]*\Z")
_ESC_ALL = re.compile(
    "[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]"
)
_ESC_NOQUOTE = re.compile(
    "[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]"
)
_META = {i: f"\\x{i:02X}" for i in list(range(0x20)) + list(range(0x7F, 0xA0))}
_META.update({8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 0x27: "\\'", 0x5C: "\\\\"})


def _escape_char(m: re.Match) -> str:
    c = ord(m.group())
    return _META.get(c) or f"\\u{c:x}"


def str_escape(s: str) -> str:
    """A string as util.inspect quotes it."""
    quote = "'"
    pattern = _ESC_ALL
    if "'" in s:
        if '"' not in s:
            quote = '"'
        elif "`" not in s and "${" not in s:
            quote = "`"
        if quote != "'":
            pattern = _ESC_NOQUOTE
    if pattern.search(s):
        s = pattern.sub(_escape_char, s)
    return quote + s + quote


def _width(s: str) -> int:
    """getStringWidth: columns of a string (wide East Asian characters count 2)."""
    if s.isascii():
        return len(s)
    w = 0
    for c in from_code_units(s):
        cp = ord(c)
        if cp < 0x20 or 0x7F <= cp <= 0x9F or 0x300 <= cp <= 0x36F or 0x200B <= cp <= 0x200F:
            continue
        if 0x20D0 <= cp <= 0x20FF or 0xFE00 <= cp <= 0xFE0F or 0xFE20 <= cp <= 0xFE2F:
            continue
        w += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return w


def _js_round(x: float) -> float:
    r = math.ceil(x)
    return r - 1 if r - 0.5 > x else r


class RawText:
    """Pre-formatted output (symbols)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Ctx:
    __slots__ = ("seen", "circular", "indentation_lvl", "current_depth", "depth", "budget")

    def __init__(self, depth: float) -> None:
        self.seen: list[Any] = []
        self.circular: dict[int, int] = {}
        self.indentation_lvl = 0
        self.current_depth = 0
        self.depth = depth
        self.budget = 0


def inspect(value: Any, depth: float = _DEPTH) -> str:
    """``util.inspect(value)`` with Node's default options."""
    return _format_value(_Ctx(depth), value, 0)


# ---------------------------------------------------------------------------- primitives


def format_number(x: float) -> str:
    if x == 0 and math.copysign(1.0, x) < 0:
        return "-0"
    return number_to_string(x)


def _format_primitive(ctx: _Ctx, v: Any) -> str:
    t = type(v)
    if t is str:
        trailer = ""
        if len(v) > _MAX_STRING:
            remaining = len(v) - _MAX_STRING
            v = v[:_MAX_STRING]
            trailer = f"... {remaining} more character{'s' if remaining > 1 else ''}"
        if len(v) > _MIN_LINE and len(v) > _BREAK - ctx.indentation_lvl - 4:
            lines = re.split(r"(?<=\n)", v)
            lines = [x for x in lines if x != ""] or [""]
            return (
                f" +\n{' ' * (ctx.indentation_lvl + 2)}".join(str_escape(x) for x in lines)
                + trailer
            )
        return str_escape(v) + trailer
    if t is float:
        return format_number(v)
    if t is bool:
        return "true" if v else "false"
    if v is UNDEFINED:
        return "undefined"
    if v is None:
        return "null"
    if isinstance(v, RawText):
        return v.text
    return str(v)


# ---------------------------------------------------------------------------- objects


def _format_value(ctx: _Ctx, v: Any, recurse_times: int, typed: bool = False) -> str:
    t = type(v)
    if t in (str, float, bool) or v is None or v is UNDEFINED or isinstance(v, RawText):
        return _format_primitive(ctx, v)
    for o in ctx.seen:
        if o is v:
            k = id(v)
            index = ctx.circular.get(k)
            if index is None:
                index = len(ctx.circular) + 1
                ctx.circular[k] = index
            return f"[Circular *{index}]"
    return _format_raw(ctx, v, recurse_times)


def _class_name(v: Any) -> str:
    return getattr(v, "class_name", None) or "Object"


def _format_raw(ctx: _Ctx, v: Any, recurse_times: int) -> str:
    base = ""
    braces = ["{", "}"]
    entries: list[tuple[str, Any]] | None = None  # (key, value) object properties
    formatter = None
    is_array_like = False
    constructor = "Object"

    if type(v) is list:
        constructor = "Array"
        if not v:
            return "[]"
        braces = ["[", "]"]
        is_array_like = True
        formatter = _format_list
        entries = []
    elif type(v) is dict:
        keys = own_keys(v)
        if not keys:
            return "{}"
        entries = [(k, v[k]) for k in keys]
    elif isinstance(v, JSObject) and (host := v.inspect_entries()) is not None:
        entries = host
    elif isinstance(v, JSNamespace):
        tag = NAMESPACE_TAGS.get(id(v))
        if tag is not None:
            return f"Object [{tag}] {{}}"
        entries = [(k, v[k]) for k in own_keys(v)]
        if not entries:
            return "{}"
    else:
        props = getattr(v, "props", None) or {}
        entries = [(k, props[k]) for k in own_keys(props)]
        cls = _class_name(v)
        constructor = cls
        if isinstance(v, JSFunction):
            base = _function_base(v)
            if not entries:
                return base
        elif isinstance(v, JSError):
            base = _error_base(v, ctx)
            entries = [e for e in entries if e[0] not in ("stack", "message")]
            if "cause" in props:
                entries = [e for e in entries if e[0] != "cause"] + [("[cause]", props["cause"])]
            if not entries:
                return base
        elif cls in ("Map", "WeakMap", "Set", "WeakSet"):
            data = getattr(v, "data", {})
            if cls.startswith("Weak"):
                braces[0] = f"{cls} {{"
                formatter = _format_weak
            else:
                size = len(data)
                if size == 0 and not entries:
                    return f"{cls}(0) {{}}"
                braces[0] = f"{cls}({size}) {{"
                formatter = _format_map if cls == "Map" else _format_set
        elif cls == "Date":
            base = _date_base(v)
            if not entries:
                return base
        elif cls == "RegExp":
            try:
                base = to_string(v)
            except JSThrow:
                base = "/(?:)/"
            if not entries or recurse_times > ctx.depth:
                return base
        elif cls == "Promise":
            braces[0] = "Promise {"
            formatter = _format_promise
        elif hasattr(v, "kind") and type(getattr(v, "kind", None)) is str:
            kind = v.kind.replace("Entries", "Iterator")
            return f"Object [{kind}] {{}}"
        else:
            prefix = f"{cls} " if cls != "Object" else ""
            if not entries:
                return f"{prefix}{{}}"
            braces[0] = f"{prefix}{{"

    if recurse_times > ctx.depth:
        if base:
            return base if not isinstance(v, JSFunction) else base
        name = constructor if constructor != "Object" or type(v) is dict else "Object"
        if isinstance(v, (JSError,)):
            return base
        return f"[{name}]"

    recurse_times += 1
    ctx.seen.append(v)
    ctx.current_depth = recurse_times
    output: list[str] = formatter(ctx, v, recurse_times) if formatter else []
    for key, val in entries or []:
        output.append(_format_property(ctx, key, val, recurse_times))
    index = ctx.circular.get(id(v))
    if index is not None:
        ref = f"<ref *{index}>"
        base = ref if base == "" else f"{ref} {base}"
    ctx.seen.pop()
    return _reduce_to_single_string(ctx, output, base, braces, is_array_like, recurse_times, v)


def _function_base(fn: JSFunction) -> str:
    src = function_source(fn)
    if src.startswith("class") and src.endswith("}"):
        return f"[class {fn.name or '(anonymous)'}]"
    kind = "Function"
    if getattr(fn, "is_async", False):
        kind = "AsyncFunction"
    if getattr(fn, "is_generator", False):
        kind = "GeneratorFunction" if kind == "Function" else "AsyncGeneratorFunction"
    if fn.name == "":
        return f"[{kind} (anonymous)]"
    return f"[{kind}: {fn.name}]"


def _error_base(err: JSError, ctx: _Ctx) -> str:
    stack = err.props.get("stack", err.stack)
    stack = stack if type(stack) is str else to_string(stack)
    if "\n    at" not in stack:
        stack = f"[{stack}]"
    if ctx.indentation_lvl:
        stack = stack.replace("\n", "\n" + " " * ctx.indentation_lvl)
    return stack


def _date_base(v: Any) -> str:
    try:
        fn = get_member(v, "toISOString")
        if isinstance(fn, JSFunction):
            return to_string(fn.call(v, []))
    except JSThrow:
        pass
    return "Invalid Date"


def _format_list(ctx: _Ctx, v: list, recurse_times: int) -> list[str]:
    n = min(len(v), _MAX_ARRAY)
    out = []
    for i in range(n):
        ctx.indentation_lvl += 2
        out.append(_format_value(ctx, v[i], recurse_times))
        ctx.indentation_lvl -= 2
    remaining = len(v) - n
    if remaining > 0:
        out.append(f"... {remaining} more item{'s' if remaining > 1 else ''}")
    return out


def _format_set(ctx: _Ctx, v: Any, recurse_times: int) -> list[str]:
    out = []
    ctx.indentation_lvl += 2
    values = [e[0] for e in v.data.values()]
    for x in values[:_MAX_ARRAY]:
        out.append(_format_value(ctx, x, recurse_times))
    ctx.indentation_lvl -= 2
    if len(values) > _MAX_ARRAY:
        r = len(values) - _MAX_ARRAY
        out.append(f"... {r} more item{'s' if r > 1 else ''}")
    return out


def _format_map(ctx: _Ctx, v: Any, recurse_times: int) -> list[str]:
    out = []
    ctx.indentation_lvl += 2
    entries = list(v.data.values())
    for e in entries[:_MAX_ARRAY]:
        out.append(
            f"{_format_value(ctx, e[0], recurse_times)} => {_format_value(ctx, e[1], recurse_times)}"
        )
    ctx.indentation_lvl -= 2
    if len(entries) > _MAX_ARRAY:
        r = len(entries) - _MAX_ARRAY
        out.append(f"... {r} more item{'s' if r > 1 else ''}")
    return out


def _format_weak(ctx: _Ctx, v: Any, recurse_times: int) -> list[str]:
    return ["<items unknown>"]


def _format_promise(ctx: _Ctx, v: Any, recurse_times: int) -> list[str]:
    state = getattr(v, "state", 0)
    if state not in (1, 2):
        return ["<pending>"]
    ctx.indentation_lvl += 2
    s = _format_value(ctx, getattr(v, "value", UNDEFINED), recurse_times)
    ctx.indentation_lvl -= 2
    return [f"<rejected> {s}" if state == 2 else s]


def _format_property(ctx: _Ctx, key: str, val: Any, recurse_times: int) -> str:
    ctx.indentation_lvl += 2
    s = _format_value(ctx, val, recurse_times)
    ctx.indentation_lvl -= 2
    if key == "__proto__":
        name = "['__proto__']"
    elif key == "[cause]":
        name = key
    elif _KEY_RE.match(key):
        name = key
    else:
        name = str_escape(key)
    return f"{name}: {s}"


def _is_below_break_length(ctx: _Ctx, output: list[str], start: int, base: str) -> bool:
    total = len(output) + start
    if total + len(output) > _BREAK:
        return False
    for o in output:
        total += len(o)
        if total > _BREAK:
            return False
    return base == "" or "\n" not in base


def _reduce_to_single_string(
    ctx: _Ctx,
    output: list[str],
    base: str,
    braces: list[str],
    is_array: bool,
    recurse_times: int,
    value: Any,
) -> str:
    entries = len(output)
    if is_array and entries > 6:
        output = _group_array_elements(ctx, output, value)
    if ctx.current_depth - recurse_times < _COMPACT and entries == len(output):
        start = len(output) + ctx.indentation_lvl + len(braces[0]) + len(base) + 10
        if _is_below_break_length(ctx, output, start, base):
            joined = ", ".join(output)
            if "\n" not in joined:
                return f"{base + ' ' if base else ''}{braces[0]} {joined} {braces[1]}"
    indentation = "\n" + " " * ctx.indentation_lvl
    return (
        f"{base + ' ' if base else ''}{braces[0]}{indentation}  "
        f"{(',' + indentation + '  ').join(output)}{indentation}{braces[1]}"
    )


def _group_array_elements(ctx: _Ctx, output: list[str], value: Any) -> list[str]:
    total_length = 0
    max_length = 0
    output_length = len(output)
    if _MAX_ARRAY < len(output):
        output_length -= 1
    separator_space = 2
    data_len = []
    for i in range(output_length):
        n = _width(output[i])
        data_len.append(n)
        total_length += n + separator_space
        if max_length < n:
            max_length = n
    actual_max = max_length + separator_space
    if actual_max * 3 + ctx.indentation_lvl < _BREAK and (
        total_length / actual_max > 5 or max_length <= 6
    ):
        average_bias = math.sqrt(actual_max - total_length / len(output))
        biased_max = max(actual_max - 3 - average_bias, 1)
        columns = int(
            min(
                _js_round(math.sqrt(2.5 * biased_max * output_length) / biased_max),
                (_BREAK - ctx.indentation_lvl) // actual_max,
                _COMPACT * 4,
                15,
            )
        )
        if columns <= 1:
            return output
        tmp = []
        max_line_length = []
        for i in range(columns):
            line_max = 0
            for j in range(i, output_length, columns):
                if data_len[j] > line_max:
                    line_max = data_len[j]
            max_line_length.append(line_max + separator_space)
        pad_start = True
        for i in range(len(output)):
            if i >= len(value) or type(value[i]) is not float:
                pad_start = False
                break
        for i in range(0, output_length, columns):
            max_i = min(i + columns, output_length)
            parts = []
            j = i
            while j < max_i - 1:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j]
                cell = output[j] + ", "
                parts.append(cell.rjust(padding) if pad_start else cell.ljust(padding))
                j += 1
            if pad_start:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j] - separator_space
                parts.append(output[j].rjust(padding))
            else:
                parts.append(output[j])
            tmp.append("".join(parts))
        if output_length < len(output):
            tmp.append(output[output_length])
        output = tmp
    return output


# ---------------------------------------------------------------------------- util.format


def _format_number_arg(v: Any) -> str:
    return format_number(v)


def _has_builtin_to_string(v: Any) -> bool:
    """Objects without a user-defined toString are inspected by %s."""
    if type(v) is dict:
        ts = v.get("toString")
        return not isinstance(ts, JSFunction)
    if isinstance(v, JSError) or type(v) is list:
        return True
    try:
        ts = get_member(v, "toString")
    except JSThrow:
        return True
    return isinstance(ts, NativeFunction) or not isinstance(ts, JSFunction)


def format_log_args(args: list) -> str:
    """``util.format(...args)`` — what console.log prints."""
    if not args:
        return ""
    first = args[0]
    a = 0
    out = ""
    join = ""
    if type(first) is str:
        if len(args) == 1:
            return first
        last_pos = 0
        i = 0
        n = len(first)
        while i < n - 1:
            if first[i] == "%":
                i += 1
                nc = first[i]
                if a + 1 != len(args):
                    temp: str | None = None
                    if nc == "s":
                        a += 1
                        arg = args[a]
                        if type(arg) is float:
                            temp = format_number(arg)
                        elif (
                            arg is None
                            or arg is UNDEFINED
                            or type(arg) in (str, bool)
                            or isinstance(arg, JSFunction)
                            or not _has_builtin_to_string(arg)
                        ):
                            temp = (
                                to_string(arg)
                                if not isinstance(arg, JSFunction)
                                else _safe_str(arg)
                            )
                        else:
                            temp = _format_value(_Ctx(0), arg, 0)
                    elif nc == "j":
                        a += 1
                        temp = _try_stringify(args[a])
                    elif nc == "d":
                        a += 1
                        arg = args[a]
                        temp = format_number(_safe_number(arg, to_number))
                    elif nc == "O":
                        a += 1
                        temp = inspect(args[a])
                    elif nc == "o":
                        a += 1
                        temp = inspect(args[a], 4)
                    elif nc == "i":
                        a += 1
                        temp = format_number(parse_int(args[a]))
                    elif nc == "f":
                        a += 1
                        temp = format_number(parse_float(args[a]))
                    elif nc == "c":
                        a += 1
                        temp = ""
                    elif nc == "%":
                        out += first[last_pos:i]
                        last_pos = i + 1
                        i += 1
                        continue
                    else:
                        i += 1
                        continue
                    if last_pos != i - 1:
                        out += first[last_pos : i - 1]
                    out += temp
                    last_pos = i + 1
                elif nc == "%":
                    out += first[last_pos:i]
                    last_pos = i + 1
            i += 1
        if last_pos != 0:
            a += 1
            join = " "
            if last_pos < n:
                out += first[last_pos:]
    while a < len(args):
        v = args[a]
        out += join
        out += v if type(v) is str else inspect(v)
        join = " "
        a += 1
    return out


def _safe_str(v: Any) -> str:
    try:
        return to_string(v)
    except JSThrow:
        return inspect(v)


def _safe_number(v: Any, to_number: Any) -> float:
    if isinstance(v, (dict, list)) or isinstance(v, JSObject):
        try:
            return to_number(v)
        except JSThrow:
            return float("nan")
    return to_number(v)


def _try_stringify(v: Any) -> str:
    try:
        r = stringify(v)
    except JSThrow as e:
        err = e.value
        if isinstance(err, JSError) and err.message.startswith("Converting circular structure"):
            return "[Circular]"
        raise
    return "undefined" if r is UNDEFINED else r


__all__ = ["format_log_args", "format_number", "inspect", "str_escape"]


# ---------------------------------------------------------------------------- the console global

def _console() -> JSNamespace:
    def logger(level: str) -> NativeFunction:
        def log(this: Any, args: list) -> Any:
            current_runtime().log(level, format_log_args(args))
            return UNDEFINED

        return NativeFunction(level, log)

    methods = {name: logger(name) for name in ("log", "info", "warn", "error", "debug", "trace", "table", "dir")}
    noop = NativeFunction("noop", lambda this, args: UNDEFINED)
    for name in ("group", "groupCollapsed", "groupEnd", "time", "timeEnd", "timeLog", "count", "assert", "clear"):
        methods[name] = noop
    return JSNamespace(methods)


CONSOLE = _console()
