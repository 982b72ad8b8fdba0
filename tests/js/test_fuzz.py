"""Fuzz: random data shapes and generated templates raise nothing but kview's own errors."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renderer import KViewError, render

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=12,
)

NAMES = ["customer", "items", "n", "s", "o"]
atoms = st.sampled_from(
    NAMES + ["1", "0", "-1.5", "'x'", "''", "null", "undefined", "true", "[]", "{}", "NaN", "[1, 'a', null]",
             "customer.name", "items[0]", "o?.a?.b", "s.length", "_.get(o, 'a.b', 'd')"]
)


def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binops = st.sampled_from(["+", "-", "*", "/", "%", "==", "===", "!=", "<", ">=", "&&", "||", "??", "&", "|", "<<", "in"])
    methods = st.sampled_from([
        ".toString()", ".length", "?.map(x => x)", ".filter(Boolean)", ".join('-')", ".slice(1)",
        ".toUpperCase()", ".trim()", "[0]", "['k']", ".toFixed(2)", ".includes(1)", ".split(',')",
        ".concat([1])", ".indexOf('a')", ".sort()", ".reverse()", ".at(-1)", ".flat()", ".keys()",
    ])
    return st.one_of(
        st.tuples(inner, binops, inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(inner, methods).map(lambda t: f"({t[0]}){t[1]}"),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} ? {t[1]} : {t[2]})"),
        inner.map(lambda e: f"`t${{{e}}}`"),
        inner.map(lambda e: f"[{e}, ...[{e}]]"),
        inner.map(lambda e: f"({{k: {e}, ...{{a: {e}}}}})"),
        inner.map(lambda e: f"!{e}"),
        inner.map(lambda e: f"typeof {e}"),
        inner.map(lambda e: f"JSON.stringify({e})"),
        inner.map(lambda e: f"Object.keys({e})"),
        inner.map(lambda e: f"_.sortBy({e})"),
        inner.map(lambda e: f"String({e})"),
        inner.map(lambda e: f"(() => {{ try {{ return {e} }} catch (err) {{ return err.message }} }})()"),
        inner.map(lambda e: f"<span className={{{e}}}>{{{e}}}</span>"),
        inner.map(lambda e: f"[1, 2].map(i => <b key={{i}}>{{{e}}}</b>)"),
        inner.map(lambda e: f"<div style={{{{width: {e}}}}} data-x={{{e}}} />"),
    )


expressions = st.recursive(atoms, extend, max_leaves=10)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expr=expressions, data=st.fixed_dictionaries({k: json_values for k in NAMES}))
def test_generated_templates_raise_only_kview_errors(expr: str, data: dict) -> None:
    source = f"const v = {expr};\n<div className=\"fuzz\">{{v}}{{String(v)}}</div>"
    try:
        result = render(source, json.loads(json.dumps(data)), name="fuzz.jsx")
    except KViewError as exc:
        assert exc.line is None or exc.line >= 1
        str(exc)
        exc.code_frame()
        return
    assert result.html.startswith("<div")


@settings(max_examples=150, deadline=None)
@given(data=json_values)
def test_any_data_shape_renders_through_common_templates(data: object) -> None:
    payload = json.loads(json.dumps({"customer": data}))
    templates = [
        "<Segment><BasicRow label=\"Name\" value={_.get(customer, 'name', 'none')} /></Segment>",
        "<div>{Array.isArray(customer) ? customer.map((c, i) => <p key={i}>{JSON.stringify(c)}</p>) : String(customer)}</div>",
        "<div>{customer?.custom?.tierStr ?? 'no tier'} {`${customer}`}</div>",
    ]
    for t in templates:
        try:
            html = render(t, payload, name="shape.jsx").html
        except KViewError as exc:  # allowed: a located kview error, never anything else
            assert exc.file == "shape.jsx"
            continue
        assert html.startswith("<")
