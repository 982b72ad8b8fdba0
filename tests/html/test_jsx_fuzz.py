"""Generated JSX trees (random tags, attributes, children) render like React 19 in Node.

Seeded, so failures reproduce; compared with test_html's normaliser, which only evens out
serializer spelling (quotes, minimised booleans, libxml2's URL escaping).
"""

from __future__ import annotations

import os
import random

import pytest

from renderer import KViewError, render
from tests.support.html_normalise import normalise, without_react_script_urls
from tests.support.jsoracle import node_render_many

TAGS = ["div", "span", "p", "b", "ul", "li", "a", "img", "input", "button", "label", "table", "svg", "section",
        "h4", "br", "textarea", "select", "option", "em"]
VOID = {"img", "input", "br"}
ATTRS = [
    ("className", ["'x'", "'a b'", "null", "undefined", "''", "1", "true"]),
    ("id", ["'i'", "0", "NaN"]),
    ("style", ["{color: 'red', fontSize: 12}", "{}", "{lineHeight: 2, margin: '0 auto', zIndex: 0}",
               "{width: null}", "{WebkitBoxFlex: 1}"]),
    ("title", ["'<t>'", "'a\"b'", "1.5", "false"]),
    ("href", ["'https://x.y/?a=1&b=2'", "'javascript:alert(1)'", "'/p'"]),
    ("disabled", ["true", "false", "''", "'x'"]),
    ("data-x", ["true", "false", "1", "'s'", "null"]),
    ("aria-label", ["'l'", "true"]),
    ("tabIndex", ["0", "-1", "'2'"]),
    ("hidden", ["true", "false"]),
    ("value", ["'v'", "1", "null"]),
    ("checked", ["true", "false"]),
    ("onClick", ["() => 1"]),
    ("htmlFor", ["'f'"]),
    ("draggable", ["true", "'false'"]),
    ("rowSpan", ["2"]),
    ("src", ["'a.png'", "''"]),
    ("alt", ["''", "'pic'"]),
    ("readOnly", ["true"]),
    ("maxLength", ["3"]),
    ("spellCheck", ["false", "true"]),
    ("key", ["'k'", "1"]),
]
CHILDREN = ["'text'", "'<b>'", "0", "1.5", "NaN", "-0", "null", "undefined", "true", "false", "''", "[1, 'a']",
            "[[], [null, 'z']]", "'&amp;'", "' spaced  '", "'😀'"]
TEXTS = ["hello", " lots   of   space ", "a &lt; b", "x\n   y"]


def element(rng: random.Random, depth: int = 0) -> str:
    tag = rng.choice(TAGS)
    attrs = " ".join(f"{n}={{{rng.choice(v)}}}" for n, v in rng.sample(ATTRS, rng.randint(0, 3)))
    if tag in VOID or tag == "textarea" or depth > 3:
        return f"<{tag} {attrs} />"
    kids = []
    for _ in range(rng.randint(0, 3)):
        r = rng.random()
        if r < 0.4:
            kids.append(element(rng, depth + 1))
        elif r < 0.8:
            kids.append("{" + rng.choice(CHILDREN) + "}")
        else:
            kids.append(rng.choice(TEXTS))
    return f"<{tag} {attrs}>{''.join(kids)}</{tag}>"


SEED = int(os.environ.get("KVIEW_FUZZ_SEED", "20261125"))
COUNT = int(os.environ.get("KVIEW_FUZZ_CASES", "300"))


@pytest.fixture(scope="module")
def cases() -> list[tuple[str, dict]]:
    rng = random.Random(SEED)
    sources = [(element(rng), {}) for _ in range(COUNT)]
    return [(s, r) for (s, _), r in zip(sources, node_render_many(sources))]


def test_generated_jsx_renders_like_react(cases: list[tuple[str, dict]]) -> None:
    mismatches = []
    for source, expected in cases:
        try:
            actual: dict = {"html": render(source, {}, name="fuzz.jsx").html}
        except KViewError as exc:
            actual = {"throw": str(exc)}
        if "throw" in expected or "throw" in actual:
            same = ("throw" in expected) == ("throw" in actual)
        else:
            same = normalise(actual["html"]) == without_react_script_urls(normalise(expected["html"]))
        if not same:
            mismatches.append((source, expected, actual))
    assert not mismatches, "\n".join(f"{s}\n  react: {e}\n  kview: {a}" for s, e, a in mismatches[:5])
