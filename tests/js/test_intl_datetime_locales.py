"""Dates in the locales formatted from ICU's patterns (datetimepatterns.py), against Node.

For every locale of ``datetime_data.LOCALES`` but en-US, which datetimeformat.py writes by hand
(so en-GB, de, fr, es, pt, it, nl, ja and the regions ICU knows of them), every combination of the date options
(weekday, year, month, day: 216), of the time options (hour, minute, second with hour12
default/true/false: 45), date + time combinations, dateStyle × timeStyle and the
``toLocale*String`` methods must give what Node gives. Uncovered locales and options fall back to
en-US with a render warning.
"""

from __future__ import annotations

import pytest

from renderer import render
from renderer.js.builtins.datetime_data import LOCALES
from renderer.js.builtins.datetimepatterns import is_by_hand, pattern_locale
from tests.support.jsoracle import node_results as oracle_results
from tests.support.jsoracle import tagged_equal
from tests.support.kview_encode import kview_eval_result

TAGS = sorted(t for t in LOCALES if not is_by_hand(pattern_locale(t) or "en-US"))

# Dates: a Tuesday morning with one-digit fields, a Saturday afternoon with two-digit ones,
# midnight and noon (hour cycles), and a year < 1000.
_DATES = ("[Date.UTC(2024, 2, 5, 4, 6, 7, 89), Date.UTC(2023, 11, 30, 16, 45, 59), "
          "Date.UTC(2024, 0, 1, 0, 0, 0), Date.UTC(2024, 6, 14, 12, 30), Date.UTC(987, 8, 9, 23, 1)]")
_PRELUDE = f"""
const dates = {_DATES};
const W = [undefined, 'narrow', 'short', 'long'], N = [undefined, 'numeric', '2-digit'];
const M = [undefined, 'numeric', '2-digit', 'narrow', 'short', 'long'];
const dateOpts = [];
for (const weekday of W) for (const year of N) for (const month of M) for (const day of N)
  if (weekday || year || month || day) dateOpts.push({{weekday, year, month, day}});
const timeOpts = [];
for (const hour of N) for (const minute of N) for (const second of N)
  for (const hour12 of hour ? [undefined, true, false] : [undefined])
    if (hour || minute || second) timeOpts.push({{hour, minute, second, hour12}});
const fmt = (tag, o) => {{
  const f = new Intl.DateTimeFormat(tag, {{timeZone: 'UTC', ...o}});
  return dates.map(d => f.format(d));
}};
"""


def _cases(tag: str) -> list[tuple[str, str]]:
    t = repr(tag)
    return [
        (f"{tag}:date", _PRELUDE + f"dateOpts.map(o => fmt({t}, o))"),
        (f"{tag}:time", _PRELUDE + f"timeOpts.map(o => fmt({t}, o))"),
        (f"{tag}:date+time", _PRELUDE + (
            f"dateOpts.flatMap((o, i) => [fmt({t}, {{...o, ...timeOpts[i % timeOpts.length]}}), "
            f"fmt({t}, {{...o, hour: 'numeric', minute: '2-digit'}})])")),
        (f"{tag}:weekday+time", _PRELUDE + (
            f"['narrow', 'short', 'long'].flatMap(weekday => timeOpts.map(o => "
            f"fmt({t}, {{weekday, ...o}})))")),
        (f"{tag}:styles", _PRELUDE + (
            "const S = [undefined, 'full', 'long', 'medium', 'short']; "
            f"S.flatMap(dateStyle => S.filter(timeStyle => dateStyle || timeStyle)"
            f".map(timeStyle => fmt({t}, {{dateStyle, timeStyle}})))")),
        (f"{tag}:toLocale", _PRELUDE + (
            "dates.map(t => { const d = new Date(t); return ["
            f"d.toLocaleString({t}), d.toLocaleDateString({t}), d.toLocaleTimeString({t}), "
            f"d.toLocaleDateString({t}, {{month: 'long', day: 'numeric', year: 'numeric'}}), "
            f"d.toLocaleTimeString({t}, {{hour: '2-digit', minute: '2-digit'}}), "
            f"d.toLocaleString({t}, {{dateStyle: 'medium', timeStyle: 'short'}}), "
            f"d.toLocaleTimeString({t}, {{hourCycle: 'h23'}}), "
            f"d.toLocaleTimeString({t}, {{hourCycle: 'h12'}})] }})")),
        (f"{tag}:parts+resolved", _PRELUDE + (
            f"[new Intl.DateTimeFormat({t}, {{dateStyle: 'full', timeStyle: 'long', "
            f"timeZone: 'UTC'}}).formatToParts(dates[1]), "
            f"new Intl.DateTimeFormat({t}, {{weekday: 'short', day: 'numeric', month: 'short', "
            f"hour: 'numeric', timeZone: 'UTC'}}).formatToParts(dates[0]), "
            f"[undefined, true, false].map(hour12 => new Intl.DateTimeFormat({t}, "
            f"{{hour: 'numeric', hour12, timeZone: 'UTC'}}).resolvedOptions())]")),
    ]


CASES = [c for tag in TAGS for c in _cases(tag)]


@pytest.fixture(scope="module")
def node_results() -> dict[str, dict]:
    return oracle_results(c for _, c in CASES)


def test_covered_locales() -> None:
    langs = {t.split("-")[0] for t in TAGS}
    assert langs == {"en", "fr", "es", "de", "pt", "it", "nl", "ja"}
    assert {"pt", "pt-BR", "pt-PT", "it", "nl", "ja", "fr-CA", "es-MX", "en-CA"} <= set(TAGS)


def _first_difference(a: list, b: list) -> str:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"item {i}: kview {x!r} != node {y!r}"
    return f"lengths {len(a)} != {len(b)}"


@pytest.mark.parametrize(("name", "case"), CASES, ids=[n for n, _ in CASES])
def test_same_as_node(name: str, case: str, node_results: dict[str, dict]) -> None:
    expected = node_results[case]
    assert "ok" in expected, expected
    actual = kview_eval_result(case)
    assert "ok" in actual, actual
    if not tagged_equal(actual["ok"], expected["ok"]):
        pytest.fail(_first_difference(actual["ok"], expected["ok"]))


# ---------------------------------------------------------------- visible fallback

def test_uncovered_locale_and_options_fall_back_with_a_warning() -> None:
    result = render(
        "const d = new Date(Date.UTC(2024, 2, 5, 16, 6));\n"
        "<div>{d.toLocaleDateString('ko-KR', {timeZone: 'UTC'})}|"
        "{d.toLocaleTimeString('ja', {timeZone: 'UTC', fractionalSecondDigits: 2})}|"
        "{d.toLocaleString('ja', {timeZone: 'Asia/Tokyo', timeStyle: 'full'})}|"
        "{d.toLocaleDateString('ja', {timeZone: 'UTC'})}</div>"
    )
    assert result.html == (
        "<div>3/5/2024|00|1時06分00秒 Japan Standard Time|2024/3/5</div>")
    assert [w.message for w in result.warnings if w.kind == "unsupported-locale"] == [
        "Date.prototype.toLocaleDateString: locale 'ko-KR' is not covered by kview "
        "(de, en, es, fr, it, ja, nl, pt); formatted as 'en-US'",
        "Date.prototype.toLocaleTimeString: option fractionalSecondDigits is not covered by "
        "kview for locale 'ja'; formatted as 'en-US'",
        "Date.prototype.toLocaleString: the name of time zone Asia/Tokyo in locale 'ja' is "
        "not covered by kview; shown as in 'en-US'",
    ]
