"""Tests of the Node differential oracle itself (tests/support/jsoracle.py + tests/support/node/oracle.js).

Everything else is compared against the oracle, so its output is pinned here
exactly.
"""

from __future__ import annotations

import pytest

from tests.support.jsoracle import (
    assert_tagged_equal,
    canonical,
    from_code_units,
    node_eval,
    node_eval_many,
    node_render,
    node_render_many,
    tagged_equal,
    to_code_units,
)

U = {"$": "undefined"}


def obj(*pairs):
    return {"$": "object", "v": [list(p) for p in pairs]}


EVAL_CASES = [
    ("1+1", {"ok": 2}),
    ("undefined", {"ok": U}),
    ("null", {"ok": None}),
    ("true", {"ok": True}),
    ("0/0", {"ok": {"$": "NaN"}}),
    ("1/0", {"ok": {"$": "Infinity"}}),
    ("-1/0", {"ok": {"$": "-Infinity"}}),
    ("-0", {"ok": {"$": "-0"}}),
    ("0.1 + 0.2", {"ok": 0.30000000000000004}),
    ("2 ** 53 + 2", {"ok": 9007199254740994}),
    ("1e21", {"ok": 1e21}),
    ("[1,,3]", {"ok": [1, U, 3]}),
    ("[-0, NaN]", {"ok": [{"$": "-0"}, {"$": "NaN"}]}),
    ("({b:1,a:2})", {"ok": obj(("b", 1), ("a", 2))}),
    ("({b:1, 2:'x', a:[], 1:null})", {"ok": obj(("1", None), ("2", "x"), ("b", 1), ("a", []))}),
    ("'\\u{1F600}'.length", {"ok": 2}),
    ("'\\u{1F600}'", {"ok": "\ud83d\ude00"}),
    ("'\\ud800' + 'x'", {"ok": "\ud800x"}),
    ("'caf\\u00e9 \\u2603'", {"ok": "caf\u00e9 \u2603"}),
    ("new Date(0)", {"ok": {"$": "Date", "v": "1970-01-01T00:00:00.000Z"}}),
    ("new Date(NaN)", {"ok": {"$": "Date", "v": "Invalid Date"}}),
    ("new Date(2020, 0, 2).getHours()", {"ok": 0}),  # TZ=UTC
    ("new Date(2020, 0, 2).toISOString()", {"ok": "2020-01-02T00:00:00.000Z"}),
    ("/a\\/b/gi", {"ok": {"$": "RegExp", "v": "/a\\/b/gi"}}),
    (
        "new Map([['k', 1], [2, {x: undefined}]])",
        {"ok": {"$": "Map", "v": [["k", 1], [2, obj(("x", U))]]}},
    ),
    ("new Set([3, 'a', 3])", {"ok": {"$": "Set", "v": [3, "a"]}}),
    ("(function f() {})", {"ok": {"$": "function"}}),
    ("(class A {})", {"ok": {"$": "function"}}),
    ("Symbol('s')", {"ok": {"$": "symbol"}}),
    ("10n ** 20n", {"ok": {"$": "bigint", "v": "100000000000000000000"}}),
    ("new RangeError('r')", {"ok": {"$": "Error", "name": "RangeError", "message": "r"}}),
    (
        "class E extends Error {}; new E('m')",
        {"ok": {"$": "Error", "name": "Error", "message": "m"}},
    ),
    ("Promise.resolve(5)", {"ok": 5}),
    ("(async () => { await null; return [await 1, 2] })()", {"ok": [1, 2]}),
    ("Promise.reject(new SyntaxError('no'))", {"throw": {"name": "SyntaxError", "message": "no"}}),
    ("[Promise.resolve(1)]", {"ok": [{"$": "Promise"}]}),
    ("throw new TypeError('x')", {"throw": {"name": "TypeError", "message": "x"}}),
    ("throw 5", {"throw": {"name": None, "message": None, "value": 5}}),
    ("throw {a: 1}", {"throw": {"name": None, "message": None, "value": obj(("a", 1))}}),
    (
        "null.x",
        {"throw": {"name": "TypeError", "message": "Cannot read properties of null (reading 'x')"}},
    ),
    ("nope", {"throw": {"name": "ReferenceError", "message": "nope is not defined"}}),
    ("const a = 1; a + 1", {"ok": 2}),
    ("if (true) { 'x' }", {"ok": "x"}),
    ("var x = 1;", {"ok": U}),
    ("let o = {}; o.self = o; o", {"ok": obj(("self", {"$": "cycle"}))}),
    ("let s = {n: 1}; [s, s]", {"ok": [obj(("n", 1)), obj(("n", 1))]}),
    ("_.map([1, 2, 3], x => x * 2)", {"ok": [2, 4, 6]}),
    ("_.map([1], x => x) instanceof Array", {"ok": True}),  # lodash lives in the same realm
    ("_.get({a: {b: [5]}}, 'a.b[0]')", {"ok": 5}),
    ("typeof React", {"ok": "undefined"}),
    ("console.log('hi'); typeof setTimeout", {"ok": "undefined"}),
    ("typeof globalThis.leaked", {"ok": "undefined"}),  # fresh context per case
]


def test_eval_cases_exact():
    sources = [c for c, _ in EVAL_CASES]
    # A global set by one case must not leak into the next one.
    results = node_eval_many(["globalThis.leaked = 1", *sources])
    assert results[0] == {"ok": 1}
    for (src, expected), got in zip(EVAL_CASES, results[1:], strict=True):
        assert got == expected, src


def test_brief_examples():
    got = node_eval_many(
        [
            "1+1",
            "undefined",
            "0/0",
            "-0",
            "[1,,3]",
            "({b:1,a:2})",
            "'\\u{1F600}'.length",
            "new Date(0)",
            "Promise.resolve(5)",
            "throw new TypeError('x')",
            "const a = 1; a + 1",
            "if (true) { 'x' }",
        ]
    )
    assert got == [
        {"ok": 2},
        {"ok": {"$": "undefined"}},
        {"ok": {"$": "NaN"}},
        {"ok": {"$": "-0"}},
        {"ok": [1, {"$": "undefined"}, 3]},
        {"ok": {"$": "object", "v": [["b", 1], ["a", 2]]}},
        {"ok": 2},
        {"ok": {"$": "Date", "v": "1970-01-01T00:00:00.000Z"}},
        {"ok": 5},
        {"throw": {"name": "TypeError", "message": "x"}},
        {"ok": 2},
        {"ok": "x"},
    ]


def test_syntax_error_is_a_throw():
    r = node_eval("let = = 1")
    assert r["throw"]["name"] == "SyntaxError"


@pytest.mark.slow
def test_timeouts_do_not_kill_the_batch(monkeypatch):
    monkeypatch.setenv("KVIEW_ORACLE_TIMEOUT_MS", "500")  # the node process inherits it
    r = node_eval_many(
        ["while (true) {}", "new Promise(() => {})", "(async()=>{for(;;){}})()", "7"]
    )
    assert r[0]["throw"]["name"] == "Timeout"
    assert r[1] == {"throw": {"name": "Timeout", "message": "promise did not settle"}}
    assert r[2]["throw"]["name"] == "Timeout"
    assert r[3] == {"ok": 7}


def test_unhandled_rejection_does_not_crash():
    assert node_eval_many(["Promise.reject(1); 2", "3"]) == [{"ok": 2}, {"ok": 3}]


def test_source_strings_with_astral_and_lone_surrogates():
    # Both the code-unit form and the ordinary form of a source reach node intact.
    cases = ["'\U0001f600'.length", "'\ud83d\ude00'.length", "'\ud800'.length"]
    assert node_eval_many(cases) == [{"ok": 2}, {"ok": 2}, {"ok": 1}]


def test_many_cases_one_process():
    n = 300
    results = node_eval_many([f"{i} * 2" for i in range(n)])
    assert results == [{"ok": i * 2} for i in range(n)]


def test_empty_batches():
    assert node_eval_many([]) == []
    assert node_render_many([]) == []


# --------------------------------------------------------------------------
# rendering
# --------------------------------------------------------------------------


def test_render_brief_example():
    assert node_render_many([("<div className='a'>{x}</div>", {"x": 1})]) == [
        {"html": '<div class="a">1</div>'}
    ]


def test_render_cases():
    results = node_render_many(
        [
            (
                "<ul>{_.map(items, i => <li key={i.id}>{i.name}</li>)}</ul>",
                {"items": [{"id": 1, "name": "a"}, {"id": 2, "name": "b&c"}]},
            ),
            (
                "const n = user.name.toUpperCase();\n<p title={n}>Hi {n}!</p>",
                {"user": {"name": "ann"}},
            ),
            ("<div style={{marginTop: 4, color: 'red'}}>{null}{false}{0}</div>", {}),
            ("<>{'\\u{1F600}'}</>", {}),
            ("<div>{{}}</div>", {}),
            ("<div>{missing}</div>", {}),
            ("<div>", {}),
        ]
    )
    assert results[0] == {"html": "<ul><li>a</li><li>b&amp;c</li></ul>"}
    assert results[1] == {"html": '<p title="ANN">Hi ANN!</p>'}
    assert results[2] == {"html": '<div style="margin-top:4px;color:red">0</div>'}
    assert results[3] == {"html": "\U0001f600"}  # html is an ordinary str
    assert results[4]["throw"]["name"] == "Error"
    assert "Objects are not valid as a React child" in results[4]["throw"]["message"]
    assert results[5] == {"throw": {"name": "ReferenceError", "message": "missing is not defined"}}
    assert results[6]["throw"]["name"] == "SyntaxError"


def test_render_one():
    assert node_render("<b>{a + b}</b>", {"a": 1, "b": 2}) == {"html": "<b>3</b>"}


# --------------------------------------------------------------------------
# Python-side helpers
# --------------------------------------------------------------------------


def test_code_units():
    assert to_code_units("a\U0001f600b") == "a\ud83d\ude00b"
    assert len(to_code_units("\U0001f600\U0010ffff")) == 4
    assert to_code_units("\ud800x") == "\ud800x"
    assert to_code_units(to_code_units("\U0001f600")) == "\ud83d\ude00"
    assert from_code_units("a\ud83d\ude00b\udc00") == "a\U0001f600b\udc00"


def test_tagged_equal():
    assert tagged_equal(1, 1.0)
    assert tagged_equal(
        [1, {"$": "object", "v": [["a", 2.0]]}], [1.0, {"$": "object", "v": [["a", 2]]}]
    )
    assert not tagged_equal(True, 1)
    assert not tagged_equal(1, True)
    assert not tagged_equal(None, {"$": "undefined"})
    assert not tagged_equal(obj(("a", 1), ("b", 2)), obj(("b", 2), ("a", 1)))
    assert tagged_equal("\U0001f600", "\ud83d\ude00")
    assert canonical([1, "\U0001f600", {"$": "-0"}]) == [1.0, "\ud83d\ude00", {"$": "-0"}]
    with pytest.raises(ValueError):
        canonical(float("nan"))
    assert_tagged_equal([1, 2], [1.0, 2.0])
    with pytest.raises(AssertionError, match=r"\$\[1\]"):
        assert_tagged_equal([1, 2], [1, 3])
