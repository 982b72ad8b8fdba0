"""Template code can never reach Python, and hostile data never reaches the HTML as markup."""

from __future__ import annotations

import pytest

from renderer import KViewError, evaluate, render
from renderer.jsvalues import UNDEFINED

ESCAPES = [
    "({}).constructor",
    "[].constructor",
    "''.constructor",
    "(() => 1).constructor",
    "({}).__proto__",
    "[].__class__",
    "''.__class__",
    "(1).__class__",
    "({}).__init__",
    "({}).__dict__",
    "[]['__class__']",
    "(() => 1).prototype",
    "Object.prototype.constructor",
    "Array.prototype.__class__",
    "Math.__class__",
    "JSON.__dict__",
    "_.__globals__",
    "(() => 1).__code__",
    "(() => 1).__globals__",
    "console.log.__self__",
    "Promise.__init__",
]


@pytest.mark.parametrize("expr", ESCAPES)
def test_python_internals_read_as_missing(expr: str) -> None:
    assert evaluate(expr) is UNDEFINED


@pytest.mark.parametrize(
    "source",
    [
        "({}).constructor.constructor('return process')()",
        "[].map.constructor('return 1')()",
        "Function('return this')()",
        "eval('1 + 1')",
        "new Function('return 1')",
        "require('os')",
        "process.env",
        "__import__('os')",
        "import('os')",
    ],
)
def test_code_generation_and_host_access_are_refused(source: str) -> None:
    with pytest.raises(KViewError):
        evaluate(source)


def test_prototype_pollution_does_not_leak() -> None:
    evaluate("const o = {}; o.__proto__ = {polluted: true}; try { o.__proto__.x = 1 } catch (e) {}")
    evaluate("const a = []; try { a.constructor.prototype.polluted = 1 } catch (e) {}")
    assert evaluate("({}).polluted") is UNDEFINED
    assert evaluate("const p = JSON.parse('{\"__proto__\": {\"bad\": 1}}'); ({}).bad") is UNDEFINED


def test_builtin_prototypes_are_read_only_views() -> None:
    assert evaluate("Object.prototype.toString.call([])") == "[object Array]"
    evaluate("Array.prototype.evil = () => 1; Object.prototype.polluted = 1; String.prototype.trim = null")
    assert evaluate("typeof [].evil + typeof ({}).polluted") == "undefinedundefined"
    assert evaluate("' x '.trim()") == "x"


def test_builtins_are_not_shared_between_renders() -> None:
    evaluate("Math.PI = 3; Math.evil = () => 1; JSON.stringify = null; _.get = null")
    assert evaluate("Math.PI") == pytest.approx(3.141592653589793)
    assert evaluate("typeof Math.evil") == "undefined"
    assert evaluate("JSON.stringify([1])") == "[1]"
    assert evaluate("_.get({a: 1}, 'a')") == 1.0


def test_globals_do_not_leak_between_renders() -> None:
    evaluate("window.leak = 1; globalThis.leak2 = 2; implicitGlobal = 3")
    assert evaluate("typeof leak + typeof leak2 + typeof implicitGlobal") == "undefinedundefinedundefined"


def test_hostile_data_is_text_not_markup() -> None:
    data = {"customer": {"name": "<script>alert(1)</script>", "bio": "<img src=x onerror=alert(1)>"}}
    html = render("<div title={customer.bio}>{customer.name}</div>", data).html
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "\x01javascript:alert(1)"])
def test_javascript_urls_are_blocked(url: str) -> None:
    result = render("<div><a href={u}>x</a><iframe src={u} /><form action={u} /></div>", {"u": url})
    assert "alert(1)" not in result.html
    assert result.warnings


def test_dangerously_set_inner_html_is_sanitized() -> None:
    payload = (
        '<b onclick="alert(1)">bold</b><script>alert(2)</script>'
        '<a href="javascript:alert(3)">link</a><img src=x onerror="alert(4)">'
    )
    html = render("<div dangerouslySetInnerHTML={{__html: h}} />", {"h": payload}).html
    assert "<b>bold</b>" in html
    for bad in ("onclick", "<script", "alert(2)", "javascript:", "onerror"):
        assert bad not in html


def test_script_elements_in_templates_never_reach_output() -> None:
    result = render("<div><script>{'alert(1)'}</script>ok</div>", {})
    assert "<script" not in result.html and "ok" in result.html
