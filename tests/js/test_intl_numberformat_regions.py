"""Intl.NumberFormat region by region, against Node: every covered locale (docs/locales.md)
groups, separates and places the percent sign and the currency as ICU does for that region;
a language kview does not cover falls back to en-US with a warning."""

from __future__ import annotations

import json

import pytest

from renderer import evaluate, render
from renderer.js.builtins.numberformat import _REGION_NUMBERS
from tests.support.jsoracle import node_results as oracle_results

NUMBERS = [1234567.891, -1234.5, 1234, 0.5, 12]
OPTIONS = [
    {},
    {"maximumFractionDigits": 0},
    {"minimumFractionDigits": 2},
    {"style": "percent"},
    {"style": "percent", "minimumFractionDigits": 1},
    {"style": "currency", "currency": "USD", "currencyDisplay": "narrowSymbol"},
    {"style": "currency", "currency": "EUR", "currencyDisplay": "code"},
]


def _case(tag: str, options: dict) -> str:
    values = json.dumps(NUMBERS)
    return f"{values}.map(v => new Intl.NumberFormat({json.dumps(tag)}, {json.dumps(options)}).format(v)).join(' | ')"


CASES = [(tag, o) for tag in sorted(_REGION_NUMBERS) for o in OPTIONS]


@pytest.fixture(scope="module")
def node() -> dict[str, dict]:
    return oracle_results(_case(t, o) for t, o in CASES)


@pytest.mark.parametrize(("tag", "options"), CASES, ids=[f"{t}-{i % len(OPTIONS)}" for i, (t, _) in enumerate(CASES)])
def test_region_formats_as_node(node: dict[str, dict], tag: str, options: dict) -> None:
    source = _case(tag, options)
    assert evaluate(source) == node[source]["ok"], (tag, options)


def test_an_uncovered_language_falls_back_visibly() -> None:
    result = render("<p>{new Intl.NumberFormat('ko-KR').format(1234.5)}</p>", {})
    assert result.html == "<p>1,234.5</p>"
    assert [w.kind for w in result.warnings] == ["unsupported-locale"]
    assert "Intl.NumberFormat: locale 'ko-KR' is not covered by kview" in result.warnings[0].message
