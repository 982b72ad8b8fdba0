"""JavaScript values in Python and the spec's abstract operations on them.

The value model (everything else in renderer/ relies on it):

=================  ==========================================================
JavaScript         Python
=================  ==========================================================
undefined          ``UNDEFINED`` (singleton, falsy)
null               ``None``
boolean            ``bool``
number             ``float`` -- always; a Python ``int`` here is a bug
string             ``str`` of UTF-16 code units (astral chars as surrogate pairs)
plain object       ``dict`` with ``str`` keys, insertion ordered
array              ``list``
function           ``JSFunction`` subclasses (``NativeFunction``, compiled ones)
Error, Date, ...   ``JSObject`` subclasses with own ``props``
=================  ==========================================================

Strings hold UTF-16 code units so that ``length``, indexing and ``<`` match JavaScript
without conversions on the hot path; ``to_code_units``/``from_code_units`` convert at the
boundaries (mock data in, HTML out).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, NoReturn

from .limits import LARGE, MAX_STRING_LENGTH, allocating


class _Undefined:
    __slots__ = ()
    _instance: _Undefined | None = None

    def __new__(cls) -> _Undefined:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "undefined"

    def __reduce__(self):
        return (_Undefined, ())


UNDEFINED: Any = _Undefined()
NAN = float("nan")
INF = float("inf")


class JSThrow(Exception):
    """A JavaScript exception in flight: ``value`` is what was thrown, ``loc`` where."""

    # Set after construction, read with getattr: a budget error (runtime.py, regexp_syntax.py)
    # that JavaScript cannot catch, and the component file an error escaped from
    # (renderer/user_components.py; view.py reports it).
    budget: bool = False
    kv_file: str | None = None
    kv_source: str | None = None

    def __init__(self, value: Any, loc: tuple[int, int] | None = None) -> None:
        super().__init__(value)
        self.value = value
        self.loc = loc

    def __str__(self) -> str:
        v = self.value
        if isinstance(v, JSError):
            return f"{v.name}: {v.message}" if v.message else v.name
        return "Uncaught " + safe_to_string(v)


class JSObject:
    """Base of objects that are not plain dicts: they keep user-set properties in ``props``."""

    __slots__ = ("props",)
    class_name = "Object"

    def __init__(self) -> None:
        self.props: dict[str, Any] = {}

    # Objects of the layers above the engine (React elements) show themselves to the
    # engine's own listings through these two hooks, so the engine never imports them.
    def inspect_entries(self) -> list[tuple[str, Any]] | None:
        """The ``(key, value)`` pairs ``console.log`` lists, or None to list ``props``."""
        return None

    def json_value(self) -> Any:
        """What ``JSON.stringify`` serialises in place of this object (itself by default)."""
        return self


class JSError(JSObject):
    __slots__ = ("name", "message", "stack")
    class_name = "Error"

    def __init__(self, name: str, message: str = "") -> None:
        super().__init__()
        self.name = name
        self.message = message
        self.stack = f"{name}: {message}" if message else name


class JSFunction(JSObject):
    """Anything callable from JavaScript. ``call(this, args)`` is the one calling convention."""

    __slots__ = ("name", "length")
    class_name = "Function"

    def __init__(self, name: str = "", length: int = 0) -> None:
        super().__init__()
        self.name = name
        self.length = length

    def call(self, this: Any, args: list) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def construct(self, args: list) -> Any:
        raise JSThrow(JSError("TypeError", f"{self.name or 'anonymous'} is not a constructor"))

    def has_instance(self, value: Any) -> bool:
        """``value instanceof this`` for a function without a built-in check: kview has no
        prototype chains, so an object counts when it holds every entry of a non-empty
        ``prototype`` (the ``Ctor.prototype.m = …; new Ctor()`` idiom)."""
        proto = self.props.get("prototype")
        return isinstance(proto, dict) and isinstance(value, dict) and bool(proto) and all(
            value.get(k) is v for k, v in proto.items()
        )


class NativeFunction(JSFunction):
    """A built-in written in Python: ``fn(this, args)``; ``ctor(args)`` answers ``new``."""

    __slots__ = ("fn", "ctor")

    def __init__(
        self,
        name: str,
        fn: Callable[[Any, list], Any],
        length: int = 0,
        ctor: Callable[[list], Any] | None = None,
    ) -> None:
        super().__init__(name, length)
        self.fn = fn
        self.ctor = ctor

    def call(self, this: Any, args: list) -> Any:
        return self.fn(this, args)

    def construct(self, args: list) -> Any:
        if self.ctor is None:
            return super().construct(args)
        return self.ctor(args)


class BoundFunction(JSFunction):
    __slots__ = ("target", "bound_this", "bound_args")

    def __init__(self, target: JSFunction, bound_this: Any, bound_args: list) -> None:
        super().__init__("bound " + target.name, max(0, target.length - len(bound_args)))
        self.target = target
        self.bound_this = bound_this
        self.bound_args = bound_args

    def call(self, this: Any, args: list) -> Any:
        return self.target.call(self.bound_this, self.bound_args + args)

    def construct(self, args: list) -> Any:
        return self.target.construct(self.bound_args + args)


class JSNamespace(dict):
    """A shared built-in namespace such as ``Math``: reads like an object, ignores writes."""

    __slots__ = ()


# ---------------------------------------------------------------------------- errors

def throw(kind: str, message: str, loc: tuple[int, int] | None = None) -> NoReturn:
    """Raise a JavaScript error of constructor ``kind`` (TypeError, RangeError, ...), at ``loc``
    when the raiser knows the template location."""
    raise JSThrow(JSError(kind, message), loc)


def type_error(message: str) -> NoReturn:
    raise JSThrow(JSError("TypeError", message))


def range_error(message: str) -> NoReturn:
    raise JSThrow(JSError("RangeError", message))


# ---------------------------------------------------------------------------- strings

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _split_astral(m: re.Match) -> str:
    c = ord(m.group()) - 0x10000
    return chr(0xD800 + (c >> 10)) + chr(0xDC00 + (c & 0x3FF))


def to_code_units(s: str) -> str:
    """A Python string as JavaScript sees it: astral characters become surrogate pairs."""
    if s.isascii():
        return s
    return _ASTRAL.sub(_split_astral, s)


def from_code_units(s: str) -> str:
    """Back to real characters for output; lone surrogates become U+FFFD, as browsers show."""
    if s.isascii() or not _SURROGATE.search(s):
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


# ---------------------------------------------------------------------------- numbers

def shortest_digits(x: float) -> tuple[str, int]:
    """Shortest round-trip digits of finite ``x > 0`` and ``n`` with ``x = 0.digits × 10^n``."""
    r = repr(x)
    mant, _, exp = r.partition("e")
    ip, _, fp = mant.partition(".")
    all_digits = ip + fp
    stripped = all_digits.lstrip("0")
    n = len(ip) + (int(exp) if exp else 0) - (len(all_digits) - len(stripped))
    return stripped.rstrip("0") or "0", n


def number_to_string(x: float) -> str:
    """Number::toString(10) from the spec: shortest round-trip digits, JS's exponent rules."""
    if x != x:
        return "NaN"
    if x == 0:
        return "0"
    if x == INF:
        return "Infinity"
    if x == -INF:
        return "-Infinity"
    if x.is_integer() and -9007199254740992.0 < x < 9007199254740992.0:
        return str(int(x))
    if 1e-4 <= x < 9007199254740992.0 or -9007199254740992.0 < x <= -1e-4:
        # A non-integer here: Python's repr is the same shortest round-trip digits, written
        # without an exponent just as JavaScript does (JS keeps fixed notation to 1e-7).
        return repr(x)
    sign = ""
    if x < 0:
        sign, x = "-", -x
    digits, n = shortest_digits(x)
    k = len(digits)
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        es = ("+" if e >= 0 else "-") + str(abs(e))
        out = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + es
    return sign + out


JS_WHITESPACE = (
    " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
"""JavaScript's WhiteSpace and LineTerminator code units (what ``trim`` strips)."""
_DECIMAL = re.compile(r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\Z")
_NONDEC = re.compile(r"0(?:[xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)\Z")


def js_trim(s: str) -> str:
    return s.strip(JS_WHITESPACE)


def string_to_number(s: str) -> float:
    s = s.strip(JS_WHITESPACE)
    if not s:
        return 0.0
    if _DECIMAL.match(s):
        return float(s)
    if _NONDEC.match(s):
        base = {"x": 16, "o": 8, "b": 2}[s[1].lower()]
        return float(int(s[2:], base))
    if s in ("Infinity", "+Infinity"):
        return INF
    if s == "-Infinity":
        return -INF
    return NAN


def to_number(v: Any) -> float:
    t = type(v)
    if t is float:
        return v
    if t is str:
        return string_to_number(v)
    if t is bool:
        return 1.0 if v else 0.0
    if v is None:
        return 0.0
    if v is UNDEFINED:
        return NAN
    if t is int:  # defensive: should not occur, but never wrong
        return float(v)
    return to_number(to_primitive(v, "number"))



def to_integer_or_infinity(v: Any) -> float:
    n = to_number(v)
    if n != n:
        return 0.0
    if n in (INF, -INF):
        return n
    return float(math.trunc(n))


def to_int32(v: Any) -> int:
    n = v if type(v) is float else to_number(v)
    if n != n or n in (INF, -INF):
        return 0
    i = int(n) & 0xFFFFFFFF
    return i - 0x100000000 if i >= 0x80000000 else i


def to_uint32(v: Any) -> int:
    n = v if type(v) is float else to_number(v)
    if n != n or n in (INF, -INF):
        return 0
    return int(n) & 0xFFFFFFFF


def relative_index(v: Any, length: int, default: int) -> int:
    """Clamp a relative start/end argument (slice, splice, fill, ...) into ``[0, length]``."""
    if v is UNDEFINED:
        return default
    n = to_integer_or_infinity(v)
    if n < 0:
        return int(max(length + n, 0))
    return int(min(n, length))


# ---------------------------------------------------------------------------- conversions

def typeof(v: Any) -> str:
    t = type(v)
    if t is str:
        return "string"
    if t is float:
        return "number"
    if t is bool:
        return "boolean"
    if v is UNDEFINED:
        return "undefined"
    if isinstance(v, JSFunction):
        return "function"
    return "object"


def to_boolean(v: Any) -> bool:
    t = type(v)
    if t is bool:
        return v
    if t is str:
        return v != ""
    if t is float:
        return not (v == 0 or v != v)
    return v is not None and v is not UNDEFINED


def to_primitive(v: Any, hint: str = "default") -> Any:
    """OrdinaryToPrimitive: valueOf/toString in hint order, honouring user-defined methods."""
    if v is None or v is UNDEFINED or type(v) in (str, float, bool):
        return v
    # The gate knows every type's methods, and it converts object keys with ToPropertyKey,
    # which is this function: the spec's own recursion, the one cycle pyproject.toml allows.
    from .members import get_member

    order = ("toString", "valueOf") if hint == "string" else ("valueOf", "toString")
    if hint == "default" and getattr(v, "class_name", "") == "Date":
        order = ("toString", "valueOf")
    for name in order:
        fn = get_member(v, name)
        if isinstance(fn, JSFunction):
            r = fn.call(v, [])
            if r is None or r is UNDEFINED or type(r) in (str, float, bool):
                return r
    return type_error("Cannot convert object to primitive value")


def primitive_to_string(v: Any) -> str | None:
    """ToString of a string, number, boolean, null or undefined; ``None`` for anything else."""
    t = type(v)
    if t is str:
        return v
    if t is float:
        return number_to_string(v)
    if t is bool:
        return "true" if v else "false"
    if v is None:
        return "null"
    if v is UNDEFINED:
        return "undefined"
    return None


def to_string(v: Any) -> str:
    if type(v) is str:
        return v
    s = primitive_to_string(v)
    if s is not None:
        return s
    if type(v) is int:
        return str(v)
    return to_string(to_primitive(v, "string"))


def safe_to_string(v: Any) -> str:
    """to_string for messages: never raises, never runs user code."""
    try:
        if isinstance(v, dict):
            return "[object Object]"
        if isinstance(v, JSFunction):
            return f"function {v.name}"
        if isinstance(v, JSError):
            return f"{v.name}: {v.message}" if v.message else v.name
        return to_string(v)
    except Exception:  # noqa: BLE001 - messages must not fail
        return "[object]"


def to_property_key(v: Any) -> str:
    t = type(v)
    if t is str:
        return v
    if t is float:
        return number_to_string(v)
    return to_string(v)


def this_string(this: Any, method: str) -> str:
    """The ``this`` of ``String.prototype[method]``: RequireObjectCoercible, then ToString."""
    if type(this) is str:
        return this
    if this is None or this is UNDEFINED:
        type_error(f"String.prototype.{method} called on null or undefined")
    return to_string(this)



# ---------------------------------------------------------------------------- operators

def js_add(a: Any, b: Any) -> Any:
    ta, tb = type(a), type(b)
    if ta is float and tb is float:
        return a + b
    if ta is str and tb is str:
        return concat_strings(a, b)
    pa = to_primitive(a)
    pb = to_primitive(b)
    if type(pa) is str or type(pb) is str:
        return concat_strings(to_string(pa), to_string(pb))
    return to_number(pa) + to_number(pb)


def concat_strings(a: str, b: str) -> str:
    """``a + b`` within the string budget (``+``, ``+=``, template literals)."""
    n = len(a) + len(b)
    if n >= LARGE:
        if n > MAX_STRING_LENGTH:
            range_error("Invalid string length")
        allocating(n)
    return a + b


def strict_equals(a: Any, b: Any) -> bool:
    ta, tb = type(a), type(b)
    if ta is float and tb is float:
        return a == b
    if ta is not tb:
        return False
    if ta in (str, bool):
        return a == b
    return a is b


def loose_equals(a: Any, b: Any) -> bool:
    ta, tb = type(a), type(b)
    if ta is tb:
        return strict_equals(a, b)
    a_nullish = a is None or a is UNDEFINED
    b_nullish = b is None or b is UNDEFINED
    if a_nullish or b_nullish:
        return a_nullish and b_nullish
    if ta is float and tb is str:
        return a == string_to_number(b)
    if ta is str and tb is float:
        return string_to_number(a) == b
    if ta is bool:
        return loose_equals(1.0 if a else 0.0, b)
    if tb is bool:
        return loose_equals(a, 1.0 if b else 0.0)
    a_prim = ta in (str, float)
    b_prim = tb in (str, float)
    if a_prim and not b_prim:
        return loose_equals(a, to_primitive(b))
    if b_prim and not a_prim:
        return loose_equals(to_primitive(a), b)
    return False


def same_value_zero(a: Any, b: Any) -> bool:
    if type(a) is float and type(b) is float and a != a and b != b:
        return True
    return strict_equals(a, b)


def same_value(a: Any, b: Any) -> bool:
    if type(a) is float and type(b) is float:
        if a != a and b != b:
            return True
        if a == 0 and b == 0:
            return math.copysign(1, a) == math.copysign(1, b)
    return strict_equals(a, b)


def less_than(a: Any, b: Any) -> Any:
    """IsLessThan: ``True``/``False``, or ``UNDEFINED`` when a NaN is involved."""
    if type(a) is float and type(b) is float:
        if a != a or b != b:
            return UNDEFINED
        return a < b
    pa = to_primitive(a, "number")
    pb = to_primitive(b, "number")
    if type(pa) is str and type(pb) is str:
        return pa < pb
    na, nb = to_number(pa), to_number(pb)
    if na != na or nb != nb:
        return UNDEFINED
    return na < nb


def js_lt(a: Any, b: Any) -> bool:
    return less_than(a, b) is True


def js_gt(a: Any, b: Any) -> bool:
    return less_than(b, a) is True


def js_le(a: Any, b: Any) -> bool:
    r = less_than(b, a)
    return r is False


def js_ge(a: Any, b: Any) -> bool:
    r = less_than(a, b)
    return r is False


def js_mod(a: float, b: float) -> float:
    if b != b or a != a or a in (INF, -INF) or b == 0:
        return NAN
    if b in (INF, -INF):
        return a
    if a == 0:
        return a
    r = math.fmod(a, b)
    if r == 0:
        return math.copysign(0.0, a)
    return r


def js_div(a: float, b: float) -> float:
    if b == 0:
        if a != a or a == 0:
            return NAN
        return math.copysign(INF, a) * math.copysign(1, b)
    return a / b


def js_pow(a: float, b: float) -> float:
    if b != b:
        return NAN
    if b == 0:
        return 1.0
    if (a == 1 or a == -1) and b in (INF, -INF):
        return NAN
    try:
        r = a**b
    except OverflowError:
        if a < 0 and b == int(b) and int(b) % 2 == 1:
            return -INF
        return INF
    except ZeroDivisionError:
        if a == 0 and math.copysign(1, a) < 0 and b == int(b) and int(b) % 2 == 1:
            return -INF
        return INF
    if isinstance(r, complex):
        return NAN
    return float(r)



# ---------------------------------------------------------------------------- data in

def to_js(value: Any, path: str = "$") -> Any:
    """Mock JSON (Python) → JS values; raises ValueError naming the path of a bad value."""
    try:
        return _to_js(value)
    except ValueError:
        pass
    return _to_js_located(value, path)  # walk again, tracking paths, to name the bad value


def _to_js(value: Any) -> Any:
    """``to_js`` without the path bookkeeping (paths are only needed for the error)."""
    t = type(value)
    if t is str:
        return value if value.isascii() else to_code_units(value)
    if t is float or t is bool or value is None:
        return value
    if t is int:
        return float(value)
    if t is dict:
        return {
            (k if type(k) is str and k.isascii() else to_code_units(str(k))): _to_js(v)
            for k, v in value.items()
        }
    if t is list or t is tuple:
        return [_to_js(v) for v in value]
    if value is UNDEFINED or isinstance(value, (JSObject, JSNamespace)):
        return value
    raise ValueError


def copy_js_data(value: Any) -> Any:
    """A fresh copy of the dicts and lists of converted data (strings and numbers are shared):
    what each render of prepared data gets, since templates may mutate their data."""
    t = type(value)
    if t is dict:
        return {k: copy_js_data(v) if type(v) in _CONTAINERS else v for k, v in value.items()}
    if t is list:
        return [copy_js_data(v) if type(v) in _CONTAINERS else v for v in value]
    return value


_CONTAINERS = frozenset((dict, list))


def _to_js_located(value: Any, path: str) -> Any:
    t = type(value)
    if t is bool or value is None:
        return value
    if t is int:
        return float(value)
    if t is float:
        return value
    if t is str:
        return to_code_units(value)
    if t is dict:
        return {to_code_units(str(k)): _to_js_located(v, f"{path}.{k}") for k, v in value.items()}
    if t is list or t is tuple:
        return [_to_js_located(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if value is UNDEFINED or isinstance(value, (JSObject, JSNamespace)):
        return value
    raise ValueError(f"{path}: cannot use a Python {type(value).__name__} as template data")


def is_array_index(key: str) -> bool:
    return key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") and int(key) < 4294967295


def own_keys(obj: dict) -> list[str]:
    """OrdinaryOwnPropertyKeys: integer keys ascending, then strings in insertion order."""
    keys = list(obj)
    ints = [k for k in keys if k.isdigit() and k.isascii() and is_array_index(k)]
    if not ints:
        return keys
    ints.sort(key=int)
    return ints + [k for k in keys if not (k.isdigit() and k.isascii() and is_array_index(k))]
