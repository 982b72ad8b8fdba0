"""JSX through kview and through Babel + React 19 renderToStaticMarkup: the same normalized HTML."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lhtml

from renderer import KViewError, render
from tests.html.jsx_cases import TEMPLATES
from tests.support.jsoracle import node_render_many

_node: dict[int, dict] = {}


def normalize(markup: str) -> str:
    """Canonical form: parse as HTML and serialise (unifies quoting, escaping, minimised attrs)."""
    frags = lhtml.fragments_fromstring(f"<div>{markup}</div>")
    root = frags[0]
    for el in root.iter():
        if isinstance(el.tag, str):
            for k in list(el.attrib):
                if el.attrib[k] == k:  # boolean attribute written as disabled="disabled"
                    el.attrib[k] = ""
    return etree.tostring(root, method="c14n").decode()


@pytest.fixture(scope="module")
def react_html() -> dict[int, dict]:
    if not _node:
        results = node_render_many(TEMPLATES)
        _node.update(dict(enumerate(results)))
    return _node


def test_enough_templates() -> None:
    assert len(TEMPLATES) >= 60


@pytest.mark.parametrize("index", range(len(TEMPLATES)), ids=[t[:50] for t, _ in TEMPLATES])
def test_same_html_as_react(index: int, react_html: dict[int, dict]) -> None:
    source, data = TEMPLATES[index]
    expected = react_html[index]
    if "throw" in expected:
        with pytest.raises(KViewError):
            render(source, data, name="case.jsx")
        return
    actual = render(source, data, name="case.jsx").html
    assert normalize(actual) == normalize(expected["html"]), f"\nkview: {actual}\nreact: {expected['html']}"
