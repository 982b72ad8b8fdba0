"""Hostile templates end in located budget errors, fast and small; honest work still completes.

Each hostile program runs in a subprocess (``budget_probe.py``) that measures its wall time and
its peak memory (the kernel's peak-RSS mark, reset before each case): the limits are measured
here, not assumed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from renderer import BudgetError, KViewError, RenderError, TemplateSyntaxError, evaluate
from renderer.js.builtins.lodash.paths import _string_to_path
from renderer.js.builtins.regexp_syntax import _compile
from tests.support.jsoracle import node_eval_many

SHARED = "let a = {}; for (let i = 0; i < 40; i++) a = {x: a, y: a};\n"
SHARED_B = "let b = {}; for (let i = 0; i < 40; i++) b = {x: b, y: b};\n"
SHARED_ARR = "let a = []; for (let i = 0; i < 40; i++) a = [a, a];\n"
BIG = "const big = 'x'.repeat(5e6);\n"

# (name, program, error type, words in the message, line of the error)
HOSTILE = [
    ("JSON.stringify shared subtree", SHARED + "JSON.stringify(a).length", "RangeError", "", 2),
    ("JSON.stringify indented", SHARED + "JSON.stringify(a, null, 2).length", "RangeError", "", 2),
    ("_.merge shared subtree", SHARED + "_.merge({}, a)", "RangeError", "budget exceeded", 2),
    ("_.isEqual shared subtrees", SHARED + SHARED_B + "_.isEqual(a, b)", "RangeError", "budget exceeded", 3),
    ("_.defaultsDeep shared subtree", SHARED + "_.defaultsDeep({}, a)", "RangeError", "budget exceeded", 2),
    ("_.flattenDeep shared arrays", SHARED_ARR + "_.flattenDeep(a).length", "RangeError", "budget exceeded", 2),
    ("join of shared arrays", SHARED_ARR + "a.join('-').length", "RangeError", "", 2),
    ("_.join of shared arrays", SHARED_ARR + "_.join(a, '-').length", "RangeError", "", 2),
    ("huge regexp quantifier", "1;\n/a{99999999999}/.test('a')", "SyntaxError", "Regular expression too large", 2),
    ("nested regexp quantifiers", "1;\nnew RegExp('(?:a{1000}){1000}').test('a')", "SyntaxError",
     "Regular expression too large", 2),
    ("template literal doubling", "let s = 'x';\nfor (;;) s = `${s}${s}`;", "RangeError", "Invalid string length", 2),
    ("+ doubling", "let s = 'x';\nfor (;;) s = s + s;", "RangeError", "Invalid string length", 2),
    ("+= doubling", "let s = 'x';\nfor (;;) s += s;", "RangeError", "Invalid string length", 2),
    ("spread doubling", "let a = [1];\nfor (;;) a = [...a, ...a];", "RangeError", "Invalid array length", 2),
    ("push(...a) doubling", "let a = [1];\nfor (;;) a.push(...a);", "RangeError", "Invalid array length", 2),
    ("concat.apply doubling", "let a = [1];\nfor (;;) a = a.concat.apply(a, [a, a]);", "RangeError",
     "Invalid array length", 2),
    ("join of a million long strings", "const a = new Array(1e6).fill('x'.repeat(1000));\na.join('')",
     "RangeError", "Invalid string length", 2),
    ("repeat", "1;\n'x'.repeat(2 ** 30)", "RangeError", "Invalid string length", 2),
    ("padStart", BIG + "big.padStart(2 ** 31)", "RangeError", "Invalid string length", 2),
    ("replaceAll growth", BIG + "big.replaceAll('x', 'xyz')", "RangeError", "Invalid string length", 2),
    ("split to characters", "const s = 'x'.repeat(9e6);\ns.split('').length", "RangeError", "Invalid array length", 2),
    ("Array.from huge", "1;\nArray.from({length: 2 ** 30}).length", "RangeError", "Invalid array length", 2),
    ("_.repeat", "1;\n_.repeat('ab', 2 ** 30)", "RangeError", "Invalid string length", 2),
    ("_.pad", "1;\n_.pad('ab', 2 ** 30)", "RangeError", "Invalid string length", 2),
    ("_.times", "1;\n_.times(2 ** 30).length", "RangeError", "Invalid array length", 2),
    ("_.range", "1;\n_.range(2 ** 30).length", "RangeError", "Invalid array length", 2),
    ("many big strings kept", BIG + "const kept = [];\nfor (;;) kept.push(big + kept.length);", "RangeError",
     "memory budget exceeded", 3),
    ("console.log of huge values", BIG + "for (let i = 0; i < 1000; i++) console.log(big + i);\n"
     "while (true) {}", "RangeError", "step budget exceeded", 3),
]

HONEST = [
    ("150,000-iteration loop", "let n = 0;\nfor (let i = 0; i < 150000; i++) n += i;\nn", "11249925000.0"),
    ("a million-element array built and joined", "const a = Array.from({length: 1e6}).fill(7);\n"
     "a.join(',').length", "1999999.0"),
    ("_.range(1e6) joined", "_.range(1e6).join('').length", "5888890.0"),
    ("a million-element array sorted", "const a = _.range(1e6).reverse();\na.sort()[0]", "0.0"),
    ("JSON round trip of 100,000 records", "const rs = _.range(1e5).map(String).map(id => id);\n"
     "JSON.parse(JSON.stringify(rs)).length", "100000.0"),
]

PROBE = Path(__file__).with_name("budget_probe.py")


@pytest.fixture(scope="module")
def measured() -> dict[str, dict]:
    """Every program of HOSTILE and HONEST, run once in one subprocess, measured."""
    cases = [src for _, src, *_ in HOSTILE] + [src for _, src, _ in HONEST]
    env = dict(os.environ, PYTHONPATH=str(PROBE.parents[2]))
    proc = subprocess.run([sys.executable, str(PROBE)], input=json.dumps(cases), capture_output=True,
                          text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout)
    return dict(zip(cases, results, strict=True))


@pytest.mark.parametrize(("name", "source", "js_type", "words", "line"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_program_ends_in_a_located_error_fast_and_small(
    measured: dict[str, dict], name: str, source: str, js_type: str, words: str, line: int
) -> None:
    r = measured[source]
    assert "python" not in r, r["python"]
    assert "ok" not in r, f"{name} completed: {r['ok']}"
    assert r["kind"] in ("BudgetError", "RenderError", "TemplateSyntaxError"), r
    assert js_type in r["message"] and words in r["message"], r["message"]
    assert r["line"] == line, r
    assert r["seconds"] < 2.5, f"{name}: {r['seconds']:.2f} s"
    assert r["peak_mb"] < 400, f"{name}: peak {r['peak_mb']:.0f} MB"
    assert r["retained_mb"] < 64, f"{name}: {r['retained_mb']:.0f} MB still held after the render"


@pytest.mark.parametrize(("name", "source", "expected"), HONEST, ids=[h[0] for h in HONEST])
def test_honest_work_still_completes(measured: dict[str, dict], name: str, source: str, expected: str) -> None:
    r = measured[source]
    assert r.get("ok") == expected, r
    assert r["seconds"] < 2.0, f"{name}: {r['seconds']:.2f} s"


def test_a_memory_error_becomes_a_located_budget_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Belt and braces: were a MemoryError to get past the budgets, the user sees a kview error."""
    from renderer.js import members
    from renderer.js.values import NativeFunction

    def exhausted(this: object, args: list) -> object:
        raise MemoryError

    monkeypatch.setitem(members.PROTOS[list], "reverse", NativeFunction("reverse", exhausted))
    monkeypatch.setattr(members, "_proto_cache", {})
    with pytest.raises(BudgetError) as info:
        evaluate("const a = [1];\na.reverse()")
    assert info.value.line == 2 and "out of memory" in info.value.message


def test_budget_errors_are_not_catchable_but_size_errors_are() -> None:
    assert evaluate("try { 'x'.repeat(2 ** 30) } catch (e) { e instanceof RangeError }") is True
    with pytest.raises(BudgetError):
        evaluate(SHARED + "try { _.isEqual(a, _.cloneDeep(a)) } catch (e) { 'caught' }")


def test_module_caches_are_bounded_by_size() -> None:
    long = "a" * 3_000_000
    for i in range(20):
        evaluate(f"_.get({{}}, {json.dumps(long + str(i))})")
        try:
            evaluate(f"new RegExp({json.dumps(long + str(i))}).test('a')")
        except KViewError:
            pass
    assert _string_to_path.total <= _string_to_path.max_cost
    assert _compile.total <= _compile.max_cost
    assert all(len(k[0]) < 3_000_000 for k in _compile._items)  # too big to keep: not kept


def test_console_entries_are_cut() -> None:
    from renderer import render

    result = render("console.log('x'.repeat(1e6)); <div/>")
    assert len(result.console[0]["text"]) < 10_100 and "more characters" in result.console[0]["text"]


STATIC_BLOCKS = [
    "class A { static { this.x = 1 } }; A.x",
    "class A { static x = 1; static { this.y = this.x + 1 } static z = this.y * 10 }; [A.x, A.y, A.z]",
    "class A { static { this.v = this.f() } static f() { return 7 } }; A.v",
    "let log = []; class A { static { log.push('a'); var q = 1; log.push(typeof q) } static { log.push('b') } }; log.join()",
    "class B { static #p = 3; static { this.q = B.#p } }; B.q",
    "let r; class A { static { try { r = undefined.x } catch (e) { r = e.name } } }; r",
    "class P { static who() { return 'P' } } class C extends P { static { this.w = super.who() } }; C.w",
    "const out = []; class A { static { out.push(this === A, typeof this) } }; out.join()",
    "const A = class { static { this.n = 'anon' } }; A.n",
]


def test_class_static_blocks_run_like_node() -> None:
    theirs = node_eval_many(STATIC_BLOCKS)
    for source, t in zip(STATIC_BLOCKS, theirs, strict=True):
        mine = evaluate(source)
        mine = [x if type(x) is not float or not x.is_integer() else int(x) for x in mine] if type(mine) is list else mine
        if type(mine) is float and mine.is_integer():
            mine = int(mine)
        assert {"ok": mine} == t, source


def test_a_throw_in_a_static_block_is_located() -> None:
    with pytest.raises(RenderError) as info:
        evaluate("class A {\n  static {\n    null.x\n  }\n}")
    assert info.value.line == 3 and "TypeError" in str(info.value)


def test_regexp_size_error_is_a_syntax_error_in_javascript_too() -> None:
    assert evaluate("try { new RegExp('a{99999999999}') } catch (e) { e.name }") == "SyntaxError"
    with pytest.raises(TemplateSyntaxError):
        evaluate("/(a{101}){100}/")
    assert evaluate("/^\\d{1,3}(\\.\\d{1,3}){3}$/.test('10.0.0.1') && /a{10000}/.test('a'.repeat(10000))") is True
