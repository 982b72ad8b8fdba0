"""Dark-mode hazards: colours written into a template instead of the theme's variables.

Kustomer's components follow the agent's light or dark theme; a template that writes
``color: "#333"`` in a ``style`` prop or a ``<style>`` block stays dark on dark. What counts as
a colour: hex (``#abc``), ``rgb()``/``rgba()``/``hsl()``/``hsla()`` (unless built on a
``var(--…-rgb)``) and CSS named colours in colour-taking properties. ``transparent``,
``currentColor`` and ``inherit`` follow the theme and are fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from renderer.js.analysis import child_nodes

NAMED = frozenset("""
aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid
darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet
deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow
lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine
mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen
mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace
olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred
papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue
saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey
snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
yellowgreen""".split())
COLOUR_PROPS = re.compile(r"(color|background|border|outline|fill|stroke|shadow|caret|decoration)", re.I)
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
FUNC = re.compile(r"\b(rgba?|hsla?)\(([^)]*)\)", re.I)
WORD = re.compile(r"[A-Za-z]+")
CSS_DECL = re.compile(r"([A-Za-z-]+)\s*:\s*([^;{}]+)")


def colour_in(prop: str, value: str) -> str | None:
    """The first hard-coded colour in a CSS declaration's value, or ``None``."""
    if not COLOUR_PROPS.search(prop):
        return None
    m = HEX.search(value)
    if m:
        return m.group(0)
    for f in FUNC.finditer(value):
        if "var(" not in f.group(2):
            return f.group(0)
    for w in WORD.finditer(re.sub(r"var\([^)]*\)|url\([^)]*\)", "", value)):
        if w.group(0).lower() in NAMED:
            return w.group(0)
    return None


def hazards(tree: Any) -> Iterator[tuple[int, int, str, str]]:
    """``(line, column, property, colour)`` of each hard-coded colour (1-based line, 0-based
    column), in ``style={{…}}`` props and ``<style>`` blocks of a parsed template."""
    stack = [tree]
    while stack:
        node = stack.pop()
        t = getattr(node, "type", None)
        if t == "JSXAttribute" and getattr(node.name, "name", None) == "style" and node.value is not None:
            expr = getattr(node.value, "expression", None)
            if getattr(expr, "type", None) == "ObjectExpression":
                yield from _object_hazards(expr)
        elif t == "JSXElement" and getattr(node.openingElement.name, "name", None) == "style":
            for child in node.children:
                yield from _css_hazards(child)
        stack.extend(reversed(list(child_nodes(node))))


def _object_hazards(obj: Any) -> Iterator[tuple[int, int, str, str]]:
    for prop in obj.properties:
        key = getattr(prop, "key", None)
        name = getattr(key, "name", None) or getattr(key, "value", None)
        value = getattr(prop, "value", None)
        text = _static_text(value)
        if isinstance(name, str) and text is not None and value is not None:
            colour = colour_in(name, text)
            if colour:
                yield value.loc.start.line, value.loc.start.column, name, colour


def _css_hazards(child: Any) -> Iterator[tuple[int, int, str, str]]:
    node = getattr(child, "expression", child)
    text = _static_text(node)
    if text is None:
        if getattr(node, "type", None) == "TemplateLiteral":  # `${…}` parts: look at the fixed text
            text = "".join(q.value.cooked or "" for q in node.quasis)
        else:
            return
    base_line, base_col = node.loc.start.line, node.loc.start.column + 1
    for m in CSS_DECL.finditer(text):
        colour = colour_in(m.group(1), m.group(2))
        if colour:
            before = text[: m.start()]
            line = base_line + before.count("\n")
            col = (m.start() - before.rfind("\n") - 1) if "\n" in before else base_col + m.start()
            yield line, col, m.group(1), colour


def _static_text(node: Any) -> str | None:
    t = getattr(node, "type", None)
    if t == "Literal" and isinstance(node.value, str):
        return str(node.value)
    if t == "JSXText":
        return str(node.value)
    if t == "TemplateLiteral" and not node.expressions:
        return str(node.quasis[0].value.cooked or "")
    return None
