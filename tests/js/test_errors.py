"""Errors point at the template: code frames, Chrome's wording, budgets that stop runaways."""

from __future__ import annotations

import time

import pytest

from renderer import BudgetError, Budgets, RenderError, TemplateSyntaxError, evaluate, render


def run_error(source: str, exc_type: type = RenderError, budgets: Budgets | None = None):
    with pytest.raises(exc_type) as info:
        evaluate(source, {}, name="card.jsx", budgets=budgets)
    return info.value


def test_syntax_error_has_line_column_and_frame() -> None:
    src = "const a = 1;\nconst b = (;\n<div>{a}</div>"
    err = run_error(src, TemplateSyntaxError)
    assert (err.file, err.line, err.column) == ("card.jsx", 2, 11)
    assert str(err).startswith("card.jsx:2:12: ")
    assert "Unexpected token" in err.message
    assert err.code_frame() == (
        "  1 | const a = 1;\n"
        "> 2 | const b = (;\n"
        "    |            ^\n"
        "  3 | <div>{a}</div>"
    )


def test_unclosed_jsx_names_the_opening_line() -> None:
    src = "<Segment>\n  <div>\n    hello\n</Segment>"
    err = run_error(src, TemplateSyntaxError)
    assert "Expected corresponding JSX closing tag for <div>" in err.message
    assert "opened on line 2" in err.message


def test_unexpected_end_of_input_says_what_is_missing() -> None:
    err = run_error("<div>{items.map(i => <span>{i}</span>)</div>", TemplateSyntaxError)
    assert err.line == 1


def test_read_property_of_undefined_uses_chromes_words_and_points_at_it() -> None:
    src = "const c = {};\nconst n = c.profile.name;\n<div>{n}</div>"
    err = run_error(src)
    assert err.js_type == "TypeError"
    assert err.message == "Cannot read properties of undefined (reading 'name')"
    assert (err.line, err.column) == (2, 20)
    assert "^" in err.code_frame()


def test_reference_error_wording() -> None:
    err = run_error("<div>{missingThing}</div>")
    assert (err.js_type, err.message) == ("ReferenceError", "missingThing is not defined")
    assert (err.line, err.column) == (1, 6)


def test_not_a_function_wording() -> None:
    err = run_error("const customer = {name: 'x'};\ncustomer.name()")
    assert (err.js_type, err.message) == ("TypeError", "customer.name is not a function")
    assert err.line == 2


def test_uncaught_thrown_value_and_error_objects() -> None:
    err = run_error("throw new RangeError('too far')")
    assert (err.js_type, err.message) == ("RangeError", "too far")
    err = run_error("\n  throw 'plain string'")
    assert err.line == 2 and "plain string" in err.message


def test_tdz_and_const_assignment() -> None:
    err = run_error("x + 1; let x = 2")
    assert err.message == "Cannot access 'x' before initialization"
    err = run_error("const k = 1; k = 2")
    assert (err.js_type, err.message) == ("TypeError", "Assignment to constant variable.")


@pytest.mark.parametrize(
    "source",
    [
        "while (true) {}",
        "for (;;) { let x = 1 }",
        "do {} while (true)",
        "let a = []; while (true) a = [a]",
        "try { while (true) {} } catch (e) { 'swallowed' }",
        "for (const x of [1]) { while (1) {} }",
    ],
)
def test_runaway_loops_stop_quickly_with_a_located_error(source: str) -> None:
    """The step budget stops a loop as soon as it is spent: the step budget, not the time budget
    behind it (2 s), ends it, in well under a second of CPU (100,000 steps: some 0.1-0.2 s on a
    2-core CI machine, which made a 0.2 s bound flaky there). (The default budget is larger so
    honest loops run; tests/js/test_budgets.py times the defaults, with the time and memory
    budgets behind them.)"""
    t0 = time.process_time()
    err = run_error(source, BudgetError, Budgets(max_steps=100_000))
    assert time.process_time() - t0 < 1.0
    assert "step budget exceeded" in err.message
    assert err.line == 1 and err.column is not None


@pytest.mark.parametrize(
    "source",
    [
        "const f = () => f(); f()",
        "function g(n) { return g(n + 1) + 1 } g(0)",
        "const o = { get() { return this.get() } }; o.get()",
    ],
)
def test_runaway_recursion_is_a_range_error_not_a_python_crash(source: str) -> None:
    t0 = time.process_time()
    err = run_error(source)
    assert time.process_time() - t0 < 0.2
    assert (err.js_type, err.message) == ("RangeError", "Maximum call stack size exceeded")
    assert err.line == 1


def test_recursion_error_is_catchable_like_in_chrome() -> None:
    assert evaluate("const f = () => f(); try { f() } catch (e) { e instanceof RangeError }") is True


def test_huge_allocations_are_refused() -> None:
    err = run_error("'x'.repeat(2 ** 30)")
    assert err.js_type == "RangeError"
    err = run_error("new Array(2 ** 31).fill(0)")
    assert err.js_type == "RangeError"


def test_error_to_dict_for_the_overlay() -> None:
    err = run_error("const a = 1;\na.b.c")
    d = err.to_dict()
    assert d["line"] == 2 and d["column"] == 5 and d["file"] == "card.jsx"
    assert "Cannot read properties of undefined (reading 'c')" in d["message"]
    assert "> 2 | a.b.c" in d["frame"]


def test_render_error_keeps_template_name() -> None:
    with pytest.raises(RenderError) as info:
        render("<div>{nope.x}</div>", {}, name="views/card.jsx")
    assert str(info.value).startswith("views/card.jsx:1:7: ReferenceError")


def test_catastrophic_regex_backtracking_gives_up_with_a_located_error() -> None:
    t0 = time.perf_counter()
    err = run_error("const s = 'a'.repeat(40) + 'b';\nconst ok = /^(a|a)*$/.test(s);\n<div>{ok}</div>", BudgetError)
    assert time.perf_counter() - t0 < 2
    assert err.js_type == "RangeError" and "regular expression gave up" in err.message
    assert err.line == 2


@pytest.mark.parametrize(
    ("source", "expected", "where"),
    [
        ("const a = {\n  b: [1, 2,\n  c: 3\n}", "expected ']' to close the '[' opened on line 2", (3, 3)),
        ("function f() {\n  if (x) {\n    return 1;\n}\n", "expected '}' to close the '{' opened on line 1", None),
        ("const x = foo(1, 2;", "expected ')' to close the '(' opened on line 1", (1, 18)),
        ("<div>\n{a ? <b/> : }\n</div>", "expected an expression after ':'", (2, 12)),
        ("<Segment>\n  <BasicRow label=\"x\"\n  <BasicRow label=\"y\" />\n</Segment>",
         "the <BasicRow> tag opened on line 2 is missing its closing '>' or '/>'", (3, 2)),
        ("<div>{items.map(i => <span>{i}</span>)</div>", "Unexpected '</'", (1, 38)),
    ],
)
def test_syntax_errors_say_what_was_expected(source: str, expected: str, where: tuple | None) -> None:
    err = run_error(source, TemplateSyntaxError)
    assert expected in err.message
    if where is not None:
        assert (err.line, err.column) == where


def test_jsx_expressions_inside_template_literal_interpolations_parse() -> None:
    """esprima misread ``}`` of a JSX container inside ``${…}`` (worked around in parse.py)."""
    src = "const c = 'C';\n`a${<b title={c}>{c}{/* note */}</b>}z${c}`"
    assert evaluate(src) == "a[object Object]zC"
