"""Intl.RelativeTimeFormat, Intl.PluralRules and Intl.ListFormat against Node, per locale.

Every locale kview has data for (``intl_data.LOCALES``: the languages and the regions ICU
knows) is run through the same systematic grid of values, units and options in Node
(tests/support/jsoracle.py) and in kview; each case's completion value must be identical.
Errors compare name and V8's message. Locales kview does not cover are checked for their
visible fallback (a render warning), not against Node.
"""

from __future__ import annotations

import json

import pytest

from renderer import render
from renderer.js.builtins.intl_data import LOCALES
from tests.support.jsoracle import node_results as oracle_results
from tests.support.jsoracle import tagged_equal
from tests.support.kview_encode import kview_eval_result

TAGS = sorted(LOCALES)
UNITS = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"]
# Integers around every plural boundary, fractions that round (half to even in
# RelativeTimeFormat, half up in PluralRules), -0, and numbers large enough to group.
VALUES = [0, -0.0, 1, -1, 2, -2, 3, -3, 5, 11, 21, -21, 100, 1001, 12345, -1234567.891,
          1000000, 2000000, 1.5, -1.5, 0.5, 2.5, 0.0625, 2.0625, 0.0025, 1.0005, 0.995, -1.004,
          2.004, 0.004, -0.004, 1e21]


def _js(v: object) -> str:
    if v == 0 and str(v).startswith("-"):
        return "-0"
    return json.dumps(v)


_VALUES_JS = "[" + ", ".join(_js(v) for v in VALUES) + "]"


def _rtf_cases() -> list[str]:
    out = []
    for tag in TAGS:
        for style in ("long", "short", "narrow"):
            for numeric in ("always", "auto"):
                out.append(
                    f"const f = new Intl.RelativeTimeFormat({tag!r}, {{style: {style!r}, "
                    f"numeric: {numeric!r}}}); "
                    f"{json.dumps(UNITS)}.flatMap(u => {_VALUES_JS}.map(v => f.format(v, u)))"
                )
    for tag in TAGS:
        out.append(  # plural unit names, formatToParts and resolvedOptions
            f"const f = new Intl.RelativeTimeFormat({tag!r}, {{numeric: 'auto'}}); "
            f"[f.resolvedOptions(), {json.dumps([u + 's' for u in UNITS])}.map(u => "
            f"[f.formatToParts(-1, u), f.formatToParts(-1234.5678, u), f.formatToParts(2.5, u)])]"
        )
    return out


def _plural_cases() -> list[str]:
    numbers = "Array.from({length: 130}, (_, i) => i).concat([1000000, 2000000, 1e7, 0.5, 1.5, " \
              "1.0, 1.25, 2.75, 0.001, 1.0005, 1.00001, -1, -2, 101, 111, 1011, 800, 80, 8])"
    out = []
    for tag in TAGS:
        for options in ("{}", "{type: 'ordinal'}", "{minimumFractionDigits: 1}",
                        "{maximumFractionDigits: 0}", "{maximumSignificantDigits: 2}",
                        "{minimumFractionDigits: 2, maximumFractionDigits: 3}"):
            out.append(
                f"const p = new Intl.PluralRules({tag!r}, {options}); "
                f"[p.resolvedOptions(), {numbers}.map(n => p.select(n))]"
            )
        out.append(
            f"const p = new Intl.PluralRules({tag!r}); const q = new Intl.PluralRules({tag!r}, "
            "{type: 'ordinal'}); const ns = [0, 1, 2, 3, 5, 1.5, 1000000]; "
            "ns.flatMap(a => ns.map(b => [p.selectRange(a, b), q.selectRange(a, b)]))"
        )
    return out


_LISTS = ("[[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd'], "
          "['1', '2', '3', '4', '5', '6'], ['pan', 'hielo'], ['pan', 'hiedra'], "
          "['pan', 'Iglesia'], ['pan', 'hia'], ['a', 'b', 'historia'], ['a', 'otro'], "
          "['a', 'Hola'], ['a', '8'], ['a', '11'], ['a', '11 gatos'], ['a', '111'], "
          "['a', 'b', 'ocho']]")


def _list_cases() -> list[str]:
    out = []
    for tag in TAGS:
        for type_ in ("conjunction", "disjunction", "unit"):
            for style in ("long", "short", "narrow"):
                out.append(
                    f"const f = new Intl.ListFormat({tag!r}, {{type: {type_!r}, style: {style!r}}}); "
                    f"[f.resolvedOptions(), {_LISTS}.map(l => [f.format(l), f.formatToParts(l)]), "
                    "f.format(new Set(['x', 'y', 'z'])), f.format('ab')]"
                )
    return out


_ERRORS = [
    "Intl.RelativeTimeFormat()",
    "Intl.PluralRules('en')",
    "Intl.ListFormat()",
    "new Intl.RelativeTimeFormat('en').format(1, 'decade')",
    "new Intl.RelativeTimeFormat('en').format(1, 'Day')",
    "new Intl.RelativeTimeFormat('en').format(1)",
    "new Intl.RelativeTimeFormat('en').format(NaN, 'day')",
    "new Intl.RelativeTimeFormat('en').format(Infinity, 'day')",
    "new Intl.RelativeTimeFormat('en').format('x', 'day')",
    "new Intl.RelativeTimeFormat('en').format('2', 'days')",
    "new Intl.RelativeTimeFormat('en', {style: 'tiny'})",
    "new Intl.RelativeTimeFormat('en', {numeric: 'never'})",
    "new Intl.RelativeTimeFormat('en', {localeMatcher: 'x'})",
    "new Intl.RelativeTimeFormat('en', null)",
    "new Intl.RelativeTimeFormat('en', 'x').resolvedOptions()",
    "new Intl.RelativeTimeFormat('en_US')",
    "new Intl.RelativeTimeFormat(5)",
    "const f = new Intl.RelativeTimeFormat(); f.format.call({}, 1, 'day')",
    "new Intl.PluralRules('en', {type: 'x'})",
    "new Intl.PluralRules('en', null)",
    "new Intl.PluralRules('en', {maximumFractionDigits: 500})",
    "new Intl.PluralRules('en', {minimumFractionDigits: 3, maximumFractionDigits: 1})",
    "new Intl.PluralRules('en').selectRange(NaN, 1)",
    "new Intl.PluralRules('en').selectRange(1)",
    "new Intl.PluralRules('en').selectRange()",
    "[new Intl.PluralRules('en').select(), new Intl.PluralRules('en').select(NaN), "
    "new Intl.PluralRules('en').select('1'), new Intl.PluralRules('en').select(-Infinity)]",
    "const p = new Intl.PluralRules(); p.select.call([], 1)",
    "new Intl.ListFormat('en', {type: 'x'})",
    "new Intl.ListFormat('en', {style: 'x'})",
    "new Intl.ListFormat('en', null)",
    "new Intl.ListFormat('en', 'x')",
    "new Intl.ListFormat('en').format(null)",
    "new Intl.ListFormat('en').format(5)",
    "new Intl.ListFormat('en').format(true)",
    "new Intl.ListFormat('en').format(['a', 1])",
    "new Intl.ListFormat('en').format([null])",
    "new Intl.ListFormat('en').format([undefined])",
    "new Intl.ListFormat('en').format([{}])",
    "new Intl.ListFormat('en').format([['a']])",
    "[new Intl.ListFormat('en').format(), new Intl.ListFormat('en').formatToParts()]",
    "const f = new Intl.ListFormat(); f.format.call(1, [])",
    "[Intl.RelativeTimeFormat.length, Intl.PluralRules.length, Intl.ListFormat.length]",
    "[new Intl.RelativeTimeFormat() instanceof Intl.RelativeTimeFormat, "
    "Object.prototype.toString.call(new Intl.ListFormat()), "
    "String(new Intl.PluralRules())]",
    "[Intl.RelativeTimeFormat.supportedLocalesOf(['en-US', 'fr-CA', 'de-XX']), "
    "Intl.PluralRules.supportedLocalesOf('pt-BR'), Intl.ListFormat.supportedLocalesOf([])]",
    "[new Intl.RelativeTimeFormat().resolvedOptions().locale, "
    "new Intl.RelativeTimeFormat(['ja-JP', 'en']).resolvedOptions().locale, "
    "new Intl.PluralRules('de-XX').resolvedOptions().locale, "
    "new Intl.ListFormat('pt-Latn-BR').resolvedOptions().locale, "
    "new Intl.ListFormat('EN-gb').resolvedOptions().locale]",
]

CASES = (
    [("rtf", c) for c in _rtf_cases()]
    + [("plural", c) for c in _plural_cases()]
    + [("list", c) for c in _list_cases()]
    + [("errors", c) for c in _ERRORS]
)


@pytest.fixture(scope="module")
def node_results() -> dict[str, dict]:
    return oracle_results(c for _, c in CASES)


def test_every_language_and_many_cases() -> None:
    assert {t.split("-")[0] for t in TAGS} >= {"en", "fr", "es", "de", "pt", "it", "nl", "ja"}
    assert len(CASES) >= 700


@pytest.mark.parametrize(("group", "case"), CASES, ids=[f"{g}:{c[:90]}" for g, c in CASES])
def test_same_as_node(group: str, case: str, node_results: dict[str, dict]) -> None:
    expected = node_results[case]
    actual = kview_eval_result(case)
    if "throw" in expected:
        assert "throw" in actual, f"Node threw {expected['throw']}, kview gave {actual}"
        assert (actual["throw"]["name"], actual["throw"]["message"]) == (
            expected["throw"]["name"], expected["throw"]["message"])
        return
    assert "ok" in actual, f"kview threw {actual['throw']}, Node gave {expected['ok']}"
    assert tagged_equal(actual["ok"], expected["ok"]), (
        f"kview {actual['ok']!r}\n!= node {expected['ok']!r}")


# ---------------------------------------------------------------- visible fallback

_FALLBACK_TEMPLATE = """
const rtf = new Intl.RelativeTimeFormat('ko', {numeric: 'auto'});
const lf = new Intl.ListFormat('zh-Hant-TW');
const pr = new Intl.PluralRules('ru');
<div>{rtf.format(-1, 'day')}|{lf.format(['a', 'b'])}|{pr.select(3)}|{rtf.resolvedOptions().locale}</div>
"""


def test_unsupported_locales_fall_back_to_en_us_with_a_warning() -> None:
    result = render(_FALLBACK_TEMPLATE)
    assert result.html == "<div>yesterday|a and b|other|en-US</div>"
    messages = [w.message for w in result.warnings if w.kind == "unsupported-locale"]
    assert messages == [
        "Intl.RelativeTimeFormat: locale 'ko' is not covered by kview "
        "(de, en, es, fr, it, ja, nl, pt); formatted as 'en-US'",
        "Intl.ListFormat: locale 'zh-Hant-TW' is not covered by kview "
        "(de, en, es, fr, it, ja, nl, pt); formatted as 'en-US'",
        "Intl.PluralRules: locale 'ru' is not covered by kview "
        "(de, en, es, fr, it, ja, nl, pt); formatted as 'en-US'",
    ]


def test_covered_locales_do_not_warn() -> None:
    result = render("<div>{new Intl.RelativeTimeFormat('pt-BR').format(2, 'days')}"
                    "{new Intl.ListFormat('de-XX').format(['a', 'b'])}</div>")
    assert result.html == "<div>em 2 diasa und b</div>"
    assert not [w for w in result.warnings if w.kind == "unsupported-locale"]
