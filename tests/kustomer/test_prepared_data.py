"""``prepare_data``: data converted once renders exactly like the dict it came from."""

from __future__ import annotations

import pytest

from renderer import MockDataError, PreparedData, prepare_data, render

DATA = {"title": "Caf\u00e9 \U0001f600", "n": 3, "items": [{"id": 1, "tags": ["a", "b"]}], "ok": True}


def test_same_html_as_a_dict() -> None:
    src = "<p>{title} {title.length} {n} {items[0].tags.join('+')} {String(ok)}</p>"
    prepared = prepare_data(DATA)
    assert isinstance(prepared, PreparedData)
    assert render(src, prepared).html == render(src, DATA).html


def test_each_render_gets_its_own_copy() -> None:
    # A template mutating its data must not change what the next render sees.
    src = "items[0].tags.push('c'); items.push({tags: []}); <p>{items.length} {items[0].tags.join()}</p>"
    prepared = prepare_data(DATA)
    first = render(src, prepared).html
    assert render(src, prepared).html == first == "<p>2 a,b,c</p>"


def test_bad_data_fails_when_prepared() -> None:
    with pytest.raises(MockDataError, match=r"\$\.items\[0\]\.when: cannot use a Python object"):
        prepare_data({"items": [{"when": object()}]})
