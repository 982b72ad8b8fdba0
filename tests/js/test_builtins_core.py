"""Direct tests of the core built-ins' trickiest helpers (expected values taken from Node 20)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renderer.js.builtins import STATIC_GLOBALS
from renderer.js.builtins.array import index_of_strict, join_list, sort_values
from renderer.js.builtins.collections import JSMap, JSSet, normal_key
from renderer.js.builtins.instance import instance_of
from renderer.js.builtins.json import parse, quote_json_string, stringify
from renderer.js.builtins.number import (
    format_number_locale,
    js_round,
    parse_float,
    parse_int,
    to_exponential,
    to_fixed,
    to_precision,
    to_radix_string,
)
from renderer.js.builtins.string import locale_compare, split_string
from renderer.js.builtins.uri import decode_uri_component, encode_uri_component
from renderer.js.console import format_log_args, inspect
from renderer.js.members import get_member
from renderer.js.values import (
    NAN,
    UNDEFINED,
    JSError,
    JSThrow,
    NativeFunction,
    number_to_string,
    to_code_units,
)
from tests.support.jshelpers import call

INF = float("inf")


def g(name):
    return STATIC_GLOBALS[name]


def throws(fn, *args) -> JSError:
    with pytest.raises(JSThrow) as info:
        fn(*args)
    assert isinstance(info.value.value, JSError)
    return info.value.value


# ---------------------------------------------------------------------------- number formatting


@pytest.mark.parametrize(
    ("x", "digits", "expected"),
    [
        (1.005, 2, "1.00"),
        (1.45, 1, "1.4"),
        (1.55, 1, "1.6"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (0.0, 2, "0.00"),
        (-0.0, 2, "0.00"),
        (-0.0001, 2, "-0.00"),
        (123.456, 0, "123"),
        (1e21, 2, "1e+21"),
        (0.000001, 7, "0.0000010"),
        (1234.5678, 10, "1234.5678000000"),
        (8.345, 2, "8.35"),
        (10.235, 2, "10.23"),
        (1e-7, 10, "0.0000001000"),
        (0.1, 20, "0.10000000000000000555"),
        (NAN, 2, "NaN"),
    ],
)
def test_to_fixed(x, digits, expected):
    assert to_fixed(x, digits) == expected


def test_to_fixed_method_errors():
    e = throws(call, 1.0, "toFixed", 101.0)
    assert (e.name, e.message) == (
        "RangeError",
        "toFixed() digits argument must be between 0 and 100",
    )
    e = throws(lambda: get_member(1.0, "toFixed").call("x", [2.0]))
    assert e.message == "Number.prototype.toFixed requires that 'this' be a Number"


@pytest.mark.parametrize(
    ("x", "p", "expected"),
    [
        (123.456, 4, "123.5"),
        (0.00001234, 2, "0.000012"),
        (123456.0, 2, "1.2e+5"),
        (99.99, 3, "100"),
        (1e21, 3, "1.00e+21"),
        (0.0, 3, "0.00"),
        (-1.005, 3, "-1.00"),
        (1e-7, 1, "1e-7"),
        (0.000001, 2, "0.0000010"),
    ],
)
def test_to_precision(x, p, expected):
    assert to_precision(x, p) == expected


@pytest.mark.parametrize(
    ("x", "f", "expected"),
    [
        (123456.0, 2, "1.23e+5"),
        (0.00015, None, "1.5e-4"),
        (1.0, None, "1e+0"),
        (-1.5e-7, 3, "-1.500e-7"),
        (0.0, 2, "0.00e+0"),
        (1.25, 1, "1.3e+0"),
        (1.35, 1, "1.4e+0"),
    ],
)
def test_to_exponential(x, f, expected):
    assert to_exponential(x, f) == expected


@pytest.mark.parametrize(
    ("x", "radix", "expected"),
    [
        (255.0, 16, "ff"),
        (255.0, 2, "11111111"),
        (-255.0, 36, "-73"),
        (0.5, 2, "0.1"),
        (0.1, 3, "0.0022002200220022002200220022002201"),
        (3.75, 16, "3.c"),
        (1e21, 16, "3635c9adc5dea00000"),
        (-0.0, 2, "0"),
        (NAN, 16, "NaN"),
        (0.1, 2, "0.0001100110011001100110011001100110011001100110011001101"),
        (123.456, 36, "3f.gez4w97ry"),
    ],
)
def test_to_radix_string(x, radix, expected):
    assert to_radix_string(x, radix) == expected


def test_number_to_string_large_integers():
    # shortest round-trip digits, padded with zeros (jsvalues fix)
    assert number_to_string(5.103673915095748e20) == "510367391509574800000"
    assert number_to_string(2.0**53) == "9007199254740992"
    assert number_to_string(2.0**60) == "1152921504606847000"
    assert number_to_string(-(2.0**53) + 1) == "-9007199254740991"


@pytest.mark.parametrize(
    ("x", "locales", "options", "expected"),
    [
        (1234.5678, UNDEFINED, UNDEFINED, "1,234.568"),
        (1234567.891, "en-US", UNDEFINED, "1,234,567.891"),
        (0.5, UNDEFINED, UNDEFINED, "0.5"),
        (1e21, UNDEFINED, UNDEFINED, "1,000,000,000,000,000,000,000"),
        (-1234.5, UNDEFINED, UNDEFINED, "-1,234.5"),
        (-0.0, UNDEFINED, UNDEFINED, "-0"),
        (NAN, UNDEFINED, UNDEFINED, "NaN"),
        (INF, UNDEFINED, UNDEFINED, "∞"),
        (1234.5, "en-US", {"minimumFractionDigits": 2.0}, "1,234.50"),
        (1234.5, "en-US", {"style": "currency", "currency": "USD"}, "$1,234.50"),
        (-5.0, "en-US", {"style": "currency", "currency": "EUR"}, "-€5.00"),
        (0.256, "en-US", {"style": "percent"}, "26%"),
        (1.005, "en-US", {"maximumFractionDigits": 2.0}, "1.01"),
        (1234.5, "de-DE", UNDEFINED, "1.234,5"),
        (123456789.123, "en-IN", UNDEFINED, "12,34,56,789.123"),
        (1234.5, "en-US", {"maximumSignificantDigits": 3.0}, "1,230"),
        (1234.5, UNDEFINED, {"useGrouping": False}, "1234.5"),
        (5.0, "en-US", {"minimumIntegerDigits": 3.0}, "005"),
        (1234.5, "ru-RU", UNDEFINED, "1\u00a0234,5"),
        (1234.5, "pl-PL", UNDEFINED, "1234,5"),
        (12345.5, "pl-PL", UNDEFINED, "12\u00a0345,5"),
        (1234.5, "sv-SE", {"style": "currency", "currency": "EUR"}, "1\u00a0234,50\u00a0€"),
        (0.256, "sv-SE", {"style": "percent"}, "26\u00a0%"),
        (123456789.123, "hi-IN", UNDEFINED, "12,34,56,789.123"),
        (NAN, "en-US", {"style": "currency", "currency": "CHF"}, "CHFNaN"),
        (-INF, "en-US", {"style": "currency", "currency": "usd", "currencyDisplay": "code"}, "-USD∞"),
        (1.7976931348623157e308, "en-US", {"maximumFractionDigits": 0.0}, "179,769,313,486,231,570" + ",000" * 97),
    ],
)
def test_to_locale_string(x, locales, options, expected):
    assert format_number_locale(x, locales, options) == expected


def test_to_locale_string_null_options():
    err = throws(format_number_locale, 1.0, "en-US", None)
    assert (err.name, err.message) == (
        "TypeError",
        "Number.prototype.toLocaleString called on null or undefined",
    )


@pytest.mark.parametrize(
    ("s", "radix", "expected"),
    [
        ("42px", UNDEFINED, 42.0),
        ("  -17", UNDEFINED, -17.0),
        ("0x1F", UNDEFINED, 31.0),
        ("1F", 16.0, 31.0),
        ("z", 36.0, 35.0),
        ("08", UNDEFINED, 8.0),
        ("1e3", UNDEFINED, 1.0),
        ("123", 0.0, 123.0),
        ("  +3", UNDEFINED, 3.0),
        ("123456789012345678901234567890", UNDEFINED, 1.2345678901234568e29),
    ],
)
def test_parse_int(s, radix, expected):
    assert parse_int(s, radix) == expected


def test_parse_int_nan_and_negative_zero():
    for s, radix in (("", UNDEFINED), ("abc", UNDEFINED), ("12", 1.0), ("12", 37.0), ("0x", 16.0)):
        assert math.isnan(parse_int(s, radix))
    z = parse_int("-0")
    assert z == 0 and math.copysign(1, z) < 0
    assert parse_int(0.0000005) == 5.0  # String(5e-7) is '5e-7'


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("3.14abc", 3.14),
        (".5", 0.5),
        ("-.5e3x", -500.0),
        ("Infinityx", INF),
        ("1e", 1.0),
        ("0x10", 0.0),
        ("1.2.3", 1.2),
    ],
)
def test_parse_float(s, expected):
    assert parse_float(s) == expected


def test_parse_float_nan():
    assert math.isnan(parse_float("e5"))
    assert math.isnan(parse_float(""))


def test_math_round_and_min_max():
    assert js_round(2.5) == 3.0
    assert js_round(-2.5) == -2.0
    r = js_round(-0.5)
    assert r == 0 and math.copysign(1, r) < 0
    assert js_round(0.49999999999999994) == 0.0
    math_ns = g("Math")
    mx = math_ns["max"].call(UNDEFINED, [-0.0, 0.0])
    assert mx == 0 and math.copysign(1, mx) > 0
    mn = math_ns["min"].call(UNDEFINED, [0.0, -0.0])
    assert math.copysign(1, mn) < 0
    assert math_ns["max"].call(UNDEFINED, []) == -INF
    assert math.isnan(math_ns["max"].call(UNDEFINED, [1.0, NAN]))
    assert math_ns["cbrt"].call(UNDEFINED, [27.0]) == 3.0


@given(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e20, max_value=1e20),
    st.integers(0, 20),
)
@settings(max_examples=200, deadline=None)
def test_to_fixed_round_trips_near_value(x, digits):
    s = to_fixed(x, digits)
    assert abs(float(s) - x) <= 0.5 * 10**-digits + abs(x) * 1e-15


# ---------------------------------------------------------------------------- JSON


def test_stringify_spacing():
    v = {"a": [1.0, {"b": 2.0}]}
    assert stringify(v, None, 2.0) == '{\n  "a": [\n    1,\n    {\n      "b": 2\n    }\n  ]\n}'
    assert (
        stringify([1.0, [2.0, []], {}], None, "--") == "[\n--1,\n--[\n----2,\n----[]\n--],\n--{}\n]"
    )
    assert stringify({"a": 1.0}, None, 20.0) == '{\n          "a": 1\n}'
    assert stringify({"a": 1.0}, None, "abcdefghijklmnop") == '{\nabcdefghij"a": 1\n}'


def test_stringify_values():
    fn = NativeFunction("f", lambda this, args: 1.0)
    v = {"a": UNDEFINED, "b": fn, "c": None, "d": NAN, "e": -INF, "f": -0.0}
    assert stringify(v) == '{"c":null,"d":null,"e":null,"f":0}'
    assert stringify([UNDEFINED, fn, NAN]) == "[null,null,null]"
    assert stringify(UNDEFINED) is UNDEFINED
    assert stringify(fn) is UNDEFINED
    assert (
        stringify({"2": "b", "1": "a", "x": "c", "-1": "d"}) == '{"1":"a","2":"b","x":"c","-1":"d"}'
    )
    assert stringify([1e21, 1e-7, 0.1]) == "[1e+21,1e-7,0.1]"


def test_stringify_escapes():
    s = 'he said "hi"\n\t\u0001\u2028\\'
    assert stringify(s) == '"he said \\"hi\\"\\n\\t\\u0001\u2028\\\\"'
    assert (
        quote_json_string(to_code_units("\ud800 lone \U0001f600")) == '"\\ud800 lone \ud83d\ude00"'
    )
    assert quote_json_string("\udc00x\ud83d") == '"\\udc00x\\ud83d"'
    assert quote_json_string("\x7f\x80") == '"\x7f\x80"'


def test_stringify_replacers():
    assert (
        stringify({"a": 1.0, "b": 2.0, "c": {"a": 3.0, "d": 4.0}}, ["a", "c"])
        == '{"a":1,"c":{"a":3}}'
    )
    times10 = NativeFunction(
        "r", lambda this, args: args[1] * 10 if type(args[1]) is float else args[1]
    )
    assert (
        stringify({"a": 1.0, "b": "x", "c": [1.0, 2.0]}, times10) == '{"a":10,"b":"x","c":[10,20]}'
    )
    to_json = NativeFunction("toJSON", lambda this, args: "key:" + args[0])
    assert stringify({"d": {"toJSON": to_json}}) == '{"d":"key:d"}'


def test_stringify_cycles():
    o: dict = {}
    o["self"] = o
    e = throws(stringify, o)
    assert e.name == "TypeError"
    assert e.message == (
        "Converting circular structure to JSON\n"
        "    --> starting at object with constructor 'Object'\n"
        "    --- property 'self' closes the circle"
    )
    a: dict = {}
    a["a"] = {"b": {"c": {"d": {"e": a}}}}
    assert throws(stringify, a).message == (
        "Converting circular structure to JSON\n"
        "    --> starting at object with constructor 'Object'\n"
        "    |     property 'a' -> object with constructor 'Object'\n"
        "    |     property 'b' -> object with constructor 'Object'\n"
        "    |     ...\n"
        "    |     property 'd' -> object with constructor 'Object'\n"
        "    --- property 'e' closes the circle"
    )
    arr: list = []
    arr.append({"x": arr})
    assert throws(stringify, arr).message == (
        "Converting circular structure to JSON\n"
        "    --> starting at object with constructor 'Array'\n"
        "    |     index 0 -> object with constructor 'Object'\n"
        "    --- property 'x' closes the circle"
    )
    shared = {"k": 1.0}
    assert stringify([shared, shared]) == '[{"k":1},{"k":1}]'  # not a cycle


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a":}', 'Unexpected token \'}\', "{"a":}" is not valid JSON'),
        ("", "Unexpected end of JSON input"),
        ("{", "Expected property name or '}' in JSON at position 1"),
        ("[1,]", "Unexpected token ']', \"[1,]\" is not valid JSON"),
        ('{"a":1,}', "Expected double-quoted property name in JSON at position 7"),
        ("[1 2]", "Expected ',' or ']' after array element in JSON at position 3"),
        ('{"a" 1}', "Expected ':' after property name in JSON at position 5"),
        ('{"a":1,"b" 1}', "Unexpected number in JSON at position 11"),
        ('"abc', "Unterminated string in JSON at position 4"),
        ('"a\u0001"', "Bad control character in string literal in JSON at position 2"),
        ('"\\x"', "Bad escaped character in JSON at position 2"),
        ('"\\u12g4"', "Bad Unicode escape in JSON at position 5"),
        ("-", "No number after minus sign in JSON at position 1"),
        ("1e", "Exponent part is missing a number in JSON at position 2"),
        ("1.", "Unterminated fractional number in JSON at position 2"),
        ("01", "Unexpected number in JSON at position 1"),
        ("1 2", "Unexpected non-whitespace character after JSON at position 2"),
        ("undefined", '"undefined" is not valid JSON'),
        ("NaN", '"NaN" is not valid JSON'),
        (
            '{"aaaaaaaaaaaaaaaaaaaaaaaaaaa": x}',
            'Unexpected token \'x\', ..."aaaaaaa": x}" is not valid JSON',
        ),
        ("xaaaaaaaaaaaaaaaaaaaa", "Unexpected token 'x', \"xaaaaaaaaa\"... is not valid JSON"),
        (
            "xaaaaaaaaaaaaaaaaaaa",
            "Unexpected token 'x', \"xaaaaaaaaaaaaaaaaaaa\" is not valid JSON",
        ),
        ("tru", "Unexpected end of JSON input"),
        ('"ab\\', "Unexpected end of JSON input"),
    ],
)
def test_parse_errors(text, message):
    e = throws(parse, text)
    assert (e.name, e.message) == ("SyntaxError", message)


def test_parse_values():
    assert parse('{"a":[1,2,{"b":null}],"c":"x\\ny"}') == {
        "a": [1.0, 2.0, {"b": None}],
        "c": "x\ny",
    }
    v = parse('"\\ud83d\\ude00"')
    assert v == "\ud83d\ude00" and len(v) == 2  # code units, not one astral char
    assert parse('{"a": 1, "a": 2}') == {"a": 2.0}
    z = parse("-0")
    assert math.copysign(1, z) < 0
    assert parse("1e400") == INF
    assert all(type(x) is float for x in parse("[1, 2, 3]"))


# ---------------------------------------------------------------------------- arrays


def test_sort_default_and_undefined_last():
    assert sort_values([10.0, 9.0, 1.0, 2.0, 100.0], UNDEFINED) == [1.0, 10.0, 100.0, 2.0, 9.0]
    assert sort_values(["b", UNDEFINED, "a", "C", "c"], UNDEFINED) == [
        "C",
        "a",
        "b",
        "c",
        UNDEFINED,
    ]
    # UTF-16 order: the surrogate pair of U+1F600 sorts before U+FFFF
    assert sort_values([to_code_units("\U0001f600"), "\uffff", "a"], UNDEFINED) == [
        "a",
        "\ud83d\ude00",
        "\uffff",
    ]
    assert sort_values([True, False, None, "null", 1.0], UNDEFINED) == [
        1.0,
        False,
        None,
        "null",
        True,
    ]


def test_sort_comparators():
    desc = NativeFunction("c", lambda this, a: a[1] - a[0])
    assert sort_values([3.0, 1.0, 2.0], desc) == [3.0, 2.0, 1.0]
    gt = NativeFunction("c", lambda this, a: a[0] > a[1])  # inconsistent, like V8
    assert sort_values([3.0, 1.0, 2.0], gt) == [3.0, 1.0, 2.0]
    nan = NativeFunction("c", lambda this, a: NAN)
    assert sort_values([5.0, 1.0, 4.0], nan) == [5.0, 1.0, 4.0]
    by_v = NativeFunction("c", lambda this, a: a[0]["v"] - a[1]["v"])
    items = [{"n": "b", "v": 1.0}, {"n": "a", "v": 1.0}, {"n": "c", "v": 0.0}]
    assert [o["n"] for o in sort_values(items, by_v)] == ["c", "b", "a"]  # stable
    e = throws(sort_values, [1.0], 1.0)
    assert e.message == "The comparison function must be either a function or undefined"


def test_strict_index_of():
    assert index_of_strict(["1", 1.0, True], 1.0) == 1
    assert index_of_strict([1.0, True], True) == 1
    assert index_of_strict([NAN], NAN) == -1
    assert index_of_strict([{}, {}], {}) == -1
    assert index_of_strict([0.0], -0.0) == 0
    assert call([1.0, 2.0, NAN], "includes", NAN) is True
    assert call([-0.0], "includes", 0.0) is True


def test_join_and_callbacks():
    assert join_list([1.0, None, UNDEFINED, "x", [2.0, [3.0]]], "-") == "1---x-2,3"
    cyc: list = [1.0, 2.0]
    cyc.append(cyc)
    assert call(cyc, "join") == "1,2,"
    assert throws(call, [1.0], "map").message == "undefined is not a function"
    assert throws(call, [1.0], "map", "abc").message == "abc is not a function"
    assert throws(call, [1.0], "map", {}).message == "#<Object> is not a function"
    e = throws(call, [], "reduce", NativeFunction("f", lambda this, a: a[0]))
    assert (e.name, e.message) == ("TypeError", "Reduce of empty array with no initial value")
    seen = []
    call([3.0, 4.0], "forEach", NativeFunction("f", lambda this, a: seen.append(a[:2])))
    assert seen == [[3.0, 0.0], [4.0, 1.0]] and all(type(x[1]) is float for x in seen)


def test_array_budgets():
    arr_ctor = g("Array")
    assert throws(arr_ctor.construct, [1e9]).message == "Invalid array length"
    assert throws(arr_ctor.construct, [-1.0]).message == "Invalid array length"
    assert arr_ctor.construct([3.0]) == [UNDEFINED] * 3
    assert throws(call, "x", "repeat", 1e9).message == "Invalid string length"
    assert throws(call, "x", "padStart", 1e9).message == "Invalid string length"
    e = throws(call, "x", "repeat", -1.0)
    assert (e.name, e.message) == ("RangeError", "Invalid count value: -1")


# ---------------------------------------------------------------------------- strings


def test_split_string():
    assert split_string("a,b,,c", ",") == ["a", "b", "", "c"]
    assert split_string("a,b,c", ",", 2.0) == ["a", "b"]
    assert split_string("abc", "") == ["a", "b", "c"]
    assert split_string("", ",") == [""]
    assert split_string("", "") == []
    assert split_string("abc", UNDEFINED) == ["abc"]
    assert split_string("abc", "", 0.0) == []
    assert split_string("a\ud83d\ude00", "") == ["a", "\ud83d", "\ude00"]


def test_case_mapping_and_trim():
    assert call("ß", "toUpperCase") == "SS"
    assert call("ΑΣ", "toLowerCase") == "ας"
    assert call(to_code_units("\U00010428"), "toUpperCase") == to_code_units("\U00010400")
    assert call("\ud800x", "toUpperCase") == "\ud800X"  # lone surrogates survive
    assert call("  \t\n hi \u00a0\ufeff", "trim") == "hi"


def test_locale_compare():
    key = NativeFunction("c", lambda this, a: locale_compare(a[0], a[1]))
    assert sort_values(["b", "a", "C"], key) == ["a", "b", "C"]
    assert [locale_compare("a", "B"), locale_compare("a", "A"), locale_compare("b", "a")] == [
        -1,
        -1,
        1,
    ]
    assert locale_compare("a", "á", {"sensitivity": "base"}) == 0
    numeric = NativeFunction("c", lambda this, a: locale_compare(a[0], a[1], {"numeric": True}))
    assert sort_values(["item10", "item2", "Item1"], numeric) == ["Item1", "item2", "item10"]
    words = ["résumé", "resume", "Resume", "rèsume"]
    assert sort_values(words, key) == ["resume", "Resume", "résumé", "rèsume"]


# ---------------------------------------------------------------------------- Map / Set


def test_map_keys_same_value_zero():
    m = JSMap()
    m.set(NAN, "n")
    m.set(-0.0, "zero")
    m.set(1.0, "num")
    m.set("1", "str")
    m.set(True, "bool")
    assert m.get(float("nan")) == "n"
    assert m.get(0.0) == "zero"
    assert [m.get(1.0), m.get("1"), m.get(True)] == ["num", "str", "bool"]
    k = math.copysign(0.0, 1)
    assert normal_key(-0.0) == normal_key(k)
    first_key = next(iter(m.data.values()))[0]
    assert math.isnan(first_key)
    s = JSSet()
    for v in (NAN, NAN, 0.0, -0.0, {}, {}):
        s.add(v)
    assert len(s.data) == 4


def test_map_live_iteration():
    m = JSMap()
    m.set(1.0, 1.0)
    seen = []
    for e in m.live_entries():
        seen.append(e[0])
        if e[0] < 4:
            m.set(e[0] + 1, 1.0)
    assert seen == [1.0, 2.0, 3.0, 4.0]


def test_instance_of():
    assert instance_of([], g("Array")) and instance_of({}, g("Object"))
    assert not instance_of("x", g("String")) and not instance_of(1.0, g("Object"))
    te = JSError("TypeError", "x")
    assert instance_of(te, g("Error")) and instance_of(te, g("TypeError"))
    assert not instance_of(te, g("RangeError"))
    assert instance_of(g("Map").construct([]), g("Map"))
    assert not instance_of(g("Map").construct([]), g("Set"))
    assert instance_of(g("parseInt"), g("Function"))
    assert throws(instance_of, {}, {}).message == "Right-hand side of 'instanceof' is not callable"


# ---------------------------------------------------------------------------- URI


def test_uri():
    s = to_code_units("a b&c=d/é?\U0001f600")
    assert encode_uri_component(s) == "a%20b%26c%3Dd%2F%C3%A9%3F%F0%9F%98%80"
    assert decode_uri_component("a%20b%26%C3%A9%F0%9F%98%80") == to_code_units("a b&é\U0001f600")
    assert throws(decode_uri_component, "%").name == "URIError"
    assert throws(decode_uri_component, "%C3").message == "URI malformed"
    assert throws(encode_uri_component, "\ud800").message == "URI malformed"
    assert g("decodeURI").call(UNDEFINED, ["%3Fa%20b%2F%23"]) == "%3Fa b%2F%23"


# ---------------------------------------------------------------------------- inspect


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"a": 1.0, "b": "x"}, "{ a: 1, b: 'x' }"),
        ([1.0, 2.0, 3.0], "[ 1, 2, 3 ]"),
        ([], "[]"),
        ({}, "{}"),
        (-0.0, "-0"),
        ({"a": {"b": {"c": {"d": 1.0}}}}, "{ a: { b: { c: [Object] } } }"),
        ([[1.0, [2.0, [3.0, [4.0]]]]], "[ [ 1, [ 2, [Array] ] ] ]"),
        (
            {"key with space": 1.0, "valid_id": 2.0, "1abc": 3.0, "2": 4.0},
            "{ '2': 4, 'key with space': 1, valid_id: 2, '1abc': 3 }",
        ),
        (
            ["it's", 'say "hi"', "both ' and \"", "nl\nx"],
            "[ \"it's\", 'say \"hi\"', `both ' and \"`, 'nl\\nx' ]",
        ),
        ([UNDEFINED, None, True], "[ undefined, null, true ]"),
        (
            [float(i) for i in range(30)],
            "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,\n   9, 10, 11, 12, 13, 14, 15, 16, 17,\n  18, 19, 20, 21, 22, 23, 24, 25, 26,\n  27, 28, 29\n]",
        ),
    ],
)
def test_inspect(value, expected):
    assert inspect(value) == expected


def test_inspect_objects():
    o: dict = {"name": "x"}
    o["self"] = o
    assert inspect(o) == "<ref *1> { name: 'x', self: [Circular *1] }"
    m = g("Map").construct([[["a", 1.0], ["b", {"c": 2.0}]]])
    assert inspect(m) == "Map(2) { 'a' => 1, 'b' => { c: 2 } }"
    assert inspect(g("Set").construct([])) == "Set(0) {}"
    assert inspect(g("parseInt")) == "[Function: parseInt]"
    assert inspect(NativeFunction("", lambda t, a: 1.0)) == "[Function (anonymous)]"
    assert inspect({"e": JSError("TypeError", "bad")}) == "{ e: [TypeError: bad] }"
    assert inspect(g("Math")) == "Object [Math] {}"


def test_format_log_args():
    assert format_log_args(["hello", "world"]) == "hello world"
    assert format_log_args(["a %s b", "X"]) == "a X b"
    assert format_log_args(["%s and %s", 1.0]) == "1 and %s"
    assert format_log_args(["%d items", "42"]) == "42 items"
    assert format_log_args(["%j", {"a": [1.0, "x"]}]) == '{"a":[1,"x"]}'
    assert format_log_args(["100%", 5.0]) == "100% 5"
    assert format_log_args(["%% %s", "x"]) == "% x"
    assert format_log_args([1.0, "two", {"three": 3.0}]) == "1 two { three: 3 }"
    assert format_log_args(["%c styled", "color: red"]) == " styled"
    assert format_log_args(["%s", {"a": 1.0}]) == "{ a: 1 }"
    assert format_log_args([]) == ""
