"""Template code can never reach Python, and hostile data never reaches the HTML as markup."""

from __future__ import annotations

import sys

import pytest

from renderer import KViewError, evaluate, render
from renderer.js.values import UNDEFINED

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


def test_writes_to_shared_builtins_do_not_leak_between_renders() -> None:
    """Promise, console, timers, React, Kustomer and the browser's functions are made once and
    shared by all renders: writes to them are ignored; the objects holding them are per render."""
    evaluate(
        "setTimeout.x = 1; Promise.resolve = null; Promise.evil = 1; delete Promise.all; console.log = null;"
        "Object.assign(console, {warn: 1}); _.set(console, 'error', 1); React.useState = null;"
        "Kustomer.render = null; React.Children.map = null; fetch.x = 1; crypto.randomUUID = null;"
        "document.body.setAttribute('id', 'b'); document.body.setAttribute.x = 1;"
        "document.head.appendChild(document.createElement('i')); document.createElement = null;"
        "location.assign = null; navigator.languages.push('xx');"
        "React.StrictMode.displayName = 'leak'; localStorage.setItem('k', 'v'); sessionStorage.k = 'v'"
    )
    assert evaluate(
        "[typeof setTimeout.x, typeof Promise.resolve, typeof Promise.evil, typeof Promise.all, typeof console.log,"
        " typeof console.warn, typeof console.error, typeof React.useState, typeof Kustomer.render,"
        " typeof React.Children.map, typeof fetch.x, typeof crypto.randomUUID, document.body.id,"
        " typeof document.body.setAttribute.x, typeof document.createElement, document.head.children.length,"
        " typeof location.assign, navigator.languages.length, typeof React.StrictMode.displayName,"
        " localStorage.getItem('k'), typeof sessionStorage.k]"
    ) == [
        "undefined", "function", "undefined", "function", "function", "function", "function", "function",
        "function", "function", "undefined", "function", "", "undefined", "function", 0.0, "function", 2.0,
        "undefined", None, "undefined",
    ]  # fmt: skip


def test_concurrent_renders_keep_their_own_state() -> None:
    """The shared built-ins find their render through a context variable (each render runs in
    its own context, async functions and generators in copies of it): renders on several
    threads at once never see each other's console, timers, promises, storage or document."""
    from concurrent.futures import ThreadPoolExecutor

    src = """
const log = m => console.log(id + ' ' + m);
localStorage.setItem('id', id);
document.body.setAttribute('data-id', id);
setTimeout(() => log('timer ' + localStorage.getItem('id')), 5);
Promise.resolve(id).then(v => log('then ' + v));
(async () => { await null; log('async ' + document.body.getAttribute('data-id')); })();
function* gen() { yield id; }
function App() {
  const [n, setN] = React.useState(0);
  React.useEffect(() => { if (n < 2) setN(n + 1); log('effect ' + n); }, [n]);
  return <p>{id}:{n}:{[...gen()][0]}</p>;
}
<App/>"""

    def one(i: int) -> None:
        ident = f"r{i}"
        result = render(src, {"id": ident})
        assert result.html == f"<p>{ident}:2:{ident}</p>"
        assert sorted(c["text"] for c in result.console) == sorted(
            f"{ident} {m}" for m in
            (f"then {ident}", f"async {ident}", "effect 0", "effect 1", "effect 2", f"timer {ident}")
        )  # fmt: skip

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, in the middle of renders
    try:
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(one, range(24)))
    finally:
        sys.setswitchinterval(interval)


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
