"""Number (constructor, statics, prototype), Boolean, Math, parseInt, parseFloat, isNaN,
isFinite — with V8's exact digits.

* ``toFixed``/``toPrecision``/``toExponential`` round the *exact* binary value of the double
  half-up (``decimal.Decimal(x)``), as the spec and V8 do: ``(1.005).toFixed(2)`` is ``'1.00'``.
* ``toString(radix)`` is a port of V8's ``DoubleToRadixCString`` (fractions included).
* ``toLocaleString`` is ``date.format_number_locale`` (the Intl.NumberFormat of ``date.py``).
* ``Math.random`` uses Python's ``random`` (not seeded per render).
* ``new Number(x)``/``new Boolean(x)`` return primitives (no wrapper objects).
"""

from __future__ import annotations

import math
import random
import re
import struct
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from fractions import Fraction
from typing import Any

from ..members import define_methods
from ..values import (
    INF,
    JS_WHITESPACE,
    NAN,
    UNDEFINED,
    JSNamespace,
    NativeFunction,
    js_pow,
    number_to_string,
    range_error,
    shortest_digits,
    to_boolean,
    to_int32,
    to_integer_or_infinity,
    to_number,
    to_string,
    to_uint32,
    type_error,
)
from .instance import register_instance_check
from .numberformat import format_number_locale
from .object import NAMESPACE_TAGS

_CTX = Context(prec=400)
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _num(args: list, i: int = 0) -> float:
    if len(args) <= i:
        return NAN
    v = args[i]
    return v if type(v) is float else to_number(v)


# ---------------------------------------------------------------------------- digit helpers


def _round_sig(x: float, p: int) -> tuple[str, int]:
    """``p`` significant digits of finite ``x > 0`` rounded half-up on the exact value, and the
    decimal exponent ``e`` of the first digit."""
    d = Decimal(x)
    e = d.adjusted()
    with localcontext(_CTX):
        n = d.scaleb(p - 1 - e).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if n >= Decimal(10) ** p:
            e += 1
            n = d.scaleb(p - 1 - e).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return str(int(n)), e


def to_fixed(x: float, f: int) -> str:
    if x != x:
        return "NaN"
    if not (-1e21 < x < 1e21):
        return number_to_string(x)
    neg = x < 0
    if neg:
        x = -x
    elif x == 0:
        x = 0.0
    # Python's "f" format rounds the exact binary value correctly, half to even; JavaScript rounds
    # half up. They differ only on an exact tie (x * 10^f * 2 an odd integer), left to Decimal.
    num, den = x.as_integer_ratio()
    q, r = divmod(num * _POW10[f] * 2, den)
    if r or not q & 1:
        s = f"{x:.{f}f}"
    else:
        s = format(Decimal(x).quantize(_FIXED_EXPONENTS[f], rounding=ROUND_HALF_UP, context=_CTX), "f")
    return "-" + s if neg else s


_POW10 = [10**f for f in range(101)]


_FIXED_EXPONENTS = [Decimal(1).scaleb(-f) for f in range(101)]  # toFixed digits 0..100


def to_precision(x: float, p: int) -> str:
    neg = x < 0
    if neg:
        x = -x
    if x == 0:
        m, e = "0" * p, 0
    else:
        m, e = _round_sig(x, p)
    sign = "-" if neg else ""
    if e < -6 or e >= p:
        if p != 1:
            m = m[0] + "." + m[1:]
        return f"{sign}{m}e{'+' if e >= 0 else '-'}{abs(e)}"
    if e == p - 1:
        return sign + m
    if e >= 0:
        return sign + m[: e + 1] + "." + m[e + 1 :]
    return sign + "0." + "0" * (-(e + 1)) + m


def to_exponential(x: float, f: int | None) -> str:
    neg = x < 0
    if neg:
        x = -x
    if x == 0:
        m, e = "0" * ((f or 0) + 1), 0
    elif f is None:
        m, n = shortest_digits(x)
        e = n - 1
    else:
        m, e = _round_sig(x, f + 1)
    if len(m) > 1:
        m = m[0] + "." + m[1:]
    return f"{'-' if neg else ''}{m}e{'+' if e >= 0 else '-'}{abs(e)}"


def to_radix_string(value: float, radix: int) -> str:
    """V8's DoubleToRadixCString."""
    if value != value:
        return "NaN"
    if value == INF:
        return "Infinity"
    if value == -INF:
        return "-Infinity"
    if value == 0:
        return "0"
    if radix == 10:
        return number_to_string(value)
    negative = value < 0
    if negative:
        value = -value
    integer = math.floor(value)
    fraction = value - integer
    delta = 0.5 * (math.nextafter(value, INF) - value)
    delta = max(math.nextafter(0.0, 1.0), delta)
    frac_digits: list[int] = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            frac_digits.append(digit)
            fraction -= digit
            if fraction > 0.5 or (fraction == 0.5 and (digit & 1)):
                if fraction + delta > 1:
                    # round up, propagating the carry back through the digits
                    while True:
                        if not frac_digits:
                            integer += 1
                            break
                        d = frac_digits.pop()
                        if d + 1 < radix:
                            frac_digits.append(d + 1)
                            break
                    break
            if not fraction >= delta:
                break
    integer_f = float(integer)
    int_chars: list[str] = []
    while integer_f / radix >= 9007199254740992.0:  # Double(integer / radix).Exponent() > 0
        integer_f /= radix
        int_chars.append("0")
    while True:
        remainder = math.fmod(integer_f, radix)
        int_chars.append(_DIGITS[int(remainder)])
        integer_f = (integer_f - remainder) / radix
        if not integer_f > 0:
            break
    out = "".join(reversed(int_chars))
    if frac_digits:
        out += "." + "".join(_DIGITS[d] for d in frac_digits)
    return "-" + out if negative else out


# ---------------------------------------------------------------------------- Number


def _this_number(this: Any, method: str) -> float:
    if type(this) is float:
        return this
    return type_error(f"Number.prototype.{method} requires that 'this' be a Number")


def _to_fixed(this: Any, args: list) -> str:
    x = _this_number(this, "toFixed")
    f = to_integer_or_infinity(args[0]) if args else 0.0
    if not (0 <= f <= 100):
        range_error("toFixed() digits argument must be between 0 and 100")
    return to_fixed(x, int(f))


def _to_precision(this: Any, args: list) -> str:
    x = _this_number(this, "toPrecision")
    p = args[0] if args else UNDEFINED
    if p is UNDEFINED:
        return number_to_string(x)
    pn = to_integer_or_infinity(p)
    if x != x or x in (INF, -INF):
        return number_to_string(x)
    if not (1 <= pn <= 100):
        range_error("toPrecision() argument must be between 1 and 100")
    return to_precision(x, int(pn))


def _to_exponential(this: Any, args: list) -> str:
    x = _this_number(this, "toExponential")
    fd = args[0] if args else UNDEFINED
    f = to_integer_or_infinity(fd)
    if x != x or x in (INF, -INF):
        return number_to_string(x)
    if not (0 <= f <= 100):
        range_error("toExponential() argument must be between 0 and 100")
    return to_exponential(x, None if fd is UNDEFINED else int(f))


def _number_to_string(this: Any, args: list) -> str:
    x = _this_number(this, "toString")
    r = args[0] if args else UNDEFINED
    if r is UNDEFINED:
        return number_to_string(x)
    radix = to_integer_or_infinity(r)
    if not (2 <= radix <= 36):
        range_error("toString() radix argument must be between 2 and 36")
    return to_radix_string(x, int(radix))


def _to_locale_string(this: Any, args: list) -> str:
    x = _this_number(this, "toLocaleString")
    return format_number_locale(
        x, args[0] if args else UNDEFINED, args[1] if len(args) > 1 else UNDEFINED
    )


def _value_of(this: Any, args: list) -> float:
    return _this_number(this, "valueOf")


define_methods(
    float,
    toFixed=_to_fixed,
    toPrecision=_to_precision,
    toExponential=_to_exponential,
    toString=_number_to_string,
    toLocaleString=_to_locale_string,
    valueOf=_value_of,
)


def _bool_this(this: Any, method: str) -> bool:
    if type(this) is bool:
        return this
    return type_error(f"Boolean.prototype.{method} requires that 'this' be a Boolean")


define_methods(
    bool,
    toString=lambda this, args: "true" if _bool_this(this, "toString") else "false",
    valueOf=lambda this, args: _bool_this(this, "valueOf"),
)


# ---------------------------------------------------------------------------- parseInt / parseFloat

_FLOAT_PREFIX = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")


def parse_int(value: Any, radix: Any = UNDEFINED) -> float:
    s = (value if type(value) is str else to_string(value)).lstrip(JS_WHITESPACE)
    neg = False
    if s and s[0] in "+-":
        neg = s[0] == "-"
        s = s[1:]
    r = to_int32(radix) if radix is not UNDEFINED else 0
    strip_prefix = True
    if r != 0:
        if r < 2 or r > 36:
            return NAN
        if r != 16:
            strip_prefix = False
    else:
        r = 10
    if strip_prefix and len(s) >= 2 and s[0] == "0" and s[1] in "xX":
        s = s[2:]
        r = 16
    end = 0
    n = len(s)
    if r == 10:
        while end < n and "0" <= s[end] <= "9":
            end += 1
    else:
        while end < n:
            c = s[end]
            v = _DIGITS.find(c.lower()) if c.isascii() else -1
            if v < 0 or v >= r:
                break
            end += 1
    if end == 0:
        return NAN
    if r == 10:
        result = float(s[:end]) if end > 15 else float(int(s[:end]))
    else:
        result = float(int(s[:end], r))
    return -result if neg else result


def parse_float(value: Any) -> float:
    s = (value if type(value) is str else to_string(value)).lstrip(JS_WHITESPACE)
    m = _FLOAT_PREFIX.match(s)
    if m is None:
        return NAN
    t = m.group()
    if t.endswith("Infinity"):
        return -INF if t[0] == "-" else INF
    return float(t)


def _parse_int(this: Any, args: list) -> float:
    return parse_int(args[0] if args else UNDEFINED, args[1] if len(args) > 1 else UNDEFINED)


def _parse_float(this: Any, args: list) -> float:
    return parse_float(args[0] if args else UNDEFINED)


parseInt = NativeFunction("parseInt", _parse_int, 2)
parseFloat = NativeFunction("parseFloat", _parse_float, 1)


def _global_is_nan(this: Any, args: list) -> bool:
    n = _num(args)
    return n != n


def _global_is_finite(this: Any, args: list) -> bool:
    n = _num(args)
    return n == n and n not in (INF, -INF)


def _is_integral(v: Any) -> bool:
    return type(v) is float and v == v and v not in (INF, -INF) and v == math.floor(v)


def _number_call(this: Any, args: list) -> float:
    if not args:
        return 0.0
    v = args[0]
    return v if type(v) is float else to_number(v)


Number = NativeFunction("Number", _number_call, 1, lambda args: _number_call(UNDEFINED, args))
Number.props.update(
    {
        "isInteger": NativeFunction(
            "isInteger", lambda this, a: _is_integral(a[0] if a else UNDEFINED), 1
        ),
        "isSafeInteger": NativeFunction(
            "isSafeInteger",
            lambda this, a: (
                _is_integral(a[0] if a else UNDEFINED) and abs(a[0]) <= 9007199254740991.0
            ),
            1,
        ),
        "isFinite": NativeFunction(
            "isFinite",
            lambda this, a: (
                bool(a) and type(a[0]) is float and a[0] == a[0] and a[0] not in (INF, -INF)
            ),
            1,
        ),
        "isNaN": NativeFunction(
            "isNaN", lambda this, a: bool(a) and type(a[0]) is float and a[0] != a[0], 1
        ),
        "parseFloat": parseFloat,
        "parseInt": parseInt,
        "EPSILON": 2.0**-52,
        "MAX_SAFE_INTEGER": 9007199254740991.0,
        "MIN_SAFE_INTEGER": -9007199254740991.0,
        "MAX_VALUE": 1.7976931348623157e308,
        "MIN_VALUE": 5e-324,
        "POSITIVE_INFINITY": INF,
        "NEGATIVE_INFINITY": -INF,
        "NaN": NAN,
    }
)
register_instance_check(Number, lambda v: False)

Boolean = NativeFunction(
    "Boolean",
    lambda this, args: to_boolean(args[0]) if args else False,
    1,
    lambda args: to_boolean(args[0]) if args else False,
)
register_instance_check(Boolean, lambda v: False)


# ---------------------------------------------------------------------------- Math


def _unary(fn: Any, name: str) -> NativeFunction:
    def call(this: Any, args: list) -> float:
        x = args[0] if args else NAN
        if type(x) is not float:
            x = to_number(x)
        return fn(x)

    return NativeFunction(name, call, 1)


def _floor(x: float) -> float:
    if x != x or x in (INF, -INF) or x == 0:
        return x
    r = float(math.floor(x))
    return r


def _ceil(x: float) -> float:
    if x != x or x in (INF, -INF) or x == 0:
        return x
    r = float(math.ceil(x))
    return -0.0 if r == 0 and x < 0 else r


def _trunc(x: float) -> float:
    if x != x or x in (INF, -INF) or x == 0:
        return x
    return math.copysign(float(math.trunc(x)), x)


def js_round(x: float) -> float:
    if x != x or x in (INF, -INF) or x == 0:
        return x
    r = float(math.ceil(x))
    if r - 0.5 > x:
        r -= 1.0
    if r == 0 and x < 0:
        return -0.0
    return r


def _sign(x: float) -> float:
    if x != x or x == 0:
        return x
    return 1.0 if x > 0 else -1.0


def _log_base(fn: Any) -> Any:
    def f(x: float) -> float:
        if x != x or x < 0:
            return NAN
        if x == 0:
            return -INF
        if x == INF:
            return INF
        return fn(x)

    return f


def _log1p(x: float) -> float:
    if x != x or x < -1:
        return NAN
    if x == -1:
        return -INF
    if x == INF:
        return INF
    return math.log1p(x)


def _exp_fn(fn: Any) -> Any:
    def f(x: float) -> float:
        if x != x:
            return NAN
        try:
            return fn(x)
        except OverflowError:
            return INF

    return f


def _sqrt(x: float) -> float:
    if x != x or x < 0:
        return NAN
    return math.sqrt(x)


def _cbrt(x: float) -> float:
    """Correctly rounded cube root (libm's cbrt can be 1 ulp off: cbrt(27) = 3.0000000000000004)."""
    if x != x or x in (INF, -INF) or x == 0:
        return x
    r = math.cbrt(x)
    fx = Fraction(x)
    best = r
    best_err = abs(Fraction(r) ** 3 - fx)
    for c in (math.nextafter(r, -INF), math.nextafter(r, INF)):
        err = abs(Fraction(c) ** 3 - fx)
        if err < best_err:
            best, best_err = c, err
    return best


def _trig(fn: Any) -> Any:
    def f(x: float) -> float:
        if x != x or x in (INF, -INF):
            return NAN
        return fn(x)

    return f


def _hyper(fn: Any) -> Any:
    def f(x: float) -> float:
        if x != x:
            return NAN
        try:
            return fn(x)
        except OverflowError:
            return math.copysign(INF, x) if fn is not math.cosh else INF
        except ValueError:
            return NAN

    return f


def _atanh(x: float) -> float:
    if x != x or x > 1 or x < -1:
        return NAN
    if x == 1:
        return INF
    if x == -1:
        return -INF
    return math.atanh(x)


def _fround(x: float) -> float:
    if x != x or x in (INF, -INF):
        return x
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(INF, x)


def _clz32(x: float) -> float:
    n = to_uint32(x)
    return float(32 - n.bit_length())


def _math_max(this: Any, args: list) -> float:
    result = -INF
    nan = False
    for a in args:
        v = a if type(a) is float else to_number(a)
        if v != v:
            nan = True
        elif v > result or (v == 0 and result == 0 and math.copysign(1.0, result) < 0):
            result = v
    return NAN if nan else result


def _math_min(this: Any, args: list) -> float:
    result = INF
    nan = False
    for a in args:
        v = a if type(a) is float else to_number(a)
        if v != v:
            nan = True
        elif v < result or (v == 0 and result == 0 and math.copysign(1.0, v) < 0):
            result = v
    return NAN if nan else result


def _hypot(this: Any, args: list) -> float:
    vals = [a if type(a) is float else to_number(a) for a in args]
    if any(v in (INF, -INF) for v in vals):
        return INF
    if any(v != v for v in vals):
        return NAN
    if not vals:
        return 0.0
    return math.hypot(*vals)


def _atan2(this: Any, args: list) -> float:
    y = _num(args, 0)
    x = _num(args, 1)
    if y != y or x != x:
        return NAN
    return math.atan2(y, x)


def _pow(this: Any, args: list) -> float:
    return js_pow(_num(args, 0), _num(args, 1))


def _imul(this: Any, args: list) -> float:
    a = to_int32(_num(args, 0))
    b = to_int32(_num(args, 1))
    r = (a * b) & 0xFFFFFFFF
    return float(r - 0x100000000 if r >= 0x80000000 else r)


def _asin(x: float) -> float:
    return NAN if x != x or x > 1 or x < -1 else math.asin(x)


def _acos(x: float) -> float:
    return NAN if x != x or x > 1 or x < -1 else math.acos(x)


def _acosh(x: float) -> float:
    if x != x or x < 1:
        return NAN
    return INF if x == INF else math.acosh(x)


def _asinh(x: float) -> float:
    if x != x or x in (INF, -INF) or x == 0:
        return x
    return math.asinh(x)


_UNARY = {
    "abs": abs,
    "acos": _acos,
    "acosh": _acosh,
    "asin": _asin,
    "asinh": _asinh,
    "atan": lambda x: NAN if x != x else math.atan(x),
    "atanh": _atanh,
    "cbrt": _cbrt,
    "ceil": _ceil,
    "clz32": _clz32,
    "cos": _trig(math.cos),
    "cosh": _hyper(math.cosh),
    "exp": _exp_fn(math.exp),
    "expm1": _exp_fn(math.expm1),
    "floor": _floor,
    "fround": _fround,
    "log": _log_base(math.log),
    "log10": _log_base(math.log10),
    "log1p": _log1p,
    "log2": _log_base(math.log2),
    "round": js_round,
    "sign": _sign,
    "sin": _trig(math.sin),
    "sinh": _hyper(math.sinh),
    "sqrt": _sqrt,
    "tan": _trig(math.tan),
    "tanh": lambda x: NAN if x != x else math.tanh(x),
    "trunc": _trunc,
}

Math = JSNamespace({name: _unary(fn, name) for name, fn in _UNARY.items()})
Math.update(
    {
        "max": NativeFunction("max", _math_max, 2),
        "min": NativeFunction("min", _math_min, 2),
        "hypot": NativeFunction("hypot", _hypot, 2),
        "atan2": NativeFunction("atan2", _atan2, 2),
        "pow": NativeFunction("pow", _pow, 2),
        "imul": NativeFunction("imul", _imul, 2),
        "random": NativeFunction("random", lambda this, args: random.random(), 0),
        "E": math.e,
        "LN2": math.log(2),
        "LN10": math.log(10),
        "LOG2E": 1 / math.log(2),
        "LOG10E": 0.4342944819032518,
        "PI": math.pi,
        "SQRT1_2": math.sqrt(0.5),
        "SQRT2": math.sqrt(2),
    }
)

NAMESPACE_TAGS[id(Math)] = "Math"

GLOBALS: dict[str, Any] = {
    "Number": Number,
    "Boolean": Boolean,
    "Math": Math,
    "parseInt": parseInt,
    "parseFloat": parseFloat,
    "isNaN": NativeFunction("isNaN", _global_is_nan, 1),
    "isFinite": NativeFunction("isFinite", _global_is_finite, 1),
    "NaN": NAN,
    "Infinity": INF,
    "undefined": UNDEFINED,
}
